"""The four commands that look behind an answer: explain, timeline, what-if and why-not.

Run in process through typer's test runner (one test runs the real entry point in its own
process), on the shipped Kim case. Each test checks one promise of the issue that asked for
the commands:
- `explain` prints, and `--json` gives, the derivation tree the engine recorded while the
  rules fired, down to the case file's facts and their sources, with the rules considered
  that did not apply; it works for answers that hold, do not hold, and are unknown;
- `timeline` replays the case over every day where an answer can change, as a table, as
  JSON and as an SVG picture;
- `what-if` prints only the answers a change of facts alters, and never writes the case file;
- `why-not` finds the smallest change of facts that would reverse an answer by running the
  engine, so what it reports is what `what-if` reports for the same change;
- unknown answers are listed under "Open questions" with the fact that would settle them.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import struct
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engine.answer import QUESTIONS, Conclusion
from engine.cli import app
from engine.evaluation import all_rules, evaluate, rule_index
from engine.facts import case_fact_key
from engine.loading import DEFAULT_CASE, load_case, shipped_cases
from engine.render import Names, event_words, timeline_table, to_text

ROOT = Path(__file__).resolve().parents[1]
KIM = DEFAULT_CASE.resolve()
RUNNER = CliRunner()
CRIMINAL_NZ = "criminal_immunity:kim/NZL/assault-2017"
# The same answer as the human output names it (the id is for --json only).
KIM_NZ_CRIMINAL = ("Hongkon Kim: immune from New Zealand's criminal jurisdiction for three alleged indecent "
                   "assaults of a male member of the embassy staff (2017)")
KIMS_IMMUNITIES = ("criminal_immunity", "civil_immunity", "personal_inviolability", "residual_immunity")


def run(*args: str, code: int = 0):
    result = RUNNER.invoke(app, list(args))
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == code, (args, result.exit_code, output)
    return result


@lru_cache(maxsize=None)
def out(*args: str) -> str:
    """The printed output of a command that must succeed (each distinct command runs once)."""
    return run(*args).stdout


def record(*args: str):
    """A command's --json record; of explain and why-not, the list of answers it holds (the
    envelope around it says which engine and case file made it)."""
    data = json.loads(out(*args, "--json"))
    assert data["shape_version"] == 1 and data["engine"], data.get("shape")
    return {"explanations": data.get("explanations"), "why-not": data.get("answers")}.get(data["shape"], data)


def refused(*args: str) -> str:
    """The one-line message of a command that must refuse its input (exit 2), printing nothing else."""
    result = run(*args, code=2)
    assert result.stdout == "", result.stdout
    message = result.stderr.strip()
    assert message.startswith("immunity: "), message
    return message


def walk(node: dict):
    yield node
    for child in node["children"]:
        yield from walk(child)


def nodes_of(explanation: dict) -> list[dict]:
    return [n for ground in explanation["grounds"] for n in walk(ground)]


def printed_step(text: str, cites: list[str], says: str) -> bool:
    """Whether the printed tree shows a step: its articles on one line, its paraphrase below."""
    step = rf"^(?P<indent> *)- {re.escape('; '.join(cites))}(?: \[unverified\])?\n(?P=indent)    {re.escape(says)}$"
    return re.search(step, text, re.M) is not None


def in_words(c: dict, case=None) -> str:
    """An answer as the human output names it: 'Hongkon Kim: immune from New Zealand's ...'."""
    names = Names(case or load_case(None).case)
    c = Conclusion.model_validate(c)
    return f"{names.subject_title(c)}: {names.phrase(c)}"


# --- explain ----------------------------------------------------------------------------------

