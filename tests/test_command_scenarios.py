"""Executable documentation of the commands: explain, timeline, what-if, why-not, open questions.

The feature files in scenarios/features/ (explain, timeline, what-if, why-not, open-questions)
describe the commands in a lawyer's or a teacher's words; this module binds those words to the
commands themselves. Every "When" step runs the `immunity` command as a user would (in process,
through typer's test runner), usually twice: once for the printed output a person reads and once
with `--json` for the record a program reads. The "Then" steps check both.

How the words map:
- answers ("Kim's immunity from New Zealand's criminal jurisdiction", ...): ANSWERS, the question
  and the subject the engine answers them under;
- hypotheses ("Korea had granted the September 2019 request"): HYPOTHESES, the `--set PATH=VALUE`
  changes `immunity what-if` is given;
- case-file facts ("Kim's posting to the Wellington embassy"): FACTS, the provenance key of the
  fact in the explanation tree;
- verdicts: yes / no are `holds` true / false; unknown and uncertain are `holds: null`.

An unknown name fails the step rather than guessing. The case file is never written: every
scenario that asks a hypothetical question checks its bytes and modification time afterwards.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import struct
from pathlib import Path

import pytest
from pytest_bdd import given, parsers, scenarios, then, when
from typer.testing import CliRunner

from engine.cli import app
from engine.loading import DEFAULT_CASE

scenarios(
    "explain.feature",
    "timeline.feature",
    "what-if.feature",
    "why-not.feature",
    "open-questions.feature",
)

# ---------------------------------------------------------------------------------------
# Glossary: the lawyer's words -> the engine's questions, subjects and facts.
# ---------------------------------------------------------------------------------------

EMBASSY = "rok-embassy-wellington"
ANSWERS = {
    "Kim's immunity from New Zealand's criminal jurisdiction":
        ("criminal_immunity", {"person": "kim", "state": "NZL"}),
    "Kim's immunity from New Zealand's civil jurisdiction":
        ("civil_immunity", {"person": "kim", "state": "NZL"}),
    "Kim's inviolability in New Zealand":
        ("personal_inviolability", {"person": "kim", "state": "NZL"}),
    "whether Kim's immunity for the 2017 assaults survives in New Zealand":
        ("residual_immunity", {"person": "kim", "state": "NZL", "act": "assault-2017"}),
    "whether New Zealand's courts may try Kim for the 2017 assaults":
        ("prosecutable", {"person": "kim", "state": "NZL", "act": "assault-2017"}),
    "whether the complainant could be compelled to give evidence in New Zealand":
        ("must_give_evidence", {"person": "complainant", "state": "NZL"}),
    "the inviolability of the Korean embassy's premises in Wellington":
        ("premises_inviolable", {"mission": EMBASSY}),
    "the inviolability of the Korean embassy's archives in Wellington":
        ("archives_inviolable", {"mission": EMBASSY}),
    "whether New Zealand's police may enter the Korean embassy on the September 2019 request":
        ("entry_permitted", {"mission": EMBASSY, "request": "waiver-2019-09"}),
    "whether the September 2019 request produced a valid waiver":
        ("waiver_effective", {"request": "waiver-2019-09"}),
}
# Kim's own protections: none of them may change when only the embassy's request changes.
KIMS_IMMUNITIES = ("criminal_immunity", "civil_immunity", "personal_inviolability", "residual_immunity")

FACTS = {
    "Kim's posting to the Wellington embassy": "posting:kim-wellington",
    "the complainant's posting to the Wellington embassy": "posting:complainant-wellington",
    "the 2017 assaults": "act:assault-2017",
}

HYPOTHESES = {
    "Korea had granted the September 2019 request": ["requests.waiver-2019-09.response.outcome=granted"],
    "the 2017 assaults had been performed in the exercise of Kim's functions": ["acts.assault-2017.official=true"],
    "Kim had still been posted in Wellington in 2020": [
        "postings.kim-wellington.functions_ended=null",
        "postings.kim-wellington.departed=null",
        "postings.kim-wellington.in_post_during=[2017, 2020]",
    ],
}
CATEGORIES = {
    "diplomatic staff": "diplomatic_agent",
    "administrative and technical staff": "administrative_technical",
    "service staff": "service_staff",
}
HOLDS = {"yes": True, "no": False, "unknown": None, "uncertain": None}
PRINTED = {True: "YES", False: "NO", None: "UNKNOWN"}

KIM_PATCH = "persons: [{id: kim, nationalities: [KOR, NZL]}]\n"


def one_of(names) -> str:
    """A regex alternative of the glossary's names, longest first."""
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


