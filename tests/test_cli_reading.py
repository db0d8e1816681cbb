"""The CLI a reader can live with: short answers first, wrapped to the terminal, filtered on
request, words rather than ids, and commands that say what the engine knows."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from engine.answer import QUESTIONS
from engine.evaluation import all_rules
from engine.loading import load_case, shipped_cases

ROOT = Path(__file__).resolve().parents[1]
IMMUNITY = [sys.executable, "-m", "engine.cli"] if not shutil.which("immunity") else ["immunity"]
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def run(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([*IMMUNITY, *args], capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env={**os.environ, **env})


def test_piped_output_is_plain_unwrapped_and_puts_the_short_answers_first() -> None:
    done = run("at", "2020-08-10")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert not ANSI.search(out)
    lines = out.splitlines()
    assert lines.index("In short") < lines.index("In detail") < lines.index("Sources")
    short = lines[lines.index("In short"):lines.index("In detail")]
    asked = {"immune from New Zealand's criminal jurisdiction", "inviolable in New Zealand",
             "New Zealand's courts may try", "premises inviolable"}
    assert all(any(a in line for line in short) for a in asked), short
    assert max(map(len, lines)) > 100  # a pipe gets whole lines, to grep
    assert all(line == line.rstrip() for line in lines)


def test_brief_stops_after_the_short_answers_and_their_sources() -> None:
    out = run("at", "2020-08-10", "--brief").stdout.splitlines()
    assert "In short" in out and "In detail" not in out and "What each State can do next" not in out
    assert out[out.index("Sources") + 1].startswith("  A1")


def test_no_rule_ids_in_what_a_reader_reads() -> None:
    out = run("at", "2020-08-10").stdout + run("at", "2017-12-01").stdout
    ids = {r.id for r in all_rules()}
    assert not [i for i in ids if i in out]
    assert not re.search(r"\b[a-z_]+:[a-z0-9-]+/[A-Z]{3}\b", out)  # conclusion ids such as criminal_immunity:kim/NZL


def test_the_sources_section_says_what_each_label_is() -> None:
    case = load_case().case
    out = run("at", "2020-08-10").stdout.splitlines()
    cited = out[out.index("Sources") + 1:]
    titles = {s.label: s.title.rstrip(".") for s in case.sources}
    assert cited and all(titles[line.split()[0]] in line for line in cited)
    listed = run("sources").stdout.splitlines()
    assert [line.split()[0] for line in listed] == [s.label for s in case.sources]
    assert run("sources", "consular").stdout.split()[0] == load_case(shipped_cases()["consular"]).case.sources[0].label


@pytest.mark.parametrize("option, value, check", [
    ("--question", "personal_inviolability", lambda c: c["question"] == "personal_inviolability"),
    ("--subject", "Hongkon Kim", lambda c: c["subject"].get("person") == "kim"),
    ("--subject", "person=kim,state=NZL",
     lambda c: c["subject"].get("person") == "kim" and c["subject"].get("state") == "NZL"),
    ("--subject", "NZL", lambda c: c["subject"].get("state") == "NZL"),
])
def test_now_and_at_filter_by_question_and_subject(option, value, check) -> None:
    for command in (["at", "2020-08-10"], ["now"]):
        data = json.loads(run(*command, option, value, "--json").stdout)
        full = json.loads(run(*command, "--json").stdout)
        assert data["conclusions"] and all(map(check, data["conclusions"]))
        assert len(data["conclusions"]) < len(full["conclusions"])
        assert [c for c in full["conclusions"] if check(c)] == data["conclusions"]


def test_bad_filters_are_refused_clearly() -> None:
    for args, said in ((["--question", "immunity"], "expected one of"),
                       (["--subject", "nobody"], "no thing called 'nobody'"),
                       (["--subject", "who=kim"], "expected keys among")):
        done = run("at", "2020-08-10", *args)
        assert done.returncode == 2 and said in done.stderr and "Traceback" not in done.stderr


def test_the_engine_says_what_it_knows() -> None:
    questions = run("questions").stdout.splitlines()
    assert [line.split()[0] for line in questions] == list(QUESTIONS)
    assert all(len(line.split()) > 2 for line in questions)
    cases = run("cases").stdout.splitlines()
    assert [line.split()[0] for line in cases] == list(shipped_cases())
    rules = run("rules").stdout.splitlines()
    assert sum(1 for line in rules if not line.startswith(" ")) == len(all_rules())
    vccr = run("rules", "--instrument", "vccr").stdout
    assert "VCCR art." in vccr and "VCDR art." not in vccr
    bad = run("rules", "--instrument", "nope")
    assert bad.returncode == 2 and "expected one of" in bad.stderr
    version = run("--version")
    assert version.returncode == 0 and re.fullmatch(r"immunity \S+\n", version.stdout)
    assert run("-h").stdout == run("--help").stdout and "questions" in run("-h").stdout
    assert "<bool>" not in run("at", "-h", COLUMNS="100").stdout.split("--help")[0]


def _tmux() -> str:
    found = shutil.which("tmux")
    assert found, "tmux is needed for the 80x24 terminal test (apt-get install tmux)"
    return found


def test_in_an_80x24_terminal_the_summary_is_on_the_first_screen() -> None:
    """The acceptance test of issue 10: `immunity now` in tmux at 80x24."""
    tmux, name = _tmux(), f"immunity-{uuid.uuid4().hex[:8]}"
    command = " ".join(IMMUNITY) + " now"
    subprocess.run([tmux, "new-session", "-d", "-s", name, "-x", "80", "-y", "24",
                    f"cd {ROOT} && env -u NO_COLOR {command}; sleep 30"], check=True)
    try:
        screen = ""
        for _ in range(100):
            time.sleep(0.1)
            screen = subprocess.run([tmux, "capture-pane", "-t", name, "-p"], capture_output=True, text=True).stdout
            if "In short" in screen and "premises inviolable" in screen:
                break
        lines = screen.rstrip("\n").splitlines()
        assert "In short" in lines, screen
        assert any("immune from New Zealand's criminal jurisdiction" in line for line in lines), screen
        assert any("premises inviolable" in line for line in lines), screen
        assert max(len(line) for line in lines) <= 80
        coloured = subprocess.run([tmux, "capture-pane", "-t", name, "-p", "-e"], capture_output=True, text=True).stdout
        assert ANSI.search(coloured), "no colour on a terminal"
    finally:
        subprocess.run([tmux, "kill-session", "-t", name], capture_output=True)


def test_a_month_is_answered_for_all_its_days_and_uncertain_where_they_differ() -> None:
    import datetime as dt

    from engine.evaluation import evaluate

    data = json.loads(run("at", "2020-08", "--json").stdout)
    assert data["as_of"] == "2020-08" and data["period"] == "2020-08-01/2020-08-31"
    case = load_case().case
    days = [dt.date(2020, 8, d) for d in range(1, 32)]
    daily = [{c.id: c for c in evaluate(case, day).answer.conclusions} for day in days]
    varied = 0
    for c in data["conclusions"]:
        seen = {(d[c["id"]].holds, d[c["id"]].needs) if c["id"] in d else "absent" for d in daily}
        if len(seen) == 1:
            only = next(iter(seen))
            assert only != "absent" and c["holds"] == only[0], c["id"]
        else:
            varied += 1
            assert c["holds"] is None and c["needs"] == "the day within August 2020", c["id"]
            assert "The answer changes within August 2020" in c["text"]
            assert c["id"] in {u["id"] for u in data["unknowns"]}
    assert varied > 0
    crime = next(c for c in data["conclusions"]
                 if c["question"] == "criminal_immunity" and c["subject"].get("state") == "NZL")
    assert crime["holds"] is False
    printed = run("at", "2020-08").stdout
    assert "over August 2020 (2020-08-01 to 2020-08-31)" in printed
    for bad in ("2019-13", "2019-02-30", "Aug 2020", "2020/08"):
        done = run("at", bad)
        assert done.returncode == 2 and "DATE:" in done.stderr and "Traceback" not in done.stderr


def test_commands_about_one_day_refuse_a_month_and_point_to_at() -> None:
    for args in (["explain", "criminal_immunity", "--subject", "kim", "--at", "2020-08"],
                 ["why-not", "criminal_immunity", "--subject", "kim", "--at", "2020"]):
        done = run(*args)
        assert done.returncode == 2 and "Traceback" not in done.stderr
        assert f"immunity at {args[-1]}" in done.stderr and "YYYY-MM-DD" in done.stderr
