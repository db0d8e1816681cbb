"""`immunity coverage` and `immunity docs`: registered on the `immunity` app by engine.cli.

Both run the Gherkin scenarios once, from the source checkout, and read back which law each
one exercised. `coverage` prints the table of articles; `docs` writes the scenarios, their
results and that table as pages a lawyer can read and print. Only typer is imported here at
the top: everything else loads when one of these commands runs, so the CLI starts as fast.
"""

import typer

FeaturesOpt = typer.Option(
    [], "--features", metavar="DIR",
    help="Also run the feature files in DIR (repeatable; the scenario module must accept --features).")
EXIT_CODES = ("Exit codes: 0 every scenario passed; 1 a scenario failed, a test outside the scenarios "
              "failed, or a tag names no article the rules encode (all listed); 2 no source checkout, "
              "a bad option, or the scenarios could not be collected.")


def register(app: typer.Typer) -> None:
    """Add this module's commands to `app`."""
    app.command("coverage", help=_help(coverage_command.__doc__, EXIT_CODES))(coverage_command)
    app.command("docs", help=_help(docs_command.__doc__, EXIT_CODES + " The pages are written even when "
                                   "scenarios fail."))(docs_command)


def _help(docstring: str, *more: str) -> str:
    """A docstring's paragraphs, each on one line (typer keeps its line breaks), then `more`."""
    paragraphs = [" ".join(line.strip() for line in p.splitlines()) for p in docstring.strip().split("\n\n")]
    return "\n\n".join([*paragraphs, *more])


def coverage_command(as_json: bool = typer.Option(False, "--json", metavar="", help="Print the coverage as JSON."),
                     features: list[str] = FeaturesOpt) -> None:
    """Which articles the Gherkin scenarios exercise, and the rules no scenario fires.

    A scenario exercises an article when a rule citing it fired in one of its evaluations;
    it checks the article when a Then-step checked an answer citing it. The table gives
    the number of each; `immunity docs` and --json name the scenarios."""
    report, found = _run(features)
    if as_json:
        from engine.evaluation import engine_version
        from engine.outputs import Coverage, emit

        typer.echo(emit(Coverage(engine=engine_version(), scenarios=len(report.scenarios),
                                 other_failures=report.other_failures, coverage=found.to_dict())))
    else:
        typer.echo(coverage_text(report, found))
    raise typer.Exit(1 if problems(report, found) else 0)


def docs_command(out: str = typer.Option(..., "--out", metavar="DIR", help="Directory to write the pages in."),
                 features: list[str] = FeaturesOpt) -> None:
    """Write the living documentation: DIR/index.html, DIR/index.md and DIR/timeline.svg.

    Every feature with its opening paragraph, every scenario in its Gherkin words with its
    result, the articles each Then-step checks, the coverage by article, and the timeline of
    the Kim case. The HTML page is self-contained and prints well."""
    from pathlib import Path

    target = Path(out)
    if target.exists() and not target.is_dir():
        _fail(f"--out {out}: not a directory")
    report, found = _run(features)
    target.mkdir(parents=True, exist_ok=True)
    picture_problem = draw_timeline(target / "timeline.svg")
    _write(target / "index.html", html_page(report, found, picture_problem))
    _write(target / "index.md", markdown_page(report, found, picture_problem))
    typer.echo(f"wrote {target / 'index.html'}, {target / 'index.md'}"
               + ("" if picture_problem else f", {target / 'timeline.svg'}"))
    typer.echo(summary(report, found))
    trouble = problems(report, found) + ([f"timeline picture: {picture_problem}"] if picture_problem else [])
    for line in trouble:
        typer.echo(f"immunity: {line}", err=True)
    raise typer.Exit(1 if trouble else 0)


# ---------------------------------------------------------------------------------------
# Running the scenarios, and what counts as a problem.
# ---------------------------------------------------------------------------------------

def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"immunity: {message}", err=True)
    raise typer.Exit(code)