ANSWER = one_of(ANSWERS)
DAY = r"\d{1,2} [A-Z][a-z]+ \d{4}"


def day_of(text: str) -> str:
    return dt.datetime.strptime(text, "%d %B %Y").date().isoformat()


def names_in(text: str) -> list[str]:
    """'A, B and C' -> ['A', 'B', 'C']."""
    return [part.strip() for part in re.split(r",\s*|\s+and\s+", text) if part.strip()]


def subject_option(subject: dict) -> str:
    return ",".join(f"{k}={v}" for k, v in subject.items())


def conclusion_id(answer_words: str, conclusions: list[dict]) -> str:
    """The id of the one conclusion (in a list of them) that `answer_words` names."""
    question, subject = ANSWERS[answer_words]
    found = [c["id"] for c in conclusions if c["question"] == question
             and all(c["subject"].get(k) == v for k, v in subject.items())]
    assert len(found) == 1, f"{answer_words!r}: expected one answer, found {found}"
    return found[0]


# ---------------------------------------------------------------------------------------
# Running the command.
# ---------------------------------------------------------------------------------------

RUNNER = CliRunner()


def run(*args: str, code: int = 0):
    result = RUNNER.invoke(app, list(args))
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == code, (args, result.exit_code, output)
    return result


def run_json(*args: str):
    return json.loads(run(*args, "--json").stdout)


@pytest.fixture
def ctx() -> dict:
    """What the scenario has done so far: the outputs of the last command, and its focus."""
    return {}


# ---------------------------------------------------------------------------------------
# Given.
# ---------------------------------------------------------------------------------------

@given("the Kim case as the reports tell it")
def _(ctx):
    path = DEFAULT_CASE.resolve()
    ctx["case"] = path
    ctx["bytes"] = path.read_bytes()
    ctx["mtime"] = path.stat().st_mtime_ns


@given("a partial case file that gives Kim New Zealand nationality as well as Korean")
def _(ctx, tmp_path):
    patch = tmp_path / "kim-a-new-zealander.yaml"
    patch.write_text(KIM_PATCH, encoding="utf-8")
    ctx["patch"] = patch


@then("the case file on disk is byte for byte what it was")
def _(ctx):
    path = ctx["case"]
    assert path.read_bytes() == ctx["bytes"], "the case file's bytes changed"
    assert path.stat().st_mtime_ns == ctx["mtime"], "the case file was written (its modification time moved)"


# ---------------------------------------------------------------------------------------
# Explain.
# ---------------------------------------------------------------------------------------

def _walk(node: dict):
    yield node
    for child in node["children"]:
        yield from _walk(child)


def tree_nodes(ctx) -> list[dict]:
    return [n for ground in ctx["explanation"]["grounds"] for n in _walk(ground)]


@when(parsers.re(rf"we ask the engine to explain (?P<answer>{ANSWER}) on (?P<day>{DAY})"))
def _(ctx, answer, day):
    question, subject = ANSWERS[answer]
    args = ("explain", question, "--subject", subject_option(subject), "--at", day_of(day))
    items = run_json(*args)
    assert len(items) == 1, f"expected one explanation, got {[i['id'] for i in items]}"
    ctx["explanation"] = items[0]
    ctx["printed"] = run(*args).stdout


@then(parsers.re(r"the explanation answers (?P<verdict>YES|NO|UNKNOWN)"))
def _(ctx, verdict):
    e = ctx["explanation"]
    assert PRINTED[e["holds"]] == verdict, (e["holds"], e["text"])
    if verdict == "UNKNOWN":
        assert e["window"] is None and e["needs"], "an unknown answer names what it needs and has no date window"
    assert ctx["printed"].startswith(f"{e['id']}: {verdict}\n"), ctx["printed"][:200]


