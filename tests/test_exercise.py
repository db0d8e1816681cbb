"""`immunity exercise`: a learner predicts, the engine answers, explains and cites.

The drill is driven through a real terminal; banks are loaded, graded, printed as an answer
key and as a worksheet; bad banks are refused like bad case files; the shipped bank reaches
every article the rules cite; and breaking VCDR art. 39(2) in a copy of the rules changes the
answer key, which shows the bank's answers come from the rules and not from the bank.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pexpect
import pytest
import yaml

from engine.answer import QUESTIONS
from engine.exercise import PROMPTS, generate, load_bank, read_answer
from engine.loading import load_case, shipped_cases
from mutation import ROOT, immunity, mutated_rules

BANK = ROOT / "scenarios" / "exercises" / "kim-and-consular.yaml"
CITES_AN_ARTICLE = re.compile(r"art\.|s \d")
SMALL_BANK = {
    "title": "Three questions",
    "items": [
        {"case": "kim", "date": "2017-06-01", "question": "criminal_immunity",
         "subject": {"person": "kim", "state": "NZL", "act": "assault-2017"}, "hint": "What is his rank?"},
        {"case": "kim", "date": "2020-08-10", "question": "criminal_immunity",
         "subject": {"person": "kim", "state": "NZL"}, "teaching_note": "Art. 39(2) ends it on departure."},
        {"case": "consular", "date": "2023-05-10", "question": "waiver_effective",
         "subject": {"request": "waiver-telephone"}},
    ],
}


def run(*args: str, stdin: str | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(immunity(*args), cwd=cwd, input=stdin, capture_output=True, text=True, timeout=120)


def succeeded(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stdout + result.stderr
    return result.stdout


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def small_bank(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("bank") / "small.yaml"
    path.write_text(yaml.safe_dump(SMALL_BANK, sort_keys=False))
    return path


@pytest.fixture(scope="module")
def bank_key() -> list[dict]:
    """The shipped bank's answer key, as the command prints it."""
    return json.loads(succeeded(run("exercise", "--bank", str(BANK), "--json")))["exercises"]


# --- (a) the drill in a real terminal ---------------------------------------------------

def spawn(*args: str) -> pexpect.spawn:
    command = immunity("exercise", *args)
    return pexpect.spawn(command[0], command[1:], cwd=str(ROOT), encoding="utf-8", timeout=60,
                         dimensions=(50, 120))


ASKED = r"Your answer \(yes / no / depends\)[^:\n]*: "


