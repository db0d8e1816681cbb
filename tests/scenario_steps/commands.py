"""The commands, as a user runs them: explain, timeline, what-if, why-not, and the printed answer.

Every "When" step here runs the `immunity` command as a user would (in process, through
typer's test runner), usually twice: once for the printed output a person reads and once with
`--json` for the record a program reads. The "Then" steps check both.

An answer is named in words ("Kim's immunity from New Zealand's criminal jurisdiction"): the
sentences of ANSWER_NAMES, with the case file's own names for the people, States, acts,
missions and requests in them. A hypothesis is either a sentence of the hypothesis steps or the
`--set PATH=VALUE` changes themselves. The case file is never written: every scenario
that asks a hypothetical question can check its bytes and modification time afterwards.

The printed output speaks in words, and the steps check it so: an answer by its subject and
question ("Hongkon Kim: immune from New Zealand's criminal jurisdiction for ..."), a rule by its
articles and paraphrase, a fact by what it records and its reports, an event by what happened.
A step may take a rule id or a fact key from the `--json` record to know what to look for; it
then looks for that thing's words in the printed text, and never for the id.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import struct
from pathlib import Path

import pytest
from pytest_bdd import given, parsers, then, when
from typer.testing import CliRunner

from engine.answer import Conclusion
from engine.cli import app
from engine.evaluation import rule_index
from engine.glossary import UnknownName
from engine.render import Names, event_words
from scenario_steps.story import CATEGORIES, DAY, NAME, OF, alternatives, day_of, names_in, the_story


class Checked:
    """What a command's Then-step checked, for the living documentation: the articles it rests
    on (engine/scenario_recorder.py reads `cites` from the `focus` fixture after each Then-step)."""

    def __init__(self, cites: list[str]):
        self.cites = list(dict.fromkeys(cites))


def checked(focus: dict, cites: list[str]) -> None:
    focus["conclusion"] = Checked(cites)

# Sentences that name one answer: the question and which names fill its subject.
ANSWER_NAMES = {
    "{person}'s immunity from {state}'s criminal jurisdiction": "criminal_immunity",
    "{person}'s immunity from {state}'s civil jurisdiction": "civil_immunity",
    "{person}'s inviolability in {state}": "personal_inviolability",
    "whether {person}'s immunity for {act} survives in {state}": "residual_immunity",
    "whether {state}'s courts may try {person} for {act}": "prosecutable",
    "whether {person} could be compelled to give evidence in {state}": "must_give_evidence",
    "the inviolability of the premises of {mission}": "premises_inviolable",
    "the inviolability of the archives of {mission}": "archives_inviolable",
    "whether {agents}'s police may enter {mission} on {request}": "entry_permitted",
    "whether {request} produced a valid waiver": "waiver_effective",
}
# A person's own protections: none of them may change when only a mission's request changes.
IMMUNITIES = ("criminal_immunity", "civil_immunity", "personal_inviolability", "residual_immunity")
HOLDS = {"yes": True, "no": False, "unknown": None, "uncertain": None}
PRINTED = {True: "YES", False: "NO", None: "UNKNOWN"}


def _answer_pattern(sentence: str) -> re.Pattern:
    text = sentence.replace("'s ", "{OF} ")
    for slot in ("person", "state", "act", "mission", "request", "agents"):
        text = text.replace(f"{{{slot}}}", f"(?P<{slot}>.+?)")
    return re.compile(text.replace("{OF}", "(?:'s|')"))


READINGS = [(_answer_pattern(s), q) for s, q in ANSWER_NAMES.items()]


def answer_named(words: str, story) -> tuple[str, dict]:
    """(question, subject) of the answer `words` names, its names resolved by the case's glossary."""
    glossary, problems = the_story(story).glossary, []
    for pattern, question in READINGS:
        match = pattern.fullmatch(words)
        if not match:
            continue
        try:
            subject = {slot: glossary.id_of(name, "state" if slot == "agents" else slot)
                       for slot, name in match.groupdict().items()}
        except UnknownName as exc:
            problems.append(exc.message)
            continue
        subject.pop("agents", None)  # the receiving State's agents: checked, not part of the subject
        return question, subject
    raise AssertionError(f"cannot read {words!r} as the name of an answer: "
                         + (" | ".join(problems) or f"known forms: {'; '.join(ANSWER_NAMES)}"))