@then(parsers.re(r"the reasoning applies (?P<cite>VCDR art\. \S+), by the rule (?P<rule>[\w.-]+)"))
def _(ctx, cite, rule):
    steps = [n for n in tree_nodes(ctx) if n["rule"] == rule]
    assert steps, f"no step of the reasoning uses {rule}: {sorted({n['rule'] for n in tree_nodes(ctx) if n['rule']})}"
    assert any(cite in n["cites"] for n in steps), [n["cites"] for n in steps]
    assert all(n["says"] for n in steps), f"{rule}: each step paraphrases its article"
    assert re.search(rf"^\s+- {re.escape(rule)} \[[^\]]*{re.escape(cite)}", ctx["printed"], re.M), \
        f"the printed explanation does not show {rule} citing {cite}"


@then(parsers.re(rf"the reasoning rests on (?P<fact>{one_of(FACTS)}), which records \"(?P<record>[^\"]+)\", "
                 r"as reported in (?P<reports>.+)"))
def _(ctx, fact, record, reports):
    key, labels = FACTS[fact], names_in(reports)
    leaves = [n for n in tree_nodes(ctx) if n["kind"] == "fact" and n["key"].split("#")[0] == key]
    assert leaves, f"the reasoning does not reach {key}"
    assert any(record in n["text"] and n["sources"] == labels for n in leaves), \
        [(n["text"][:120], n["sources"]) for n in leaves]
    printed = rf"^\s+- fact {re.escape(key)}(#\S+)? \[{re.escape(', '.join(labels))}\]: .*{re.escape(record)}"
    assert re.search(printed, ctx["printed"], re.M), f"the printed explanation does not show {key} with {labels}"


@then("every line of the reasoning ends in a fact of the case file")
def _(ctx):
    nodes = tree_nodes(ctx)
    assert ctx["explanation"]["grounds"], "an explanation has at least one ground"
    for n in nodes:
        if n["children"]:
            assert n["kind"] in ("answer", "finding") and n["rule"] and n["cites"] and n["says"], n["key"]
        else:
            assert n["kind"] == "fact", f"{n['key']} ({n['kind']}) ends a line of reasoning but is not a fact"
            assert n["sources"], f"{n['key']}: a fact of the case file cites its reports"


@then("the rules that decided the answer are not among those listed as considered")
def _(ctx):
    fired = {n["rule"] for n in tree_nodes(ctx) if n["rule"]}
    considered = {c["rule"] for c in ctx["explanation"]["considered"]}
    assert considered, "some rules were considered and did not apply"
    assert not fired & considered, fired & considered
    assert "Also considered, did not apply:" in ctx["printed"]


@then("the explanation lists as considered, and not applying:")
def _(ctx, datatable):
    header, *rows = datatable
    assert header == ["rule", "article"], header
    considered = {c["rule"]: c for c in ctx["explanation"]["considered"]}
    for rule, article in rows:
        assert rule in considered, f"{rule} is not listed as considered: {sorted(considered)}"
        assert article in considered[rule]["cites"], considered[rule]["cites"]
        assert considered[rule]["says"], f"{rule}: a considered rule paraphrases its article"
        assert re.search(rf"^\s+- {re.escape(rule)} \[[^\]]*{re.escape(article)}", ctx["printed"], re.M), \
            f"the printed explanation does not list {rule} ({article}) as considered"


@then(parsers.re(r"the explanation says it needs \"(?P<needs>[^\"]+)\""))
def _(ctx, needs):
    e = ctx["explanation"]
    assert needs in (e["needs"] or ""), e["needs"]
    assert f"needs {needs}" in ctx["printed"] or f"needs: {needs}" in ctx["printed"]