def test_explain_criminal_immunity_in_august_2020_shows_art_39_2_the_end_of_the_posting_and_the_act() -> None:
    text = out("explain", "criminal_immunity", "--subject", "kim", "--at", "2020-08-10")
    kim_nz = text.split(f"{KIM_NZ_CRIMINAL}: NO\n", 1)[1].split("\n\n", 1)[0]
    rules = rule_index()  # each rule printed as its articles, then its paraphrase
    assert printed_step(kim_nz, rules["vcdr.39-2.functions-ended"].cites, rules["vcdr.39-2.functions-ended"].says)
    assert printed_step(kim_nz, rules["vcdr.39-2.residual"].cites, rules["vcdr.39-2.residual"].says)
    posting = next(line for line in kim_nz.splitlines() if "- fact [" in line and "Deputy Head of Mission" in line)
    assert "- fact [A1, A2, A3]: Hongkon Kim, Deputy Head of Mission" in posting
    assert "functions ended February 2018" in posting and "left February 2018" in posting
    act = next(line for line in kim_nz.splitlines() if "- fact [A2, A3]: three alleged indecent assaults" in line)
    assert "not performed in the exercise of functions" in act
    assert "posting:kim-wellington" not in text and "act:assault-2017" not in text and "vcdr." not in text

    items = record("explain", "criminal_immunity", "--subject", "kim", "--at", "2020-08-10")
    assert {e["id"] for e in items} == {CRIMINAL_NZ, "criminal_immunity:kim/PHL/assault-2017"}
    e = next(e for e in items if e["id"] == CRIMINAL_NZ)
    assert e["holds"] is False and e["question"] == "criminal_immunity"
    assert e["subject"] == {"person": "kim", "state": "NZL", "act": "assault-2017"}
    [top] = e["grounds"]
    assert top["kind"] == "answer" and top["rule"] == "vcdr.39-2.functions-ended"
    assert "VCDR art. 39(2)" in top["cites"] and top["says"]
    facts = {n["key"].split("#")[0]: n for n in nodes_of(e) if n["kind"] == "fact"}
    assert facts["posting:kim-wellington"]["sources"] == ["A1", "A2", "A3"]
    assert "functions ended February 2018" in facts["posting:kim-wellington"]["text"]
    assert facts["act:assault-2017"]["sources"] == ["A2", "A3"]
    assert "not performed in the exercise of functions" in facts["act:assault-2017"]["text"]


@pytest.mark.parametrize("question,subject,day", [
    ("criminal_immunity", "person=kim,state=NZL", "2020-08-10"),
    ("criminal_immunity", "person=kim,state=NZL", "2018-02-15"),
    ("premises_inviolable", "mission=rok-embassy-wellington", "2019-10-01"),
    ("must_give_evidence", "complainant", "2017-12-01"),
    ("sending_state_jurisdiction", "person=kim,state=KOR", "2020-08-10"),
])
def test_explain_json_is_a_tree_down_to_sourced_facts_and_matches_the_answer(question, subject, day) -> None:
    items = record("explain", question, "--subject", subject, "--at", day)
    assert items
    answer = {c["id"]: c for c in record("at", day)["conclusions"]}
    printed = out("explain", question, "--subject", subject, "--at", day)
    for e in items:
        c = answer[e["id"]]
        assert (e["holds"], e["text"], e["needs"], e["window"]) == (c["holds"], c["text"], c["needs"], c["window"])
        nodes = nodes_of(e)
        for n in nodes:
            if n["children"]:
                assert n["kind"] in ("answer", "finding") and n["rule"] and n["cites"] and n["says"], n
            else:
                assert n["kind"] == "fact" and n["sources"], n
        assert c["rule"] in {n["rule"] for n in e["grounds"]}, "the answer's rule heads a ground"
        fact_keys = {k for n in nodes if n["kind"] == "fact" for k in (n["key"], n["key"].split("#")[0])}
        assert set(c["because"]) <= fact_keys, set(c["because"]) - fact_keys
        assert sorted({s for n in nodes if n["kind"] == "fact" for s in n["sources"]}) == c["sources"]
        fired = {n["rule"] for n in nodes if n["rule"]}
        assert not fired & {x["rule"] for x in e["considered"]}, "a rule that fired is not 'considered'"
        assert f"{in_words(c)}: " in printed and e["id"] not in printed
        for n in nodes:
            if n["rule"]:  # every step of the JSON tree is printed, as its articles and paraphrase
                assert printed_step(printed, n["cites"], n["says"]), f"{n['rule']} is not in the printed tree"


def test_the_explanation_is_the_record_the_engine_kept_while_the_rules_fired() -> None:
    loaded = load_case(None)
    evaluation = evaluate(loaded.case, dt.date(2020, 8, 10))
    [e] = record("explain", "criminal_immunity", "--subject", "person=kim,state=NZL", "--at", "2020-08-10")
    derived = [n for n in nodes_of(e) if n["kind"] != "fact"]
    assert len(derived) >= 3
    for n in derived:
        step = evaluation.derived[n["key"]]  # every step of the tree is a derivation the engine asserted
        assert step["rule"] == n["rule"]
        # its children are what the rule joined: derivations by their key, the case file's facts
        # by the key of the fact they are a view of
        assert [child["key"] for child in n["children"]] == \
            [b if b in evaluation.derived else case_fact_key(b) for b in step["because"]]
    given = {case_fact_key(k) for k in evaluation.inputs}
    for n in nodes_of(e):
        if n["kind"] == "fact":
            assert n["key"] in given, f"{n['key']} is not one of the facts given to the engine"