def iso(day: str) -> str:
    """'10 August 2020' -> '2020-08-10', as the commands take it."""
    return day_of(day).isoformat()


def subject_option(subject: dict) -> str:
    return ",".join(f"{k}={v}" for k, v in subject.items())


def conclusion_id(answer_words: str, conclusions: list[dict], story) -> str:
    """The id of the one conclusion (in a list of them) that `answer_words` names."""
    question, subject = answer_named(answer_words, story)
    found = [c["id"] for c in conclusions if c["question"] == question
             and all(c["subject"].get(k) == v for k, v in subject.items())]
    assert len(found) == 1, f"{answer_words!r}: expected one answer, found {found}"
    return found[0]


def in_words(ctx, question: str, subject: dict) -> str:
    """An answer as the printed output names it: 'Hongkon Kim: immune from New Zealand's ...'."""
    names = Names(the_story(ctx["story"]).case)
    probe = Conclusion(id="", question=question, subject=subject, holds=None, rule="", cites=[], because=[],
                       sources=[], text="")
    return f"{names.subject_title(probe)}: {names.phrase(probe)}"


def printed_step(printed: str, cites: list[str], says: str) -> bool:
    """Whether a printed explanation shows a step of reasoning: its articles on one line, the
    paraphrase of the rule on the next."""
    step = rf"^(?P<indent> *)- {re.escape('; '.join(cites))}(?: \[unverified\])?\n(?P=indent)    {re.escape(says)}$"
    return re.search(step, printed, re.M) is not None


# ---------------------------------------------------------------------------------------
# Running the command.
# ---------------------------------------------------------------------------------------

RUNNER = CliRunner()


def run(ctx, *args: str, code: int | None = 0):
    """`immunity ARGS... CASE`: the scenario's case file is always given explicitly."""
    result = RUNNER.invoke(app, [*args, str(ctx["case"])])
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    if code is not None:
        assert result.exit_code == code, (args, result.exit_code, output)
    return result


def run_json(ctx, *args: str):
    """The command's --json record; of explain and why-not, the list of answers it holds (the
    envelope around it says which engine and case file made it)."""
    data = json.loads(run(ctx, *args, "--json").stdout)
    assert data["shape_version"] == 1 and data["engine"], data.get("shape")
    return {"explanations": data.get("explanations"), "why-not": data.get("answers")}.get(data["shape"], data)


@pytest.fixture
def ctx(story) -> dict:
    """What the scenario has done so far: its case file, the outputs of the last command."""
    s = the_story(story)
    assert not s.supposed, "the commands run on the case file itself: use what-if for a hypothesis"
    return {"case": s.path, "bytes": s.bytes, "mtime": s.mtime, "story": story}


# ---------------------------------------------------------------------------------------
# Given.
# ---------------------------------------------------------------------------------------

@given(parsers.re(rf"a partial case file that gives (?P<person>{NAME}) the nationalities of (?P<states>.+)"),
       target_fixture="patch_file")
def _(story, tmp_path, person, states):
    s = the_story(story)
    codes = [s.state(name) for name in names_in(states)]
    patch = tmp_path / "partial-case.yaml"
    patch.write_text(json.dumps({"persons": [{"id": s.glossary.id_of(person, "person"), "nationalities": codes}]}),
                     encoding="utf-8")
    return patch


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


@when(parsers.re(rf"we ask the engine to explain (?P<named>.+?) on (?P<day>{DAY})"))
def _(ctx, named, day):
    question, subject = answer_named(named, ctx["story"])
    args = ("explain", question, "--subject", subject_option(subject), "--at", iso(day))
    items = run_json(ctx, *args)
    assert len(items) == 1, f"expected one explanation, got {[i['id'] for i in items]}"
    ctx["explanation"] = items[0]
    ctx["printed"] = run(ctx, *args).stdout