@then(parsers.re(r"the step of the reasoning that stopped is the rule (?P<rule>[\w.-]+), citing (?P<cite>VCDR art\. \S+)"))
def _(ctx, rule, cite):
    stopped = [n for n in tree_nodes(ctx) if n["rule"] == rule and n["needs"]]
    assert stopped, f"no step by {rule} says what it needs"
    assert cite in stopped[0]["cites"], stopped[0]["cites"]
    assert stopped[0]["needs"] in ctx["explanation"]["needs"], (stopped[0]["needs"], ctx["explanation"]["needs"])
    lines = ctx["printed"].splitlines()
    at = next(i for i, line in enumerate(lines) if re.match(rf"^\s+- {re.escape(rule)} \[", line))
    assert any(line.strip().startswith("needs: ") for line in lines[at:at + 4]), lines[at:at + 4]


# ---------------------------------------------------------------------------------------
# Timeline.
# ---------------------------------------------------------------------------------------

@when("we replay the case over time")
def _(ctx):
    ctx["timeline"] = run_json("timeline")


def timeline_row(ctx, answer_words: str) -> dict:
    rows = ctx["timeline"]["rows"]
    ident = conclusion_id(answer_words, rows)
    row = next(r for r in rows if r["id"] == ident)
    ctx["row"] = row
    return row


def verdicts(row: dict) -> list[str]:
    """The row's verdicts in order, leaving out the periods where the question was not asked."""
    return [p["verdict"] for p in row["periods"] if p["verdict"] != "none"]


@then(parsers.re(rf"(?P<answer>{ANSWER}) went from (?P<sequence>(?:yes|no|uncertain|unknown)"
                 r"(?: to (?:yes|no|uncertain|unknown))+)"))
def _(ctx, answer, sequence):
    row = timeline_row(ctx, answer)
    assert verdicts(row) == sequence.split(" to "), row["periods"]


@then(parsers.re(r"it was uncertain only within (?P<month>[A-Z][a-z]+ \d{4}), .*"))
def _(ctx, month):
    first = dt.datetime.strptime(month, "%B %Y").date()
    uncertain = [p for p in ctx["row"]["periods"] if p["verdict"] == "uncertain"]
    assert uncertain, ctx["row"]["periods"]
    for p in uncertain:
        start, end = dt.date.fromisoformat(p["from"]), dt.date.fromisoformat(p["to"])
        assert (start.year, start.month) == (end.year, end.month) == (first.year, first.month), p


@then(parsers.re(r"the period of uncertainty was opened by \"(?P<event>[^\"]+)\""))
def _(ctx, event):
    uncertain = next(p for p in ctx["row"]["periods"] if p["verdict"] == "uncertain")
    assert event in uncertain["changed_by"], uncertain["changed_by"]


@then(parsers.re(r"it has been (?P<verdict>yes|no) ever since the end of (?P<month>[A-Z][a-z]+ \d{4})"))
def _(ctx, verdict, month):
    first = dt.datetime.strptime(month, "%B %Y").date()
    last = ctx["row"]["periods"][-1]
    assert last["verdict"] == verdict and last["to"] is None, last
    start = dt.date.fromisoformat(last["from"])
    next_month = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    assert first <= start <= next_month, f"the last period starts {start}, not at the end of {month}"


@then(parsers.re(r"the days the engine was asked include (?P<days>.+)"))
def _(ctx, days):
    asked = set(ctx["timeline"]["checkpoints"])
    for day in names_in(days):
        assert day_of(day) in asked, f"{day} is not among the days evaluated"


@then(parsers.re(rf"(?P<answer>{ANSWER}) was (?P<verdict>yes|no) throughout, with no change"))
def _(ctx, answer, verdict):
    periods = timeline_row(ctx, answer)["periods"]
    assert len(periods) == 1, periods
    assert periods[0] == {"from": None, "to": None, "verdict": verdict, "rule": periods[0]["rule"],
                          "changed_by": []}, periods[0]


@when(parsers.re(rf"we print the timeline of (?P<answer>{ANSWER}) as a table"))
def _(ctx, answer):
    question, subject = ANSWERS[answer]
    ctx["table"] = run("timeline", "--question", question, "--subject", subject_option(subject)).stdout
    assert "immune from New Zealand's criminal" in ctx["table"]
    assert "Philippines" not in ctx["table"], "the table is limited to the answer asked for"


@then(parsers.re(r"the table (?:shows the period|names the event) \"(?P<text>[^\"]+)\""))
def _(ctx, text):
    assert text in ctx["table"], ctx["table"]