def test_explain_lists_the_art_37_categories_considered_for_criminal_immunity_in_post() -> None:
    [e] = record("explain", "criminal_immunity", "--subject", "person=kim,state=NZL", "--at", "2017-12-01")
    assert e["holds"] is True and e["grounds"][0]["rule"] == "vcdr.31-1.criminal"
    considered = {c["rule"]: c for c in e["considered"]}
    for rule, cite in (("vcdr.37-2.administrative-technical", "VCDR art. 37(2)"),
                       ("vcdr.37-3.service-staff", "VCDR art. 37(3)"),
                       ("vcdr.37-4.private-servant", "VCDR art. 37(4)"),
                       ("vcdr.38-1.national-agent", "VCDR art. 38(1)")):
        assert cite in considered[rule]["cites"] and considered[rule]["says"]
    text = out("explain", "criminal_immunity", "--subject", "person=kim,state=NZL", "--at", "2017-12-01")
    assert "Also considered, did not apply:\n" in text
    assert f"    - VCDR art. 37(2): {considered['vcdr.37-2.administrative-technical']['says']}\n" in text
    assert "vcdr.37-2.administrative-technical" not in text


def test_explain_lists_the_art_31_1_exceptions_considered_for_civil_immunity() -> None:
    for day in ("2017-12-01", "2020-08-10"):
        [e] = record("explain", "civil_immunity", "--subject", "person=kim,state=NZL", "--at", day)
        considered = {c["rule"]: c for c in e["considered"]}
        assert "vcdr.31-1-abc.civil-exceptions" in considered, sorted(considered)
        assert {"VCDR art. 31(1)(a)", "VCDR art. 31(1)(b)", "VCDR art. 31(1)(c)"} <= \
            set(considered["vcdr.31-1-abc.civil-exceptions"]["cites"])
    text = out("explain", "civil_immunity", "--subject", "person=kim,state=NZL", "--at", "2017-12-01")
    assert f"- VCDR art. 31(1)(a); VCDR art. 31(1)(b); VCDR art. 31(1)(c): " \
           f"{considered['vcdr.31-1-abc.civil-exceptions']['says']}" in text


def test_explain_an_unknown_answer_names_the_missing_fact() -> None:
    [e] = record("explain", "must_give_evidence", "--subject", "complainant", "--at", "2017-12-01")
    assert e["holds"] is None and e["window"] is None
    assert "the complainant's category of staff" in e["needs"]
    assert any(n["needs"] and n["rule"] == "vcdr.1-c.category-unknown" for n in nodes_of(e))
    text = out("explain", "must_give_evidence", "--subject", "complainant", "--at", "2017-12-01")
    assert text.startswith("the complainant: may be compelled to give evidence in New Zealand: UNKNOWN\n")
    assert "needs: the complainant's category of staff" in text


def test_explain_an_uncertain_answer_gives_its_window() -> None:
    [e] = record("explain", "criminal_immunity", "--subject", "person=kim,state=NZL", "--at", "2018-02-15")
    assert e["holds"] is None and e["window"] == "2018-02-01/2018-02-28" and e["needs"]
    text = out("explain", "criminal_immunity", "--subject", "person=kim,state=NZL", "--at", "2018-02-15")
    assert text.startswith(f"{KIM_NZ_CRIMINAL}: UNCERTAIN\n") and "Window: 2018-02-01 to 2018-02-28." in text


def test_explain_refuses_an_unknown_question_and_a_bad_date() -> None:
    assert "QUESTION" in refused("explain", "immunity_from_everything", "--at", "2020-08-10")
    assert "DATE" in refused("explain", "criminal_immunity", "--at", "10/08/2020")


def test_explain_runs_from_the_real_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, "-c", "from engine.cli import main; main()", "explain", "criminal_immunity",
         "--subject", "person=kim,state=NZL", "--at", "2020-08-10", "--json"],
        cwd=ROOT, env=dict(os.environ, COLUMNS="120"), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == json.loads(out("explain", "criminal_immunity", "--subject",
                                                       "person=kim,state=NZL", "--at", "2020-08-10", "--json"))


# --- timeline ---------------------------------------------------------------------------------

def timeline_rows() -> dict[str, dict]:
    return {r["id"]: r for r in record("timeline")["rows"]}