@then(parsers.re(r"the explanation answers (?P<verdict>YES|NO|UNKNOWN)"))
def _(ctx, focus, verdict):
    e = ctx["explanation"]
    checked(focus, [cite for node in e["grounds"] for cite in node["cites"]])
    assert PRINTED[e["holds"]] == verdict, (e["holds"], e["text"])
    if verdict == "UNKNOWN":
        assert e["window"] is None and e["needs"], "an unknown answer names what it needs and has no date window"
    heading = f"{in_words(ctx, e['question'], e['subject'])}: {verdict}\n"
    assert ctx["printed"].startswith(heading), (heading, ctx["printed"][:200])
    assert e["id"] not in ctx["printed"], "the answer's id is for --json; the printed explanation names it in words"


@then(parsers.re(r"the reasoning applies (?P<cite>VCDR art\. \S+), by the rule (?P<rule>[\w.-]+)"))
def _(ctx, focus, cite, rule):
    checked(focus, [cite])
    steps = [n for n in tree_nodes(ctx) if n["rule"] == rule]
    assert steps, f"no step of the reasoning uses {rule}: {sorted({n['rule'] for n in tree_nodes(ctx) if n['rule']})}"
    assert any(cite in n["cites"] for n in steps), [n["cites"] for n in steps]
    assert all(n["says"] for n in steps), f"{rule}: each step paraphrases its article"
    assert any(cite in n["cites"] and printed_step(ctx["printed"], n["cites"], n["says"]) for n in steps), \
        f"the printed explanation does not show {rule}'s articles ({cite}) and paraphrase"
    assert rule not in ctx["printed"], f"{rule}: a rule is printed as its articles, not its id"


@then(parsers.re(rf"the reasoning rests on (?P<fact>{NAME}), which records \"(?P<record>[^\"]+)\", "
                 r"as reported in (?P<reports>.+)"))
def _(ctx, fact, record, reports):
    key, labels = the_story(ctx["story"]).glossary.fact_key(fact), names_in(reports)
    leaves = [n for n in tree_nodes(ctx) if n["kind"] == "fact" and n["key"].split("#")[0] == key]
    assert leaves, f"the reasoning does not reach {key}"
    assert any(record in n["text"] and n["sources"] == labels for n in leaves), \
        [(n["text"][:120], n["sources"]) for n in leaves]
    printed = rf"^\s+- fact \[{re.escape(', '.join(labels))}\](?: \([^)]*\))?: .*{re.escape(record)}"
    assert re.search(printed, ctx["printed"], re.M), f"the printed explanation does not show {fact} with {labels}"
    assert key not in ctx["printed"], f"{key}: a fact is printed as what it records, not its key"


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
        c = considered[rule]
        flag = " [unverified]" if c["status"] == "unverified" else ""
        assert f"    - {'; '.join(c['cites'])}{flag}: {c['says']}\n" in ctx["printed"], \
            f"the printed explanation does not list {rule} ({article}) as considered, by its articles and paraphrase"


@then(parsers.re(r"the explanation says it needs \"(?P<needs>[^\"]+)\""))
def _(ctx, needs):
    e = ctx["explanation"]
    assert needs in (e["needs"] or ""), e["needs"]
    assert f"needs {needs}" in ctx["printed"] or f"needs: {needs}" in ctx["printed"]


@then(parsers.re(r"the step of the reasoning that stopped is the rule (?P<rule>[\w.-]+), citing (?P<cite>VCDR art\. \S+)"))
def _(ctx, focus, rule, cite):
    checked(focus, [cite])
    stopped = [n for n in tree_nodes(ctx) if n["rule"] == rule and n["needs"]]
    assert stopped, f"no step by {rule} says what it needs"
    assert cite in stopped[0]["cites"], stopped[0]["cites"]
    assert stopped[0]["needs"] in ctx["explanation"]["needs"], (stopped[0]["needs"], ctx["explanation"]["needs"])
    lines = ctx["printed"].splitlines()
    head = f"- {'; '.join(stopped[0]['cites'])}"
    at = next(i for i, line in enumerate(lines) if line.strip() in (head, f"{head} [unverified]")
              and lines[i + 1].strip() == stopped[0]["says"])
    assert any(line.strip().startswith("needs: ") for line in lines[at:at + 4]), lines[at:at + 4]


