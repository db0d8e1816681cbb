"""`immunity batch`, run as a user runs it: many case files, one day, one JSON line per case.

Each answer must be exactly what `immunity at DATE FILE --json` gives for that case; a bad case
file gets its own error line (naming the file and the field) and the batch goes on; the lines
come in input order and are the same whatever the number of worker processes.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from engine.loading import read_data
ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-c", "from engine.cli import main; main()"]
DATE = "2020-08-10"
SHIPPED = ["consular", "embassy", "kim", "waiver"]


def big_case(persons: int) -> dict:
    spec = importlib.util.spec_from_file_location("big_case", ROOT / "bench" / "big_case.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.big_case(persons)


def case_data(name: str) -> dict:
    """A shipped case as the loader reads it (dates kept as text)."""
    return read_data(ROOT / "scenarios" / "cases" / f"{name}.yaml")[0]


def without_first_persons_name(data: dict) -> dict:
    data = json.loads(json.dumps(data))
    del data["persons"][0]["name"]
    return data


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], cwd=ROOT, env=dict(os.environ, COLUMNS="120"),
                          capture_output=True, text=True, timeout=120)


@functools.lru_cache(maxsize=None)
def expected(path: str) -> dict:
    """What `immunity at DATE FILE --json` answers for one case file."""
    result = run_cli("at", DATE, path, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def batch(*args: str) -> tuple[int, list[dict], str]:
    result = run_cli("batch", *args)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    return result.returncode, [json.loads(line) for line in result.stdout.splitlines()], result.stdout


@pytest.fixture(scope="module")
def case_dir(tmp_path_factory) -> Path:
    """Four shipped cases, a bad one sorted among them, and files batch must leave alone."""
    folder = tmp_path_factory.mktemp("cases")
    for name in SHIPPED:
        shutil.copy(ROOT / "scenarios" / "cases" / f"{name}.yaml", folder / f"{name}.yaml")
    bad = without_first_persons_name(case_data("consular"))
    (folder / "c-bad.yml").write_text(yaml.safe_dump(bad), encoding="utf-8")
    (folder / "notes.txt").write_text("not a case", encoding="utf-8")
    (folder / "nested").mkdir()
    shutil.copy(ROOT / "scenarios" / "cases" / "household.yaml", folder / "nested" / "household.yaml")
    return folder


@pytest.fixture(scope="module")
def jsonl(tmp_path_factory) -> tuple[Path, dict[int, Path]]:
    """A .jsonl file (good lines, a blank line, invalid JSON, a bad case) and, for each good
    line, the same bytes saved as a case file of its own."""
    folder = tmp_path_factory.mktemp("jsonl")
    lines = [json.dumps(case_data("kim")), "", "{not json", json.dumps(case_data("waiver"), ensure_ascii=False),
             json.dumps(without_first_persons_name(case_data("embassy"))), json.dumps(big_case(7))]
    path = folder / "cases.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    alone = {}
    for number in (1, 4, 6):
        alone[number] = folder / f"line-{number}.json"
        alone[number].write_bytes(lines[number - 1].encode("utf-8"))
    return path, alone


def test_a_directory_gives_one_line_per_case_file_in_name_order(case_dir: Path) -> None:
    code, lines, _ = batch(str(case_dir), "--at", DATE)
    files = sorted(case_dir / f"{name}.yaml" for name in SHIPPED) + [case_dir / "c-bad.yml"]
    assert [line["source"] for line in lines] == [str(f) for f in sorted(files)]
    for line in lines:
        if line["source"].endswith("c-bad.yml"):
            assert set(line) == {"shape", "shape_version", "source", "error"} and line["shape"] == "batch-line"
            assert line["error"] == f"{case_dir / 'c-bad.yml'}: persons[0].name: required field is missing"
        else:
            assert set(line) == {"shape", "shape_version", "source", "answer"}
            assert line["answer"] == expected(line["source"])
    assert code == 2


def test_every_case_answered_exits_0(tmp_path: Path) -> None:
    for name in ("kim", "embassy"):
        shutil.copy(ROOT / "scenarios" / "cases" / f"{name}.yaml", tmp_path / f"{name}.yaml")
    code, lines, _ = batch(str(tmp_path), "--at", DATE)
    assert code == 0
    assert [line["answer"]["case"] for line in lines] == ["embassy-invented", "kim"]


def test_a_jsonl_file_gives_one_line_per_non_blank_line(jsonl) -> None:
    path, alone = jsonl
    code, lines, _ = batch(str(path), "--at", DATE)
    assert [line["source"] for line in lines] == [f"{path}:{n}" for n in (1, 3, 4, 5, 6)]
    by_line = {int(line["source"].rsplit(":", 1)[1]): line for line in lines}
    for number, file in alone.items():  # the same answer, hash included, as the line saved as a file
        assert by_line[number]["answer"] == expected(str(file))
    assert by_line[3]["error"].startswith(f"{path}:3: line 1, column 2: invalid JSON")
    assert by_line[5]["error"] == f"{path}:5: persons[0].name: required field is missing"
    assert code == 2


@pytest.mark.parametrize("which", ["directory", "jsonl"])
def test_two_workers_print_the_same_lines_as_one(which: str, case_dir: Path, jsonl) -> None:
    target = str(case_dir if which == "directory" else jsonl[0])
    one_code, _, one_out = batch(target, "--at", DATE)
    two_code, _, two_out = batch(target, "--at", DATE, "--workers", "2")
    assert (two_code, two_out) == (one_code, one_out)


def test_big_generated_cases_with_two_workers(tmp_path: Path) -> None:
    for persons in (5, 12, 30):
        (tmp_path / f"big-{persons:03}.json").write_text(json.dumps(big_case(persons)), encoding="utf-8")
    code, lines, _ = batch(str(tmp_path), "--at", DATE, "--workers", "2")
    assert code == 0
    assert [line["source"] for line in lines] == [str(p) for p in sorted(tmp_path.glob("*.json"))]
    for line in lines:
        assert line["answer"] == expected(line["source"])
    assert len(lines[-1]["answer"]["conclusions"]) > len(lines[0]["answer"]["conclusions"])


@pytest.mark.parametrize("args, message", [
    (["no-such-dir", "--at", DATE], "no-such-dir: no such directory or file"),
    (["README.md", "--at", DATE], "README.md: expected a directory of case files"),
    (["scenarios/cases", "--at", "2020-02-30"], "--at: '2020-02-30' is not a day as YYYY-MM-DD"),
    (["scenarios/cases", "--at", "2020-08"], "--at: '2020-08' is not a day as YYYY-MM-DD"),
])
def test_a_wrong_input_or_day_is_said_plainly_with_exit_2(args: list[str], message: str) -> None:
    result = run_cli("batch", *args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"immunity: {message}")
    assert "Traceback" not in result.stderr


def test_the_progress_bar_shows_on_a_terminal_and_never_in_the_output(case_dir: Path, tmp_path: Path) -> None:
    import pexpect  # a test dependency (pyproject.toml)

    out = tmp_path / "out.jsonl"
    command = f"{shlex.join([*CLI, 'batch', str(case_dir), '--at', DATE])} > {shlex.quote(str(out))}"
    child = pexpect.spawn("bash", ["-c", command], cwd=str(ROOT), encoding="utf-8", timeout=120)
    screen = child.read()
    child.close()
    assert child.exitstatus == 2
    assert "cases" in screen and "100%" in screen  # rich's bar, drawn on stderr
    assert out.read_text(encoding="utf-8") == batch(str(case_dir), "--at", DATE)[2]