@when("we save the timeline as a picture")
def _(ctx, tmp_path):
    svg = tmp_path / "timeline.svg"
    out = run("timeline", "--svg", str(svg)).stdout
    assert f"saved {svg}" in out
    ctx["svg"] = svg


@then(parsers.re(r"the picture renders as a PNG image at least (?P<width>\d+) pixels wide and "
                 r"(?P<height>\d+) pixels high"))
def _(ctx, width, height):
    import cairosvg

    png = cairosvg.svg2png(url=str(ctx["svg"]))
    assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    assert png[12:16] == b"IHDR"
    w, h = struct.unpack(">II", png[16:24])
    assert w >= int(width) and h >= int(height), (w, h)
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    assert image.size == (w, h)
    assert len(image.getcolors(maxcolors=1 << 16) or range(1 << 16)) > 2, "the picture is blank"


# ---------------------------------------------------------------------------------------
# What if.
# ---------------------------------------------------------------------------------------

def what_if(ctx, day: str, changes: list[str], patch: Path | None = None) -> None:
    args = ["what-if", "--at", day_of(day)]
    for change in changes:
        args += ["--set", change]
    if patch is not None:
        args += ["--patch", str(patch)]
    ctx["whatif"] = run_json(*args)
    ctx["printed"] = run(*args).stdout
    assert "(the case file itself is not changed)" in ctx["printed"]


@when(parsers.re(rf"we ask what would have applied on (?P<day>{DAY}) if (?P<hypothesis>{one_of(HYPOTHESES)})"))
def _(ctx, day, hypothesis):
    what_if(ctx, day, HYPOTHESES[hypothesis])


@when(parsers.re(rf"we ask what would have applied on (?P<day>{DAY}) if the complainant had been a Korean member "
                 rf"of the (?P<category>{one_of(CATEGORIES)}), not resident in New Zealand"))
def _(ctx, day, category):
    what_if(ctx, day, [f"postings.complainant-wellington.category={CATEGORIES[category]}",
                       "persons.complainant.nationalities=[KOR]", "persons.complainant.permanent_resident_of=[]"])


@when(parsers.re(rf"we ask what would have applied on (?P<day>{DAY}) with that partial case file"))
def _(ctx, day):
    what_if(ctx, day, [], ctx["patch"])


@when(parsers.re(rf"we ask what would have applied on (?P<day>{DAY}) with the change \"(?P<change>[^\"]+)\""))
def _(ctx, day, change):
    ctx["refused"] = run("what-if", "--set", change, "--at", day_of(day), code=2)


def difference(ctx, answer_words: str) -> dict | None:
    question, subject = ANSWERS[answer_words]
    found = [d for d in ctx["whatif"]["differences"] if d["question"] == question
             and all(d["subject"].get(k) == v for k, v in subject.items())]
    assert len(found) <= 1, found
    return found[0] if found else None


def check_change(ctx, answer_words: str, before: str, after: str) -> dict:
    d = difference(ctx, answer_words)
    assert d is not None, f"{answer_words!r} does not change: {[x['id'] for x in ctx['whatif']['differences']]}"
    for side, verdict in (("before", before), ("after", after)):
        assert d[side] is not None and d[side]["holds"] is HOLDS[verdict], (side, d[side])
        assert d[side]["rule"] and d[side]["cites"] and d[side]["text"], d[side]
        assert f"{side:6} {PRINTED[HOLDS[verdict]]:9} {d[side]['rule']} [" in ctx["printed"], \
            f"the printed comparison does not show {side} {verdict} by {d[side]['rule']}"
    return d


def change_rows(datatable) -> list[tuple[str, str, str]]:
    header, *rows = datatable
    assert header == ["answer", "before", "after"], header
    return [tuple(row) for row in rows]


@then("exactly these answers change:")
def _(ctx, datatable):
    rows = change_rows(datatable)
    changed = {check_change(ctx, *row)["id"] for row in rows}
    assert {d["id"] for d in ctx["whatif"]["differences"]} == changed, ctx["whatif"]["differences"]


@then("these answers change, among others:")
def _(ctx, datatable):
    for row in change_rows(datatable):
        check_change(ctx, *row)