# ---------------------------------------------------------------------------------------
# Timeline.
# ---------------------------------------------------------------------------------------

@when("we replay the case over time")
def _(ctx):
    ctx["timeline"] = run_json(ctx, "timeline")


def timeline_row(ctx, answer_words: str) -> dict:
    rows = ctx["timeline"]["rows"]
    ident = conclusion_id(answer_words, rows, ctx["story"])
    row = next(r for r in rows if r["id"] == ident)
    ctx["row"] = row
    return row


def verdicts(row: dict) -> list[str]:
    """The row's verdicts in order, leaving out the periods where the question was not asked."""
    return [p["verdict"] for p in row["periods"] if p["verdict"] != "none"]


@then(parsers.re(r"(?P<named>.+?) went from (?P<sequence>(?:yes|no|uncertain|unknown)"
                 r"(?: to (?:yes|no|uncertain|unknown))+)"))
def _(ctx, named, sequence):
    row = timeline_row(ctx, named)
    assert verdicts(row) == sequence.split(" to "), row["periods"]


@then(parsers.re(r"it was uncertain only within (?P<month>[A-Z][a-z]+ \d{4}), .*"))
def _(ctx, month):
    first = dt.datetime.strptime(month, "%B %Y").date()
    uncertain = [p for p in ctx["row"]["periods"] if p["verdict"] == "uncertain"]
    assert uncertain, ctx["row"]["periods"]
    for p in uncertain:
        start, end = dt.date.fromisoformat(p["from"]), dt.date.fromisoformat(p["to"])
        assert (start.year, start.month) == (end.year, end.month) == (first.year, first.month), p


def event_as_recorded(ctx, words: str) -> str:
    """The event the table names in `words` ('Hongkon Kim leaves New Zealand, February 2018'), as
    the --json record gives it (the case file's ids, 'kim leaves (kim-wellington), February 2018')."""
    case = the_story(ctx["story"]).case
    said = event_words(case)
    found = [f"{what}, {date.label}" for what, date, _ in case.dated_events()
             if f"{said.get(what, what)}, {date.label}" == words]
    assert found, f"no dated event of the case file reads {words!r}: " \
                  f"{sorted(f'{said.get(w, w)}, {d.label}' for w, d, _ in case.dated_events())}"
    return found[0]


@then(parsers.re(r"the period of uncertainty was opened by \"(?P<event>[^\"]+)\""))
def _(ctx, event):
    uncertain = next(p for p in ctx["row"]["periods"] if p["verdict"] == "uncertain")
    assert event_as_recorded(ctx, event) in uncertain["changed_by"], uncertain["changed_by"]


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
        assert iso(day) in asked, f"{day} is not among the days evaluated"


@then(parsers.re(r"(?P<named>.+?) was (?P<verdict>yes|no) throughout, with no change"))
def _(ctx, named, verdict):
    periods = timeline_row(ctx, named)["periods"]
    assert len(periods) == 1, periods
    assert periods[0] == {"from": None, "to": None, "verdict": verdict, "rule": periods[0]["rule"],
                          "changed_by": []}, periods[0]


@when(parsers.re(r"we print the timeline of (?P<named>.+?) as a table"))
def _(ctx, named):
    question, subject = answer_named(named, ctx["story"])
    args = ("timeline", "--question", question, "--subject", subject_option(subject))
    ctx["table"] = run(ctx, *args).stdout
    rows = run_json(ctx, *args)["rows"]
    assert len(rows) == 1, f"the table is limited to the answer asked for: {[r['id'] for r in rows]}"


@then(parsers.re(r"the table (?:shows the period|names the event) \"(?P<text>[^\"]+)\""))
def _(ctx, text):
    assert text in ctx["table"], ctx["table"]