def _run(features: list[str]):
    from pathlib import Path

    from engine.coverage import coverage
    from engine.scenario_run import ScenarioRunError, run_scenarios

    try:
        report = run_scenarios([Path(d) for d in features])
    except ScenarioRunError as exc:
        _fail(exc.message, exc.exit_code)
    return report, coverage(report)


def problems(report, found) -> list[str]:
    """What should make CI fail: failed scenarios, failed tests beside them, tags in error."""
    lines = [f"scenario failed: {ref.scenario} ({ref.feature})" for ref in found.failed_scenarios]
    lines += [f"test failed: {f['test']}: {f['error']}" for f in report.other_failures]
    return lines + [f"tag error: {error}" for error in found.tag_errors]


def summary(report, found) -> str:
    exercised = sum(1 for a in found.articles if a.exercised_by)
    from rules import RULES

    return (f"{len(report.scenarios)} scenarios ({len(report.scenarios) - len(found.failed_scenarios)} passed, "
            f"{len(found.failed_scenarios)} failed); {exercised} of {len(found.articles)} articles exercised; "
            f"{len(RULES) - len(found.unfired_rules)} of {len(RULES)} rules fired")


def _write(path, text: str) -> None:
    from engine.atomic import write_atomically

    try:
        write_atomically(path, text)
    except OSError as exc:
        _fail(f"--out: cannot write {path}: {exc.strerror or exc}")


def draw_timeline(path) -> str | None:
    """Draw the Kim case's timeline to `path`; say what went wrong instead of failing the pages."""
    try:
        from engine.loading import load_case
        from engine.timeline_picture import save_timeline_picture

        save_timeline_picture(load_case(None).case, path)
    except Exception as exc:  # the pages are still worth having without the picture
        return f"{type(exc).__name__}: {exc}"
    return None


def _rules_by_id() -> dict:
    from rules import RULES

    return {r.id: r for r in RULES}


# ---------------------------------------------------------------------------------------
# The terminal table.
# ---------------------------------------------------------------------------------------

def coverage_text(report, found) -> str:
    import textwrap

    rules = _rules_by_id()
    width = max(len("ARTICLE"), *(len(a.article) for a in found.articles))
    lines = [summary(report, found),
             "SCENARIOS: scenarios in which a rule citing the article fired; CHECKED: those with a Then-step "
             "checking an answer that cites it.", "",
             f"{'ARTICLE':<{width}}  {'LAW':<17}  {'SCENARIOS':>9}  {'CHECKED':>7}  RULES"]
    for a in found.articles:
        lines.append(f"{a.article:<{width}}  {a.law:<17}  {len(a.exercised_by):>9}  {len(a.checked_by):>7}  "
                     f"{len(a.rules)}")
        lines += textwrap.wrap(", ".join(a.rules), width=100, initial_indent="    ", subsequent_indent="    ",
                               break_on_hyphens=False)
    lines += ["", f"Rules no scenario fires ({len(found.unfired_rules)}):"]
    for rule_id in found.unfired_rules:
        rule = rules[rule_id]
        unverified = " (unverified)" if rule.status.value == "unverified" else ""
        lines.append(f"  {rule_id}  [{'; '.join(rule.cites)}]{unverified}")
        lines += textwrap.wrap(rule.says, width=100, initial_indent="      ", subsequent_indent="      ")
    if not found.unfired_rules:
        lines.append("  none: every rule fires in some scenario")
    failed = {s.test: (f, s) for f, s in report.failed}
    if failed:
        lines += ["", f"Scenarios that failed ({len(failed)}):"]
        for feature, scenario in failed.values():
            lines.append(f"  {scenario.title}  ({feature.file}:{scenario.line})")
            for step in scenario.steps:
                if step.status in ("failed", "undefined"):
                    lines.append(f"    {step.keyword} {step.text}")
                    lines += [f"      {line}" for line in (step.error or "").splitlines()[:6]]
            if scenario.error:
                lines += [f"    {line}" for line in scenario.error.splitlines()[:6]]
    for title, items in (("Tests beside the scenarios that failed", [f"{f['test']}: {f['error']}"
                                                                      for f in report.other_failures]),
                         ("Errors in tags", found.tag_errors)):
        if items:
            lines += ["", f"{title} ({len(items)}):"] + [f"  {item}" for item in items]
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------
# The pages. Every text from a feature, a rule or an error goes through `escape`.
# ---------------------------------------------------------------------------------------

