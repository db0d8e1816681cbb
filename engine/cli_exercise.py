"""`immunity exercise`: registered on the `immunity` app by engine.cli.

A drill for students and teachers of international law: the learner predicts what applies,
the engine answers, explains and cites. Only typer is imported at start-up; the engine is
imported when the command runs, so no other command starts slower for it.
"""

import typer


def register(app: typer.Typer) -> None:
    """Add this module's commands to `app`."""
    app.command("exercise")(exercise)


def exercise(
    case: str = typer.Argument(None, metavar="[CASE]", show_default=False,
                               help="A case file, or a shipped case by name (kim, or an invented one "
                                    "from scenarios/cases/, e.g. consular). Default: kim."),
    rounds: int = typer.Option(None, "--rounds", min=1, help="How many exercises (default 5; with --bank, all)."),
    seed: int = typer.Option(None, "--seed", help="The same seed gives the same exercises."),
    level: str = typer.Option("basic", "--level", metavar="basic|advanced",
                              help="basic: definite answers on the case as reported; advanced: chained and "
                                   "open answers, and variants with one fact changed."),
    at_: str = typer.Option(None, "--at", metavar="DATE", help="Ask every exercise about this day, YYYY-MM-DD."),
    bank: str = typer.Option(None, "--bank", metavar="FILE", help="Exercises from a bank (YAML)."),
    answers: str = typer.Option(None, "--answers", metavar="yes,no,depends,...",
                                help="Grade these answers, in order, instead of asking."),
    as_json: bool = typer.Option(False, "--json", metavar="", help="Print the answer key as JSON."),
    html: str = typer.Option(None, "--html", metavar="FILE", help="Write a printable worksheet (HTML)."),
) -> None:
    """Predict, then check: questions on a case, answered and explained by the engine."""
    import random

    from engine import exercise as ex
    from engine.cli import fail

    if level not in ex.LEVELS:
        fail(f"--level: expected basic or advanced, got {level!r}")
    if answers is not None and (as_json or html):
        fail("--answers grades a run; --json and --html print an answer key and a worksheet instead")
    seed_given = seed is not None
    if seed is None:
        seed = random.SystemRandom().randrange(1, 1_000_000)
    title, items = _bank_items(bank, case, at_, seed if seed_given else None) if bank else \
        _generated(case, at_, rounds or 5, seed, level)
    if rounds and bank:
        items = items[:rounds]
    if html:
        _write(html, worksheet(title, items))
        typer.echo(f"saved {html}", err=as_json)
    if as_json:
        typer.echo(ex.answer_key(items))
    if as_json or html:
        return
    try:
        given = ex.parse_answers(answers, len(items)) if answers is not None else None
    except ValueError as exc:
        fail(f"--answers: {exc}")
    heading = f"Exercises: {title}" + ("" if bank else f" (seed {seed}: use --seed {seed} for the same exercises)")
    drill(items, heading, given)


def _generated(case, at_, rounds, seed, level):
    import os
    from pathlib import Path

    from engine import exercise as ex
    from engine.cli import fail, internal_errors, load, parse_date
    from engine.loading import shipped_case

    path = None
    if case is not None:
        path = Path(case)
        if not os.path.exists(path) and shipped_case(case):  # os.path: False, not OSError, for a too-long name
            path = shipped_case(case)
    loaded = load(path)
    day = parse_date(at_) if at_ else None
    try:
        items = ex.generate(loaded, rounds, seed, level, day)
    except internal_errors() as exc:
        fail(f"internal error in the rules (please report it): {exc}", code=1)
    if not items:
        fail(f"no {level} exercise can be made from {loaded.path}" + (f" on {at_}" if at_ else ""))
    return loaded.case.title, items