def test_timeline_criminal_immunity_goes_yes_uncertain_no_with_the_uncertainty_inside_february_2018() -> None:
    periods = timeline_rows()[CRIMINAL_NZ]["periods"]
    seen = [p["verdict"] for p in periods if p["verdict"] != "none"]
    assert seen == ["yes", "uncertain", "no"], periods
    [uncertain] = [p for p in periods if p["verdict"] == "uncertain"]
    assert "2018-02-01" <= uncertain["from"] <= uncertain["to"] <= "2018-02-28", uncertain
    assert any("leaves (kim-wellington), February 2018" in e for e in uncertain["changed_by"]), uncertain
    assert periods[-1]["verdict"] == "no" and periods[-1]["to"] is None
    assert periods[-1]["rule"] == "vcdr.39-2.functions-ended"


@pytest.mark.parametrize("ident", ["premises_inviolable:rok-embassy-wellington",
                                   "archives_inviolable:rok-embassy-wellington"])
def test_timeline_the_embassy_stays_inviolable_throughout(ident) -> None:
    periods = timeline_rows()[ident]["periods"]
    assert len(periods) == 1 and periods[0]["verdict"] == "yes", periods
    assert (periods[0]["from"], periods[0]["to"], periods[0]["changed_by"]) == (None, None, [])


def test_timeline_periods_are_contiguous_and_agree_with_asking_on_each_day() -> None:
    data = record("timeline")
    days = data["checkpoints"]
    assert days == sorted(set(days))
    for edge in ("2017-12-31", "2018-01-31", "2018-02-01", "2018-02-28", "2019-09-01", "2019-09-30"):
        assert edge in days, f"{edge} (an edge of a dated fact's window) was not evaluated"
    for row in data["rows"]:
        periods = row["periods"]
        assert periods[0]["from"] is None and periods[-1]["to"] is None
        for a, b in zip(periods, periods[1:]):
            assert a["verdict"] != b["verdict"], row["id"]
            assert dt.date.fromisoformat(a["to"]) + dt.timedelta(days=1) == dt.date.fromisoformat(b["from"])
            assert b["changed_by"], f"{row['id']}: no event named for the change on {b['from']}"
    # Kim's row against the answer to `at` on the first and last day of each closed period
    loaded = load_case(None)
    verdict = {True: "yes", False: "no"}
    for p in timeline_rows()[CRIMINAL_NZ]["periods"]:
        for day in (p["from"], p["to"]):
            if day is None:
                continue
            found = evaluate(loaded.case, dt.date.fromisoformat(day)).answer.find(
                "criminal_immunity", person="kim", state="NZL")
            got = verdict.get(found[0].holds, "uncertain" if found and found[0].window else "unknown") \
                if found else "none"
            assert got == p["verdict"], (day, got, p)


def test_timeline_table_in_the_terminal() -> None:
    text = out("timeline")
    assert "answers over time" in text
    assert "2018-02-01 to 2018-02-27: UNCERTAIN" in text and "from 2018-02-28: NO" in text
    assert "premises inviolable" in text and "throughout: YES" in text
    only = out("timeline", "--question", "premises_inviolable")
    assert "throughout: YES" in only and "criminal" not in only


def test_timeline_svg_renders_as_a_png(tmp_path) -> None:
    import cairosvg
    from PIL import Image

    svg = tmp_path / "timeline.svg"
    assert f"saved {svg}" in run("timeline", "--svg", str(svg)).stdout
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<svg") and "UNCERTAIN" in text
    png = cairosvg.svg2png(url=str(svg))
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[12:16] == b"IHDR"
    width, height = struct.unpack(">II", png[16:24])
    assert 1000 <= width <= 10_000 and 1000 <= height <= 50_000, (width, height)
    image = Image.open(io.BytesIO(png))
    assert image.size == (width, height)
    assert len(image.convert("RGB").getcolors(maxcolors=1 << 16) or range(1 << 16)) > 2, "a blank picture"


def test_timeline_svg_with_json_is_refused() -> None:
    result = run("timeline", "--json", "--svg", "/tmp/never-written.svg", code=2)
    assert "--svg" in result.stderr
    assert not Path("/tmp/never-written.svg").exists()


# --- what-if ----------------------------------------------------------------------------------

WAIVER_GRANTED = "requests.waiver-2019-09.response.outcome=granted"