PAGE_TITLE = "immunity: the scenarios, as living documentation"
TIMELINE_ALT = ("The Kim case over time: one lane per answer (immunity, inviolability, trial, premises, "
                "waiver), coloured by verdict, with the case file's dated events marked.")
STYLE = """
body { font: 16px/1.5 Georgia, 'Times New Roman', serif; color: #1a1a1a; background: #fff;
       max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; }
h1, h2, h3, th, .meta, .status, nav { font-family: 'Helvetica Neue', Arial, sans-serif; }
h1 { font-size: 1.8rem; } h2 { font-size: 1.35rem; margin-top: 2.5rem; border-bottom: 1px solid #999; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .3rem; }
.meta { color: #555; font-size: .85rem; }
.scenario { border-left: 4px solid #2e7d32; padding: .1rem 0 .3rem .8rem; margin: 1rem 0; }
.scenario.failed { border-left-color: #c62828; background: #fff5f5; }
.status { font-size: .75rem; font-weight: bold; text-transform: uppercase; padding: 0 .35rem;
          border-radius: 3px; color: #fff; background: #2e7d32; vertical-align: middle; }
.status.failed { background: #c62828; } .status.skipped, .status.undefined { background: #777; }
.steps { list-style: none; padding-left: 0; margin: .3rem 0; }
.steps li { margin: .15rem 0; } .keyword { font-weight: bold; }
.step.skipped { color: #777; }
.checks { display: block; margin-left: 2rem; color: #555; font-size: .85rem; }
pre.error { white-space: pre-wrap; background: #fdecea; border: 1px solid #e0b4b4; padding: .4rem;
            font-size: .8rem; margin: .3rem 0 .3rem 2rem; }
figure { margin: 1rem 0; } figure img { width: 100%; height: auto; border: 1px solid #ccc; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; }
th, td { border: 1px solid #bbb; padding: .3rem .4rem; vertical-align: top; text-align: left; }
th { background: #eee; } td ul { margin: 0; padding-left: 1rem; }
td.gap { background: #fff3cd; } code { font-size: .8rem; color: #444; }
a { color: #1a4d8f; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  .scenario, tr, figure { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  nav { display: none; }
}
"""


def _numbers(report) -> dict[str, int]:
    """Scenario numbers (1, 2, ...): how the coverage table refers to scenarios."""
    return {s.test: n for n, s in enumerate(report.scenarios, 1)}


def _status_word(status: str) -> str:
    return {"failed": "failed", "undefined": "no binding", "skipped": "not run"}.get(status, status)