def _bank_items(bank, case, at_, seed):
    import random

    from engine import exercise as ex
    from engine.cli import fail, internal_errors
    from engine.loading import CaseFileError

    if case is not None or at_ is not None:
        fail("--bank: each exercise names its own case and date; leave out CASE and --at")
    try:
        loaded_bank, items = ex.load_bank(bank)
    except CaseFileError as exc:
        fail(exc.message)
    except internal_errors() as exc:
        fail(f"internal error in the rules (please report it): {exc}", code=1)
    if seed is not None:
        items = random.Random(seed).sample(items, len(items))
    return loaded_bank.title or bank, items


# ---------------------------------------------------------------------------------------
# The drill, in a terminal or over piped answers
# ---------------------------------------------------------------------------------------

ASK = "Your answer (yes / no / depends): "


def drill(items, heading: str, given) -> None:
    import sys

    from engine.exercise import Score

    score = Score()
    typer.echo(heading)
    interactive = given is None and sys.stdin.isatty()
    try:
        for n, item in enumerate(items, 1):
            if given is not None and n > len(given):
                raise EOFError
            typer.echo("\n" + "\n".join(item_lines(n, len(items), item)))
            answer = given[n - 1] if given is not None else _ask(item, interactive)
            if given is not None:
                typer.echo(f"{ASK}{answer}")
            right = item.is_right(answer)
            score.record(right)
            typer.echo("\n".join(result_lines(item, answer, right)))
            typer.echo(f"Score: {score}.")
    except (EOFError, KeyboardInterrupt):
        typer.echo(f"\nStopped after {score.asked} of {len(items)} exercises.")
    typer.echo(f"\nFinal score: {score}.")


def _ask(item, interactive: bool) -> str:
    """The learner's answer; asked again until it is yes, no or depends. EOFError at the end of input."""
    import sys

    from engine.exercise import read_answer

    hint = " (? for a hint)" if item.hint else ""
    while True:
        if interactive:
            text = input(ASK[:-2] + hint + ": ")
        else:
            typer.echo(ASK[:-2] + hint + ": ", nl=False)
            text = sys.stdin.readline()
            if not text:
                raise EOFError
            typer.echo(text.strip())
        if text.strip() == "?" and item.hint:
            typer.echo(f"Hint: {item.hint}")
            continue
        answer = read_answer(text)
        if answer is not None:
            return answer
        typer.echo("Please answer yes, no or depends (or y, n, d).")


def _wrap(text: str, indent: str = "  ", then: str | None = None) -> list[str]:
    """Lines of at most 100 characters that never split a citation ("art. 39(2)", "s 135")."""
    import re
    import textwrap

    kept = re.sub(r"\b(arts?\.|s) (?=\d)", "\\1\u00a0", text)  # textwrap splits on ASCII spaces only
    lines = textwrap.wrap(kept, width=100, initial_indent=indent, subsequent_indent=then or indent,
                          break_long_words=False, break_on_hyphens=False) or [indent]
    return [line.replace("\u00a0", " ") for line in lines]


def item_lines(n: int, total: int, item) -> list[str]:
    lines = [f"Exercise {n} of {total}: {item.case_title}", "The facts:"]
    for fact in item.facts:
        lines += _wrap(f"- {fact}", "  ", "    ")
    if item.changes:
        lines.append("Suppose instead (unlike the case as reported):")
        for change in item.changes:
            lines += _wrap(f"- {change}", "  ", "    ")
    lines.append("Question:")
    return lines + _wrap(item.prompt)


ANSWER_WORD = {"yes": "yes", "no": "no", "depends": "it depends"}


def result_lines(item, answer: str, right: bool) -> list[str]:
    a = item.answer
    said = "Right." if right else f"Not quite: you answered {ANSWER_WORD[answer]}."
    verdict = item.verdict.upper() + (" (it depends)" if item.expected == "depends" else "")
    lines = [f"{said} The engine's answer: {verdict}"] + _wrap(a.text[:1].upper() + a.text[1:])
    sources = f" Sources: {', '.join(a.sources)}." if a.sources else ""
    lines += _wrap(f"Articles: {'; '.join(a.cites)}.{sources}")
    if a.window:
        start, end = a.window.split("/")
        lines += _wrap(f"Window: {start} to {end}.")
    for entry in item.unverified:
        lines += _wrap(f"Rests on law not verified: {entry}")
    if item.as_reported is not None:
        lines += _wrap(f"In the case as reported, without the change: {item.as_reported_verdict()}.")
    if item.teaching_note:
        lines += _wrap(f"Teaching note: {item.teaching_note}")
    return lines