def test_what_if_the_september_2019_request_had_been_granted_changes_only_the_entry() -> None:
    """It asked for entry, which is the head of mission's consent (VCDR art. 22(1)), not for a
    waiver of immunity (art. 32): no waiver answer comes of it, granted or not."""
    found = record("what-if", "--set", WAIVER_GRANTED, "--at", "2019-10-01")
    assert found["as_of"] == "2019-10-01" and found["changes"] == [WAIVER_GRANTED]
    changed = {d["id"]: d for d in found["differences"]}
    assert set(changed) == {"entry_permitted:rok-embassy-wellington/waiver-2019-09"}
    entry = changed["entry_permitted:rok-embassy-wellington/waiver-2019-09"]
    assert entry["before"]["holds"] is False and entry["after"]["holds"] is True
    assert entry["after"]["rule"] == "vcdr.22-1.consent-by-sending-state" and "VCDR art. 22(1)" in entry["after"]["cites"]
    assert not [d for d in found["differences"] if d["question"] in KIMS_IMMUNITIES]
    text = out("what-if", "--set", WAIVER_GRANTED, "--at", "2019-10-01")
    assert "(the case file itself is not changed)" in text
    assert "  before NO        VCDR art. 22(1)\n" in text  # the articles, not the rule's id
    assert "  after  YES       VCDR art. 22(1)\n" in text
    assert "Rests on law not verified: VCDR art. 22(1).\n" in text
    assert "Hongkon Kim" not in text and "vcdr.22-1" not in text


def differences(*args: str) -> dict[str, tuple]:
    return {d["id"]: (d["before"] and d["before"]["holds"], d["after"] and d["after"]["holds"])
            for d in record("what-if", *args)["differences"]}


def test_what_if_the_act_had_been_official() -> None:
    found = differences("--set", "acts.assault-2017.official=true", "--at", "2020-08-10")
    assert found[CRIMINAL_NZ] == (False, True)
    assert found["residual_immunity:kim/NZL/assault-2017"] == (False, True)
    assert found["prosecutable:kim/NZL/assault-2017"] == (True, False)
    assert not [i for i in found if "rok-embassy-wellington" in i]


def test_what_if_kim_had_still_been_posted_in_wellington_in_2020() -> None:
    found = differences("--set", "postings.kim-wellington.functions_ended=null",
                        "--set", "postings.kim-wellington.departed=null",
                        "--set", "postings.kim-wellington.in_post_during=[2017, 2020]", "--at", "2020-08-10")
    assert found[CRIMINAL_NZ] == (False, True)
    assert found["personal_inviolability:kim/NZL"] == (False, True)
    assert "criminal_immunity:kim/PHL/assault-2017" not in found


def test_what_if_kim_were_a_new_zealand_national_by_patch_or_by_set(tmp_path) -> None:
    patch = tmp_path / "nz-national.yaml"
    patch.write_text("persons: [{id: kim, nationalities: [KOR, NZL]}]\n", encoding="utf-8")
    by_patch = differences("--patch", str(patch), "--at", "2017-06-01")
    assert by_patch[CRIMINAL_NZ] == (True, False)
    assert by_patch["personal_inviolability:kim/NZL"] == (True, False)
    assert by_patch == differences("--set", "persons.kim.nationalities=[KOR, NZL]", "--at", "2017-06-01")
    rule = next(d for d in record("what-if", "--patch", str(patch), "--at", "2017-06-01")["differences"]
                if d["id"] == CRIMINAL_NZ)["after"]["rule"]
    assert rule == "vcdr.38-1.official-acts-only"
    assert "No answer changes." in out("what-if", "--patch", str(patch), "--at", "2020-08-10")


def test_what_if_never_writes_the_case_file_nor_the_patch(tmp_path) -> None:
    patch = tmp_path / "patch.yaml"
    patch.write_text("persons: [{id: kim, nationalities: [KOR, NZL]}]\n", encoding="utf-8")
    watched = {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in (KIM, patch)}
    for args in ([*("--set", WAIVER_GRANTED), "--at", "2019-10-01"],
                 ["--set", "acts.assault-2017.official=true", "--at", "2020-08-10", "--json"],
                 ["--patch", str(patch), "--at", "2017-06-01"],
                 ["--patch", str(patch), "--set", "persons.kim.nationalities=[NZL]", "--at", "2020-08-10"],
                 [str(KIM), "--set", "postings.kim-wellington.departed=null", "--at", "2020-08-10"]):
        run("what-if", *args)
    run("what-if", "--set", "acts.assault-2017.official=maybe", code=2)
    for path, (content, mtime) in watched.items():
        assert path.read_bytes() == content, f"{path} changed"
        assert path.stat().st_mtime_ns == mtime, f"{path} was written"