@when("we save the timeline as a picture")
def _(ctx, tmp_path):
    svg = tmp_path / "timeline.svg"
    out = run(ctx, "timeline", "--svg", str(svg)).stdout
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
    args = ["what-if", "--at", iso(day)]
    for change in changes:
        args += ["--set", change]
    if patch is not None:
        args += ["--patch", str(patch)]
    ctx["whatif"] = run_json(ctx, *args)
    ctx["printed"] = run(ctx, *args).stdout
    assert "(the case file itself is not changed)" in ctx["printed"]


WOULD_HAVE = rf"we ask what would have applied on (?P<day>{DAY})"


@when(parsers.re(rf"{WOULD_HAVE} if (?P<party>{NAME}) had granted (?P<request>{NAME})"))
def _(ctx, day, party, request):
    s = the_story(ctx["story"])
    ident = s.glossary.id_of(request, "request")
    what_if(ctx, day, [f"requests.{ident}.response.outcome=granted", f"requests.{ident}.response.by={s.party(party)}"])


@when(parsers.re(rf"{WOULD_HAVE} if (?P<act>{NAME}) had been performed in the exercise of (?P<whose>{NAME}) functions"))
def _(ctx, day, act, whose):
    what_if(ctx, day, [f"acts.{the_story(ctx['story']).glossary.id_of(act, 'act')}.official=true"])


@when(parsers.re(rf"{WOULD_HAVE} if (?P<person>{NAME}) had been reported as a member of the "
                 rf"(?P<category>{alternatives(CATEGORIES)}) and a national of (?P<state>{NAME})"))
def _(ctx, day, person, category, state):
    s = the_story(ctx["story"])
    who = s.glossary.id_of(person, "person")
    posts = [p["id"] for p in s.data["postings"] if p["person"] == who]
    what_if(ctx, day, [*(f"postings.{p}.category={CATEGORIES[category]}" for p in posts),
                       f"persons.{who}.nationalities=[{s.state(state)}]", f"persons.{who}.permanent_resident_of=[]"])


@when(parsers.re(rf"{WOULD_HAVE} with that partial case file"))
def _(ctx, day, patch_file):
    what_if(ctx, day, [], patch_file)


@when(parsers.re(rf'{WOULD_HAVE} with the changes? (?P<changes>"[^"]+"(?:(?:, | and )"[^"]+")*)'))
def _(ctx, day, changes):
    sets = re.findall(r'"([^"]+)"', changes)
    args = ["what-if", "--at", iso(day), *(part for change in sets for part in ("--set", change))]
    result = run(ctx, *args, code=None)
    if result.exit_code == 2:
        ctx["refused"] = result
    else:
        what_if(ctx, day, sets)


def difference(ctx, answer_words: str) -> dict | None:
    question, subject = answer_named(answer_words, ctx["story"])
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
        assert f"{side:6} {PRINTED[HOLDS[verdict]]:9} {'; '.join(d[side]['cites'])}\n" in ctx["printed"], \
            f"the printed comparison does not show {side} {verdict} with the articles of {d[side]['rule']}"
        assert d[side]["rule"] not in ctx["printed"], f"{d[side]['rule']}: printed as its articles, not its id"
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


@then(parsers.re(rf"entry to (?P<mission>{NAME}) becomes permitted by the rule (?P<rule>[\w.-]+), citing "
                 r"(?P<cite>[A-Z]+ art\. \S+)"))
def _(ctx, focus, mission, rule, cite):
    checked(focus, [cite])
    where = the_story(ctx["story"]).glossary.id_of(mission, "mission")
    found = [d for d in ctx["whatif"]["differences"]
             if d["question"] == "entry_permitted" and d["subject"].get("mission") == where]
    assert len(found) == 1, [d["id"] for d in ctx["whatif"]["differences"]]
    d = found[0]
    assert d["after"]["holds"] is True and d["after"]["rule"] == rule and cite in d["after"]["cites"], d["after"]