# ---------------------------------------------------------------------------------------
# The worksheet
# ---------------------------------------------------------------------------------------

STYLE = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem;
       line-height: 1.45; color: #111; }
h1 { font-size: 1.5rem; }
ol.items > li { border-top: 1px solid #999; padding: .8rem 0; break-inside: avoid; page-break-inside: avoid; }
.case { font-style: italic; color: #444; }
.question { font-weight: bold; }
.choices { letter-spacing: .05em; }
details { margin-top: .4rem; padding: .3rem .6rem; background: #f3f3f3; border-radius: 4px; }
summary { cursor: pointer; font-weight: bold; }
.cites { font-size: .9em; }
@media print {
  body { max-width: none; margin: 0; }
  details:not([open]) { display: none; }
  details { background: none; border: 1px solid #999; }
  .screen-only { display: none; }
  @page { margin: 2cm; }
}
"""


def worksheet(title: str, items) -> str:
    """A self-contained printable worksheet: no scripts, no fetches; answers behind <details>."""
    from html import escape as e

    parts = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
             f"<title>{e(title)}</title>", f"<style>{STYLE}</style>", "</head>", "<body>",
             f"<h1>{e(title)}</h1>",
             "<p>For each question, tick yes, no or it depends (the answer is unknown or uncertain on the facts "
             "given).</p>",
             '<p class="screen-only">Click <em>Answer</em> to see the engine\'s answer, its reasons and the '
             "articles it rests on. Answers left closed are not printed.</p>",
             '<ol class="items">']
    for item in items:
        a = item.answer
        parts += ["<li>", f'<p class="case">{e(item.case_title)}</p>', "<p>The facts:</p>", "<ul>"]
        parts += [f"<li>{e(fact)}</li>" for fact in item.facts] + ["</ul>"]
        if item.changes:
            parts += ["<p>Suppose instead (unlike the case as reported):</p>", "<ul>"]
            parts += [f"<li>{e(change)}</li>" for change in item.changes] + ["</ul>"]
        parts += [f'<p class="question">{e(item.prompt)}</p>',
                  '<p class="choices">&#9744; yes &nbsp; &#9744; no &nbsp; &#9744; it depends</p>']
        if item.hint:
            parts.append(f"<details><summary>Hint</summary><p>{e(item.hint)}</p></details>")
        sources = f" Sources: {', '.join(a.sources)}." if a.sources else ""
        parts += ['<details class="answer"><summary>Answer</summary>',
                  f"<p><strong>{e(item.verdict.upper())}</strong>{' (it depends)' if item.expected == 'depends' else ''}."
                  f" {e(a.text)}</p>",
                  f'<p class="cites">Articles: {e("; ".join(a.cites))}.{e(sources)}</p>']
        parts += [f'<p class="cites">Rests on law not verified: {e(u)}</p>' for u in item.unverified]
        if item.as_reported is not None:
            parts.append(f"<p>In the case as reported, without the change: {e(item.as_reported_verdict())}.</p>")
        if item.teaching_note:
            parts.append(f"<p><em>Teaching note:</em> {e(item.teaching_note)}</p>")
        parts += ["</details>", "</li>"]
    parts += ["</ol>", "</body>", "</html>", ""]
    return "\n".join(parts)


def _write(target: str, text: str) -> None:
    """Write the worksheet atomically (engine.atomic): the old file stays whole if this fails."""
    from engine.atomic import write_atomically
    from engine.cli import fail

    try:
        write_atomically(target, text)
    except OSError as exc:
        fail(f"--html: cannot write {target}: {exc.strerror or exc}")