@then(parsers.re(r"entry to the embassy becomes permitted by the rule (?P<rule>[\w.-]+), citing (?P<cite>VCDR art\. \S+)"))
def _(ctx, rule, cite):
    d = difference(ctx, "whether New Zealand's police may enter the Korean embassy on the September 2019 request")
    assert d["after"]["holds"] is True and d["after"]["rule"] == rule and cite in d["after"]["cites"], d["after"]


@then(parsers.re(rf"(?P<answer>{ANSWER}) is then held by the rule (?P<rule>[\w.-]+), citing (?P<cite>VCDR art\. \S+)"))
def _(ctx, answer, rule, cite):
    d = difference(ctx, answer)
    assert d is not None and d["after"]["holds"] is True, d
    assert d["after"]["rule"] == rule and cite in d["after"]["cites"], d["after"]


@then("none of Kim's immunities changes")
def _(ctx):
    touched = [d["id"] for d in ctx["whatif"]["differences"]
               if d["question"] in KIMS_IMMUNITIES and d["subject"].get("person") == "kim"]
    assert not touched, touched
    assert "Hongkon Kim" not in ctx["printed"]


@then(parsers.re(rf"(?P<answer>{ANSWER}) does not change"))
def _(ctx, answer):
    assert difference(ctx, answer) is None, difference(ctx, answer)
    if not ctx["whatif"]["differences"]:
        assert "No answer changes." in ctx["printed"]


@then(parsers.re(rf"(?P<answer>{ANSWER}) changes from (?P<before>yes|no|unknown) to (?P<after>yes|no|unknown), "
                 r"by the rule (?P<rule>[\w.-]+)"))
def _(ctx, answer, before, after, rule):
    d = check_change(ctx, answer, before, after)
    assert d["after"]["rule"] == rule, d["after"]


@then(parsers.re(r"the command refuses, saying \"(?P<said>[^\"]+)\""))
def _(ctx, said):
    result = ctx["refused"]
    assert result.stdout == "", "a refused change prints no answer"
    message = result.stderr.strip()
    assert message.startswith("immunity: ") and said in message, message
    assert len(message.splitlines()) == 1, message


@then(parsers.re(r"the message lists the requests the case file does have: (?P<ids>.+)"))
def _(ctx, ids):
    message = ctx["refused"].stderr
    for ident in names_in(ids):
        assert ident in message, message


# ---------------------------------------------------------------------------------------
# Why not.
# ---------------------------------------------------------------------------------------

def why_not(ctx, answer_words: str, day: str) -> None:
    question, subject = ANSWERS[answer_words]
    args = ("why-not", question, "--subject", subject_option(subject), "--at", day_of(day))
    found = run_json(*args)
    assert len(found) == 1, found
    ctx["whynot"], ctx["day"] = found[0], day
    ctx["printed"] = run(*args).stdout


@when(parsers.re(rf"we ask why Kim was not immune from New Zealand's criminal jurisdiction on (?P<day>{DAY})"))
def _(ctx, day):
    why_not(ctx, "Kim's immunity from New Zealand's criminal jurisdiction", day)
    assert ctx["whynot"]["holds"] is False


@when(parsers.re(rf"we ask why not for (?P<answer>{ANSWER}) on (?P<day>{DAY})"))
def _(ctx, answer, day):
    why_not(ctx, answer, day)


@then(parsers.re(r"the only change that would reverse the answer is a single fact: \"(?P<change>[^\"]+)\""))
def _(ctx, change):
    reversing = [f for f in ctx["whynot"]["flips"] if f["reverses"]]
    assert [f["changes"] for f in reversing] == [[change]], [f["changes"] for f in ctx["whynot"]["flips"]]
    assert ctx["whynot"]["flips"][0] is reversing[0], "the reversing change comes first"
    ctx["flip"] = reversing[0]
    assert re.search(rf"^\s+--set {re.escape(change)}\s+->\s+", ctx["printed"], re.M), ctx["printed"]