@then(parsers.re(r"(?P<named>.+?) is then held by the rule (?P<rule>[\w.-]+), citing (?P<cite>VCDR art\. \S+)"))
def _(ctx, focus, named, rule, cite):
    checked(focus, [cite])
    d = difference(ctx, named)
    assert d is not None and d["after"]["holds"] is True, d
    assert d["after"]["rule"] == rule and cite in d["after"]["cites"], d["after"]


@then(parsers.re(rf"none of (?P<person>{NAME}){OF} immunities changes"))
def _(ctx, person):
    s = the_story(ctx["story"])
    who = s.glossary.id_of(person, "person")
    touched = [d["id"] for d in ctx["whatif"]["differences"]
               if d["question"] in IMMUNITIES and d["subject"].get("person") == who]
    assert not touched, touched
    name = next(p.name for p in s.case.persons if p.id == who)
    assert name not in ctx["printed"], f"{name} appears among the changes"


@then(parsers.re(r"(?P<named>.+?) does not change"))
def _(ctx, named):
    assert difference(ctx, named) is None, difference(ctx, named)
    if not ctx["whatif"]["differences"]:
        assert "No answer changes." in ctx["printed"]


@then(parsers.re(r"(?P<named>.+?) changes from (?P<before>yes|no|unknown) to (?P<after>yes|no|unknown), "
                 r"by the rule (?P<rule>[\w.-]+)"))
def _(ctx, focus, named, before, after, rule):
    d = check_change(ctx, named, before, after)
    checked(focus, d["after"]["cites"])
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
    question, subject = answer_named(answer_words, ctx["story"])
    args = ("why-not", question, "--subject", subject_option(subject), "--at", iso(day))
    found = run_json(ctx, *args)
    assert len(found) == 1, found
    ctx["whynot"], ctx["day"] = found[0], day
    ctx["printed"] = run(ctx, *args).stdout


@when(parsers.re(rf"we ask why not for (?P<named>.+?) on (?P<day>{DAY})"))
def _(ctx, named, day):
    why_not(ctx, named, day)


@then(parsers.re(r"the only change that would reverse the answer is a single fact: \"(?P<change>[^\"]+)\""))
def _(ctx, change):
    reversing = [f for f in ctx["whynot"]["flips"] if f["reverses"]]
    assert [f["changes"] for f in reversing] == [[change]], [f["changes"] for f in ctx["whynot"]["flips"]]
    assert ctx["whynot"]["flips"][0] is reversing[0], "the reversing change comes first"
    ctx["flip"] = reversing[0]
    assert re.search(rf"^\s+--set {re.escape(change)}\s+->\s+", ctx["printed"], re.M), ctx["printed"]


@then(parsers.re(r"with that change the answer would turn from (?P<before>yes|no) to (?P<after>yes|no), "
                 r"by the rule (?P<rule>[\w.-]+)"))
def _(ctx, focus, before, after, rule):
    checked(focus, rule_index()[rule].cites)
    flip = ctx["flip"]
    assert (flip["before"], flip["after"], flip["rule"]) == (HOLDS[before], HOLDS[after], rule), flip
    assert f"->  {PRINTED[HOLDS[after]]} ({'; '.join(rule_index()[rule].cites)})\n" in ctx["printed"], ctx["printed"]
    assert rule not in ctx["printed"], f"{rule}: printed as its articles, not its id"


@then("what-if, asked the same change on the same day, gives the same answer by the same rule and in the same words")
def _(ctx):
    flip = ctx["flip"]
    args = ["what-if", "--at", iso(ctx["day"])]
    for change in flip["changes"]:
        args += ["--set", change]
    found = [d for d in run_json(ctx, *args)["differences"] if d["id"] == ctx["whynot"]["id"]]
    assert len(found) == 1, found
    after = found[0]["after"]
    assert (after["holds"], after["rule"], after["text"]) == (flip["after"], flip["rule"], flip["text"])


@then(parsers.re(rf"leaving open whether (?P<act>{NAME}) (?:was|were) official would leave the answer unknown rather "
                 r"than reverse it"))