def test_what_if_a_path_that_does_not_exist_is_refused_clearly() -> None:
    message = refused("what-if", "--set", "requests.nope.response.outcome=granted", "--at", "2019-10-01")
    assert "requests.nope" in message and "no item 'nope'" in message
    assert "waiver-2019-09" in message and "return-2020-07" in message
    assert len(message.splitlines()) == 1


@pytest.mark.parametrize("change,field", [
    ("acts.assault-2017.official=maybe", "official"),
    ("requests.waiver-2019-09.response.outcome=maybe", "outcome"),
    ("persons.kim.nationalities=[XXX]", "nationalities"),
    ("postings.kim-wellington.departed=2018-13", "departed"),
    ("requests.waiver-2019-09.nope=1", "nope"),
])
def test_what_if_a_change_that_breaks_the_case_file_is_refused_naming_the_field(change, field) -> None:
    message = refused("what-if", "--set", change, "--at", "2020-08-10")
    assert field in message and "(as changed)" in message, message


@pytest.mark.parametrize("args,said", [
    ([], "needs at least one --set"),
    (["--set", "official"], "expected PATH=VALUE"),
    (["--set", "persons.kim.name.first=x"], "is a value, not a section"),
])
def test_what_if_malformed_changes_are_refused(args, said) -> None:
    assert said in refused("what-if", *args, "--at", "2020-08-10")


def test_what_if_a_patch_that_is_not_a_partial_case_file_is_refused(tmp_path) -> None:
    patch = tmp_path / "list.yaml"
    patch.write_text("- kim\n", encoding="utf-8")
    assert "the patch must be a mapping" in refused("what-if", "--patch", str(patch), "--at", "2020-08-10")
    assert "no such file" in refused("what-if", "--patch", str(tmp_path / "absent.yaml"), "--at", "2020-08-10")


# --- why-not ----------------------------------------------------------------------------------

def test_why_not_finds_the_single_change_that_reverses_kims_criminal_immunity_by_running_the_engine() -> None:
    [found] = record("why-not", "criminal_immunity", "--subject", "person=kim,state=NZL", "--at", "2020-08-10")
    assert found["id"] == CRIMINAL_NZ and found["holds"] is False
    reversing = [f for f in found["flips"] if f["reverses"]]
    assert [f["changes"] for f in reversing] == [["acts.assault-2017.official=true"]]
    flip = reversing[0]
    assert found["flips"][0] == flip, "the reversing change is listed first"
    same = next(d for d in record("what-if", "--set", "acts.assault-2017.official=true", "--at", "2020-08-10")
                ["differences"] if d["id"] == CRIMINAL_NZ)
    assert (flip["before"], flip["after"], flip["rule"], flip["text"]) == \
        (same["before"]["holds"], same["after"]["holds"], same["after"]["rule"], same["after"]["text"])
    for f in found["flips"]:  # every change offered is one what-if accepts
        assert all("=" in change for change in f["changes"])
        assert f["reverses"] == (f["after"] is not None)
    text = out("why-not", "criminal_immunity", "--subject", "person=kim,state=NZL", "--at", "2020-08-10")
    assert text.startswith(f"{KIM_NZ_CRIMINAL}: NO\n")
    assert "Would reverse it:\n    --set acts.assault-2017.official=true  ->  YES (VCDR art. 39(2); " \
           "VCDR art. 31(1))\n" in text


def test_explain_and_why_not_without_a_matching_answer_say_so_and_list_the_subjects_that_have_one() -> None:
    for command in ("explain", "why-not"):
        text = out(command, "criminal_immunity", "--subject", "nobody", "--at", "2020-08-10")
        assert text.startswith("No answer to criminal_immunity for nobody on 2020-08-10."), text
        assert "  --subject person=kim,state=NZL,act=assault-2017" in text, text
        assert record(command, "criminal_immunity", "--subject", "nobody", "--at", "2020-08-10") == []


def test_a_malformed_subject_is_refused() -> None:
    assert "expected keys among person, state" in refused("explain", "criminal_immunity", "--subject", "who=kim")


# --- open questions ---------------------------------------------------------------------------