def html_page(report, found, picture_problem: str | None) -> str:
    from html import escape

    numbers = _numbers(report)
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{escape(PAGE_TITLE)}</title><style>{STYLE}</style></head><body>",
           f"<header><h1>{escape(PAGE_TITLE)}</h1>", f'<p class="summary">{escape(summary(report, found))}.</p>',
           "<p>Each scenario below is run against the engine; its result is the engine's answer "
           "today. Under each Then-step are the articles of the answer it checks.</p></header>",
           "<nav><h2>Contents</h2><ol>", '<li><a href="#timeline">The Kim case over time</a></li>']
    for i, feature in enumerate(report.features, 1):
        failed = sum(s.status == "failed" for s in feature.scenarios)
        note = f", {failed} failed" if failed else ""
        out.append(f'<li><a href="#f-{i}">{escape(feature.name)}</a> ({len(feature.scenarios)} scenarios{note})</li>')
    out += ['<li><a href="#coverage">Coverage by article</a></li>',
            '<li><a href="#unfired">Rules no scenario fires</a></li></ol></nav>',
            '<section id="timeline"><h2>The Kim case over time</h2>']
    if picture_problem:
        out.append(f'<p class="meta">The picture could not be drawn: {escape(picture_problem)}</p>')
    else:
        out.append(f'<figure><img src="timeline.svg" alt="{escape(TIMELINE_ALT)}">'
                   f'<figcaption class="meta">{escape(TIMELINE_ALT)} The shipped case file, replayed as '
                   "<code>immunity timeline</code> replays it.</figcaption></figure>")
    out.append("</section>")
    for i, feature in enumerate(report.features, 1):
        out.append(f'<section class="feature" id="f-{i}"><h2>Feature: {escape(feature.name)}</h2>')
        tags = " ".join(f"@{t}" for t in feature.tags)
        out.append(f'<p class="meta">{escape(feature.file)}{escape("  " + tags) if tags else ""}</p>')
        out.append(f"<p>{escape(feature.description)}</p>")
        for scenario in feature.scenarios:
            out += _html_scenario(scenario, numbers[scenario.test], escape)
        out.append("</section>")
    out += _html_coverage(found, numbers, escape)
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _html_scenario(scenario, number: int, escape) -> list[str]:
    out = [f'<article class="scenario {escape(scenario.status)}" id="s-{number}">',
           f'<h3>{number}. {escape(scenario.name)} <span class="status {escape(scenario.status)}">'
           f"{escape(scenario.status)}</span></h3>"]
    if scenario.example:
        row = "; ".join(f"{k} = {v}" for k, v in scenario.example.items())
        out.append(f'<p class="meta">Example: {escape(row)}</p>')
    if scenario.tags:
        out.append(f'<p class="meta">{escape(" ".join("@" + t for t in scenario.tags))}</p>')
    out.append('<ol class="steps">')
    for step in scenario.steps:
        item = f'<li class="step {escape(step.status)}"><span class="keyword">{escape(step.keyword)}</span> '
        item += escape(step.text)
        if step.status != "passed":
            item += f' <span class="status {escape(step.status)}">{escape(_status_word(step.status))}</span>'
        if step.articles:
            item += f'<span class="checks">checks {escape("; ".join(step.articles))}</span>'
        if step.error:
            item += f'<pre class="error">{escape(step.error)}</pre>'
        out.append(item + "</li>")
    out.append("</ol>")
    if scenario.error:
        out.append(f'<pre class="error">{escape(scenario.error)}</pre>')
    return out + ["</article>"]


def _html_coverage(found, numbers: dict[str, int], escape) -> list[str]:
    rules = _rules_by_id()
    out = ['<section id="coverage"><h2>Coverage by article</h2>',
           "<p>For every article the rules encode: its rules, whether the law behind them is verified, "
           "and the scenarios (by number) in which a rule citing it fired. Numbers in bold are the "
           "scenarios with a Then-step that checks an answer citing the article.</p>",
           "<table><thead><tr><th>Article</th><th>Law</th><th>Rules</th><th>Scenarios exercising it</th>"
           "<th>Tagged in</th></tr></thead><tbody>"]
    for a in found.articles:
        checked = {ref.test for ref in a.checked_by}
        links = ", ".join(
            (f'<strong><a href="#s-{numbers[r.test]}">{numbers[r.test]}</a></strong>' if r.test in checked
             else f'<a href="#s-{numbers[r.test]}">{numbers[r.test]}</a>') for r in a.exercised_by)
        tagged = ", ".join(f'<a href="#s-{numbers[r.test]}">{numbers[r.test]}</a>' for r in a.tagged_in)
        rule_items = "".join(f"<li>{escape(rules[r].says)} <code>{escape(r)}</code></li>" for r in a.rules)
        gap = ' class="gap"' if not a.exercised_by else ""
        out.append(f"<tr><td>{escape(a.article)}</td><td>{escape(a.law)}</td><td><ul>{rule_items}</ul></td>"
                   f"<td{gap}>{links or 'none'}</td><td>{tagged or '&mdash;'}</td></tr>")
    out.append("</tbody></table></section>")
    out.append(f'<section id="unfired"><h2>Rules no scenario fires ({len(found.unfired_rules)})</h2>')
    if found.unfired_rules:
        out.append("<table><thead><tr><th>Article</th><th>What the rule says</th><th>Law</th><th>Rule</th>"
                   "</tr></thead><tbody>")
        for rule_id in found.unfired_rules:
            rule = rules[rule_id]
            out.append(f"<tr><td>{escape('; '.join(rule.cites))}</td><td>{escape(rule.says)}</td>"
                       f"<td>{escape(rule.status.value)}</td><td><code>{escape(rule_id)}</code></td></tr>")
        out.append("</tbody></table>")
    else:
        out.append("<p>None: every rule fires in some scenario.</p>")
    out.append("</section>")
    if found.tag_errors:
        out.append('<section id="tag-errors"><h2>Errors in tags</h2><ul>')
        out += [f"<li>{escape(error)}</li>" for error in found.tag_errors]
        out.append("</ul></section>")
    return out