@then(parsers.re(r"with that change Kim would be immune, by the rule (?P<rule>[\w.-]+)"))
def _(ctx, rule):
    flip = ctx["flip"]
    assert (flip["before"], flip["after"], flip["rule"]) == (False, True, rule), flip
    assert f"->  YES ({rule})" in ctx["printed"]


@then("what-if, asked the same change on the same day, gives the same answer by the same rule and in the same words")
def _(ctx):
    flip = ctx["flip"]
    args = ["what-if", "--at", day_of(ctx["day"])]
    for change in flip["changes"]:
        args += ["--set", change]
    found = [d for d in run_json(*args)["differences"] if d["id"] == ctx["whynot"]["id"]]
    assert len(found) == 1, found
    after = found[0]["after"]
    assert (after["holds"], after["rule"], after["text"]) == (flip["after"], flip["rule"], flip["text"])


@then("leaving open whether the 2017 assaults were official would leave the answer unknown rather than reverse it")
def _(ctx):
    opened = [f for f in ctx["whynot"]["flips"] if f["changes"] == ["acts.assault-2017.official=null"]]
    assert len(opened) == 1, [f["changes"] for f in ctx["whynot"]["flips"]]
    assert opened[0]["after"] is None and opened[0]["reverses"] is False, opened[0]


@then("no change of one or two facts would change the answer")
def _(ctx):
    assert ctx["whynot"]["flips"] == [], ctx["whynot"]["flips"]
    assert "No change of one or two facts in play would change this answer." in ctx["printed"]


# ---------------------------------------------------------------------------------------
# Open questions.
# ---------------------------------------------------------------------------------------

@when(parsers.re(rf"we ask what applied on (?P<day>{DAY})"))
def _(ctx, day):
    ctx["record"] = run_json("at", day_of(day))
    ctx["printed"] = run("at", day_of(day)).stdout


@then(parsers.re(r"the printed answers have a section \"(?P<title>[^\"]+)\""))
def _(ctx, title):
    lines = ctx["printed"].rstrip("\n").splitlines()
    assert title in lines, f"no section {title!r}"
    start = lines.index(title) + 1
    end = next((i for i in range(start, len(lines)) if not lines[i].strip()), len(lines))
    section = lines[start:end]
    assert section and all(line.startswith("  ") for line in section), section
    ctx["section"] = section


@then(parsers.re(r"the printed answers end with what each State can do next"))
def _(ctx):
    lines = ctx["printed"].rstrip("\n").splitlines()
    assert "What each State can do next" in lines
    after = lines[lines.index("What each State can do next") + 1:]
    assert after and not any(line and not line.startswith(" ") for line in after), after


@then(parsers.re(rf"that section lists (?P<answer>{ANSWER}), needing \"(?P<needs>[^\"]+)\""))
def _(ctx, answer, needs):
    ident = conclusion_id(answer, ctx["record"]["conclusions"])
    ctx["focus"], ctx["needs"] = ident, needs
    assert any(line.startswith(f"  {ident}: needs ") and needs in line for line in ctx["section"]), ctx["section"]


@then("in the decision record that answer holds neither yes nor no, and names what it needs")
def _(ctx):
    c = next(c for c in ctx["record"]["conclusions"] if c["id"] == ctx["focus"])
    assert c["holds"] is None and c["window"] is None, c
    assert ctx["needs"] in c["needs"], c["needs"]


@then("in the decision record that answer is listed among the unknowns")
def _(ctx):
    c = next(c for c in ctx["record"]["conclusions"] if c["id"] == ctx["focus"])
    unknowns = {u["id"]: u for u in ctx["record"]["unknowns"]}
    assert ctx["focus"] in unknowns, sorted(unknowns)
    assert unknowns[ctx["focus"]]["needs"] == c["needs"]


@then(parsers.re(rf"in the decision record (?P<answer>{ANSWER}) is not among the unknowns"))
def _(ctx, answer):
    ident = conclusion_id(answer, ctx["record"]["conclusions"])
    c = next(c for c in ctx["record"]["conclusions"] if c["id"] == ident)
    assert c["holds"] in (True, False), c
    assert ident not in {u["id"] for u in ctx["record"]["unknowns"]}
    assert not any(line.startswith(f"  {ident}:") for line in ctx["section"])