def test_at_lists_open_questions_naming_the_complainants_staff_category() -> None:
    text = out("at", "2017-12-01")
    lines = text.rstrip("\n").splitlines()
    section = open_questions_section(lines)
    assert section and all(line.startswith("  ") for line in section)
    line = next(line for line in section  # in words, not the id must_give_evidence:complainant/NZL
                if line.startswith("  the complainant: may be compelled to give evidence in New Zealand: needs "))
    assert "the complainant's category of staff" in line
    data = record("at", "2017-12-01")
    c = next(c for c in data["conclusions"] if c["id"] == "must_give_evidence:complainant/NZL")
    assert c["holds"] is None and "the complainant's category of staff" in c["needs"]
    unknowns = {u["id"]: u["needs"] for u in data["unknowns"]}
    assert unknowns["must_give_evidence:complainant/NZL"] == c["needs"]
    assert set(unknowns) == {c["id"] for c in data["conclusions"] if c["holds"] is None and c["needs"]}
    assert len(section) == len(unknowns)


def open_questions_section(lines: list[str]) -> list[str]:
    """The lines under the "Open questions" heading, up to the blank line that ends the section."""
    start = lines.index("Open questions") + 1
    end = next((i for i in range(start, len(lines)) if not lines[i].strip()), len(lines))
    return lines[start:end]


# --- words, not ids -----------------------------------------------------------------------------
# The human output of explain, what-if, why-not and timeline names answers, rules and facts in
# words: an answer by its subject and question ("Hongkon Kim: immune from New Zealand's ..."), a
# rule by its articles and paraphrase, a fact by what it records, an event by who did what.
# Rule ids, answer ids (question:subject) and fact keys (posting:kim-wellington) are for --json.
# The `--set PATH=VALUE` changes why-not suggests are commands to type, and stay as they are.

RULE_ID = re.compile(r"(?<![\w.-])(" + "|".join(re.escape(r.id) for r in sorted(all_rules(), key=lambda r: -len(r.id)))
                     + r")(?![\w-])")
ANSWER_ID = re.compile(r"\b(" + "|".join(QUESTIONS) + r"):\S")
FACT_KEY = re.compile(r"\b(posting|act|person|mission|request|concerns|proceeding|offence|entry|whereabouts|standing|"
                      r"consular_standing|privileges|consular_privileges):[a-z0-9]")


def ids_in(text: str) -> list[str]:
    """Rule ids, answer ids and fact keys in printed output (leaving out the --set commands to type)."""
    lines = [line for line in text.splitlines() if "--set " not in line and "--patch " not in line]
    return [m.group(0) for line in lines for pattern in (RULE_ID, ANSWER_ID, FACT_KEY)
            for m in pattern.finditer(line)]


@pytest.mark.parametrize("args", [
    ("explain", "criminal_immunity", "--subject", "kim", "--at", "2020-08-10"),
    ("explain", "criminal_immunity", "--subject", "person=kim,state=NZL", "--at", "2017-12-01"),
    ("explain", "must_give_evidence", "--subject", "complainant", "--at", "2017-12-01"),
    ("explain", "entry_permitted", "--at", "2020-02-29"),
    ("explain", "prosecutable", "--at", "2023-06-01", "consular"),
    ("explain", "waiver_effective", "--at", "2024-06-01", "waiver"),
    ("what-if", "--set", WAIVER_GRANTED, "--at", "2019-10-01"),
    ("what-if", "--set", "acts.assault-2017.official=true", "--at", "2020-08-10"),
    ("why-not", "criminal_immunity", "--subject", "person=kim,state=NZL", "--at", "2020-08-10"),
    ("why-not", "entry_permitted", "--at", "2019-10-01"),
    ("timeline",),
    ("timeline", "consular"),
])
def test_the_human_output_speaks_in_words_and_keeps_ids_for_json(args) -> None:
    text = out(*args)
    assert text.strip() and not text.startswith("No answer"), text[:300]
    assert not ids_in(text), sorted(set(ids_in(text)))
    if args[0] in ("explain", "why-not"):  # the answer asked about, named by subject and question
        case = load_case(shipped_cases()[args[-1]] if args[-1] in shipped_cases() else None).case
        asked = record(*args)
        conclusions = {c["id"]: c for c in evaluate(case, dt.date.fromisoformat(args[args.index("--at") + 1]))
                       .answer.model_dump(mode="json")["conclusions"]}
        for item in asked:
            assert f"{in_words(conclusions[item['id']], case)}: " in text, item["id"]


def test_the_checker_finds_ids() -> None:
    """The test above would see an id if one were printed."""
    assert ids_in("- vcdr.39-2.residual [VCDR art. 39(2)]\n  criminal_immunity:kim/NZL: NO\n  fact posting:kim-x") == \
        ["vcdr.39-2.residual", "criminal_immunity:k", "posting:k"]
    assert ids_in("    --set acts.assault-2017.official=true  ->  YES (VCDR art. 39(2))") == []