def test_a_drill_in_a_terminal_asks_five_questions_explains_and_keeps_score():
    key = json.loads(succeeded(run("exercise", "--rounds", "5", "--seed", "1", "--json")))["exercises"]
    assert len(key) == 5
    child = spawn("--rounds", "5", "--seed", "1")
    transcript = []
    for n, item in enumerate(key, 1):
        child.expect(ASKED)
        transcript.append(child.before)
        if n == 1:  # not an answer: asked again
            child.sendline("perhaps")
            child.expect("Please answer yes, no or depends")
            child.expect(ASKED)
        wrong = {"yes": "n", "no": "y", "depends": "y"}[item["expected"]]
        child.sendline(wrong if n == 2 else item["expected"][0])  # one wrong answer, on purpose
        child.expect(r"Score: (\d) of (\d)\.")
        transcript.append(child.before)
        assert child.match.groups() == (str(n - 1 if n >= 2 else n), str(n))
    child.expect(r"Final score: 4 of 5\.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    text = "".join(transcript)
    assert text.count("Question:") == 5
    asked = [part for part in transcript[0::2]]
    for item, shown in zip(key, asked):  # the question shown is the key's, in the same order
        assert flat(item["prompt"]) in flat(shown)
    explanations = text.split("The engine's answer:")[1:]
    assert len(explanations) == 5
    for explanation in explanations:
        assert CITES_AN_ARTICLE.search(explanation.split("Score:")[0]), explanation
    assert text.count("Right.") == 4 and text.count("Not quite: you answered") == 1


@pytest.mark.parametrize("stop", ["eof", "interrupt"])
def test_a_drill_stops_cleanly_with_the_score_so_far(stop):
    child = spawn("--rounds", "3", "--seed", "2")
    child.expect(ASKED)
    child.sendline("d")
    child.expect(r"Score: \d of 1\.")
    child.expect(ASKED)
    child.sendeof() if stop == "eof" else child.sendintr()
    child.expect(r"Stopped after 1 of 3 exercises\.")
    child.expect(r"Final score: \d of 1\.")
    child.expect(pexpect.EOF)
    assert "Traceback" not in child.before
    child.close()
    assert child.exitstatus == 0


def test_a_learners_words_are_read_as_yes_no_or_depends():
    assert [read_answer(w) for w in ("y", "Yes", " NO ", "n", "d", "depends", "It depends.", "unknown")] == \
        ["yes", "yes", "no", "no", "depends", "depends", "depends", "depends"]
    assert read_answer("maybe") is None and read_answer("") is None


# --- (b) reproducible generation ---------------------------------------------------------

def keys(exercises) -> list[tuple]:
    return [(e.day, e.question, tuple(e.subject.items()), e.sets, e.expected) for e in exercises]


def test_b_the_same_seed_gives_the_same_exercises_and_other_seeds_others():
    kim = load_case(shipped_cases()["kim"])
    first, again = generate(kim, 5, seed=11), generate(kim, 5, seed=11)
    assert keys(first) == keys(again)
    others = {tuple(keys(generate(kim, 5, seed=s))) for s in (12, 13, 14)}
    assert tuple(keys(first)) not in others and len(others) == 3
    assert all(e.answer.holds is not None and not e.sets for e in first)  # basic: definite, as reported


def test_b_advanced_exercises_include_a_variant_stated_in_words_that_changes_the_answer():
    consular = load_case(shipped_cases()["consular"])
    exercises = generate(consular, 3, seed=5, level="advanced")
    assert keys(exercises) == keys(generate(consular, 3, seed=5, level="advanced"))
    variants = [e for e in exercises if e.sets]
    assert variants, keys(exercises)
    for v in variants:
        assert v.changes and all("(As reported:" in c for c in v.changes)
        assert v.as_reported is not None and v.as_reported.holds != v.answer.holds


def test_b_a_fixed_date_asks_every_exercise_about_that_day():
    exercises = generate(load_case(shipped_cases()["kim"]), 4, seed=3, day=dt.date(2019, 9, 15))
    assert {e.day for e in exercises} == {dt.date(2019, 9, 15)}


def test_b_every_contract_question_has_a_plain_words_question_without_ids():
    assert set(PROMPTS) == set(QUESTIONS)
    for name in ("kim", "consular"):
        path = shipped_cases()[name]
        case = load_case(path).case
        ids = {x.id for group in (case.acts, case.missions, case.requests, case.entries, case.postings)
               for x in group} | {s.code for s in case.states}
        for level in ("basic", "advanced"):
            for e in generate(load_case(path), 6, seed=8, level=level):
                shown = " ".join((e.prompt, *e.facts, *e.changes))
                leaked = {i for i in ids if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", shown)}
                assert not leaked, (name, leaked, shown)


# --- (c) banks: grading, answer key, worksheet, errors -----------------------------------

def test_c_answers_given_on_the_command_line_are_graded(small_bank):
    out = succeeded(run("exercise", "--bank", str(small_bank), "--answers", "yes,yes,d"))
    assert out.count("Question:") == 3
    assert "Your answer (yes / no / depends): yes" in out
    assert "Right. The engine's answer: YES" in out
    assert "Not quite: you answered yes. The engine's answer: NO" in out
    assert "Not quite: you answered it depends. The engine's answer: NO" in out
    assert "Hint" not in out  # hints are given on request only
    assert "Teaching note: Art. 39(2) ends it on departure." in out
    assert out.rstrip().endswith("Final score: 1 of 3.")
    assert len(CITES_AN_ARTICLE.findall(out)) >= 3


def test_c_answers_piped_on_stdin_are_graded_and_the_end_of_input_stops_the_drill(small_bank):
    out = succeeded(run("exercise", "--bank", str(small_bank), stdin="?\ny\nwhat?\nn\n"))
    assert "(? for a hint)" in out and "Hint: What is his rank?" in out
    assert "Please answer yes, no or depends" in out
    assert "Stopped after 2 of 3 exercises." in out
    assert out.rstrip().endswith("Final score: 2 of 2.")


def test_c_bad_answers_are_refused(small_bank):
    for answers, expected in (("yes,perhaps", "answer 2: expected yes, no or depends"),
                              ("y,y,y,y", "4 answers for 3 exercises")):
        result = run("exercise", "--bank", str(small_bank), "--answers", answers)
        assert result.returncode == 2 and expected in result.stderr and "Traceback" not in result.stderr


def test_c_the_answer_key_gives_every_answer_with_its_articles(bank_key):
    items = yaml.safe_load(BANK.read_text())["items"]
    assert len(bank_key) == len(items) >= 25
    for entry, item in zip(bank_key, items):
        assert entry["question"] == item["question"] and entry["date"] == str(item["date"])
        assert all(entry["subject"][k] == v for k, v in item["subject"].items())
        assert entry["verdict"] == {True: "yes", False: "no"}.get(entry["holds"], entry["verdict"])
        assert entry["verdict"] in ("yes", "no", "unknown", "uncertain")
        assert entry["expected"] == {True: "yes", False: "no"}.get(entry["holds"], "depends")
        assert entry["cites"] and entry["text"] and entry["prompt"]
        assert entry["prompt"].startswith("On ") and entry["prompt"].endswith("?")
        assert bool(entry["changes"]) == bool(item.get("set") or item.get("patch"))
    verdicts = {e["verdict"] for e in bank_key}
    assert verdicts == {"yes", "no", "unknown", "uncertain"}


class Worksheet(HTMLParser):
    """Per exercise (an <li> of <ol class="items">), the summaries of its <details>; and any
    tag that would fetch or run something."""

    def __init__(self):
        super().__init__()
        self.items: list[list[str]] = []
        self.lists: list[str] = []  # the lists open around the current point
        self.in_summary = False
        self.external: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "link", "iframe", "img") or any(
                str(attrs.get(a) or "").startswith(("http", "//")) for a in ("src", "href")):
            self.external.append(tag)
        if tag in ("ol", "ul"):
            self.lists.append("items" if attrs.get("class") == "items" else tag)
        elif tag == "li" and self.lists[-1:] == ["items"]:
            self.items.append([])
        self.in_summary = tag == "summary"

    def handle_endtag(self, tag):
        if tag in ("ol", "ul"):
            self.lists.pop()
        if tag == "summary":
            self.in_summary = False

    def handle_data(self, data):
        if self.in_summary and self.items:
            self.items[-1].append(data.strip())


def test_c_the_worksheet_is_printable_html_with_each_answer_behind_details(tmp_path, bank_key):
    target = tmp_path / "worksheet.html"
    out = succeeded(run("exercise", "--bank", str(BANK), "--html", str(target)))
    assert f"saved {target}" in out
    text = target.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "@media print" in text
    sheet = Worksheet()
    sheet.feed(text)
    assert len(sheet.items) == len(bank_key)
    assert all("Answer" in summaries for summaries in sheet.items)
    assert not sheet.external  # self-contained: no scripts, no fetches
    for entry in bank_key:
        assert entry["prompt"] in html.unescape(text)
    assert [p.name for p in tmp_path.iterdir()] == ["worksheet.html"]  # written atomically, no leftovers


BAD = {
    "unknown field": ({"items": [dict(SMALL_BANK["items"][0], colour="red")]}, "items[0].colour: unknown field"),
    "question": ({"items": [dict(SMALL_BANK["items"][0], question="criminal_immunty")]},
                 "items[0].question: expected a contract question"),
    "date": ({"items": [dict(SMALL_BANK["items"][0], date="2020-02-30")]}, "items[0].date: expected a day"),
    "missing": ({"items": [{"case": "kim", "date": "2020-08-10", "subject": {"person": "kim"}}]},
                "items[0].question: required field is missing"),
    "no answer": ({"items": [dict(SMALL_BANK["items"][0], subject={"person": "kimm"})]},
                  "items[0].subject: expected a subject the engine answers"),
    "two answers": ({"items": [SMALL_BANK["items"][2], dict(SMALL_BANK["items"][1], subject={"person": "kim"})]},
                    "items[1].subject: expected one answer"),
    "set": ({"items": [dict(SMALL_BANK["items"][0], set=["persons.nobody.nationalities=[NZL]"])]},
            "items[0].set[0]: persons.nobody: no item 'nobody'"),
    "case": ({"items": [dict(SMALL_BANK["items"][0], case="nowhere.yaml")]}, "items[0].case: expected a shipped case"),
    "no items": ({"items": []}, "items: expected at least one exercise"),
}


@pytest.mark.parametrize("name", BAD)
def test_c_a_bad_bank_is_refused_naming_the_file_and_the_field(tmp_path, name):
    data, expected = BAD[name]
    bank = tmp_path / "bad.yaml"
    bank.write_text(yaml.safe_dump(data))
    result = run("exercise", "--bank", str(bank), "--json")
    assert result.returncode == 2, result.stdout
    assert result.stderr.startswith(f"immunity: {bank}:") and expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and not result.stdout


def test_c_the_bank_schema_is_behind_immunity_schema():
    schema = json.loads(succeeded(run("schema", "--output", "bank")))
    item = schema["$defs"]["BankItem"]
    assert set(schema["required"]) == {"items"} and item["additionalProperties"] is False
    assert {"case", "set", "patch", "date", "question", "subject", "prompt", "hint", "teaching_note"} <= set(
        item["properties"])
    assert item["properties"]["question"]["enum"] == list(QUESTIONS)
    assert "Posting" in json.loads(succeeded(run("schema")))["$defs"]  # the default is still the case file
    refused = run("schema", "--output", "nonsense")
    assert refused.returncode == 2 and "--output" in refused.stderr


# --- (d) the shipped bank reaches every article the rules cite ---------------------------

def test_d_the_bank_covers_every_article_any_rule_cites(bank_key):
    from rules import RULES

    cited = {c for rule in RULES for c in rule.cites}
    covered = {c for entry in bank_key for c in entry["cites"]}
    assert cited - covered == set(), f"articles no exercise reaches: {sorted(cited - covered)}"


def test_d_the_bank_loads_in_process_with_the_same_answers(bank_key):
    _, exercises = load_bank(BANK)
    assert [e.verdict for e in exercises] == [k["verdict"] for k in bank_key]


# --- (e) a broken rule changes the answer key ---------------------------------------------

def test_e_breaking_vcdr_39_2_changes_the_bank_answer_key(tmp_path, bank_key):
    # vcdr.39-2.ceased: privileges cease when the person leaves; the mutant keeps them in force.
    env, cwd = mutated_rules(tmp_path, "vcdr.py", 'privileges(r, "ceased", deciding="departed")',
                             'privileges(r, "in_force", deciding="departed")')
    broken = subprocess.run(immunity("exercise", "--bank", str(BANK), "--json"), cwd=cwd, env=env,
                            capture_output=True, text=True, timeout=120)
    assert broken.returncode == 0 and "Traceback" not in broken.stderr, broken.stderr
    mutant = json.loads(broken.stdout)["exercises"]
    changed = [(a["question"], a["date"], a["verdict"], b["verdict"]) for a, b in zip(bank_key, mutant)
               if a["holds"] != b["holds"]]
    assert changed, "breaking VCDR art. 39(2) changed no answer of the bank"
    assert ("criminal_immunity", "2019-09-15", "no", "yes") in changed