def _(ctx, act):
    ident = the_story(ctx["story"]).glossary.id_of(act, "act")
    opened = [f for f in ctx["whynot"]["flips"] if f["changes"] == [f"acts.{ident}.official=null"]]
    assert len(opened) == 1, [f["changes"] for f in ctx["whynot"]["flips"]]
    assert opened[0]["after"] is None and opened[0]["reverses"] is False, opened[0]


@then("no change of one or two facts would change the answer")
def _(ctx):
    assert ctx["whynot"]["flips"] == [], ctx["whynot"]["flips"]
    assert "No change of one or two facts in play would change this answer." in ctx["printed"]


@then("no change of one or two facts would reverse the answer")
def _(ctx):
    reversing = [f["changes"] for f in ctx["whynot"]["flips"] if f["reverses"]]
    assert not reversing, reversing
    assert "Would reverse it:" not in ctx["printed"], ctx["printed"]


@then(parsers.re(r'one change would leave the answer open rather than reverse it: "(?P<change>[^"]+)"'))
def _(ctx, change):
    opened = [f for f in ctx["whynot"]["flips"] if f["changes"] == [change]]
    assert len(opened) == 1, [f["changes"] for f in ctx["whynot"]["flips"]]
    assert opened[0]["after"] is None and opened[0]["reverses"] is False, opened[0]


# ---------------------------------------------------------------------------------------
# Open questions.
# ---------------------------------------------------------------------------------------

def as_printed(ctx, answer) -> None:
    """The answer as `immunity at DAY` prints it and as its `--json` record gives it."""
    from engine.render import human

    if "record" not in ctx:
        ctx["record"] = answer.model_dump(mode="json")
        ctx["printed"] = human(answer, the_story(ctx["story"]).case)


@then(parsers.re(r"the printed answers have a section \"(?P<title>[^\"]+)\""))
def _(ctx, answer, title):
    as_printed(ctx, answer)
    lines = ctx["printed"].rstrip("\n").splitlines()
    assert title in lines, f"no section {title!r}"
    start = lines.index(title) + 1
    end = next((i for i in range(start, len(lines)) if not lines[i].strip()), len(lines))
    section = lines[start:end]
    assert section and all(line.startswith("  ") for line in section), section
    ctx["section"] = section


@then(parsers.re(r"the printed answers end with what each State can do next, then the reports cited"))
def _(ctx, answer):
    as_printed(ctx, answer)
    lines = ctx["printed"].rstrip("\n").splitlines()
    assert "What each State can do next" in lines and "Sources" in lines
    after = lines[lines.index("What each State can do next") + 1:lines.index("Sources")]
    assert after and not any(line and not line.startswith(" ") for line in after), after
    cited = lines[lines.index("Sources") + 1:]
    labels = {s.label: s for s in the_story(ctx["story"]).case.sources}
    assert cited and all(line.split()[0] in labels and labels[line.split()[0]].title.rstrip(".") in line
                         for line in cited), cited


@then(parsers.re(r"that section lists (?P<named>.+?), needing \"(?P<needs>[^\"]+)\""))
def _(ctx, named, needs):
    ident = conclusion_id(named, ctx["record"]["conclusions"], ctx["story"])
    ctx["focus"], ctx["needs"] = ident, needs
    from engine.answer import Conclusion
    from engine.render import Names

    names = Names(the_story(ctx["story"]).case)
    c = Conclusion.model_validate(next(c for c in ctx["record"]["conclusions"] if c["id"] == ident))
    said = f"  {names.subject_title(c)}: {names.phrase(c)}: needs "  # in words, not ids
    assert any(line.startswith(said) and needs in line for line in ctx["section"]), (said, ctx["section"])


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


@then(parsers.re(r"in the decision record (?P<named>.+?) is not among the unknowns"))
def _(ctx, named):
    ident = conclusion_id(named, ctx["record"]["conclusions"], ctx["story"])
    c = next(c for c in ctx["record"]["conclusions"] if c["id"] == ident)
    assert c["holds"] in (True, False), c
    assert ident not in {u["id"] for u in ctx["record"]["unknowns"]}
    assert not any(line.startswith(f"  {ident}:") for line in ctx["section"])