def _md(text: str) -> str:
    """Text safe in Markdown: no stray emphasis, link, HTML or table syntax."""
    return "".join("\\" + ch if ch in "\\`*_[]<>|#" else ch for ch in text)


def markdown_page(report, found, picture_problem: str | None) -> str:
    rules = _rules_by_id()
    numbers = _numbers(report)
    out = [f"# {_md(PAGE_TITLE)}", "", _md(summary(report, found)) + ".", "",
           "Each scenario below is run against the engine. Under each Then-step are the articles of the "
           "answer it checks.", "", "## The Kim case over time", ""]
    out += [f"The picture could not be drawn: {_md(picture_problem)}" if picture_problem
            else f"![{_md(TIMELINE_ALT)}](timeline.svg)", ""]
    for feature in report.features:
        out += [f"## Feature: {_md(feature.name)}", "", f"*{_md(feature.file)}*"
                + (f" {_md(' '.join('@' + t for t in feature.tags))}" if feature.tags else ""), "",
                _md(feature.description), ""]
        for scenario in feature.scenarios:
            out += [f"### {numbers[scenario.test]}. {_md(scenario.name)}: {scenario.status}", ""]
            if scenario.example:
                out += ["Example: " + _md("; ".join(f"{k} = {v}" for k, v in scenario.example.items())), ""]
            for step in scenario.steps:
                mark = "" if step.status == "passed" else f" **{_status_word(step.status)}**"
                out.append(f"- **{_md(step.keyword)}** {_md(step.text)}{mark}")
                if step.articles:
                    out.append(f"  - checks {_md('; '.join(step.articles))}")
                if step.error:
                    out += ["", "  ```text", *(f"  {line}" for line in step.error.splitlines()), "  ```", ""]
            if scenario.error:
                out += ["", "```text", scenario.error, "```"]
            out.append("")
    out += ["## Coverage by article", "",
            "Scenarios (by number) in which a rule citing the article fired; in bold, those with a Then-step "
            "that checks an answer citing it.", "",
            "| Article | Law | Rules | Scenarios exercising it | Tagged in |", "|---|---|---|---|---|"]
    for a in found.articles:
        checked = {ref.test for ref in a.checked_by}
        exercised = ", ".join(f"**{numbers[r.test]}**" if r.test in checked else str(numbers[r.test])
                              for r in a.exercised_by) or "none"
        tagged = ", ".join(str(numbers[r.test]) for r in a.tagged_in) or "-"
        out.append(f"| {_md(a.article)} | {a.law} | {_md('; '.join(a.rules))} | {exercised} | {tagged} |")
    out += ["", f"## Rules no scenario fires ({len(found.unfired_rules)})", ""]
    out += [f"- {_md('; '.join(rules[r].cites))}: {_md(rules[r].says)} (`{r}`, {rules[r].status.value})"
            for r in found.unfired_rules] or ["None: every rule fires in some scenario."]
    if found.tag_errors:
        out += ["", "## Errors in tags", ""] + [f"- {_md(error)}" for error in found.tag_errors]
    return "\n".join(out) + "\n"