def test_explain_names_a_fact_shown_twice_by_what_it_is() -> None:
    text = out("explain", "criminal_immunity", "--subject", "kim", "--at", "2020-08-10")
    assert "- fact (as above): Hongkon Kim, Deputy Head of Mission (\"Deputy Ambassador\"), embassy of the Republic " \
           "of Korea in Wellington\n" in text
    assert "=> Hongkon Kim: immunity in New Zealand for three alleged indecent assaults of a male member of the " \
           "embassy staff (2017) survives the end of his functions: NO. " in text  # an answer found on the way
    consular = out("explain", "criminal_immunity", "--subject", "kim", "--at", "2019-06-01")
    assert "=> consular standing of Hongkon Kim at the consular post of the Republic of Korea in the Philippines: " \
           "consular officer" in consular
    entry = out("explain", "entry_permitted", "--at", "2020-02-29")
    assert "- fact: New Zealand's request to the Republic of Korea for a waiver of immunity (September 2019) " \
           "concerns the embassy of the Republic of Korea in Wellington." in entry
    assert "Answer: declined (September 2019) by the Republic of Korea." in entry


def test_every_dated_event_of_every_shipped_case_has_words() -> None:
    for name, path in shipped_cases().items():
        case = load_case(path).case
        words = event_words(case)
        for what, _, _ in case.dated_events():
            assert what in words, f"{name}: no words for the event {what!r}"
            ids = {x.id for kind in ("postings", "missions", "proceedings", "requests", "entries", "whereabouts")
                   for x in getattr(case, kind)}  # (an act's id may be a word of its description: hit-and-run)
            assert not [i for i in ids if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", words[what])], words[what]


def test_timeline_names_the_events_in_words_and_json_keeps_them_as_recorded() -> None:
    text = out("timeline", "--question", "criminal_immunity", "--subject", "person=kim,state=NZL")
    assert "2018-02-01 to 2018-02-27: UNCERTAIN  <- Hongkon Kim's functions at the embassy in Wellington end, " \
           "February 2018; Hongkon Kim leaves New Zealand, February 2018" in text
    assert "(kim-wellington)" not in text
    [row] = record("timeline", "--question", "criminal_immunity", "--subject", "person=kim,state=NZL")["rows"]
    assert "kim leaves (kim-wellington), February 2018" in row["periods"][2]["changed_by"]


def test_timeline_piped_runs_each_period_on_one_line_with_no_padding() -> None:
    lines = out("timeline").splitlines()
    assert not [line for line in lines if line != line.rstrip()]
    assert not [line for line in lines if set(line) & set("│┃─━")], "no rules drawn for a pipe or a file"
    period = next(line for line in lines if "2018-02-01 to 2018-02-27: UNCERTAIN" in line)
    assert period.rstrip().endswith("Hongkon Kim leaves New Zealand, February 2018"), period


@pytest.mark.parametrize("width", [80, 120, 200])
def test_timeline_table_fits_the_terminal(width) -> None:
    loaded = load_case(None)
    from engine.timeline import timeline

    _, rows = timeline(loaded.case)
    text = to_text([timeline_table(loaded.case, rows)], width=width)
    assert max(len(line) for line in text.splitlines()) <= width
    assert "UNCERTAIN" in text and "│" in text


def test_timeline_on_a_terminal_is_as_wide_as_the_terminal() -> None:
    """The real entry point, its output a terminal 90 columns wide (a pseudo-terminal)."""
    import pty

    master, slave = pty.openpty()
    env = dict(os.environ, COLUMNS="90", LINES="10000", NO_COLOR="1")
    proc = subprocess.Popen([sys.executable, "-c", "from engine.cli import main; main()", "timeline", "--no-pager",
                             "--question", "criminal_immunity"], cwd=ROOT, env=env, stdout=slave,
                            stderr=subprocess.PIPE)
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    assert proc.wait(timeout=120) == 0, proc.stderr.read()
    text = b"".join(chunks).decode("utf-8").replace("\r\n", "\n")
    lines = text.splitlines()
    assert "┃ Subject" in text and "UNCERTAIN" in text
    assert max(len(line) for line in lines) <= 90, max(len(line) for line in lines)
    assert max(len(line) for line in lines) > 80, "the table uses the terminal's width"
