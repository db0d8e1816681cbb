"""The `immunity` command, run as a user runs it: in its own process, on the shipped Kim case.

The command must answer (exit 0) with the rules' conclusions for the day asked, print the
decision record as JSON in the contract's shape on `--json`, print the same bytes for the
same question, and never touch the case file it reads.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
KIM = ROOT / "scenarios" / "cases" / "kim.yaml"
EMBASSY = ROOT / "tests" / "cases" / "embassy_in_post.yaml"
CLI = [sys.executable, "-c", "from engine.cli import main; main()"]


def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, COLUMNS="120")
    return subprocess.run([*CLI, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


@functools.lru_cache(maxsize=None)
def ok(*args: str) -> str:
    """The output of a command that must succeed (each distinct command runs once per session;
    the byte-identity and no-write tests run theirs afresh)."""
    result = run_cli(*args)
    assert result.returncode == 0, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stdout + result.stderr
    return result.stdout


def record(*args: str) -> dict:
    return json.loads(ok(*args, "--json"))


def one(answer: dict, question: str, **subject: str) -> dict:
    found = [c for c in answer["conclusions"] if c["question"] == question
             and all(c["subject"].get(k) == v for k, v in subject.items())]
    assert len(found) == 1, (question, subject, [c["id"] for c in answer["conclusions"]])
    return found[0]


VERDICT = re.compile(r"^  (YES|NO|UNCERTAIN|UNKNOWN)\s+\S")


def verdict_line(text: str, verdict: str, phrase: str) -> bool:
    """Does the human output have a line `  VERDICT  phrase...`?"""
    return re.search(rf"^  {verdict}\s+{re.escape(phrase)}", text, re.MULTILINE) is not None


def block(text: str, verdict: str, phrase: str) -> str:
    """The verdict line for `phrase` in the detail, and the lines explaining it, up to the next
    verdict (the short answers at the top have no explanation)."""
    lines = text.splitlines()
    lines = lines[lines.index("In detail"):] if "In detail" in lines else lines
    start = next(i for i, line in enumerate(lines) if re.match(rf"^  {verdict}\s+{re.escape(phrase)}", line))
    end = next((i for i in range(start + 1, len(lines)) if VERDICT.match(lines[i]) or not lines[i].strip()),
               len(lines))
    return "\n".join(lines[start:end])


# --- human output ---------------------------------------------------------------------------

def test_now_answers_for_kim_with_the_facts_known_note() -> None:
    before = dt.date.today()
    out = ok("now")
    after = dt.date.today()
    assert out.startswith("Hongkon Kim, former deputy head of the Korean embassy in Wellington\n")
    assert f"({before.isoformat()})" in out or f"({after.isoformat()})" in out
    assert "facts known up to 30 August 2024" in out  # the Korean judgment, the latest reported event
    assert verdict_line(out, "NO", "immune from New Zealand's criminal jurisdiction")
    assert verdict_line(out, "NO", "inviolable in New Zealand")
    assert verdict_line(out, "YES", "premises inviolable")
    assert "[VCDR art. 39(2)]" in out


def test_at_2017_kim_is_immune_and_inviolable() -> None:
    out = ok("at", "2017-12-01")
    assert "as of 1 December 2017 (2017-12-01)" in out
    assert verdict_line(out, "YES", "immune from New Zealand's criminal jurisdiction")
    assert verdict_line(out, "YES", "inviolable in New Zealand: may not be arrested or detained")
    assert verdict_line(out, "NO", "New Zealand's courts may try")
    assert "VCDR art. 31(1)" in out and "VCDR art. 29" in out
    assert "Note: facts known up to" not in out  # the day is inside what the reports cover


def test_at_2020_kim_is_not_immune_and_the_embassy_still_is() -> None:
    out = ok("at", "2020-08-10")
    assert verdict_line(out, "NO", "immune from New Zealand's criminal jurisdiction")
    assert verdict_line(out, "NO", "inviolable in New Zealand")
    assert "[VCDR art. 39(2)]" in out
    assert "not performed in the exercise of his functions" in out
    assert "VCDR art. 39(2)" in block(out, "NO", "immune from New Zealand's criminal jurisdiction")
    # the premises keep their own inviolability (art. 22), whatever became of Kim
    assert "[VCDR art. 22(1)]" in block(out, "YES", "premises inviolable")


def test_at_february_2018_is_uncertain_with_the_window() -> None:
    out = ok("at", "2018-02-10")
    assert verdict_line(out, "UNCERTAIN", "immune from New Zealand's criminal jurisdiction")
    assert verdict_line(out, "UNCERTAIN", "inviolable in New Zealand")
    assert "Window: 2018-02-01 to 2018-02-28." in out
    assert "Open questions" in out


def test_an_explicit_case_file_is_used() -> None:
    out = ok("at", "2021-06-01", str(EMBASSY))
    assert out.startswith("Counsellor R. Example, in post at the Chilean embassy in Ottawa (invented)\n")
    assert verdict_line(out, "YES", "immune from Canada's criminal jurisdiction")
    assert "Hongkon Kim" not in out


# --- --json: the decision record ------------------------------------------------------------

CONCLUSION_KEYS = {"id", "question", "subject", "holds", "rule", "cites", "because", "sources", "text"}


def test_json_has_the_contract_shape() -> None:
    answer = record("at", "2018-02-10", str(KIM))
    assert answer["case"] == "kim"
    assert answer["as_of"] == "2018-02-10"
    assert isinstance(answer["engine"], str) and answer["engine"]
    assert answer["case_sha256"] == hashlib.sha256(KIM.read_bytes()).hexdigest()
    assert answer["conclusions"] and answer["unknowns"]
    for c in answer["conclusions"]:
        assert CONCLUSION_KEYS <= set(c), c
        assert isinstance(c["subject"], dict) and c["subject"]
        assert c["holds"] in (True, False, None)
        assert c["cites"] and all(isinstance(x, str) for x in c["cites"])
        assert isinstance(c["because"], list) and isinstance(c["sources"], list)
        assert c["id"].startswith(c["question"] + ":")
    for u in answer["unknowns"]:
        assert {"question", "needs"} <= set(u), u
        assert u["needs"]
    ids = [c["id"] for c in answer["conclusions"]]
    assert len(ids) == len(set(ids))


def test_json_answers_on_the_three_days() -> None:
    before = record("at", "2017-12-01")
    assert one(before, "criminal_immunity", person="kim", state="NZL")["holds"] is True
    assert one(before, "personal_inviolability", person="kim", state="NZL")["holds"] is True

    after = record("at", "2020-08-10")
    criminal = one(after, "criminal_immunity", person="kim", state="NZL", act="assault-2017")
    assert criminal["holds"] is False
    assert "VCDR art. 39(2)" in criminal["cites"]
    assert {"posting:kim-wellington", "act:assault-2017"} <= set(criminal["because"])
    assert {"A1", "A2", "A3"} <= set(criminal["sources"])
    assert one(after, "residual_immunity", person="kim", state="NZL", act="assault-2017")["holds"] is False
    premises = one(after, "premises_inviolable", mission="rok-embassy-wellington")
    assert premises["holds"] is True
    assert any(c.startswith("VCDR art. 22") for c in premises["cites"])
    assert after["note"] is None  # 10 August 2020 is inside what the reports cover (to August 2020)

    inside = record("at", "2018-02-10")
    open_ = one(inside, "criminal_immunity", person="kim", state="NZL")
    assert open_["holds"] is None
    assert open_["window"] == "2018-02-01/2018-02-28"
    assert any(u["question"] == "criminal_immunity" and u["subject"]["person"] == "kim"
               for u in inside["unknowns"])


def test_now_json_is_today_and_notes_the_facts_known() -> None:
    before = dt.date.today()
    answer = record("now")
    assert answer["as_of"] in {before.isoformat(), dt.date.today().isoformat()}
    assert answer["facts_known_until"] == "2024-08-30"  # the Korean judgment, the latest reported event
    assert answer["note"].startswith("facts known up to 30 August 2024")


def test_the_same_question_gives_byte_identical_json() -> None:
    first = run_cli("at", "2020-08-10", str(KIM), "--json")
    second = run_cli("at", "2020-08-10", str(KIM), "--json")
    assert first.returncode == second.returncode == 0
    assert first.stdout.encode() == second.stdout.encode()
    first = first.stdout
    json.loads(first)
    other_day = ok("at", "2017-12-01", str(KIM), "--json")
    assert other_day != first  # the comparison above could fail


def test_a_json_case_file_gives_the_same_answers(tmp_path: Path) -> None:
    from engine.loading import read_data

    data, _ = read_data(KIM)
    path = tmp_path / "kim.json"
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    from_yaml = record("at", "2020-08-10", str(KIM))
    from_json = record("at", "2020-08-10", str(path))
    assert from_json["case_sha256"] == hashlib.sha256(path.read_bytes()).hexdigest() != from_yaml["case_sha256"]
    from_yaml.pop("case_sha256"), from_json.pop("case_sha256")
    assert from_json == from_yaml


# --- other commands -------------------------------------------------------------------------

def test_schema_is_json_schema_of_a_case_file() -> None:
    schema = json.loads(ok("schema"))
    assert schema["type"] == "object"
    assert "postings" in schema["properties"]
    assert {"id", "title"} <= set(schema["required"])
    assert schema.get("additionalProperties") is False
    posting = schema["$defs"]["Posting"]
    assert {"person", "mission", "category", "arrived", "departed"} <= set(posting["properties"])
    # `from` is spelled as in the case file, not as the Python attribute
    assert "from" in schema["$defs"]["Request"]["properties"]


@pytest.mark.parametrize("args, words", [
    (["--help"], ["now", "at", "schema"]),
    (["at", "--help"], ["DATE", "--json"]),
    (["now", "--help"], ["--json"]),
])
def test_help(args: list[str], words: list[str]) -> None:
    out = ok(*args)
    assert "Usage" in out
    for word in words:
        assert word in out


def test_the_cli_never_writes_to_the_case_file(tmp_path: Path) -> None:
    path = tmp_path / "kim.yaml"
    shutil.copy2(KIM, path)
    old = os.stat(path)
    os.utime(path, ns=(old.st_atime_ns, old.st_mtime_ns - 10**9))  # an mtime any write would change
    before = (path.read_bytes(), os.stat(path).st_mtime_ns, os.stat(path).st_size)
    listing = sorted(p.name for p in tmp_path.iterdir())
    for args in (["at", "2020-08-10", str(path)], ["at", "2018-02-10", str(path), "--json"], ["now", str(path)]):
        assert run_cli(*args).returncode == 0
    after = (path.read_bytes(), os.stat(path).st_mtime_ns, os.stat(path).st_size)
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == listing  # no backup or cache beside it


def test_an_engine_failure_exits_1_and_says_so(monkeypatch) -> None:
    """A rule misbehaving is the engine's fault, not the user's: exit code 1, no traceback."""
    from typer.testing import CliRunner

    import engine.evaluation
    from engine.cli import app
    from engine.host import EngineError

    def broken(*args, **kwargs):
        raise EngineError("a rule failed while firing: boom")

    monkeypatch.setattr(engine.evaluation, "evaluate", broken)
    result = CliRunner().invoke(app, ["at", "2020-08-10", str(KIM)])
    assert result.exit_code == 1, result.output
    assert "internal error" in result.output and "boom" in result.output
    assert "Traceback" not in result.output
    assert not isinstance(result.exception, EngineError)


def test_case_files_are_yaml_kim_is_the_default() -> None:
    """`now` without a case file answers the shipped Kim case, the same as the scenarios' copy."""
    default = record("at", "2020-08-10")
    explicit = record("at", "2020-08-10", str(KIM))
    assert yaml.safe_load(KIM.read_text(encoding="utf-8"))["id"] == default["case"] == "kim"
    assert {k: v for k, v in default.items() if k != "case_sha256"} == \
        {k: v for k, v in explicit.items() if k != "case_sha256"}
