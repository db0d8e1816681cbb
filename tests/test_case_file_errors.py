"""Bad input gives one clear message naming the file and the field, exit code 2, no traceback.

Every broken case file is the shipped Kim case with one fault put in. (Dangling references,
dates out of order, and files that are no case file at all, from malformed YAML to binary
garbage, are in the corpus tests/bad_inputs/, run by tests/test_bad_inputs.py.) Each fault
is checked twice: through the API (`load_case` raises `CaseFileError` naming the file and the
field path) and through the command line, run as a separate process (exit code 2, the same
message on stderr, nothing on stdout, no traceback).
"""

from __future__ import annotations

import copy
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import pytest
import yaml

from engine.loading import CaseFileError, load_case, read_data

ROOT = Path(__file__).resolve().parents[1]
KIM = ROOT / "scenarios" / "cases" / "kim.yaml"
CLI = [sys.executable, "-c", "from engine.cli import main; main()"]


def kim_data() -> dict:
    """The Kim case as plain data, dates kept as the text written (a fresh copy each time)."""
    data, _ = read_data(KIM)
    return copy.deepcopy(data)


def run_cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    env = dict(os.environ, COLUMNS="120")
    return subprocess.run([*CLI, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


# --- the faults -----------------------------------------------------------------------------

def index_of(collection: str, id_: str) -> int:
    """Where the Kim case lists an item, so the faults follow the case file if it grows."""
    return [item["id"] for item in kim_data()[collection]].index(id_)


N_PERSONS = len(kim_data()["persons"])
N_ACTS = len(kim_data()["acts"])

def put(*path: Any, value: Any) -> Callable[[dict], None]:
    """Set the field at `path` (keys and list indexes) to `value`."""

    def mutate(data: dict) -> None:
        target = data
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value

    return mutate


def drop(*path: Any) -> Callable[[dict], None]:
    def mutate(data: dict) -> None:
        target = data
        for part in path[:-1]:
            target = target[part]
        del target[path[-1]]

    return mutate


def duplicate(collection: str, index: int) -> Callable[[dict], None]:
    def mutate(data: dict) -> None:
        data[collection].append(copy.deepcopy(data[collection][index]))

    return mutate


def kim_text_with(old: str, new: str) -> Callable[[], str]:
    """The Kim file's own text with the first `old` replaced (for faults YAML would not dump);
    `departed: 2018-02` also matches the same value quoted, `departed: "2018-02"`."""

    def text() -> str:
        original = KIM.read_text(encoding="utf-8")
        found = old if old in original else re.sub(r": (.*)\n$", r': "\1"\n', old)
        assert found in original, f"the Kim case no longer contains {old!r}"
        return original.replace(found, new, 1)

    return text


@dataclass(frozen=True)
class Fault:
    name: str
    field: str | None  # the field path the message must name (None: the file as a whole)
    says: tuple[str, ...]  # further words the message must contain
    mutate: Callable[[dict], None] | None = None
    text: Callable[[], str] | None = None

    def write(self, folder: Path) -> Path:
        path = folder / f"{self.name}.yaml"
        if self.text is not None:
            path.write_text(self.text(), encoding="utf-8")
        else:
            data = kim_data()
            self.mutate(data)
            path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
        return path


FAULTS = [
    # wrong types
    Fault("counts-many", "acts[0].counts", ("integer", "'many'"), put("acts", 0, "counts", value="many")),
    Fault("counts-zero", "acts[0].counts", ("1", "0"), put("acts", 0, "counts", value=0)),
    Fault("official-maybe", "acts[0].official", ("boolean", "'maybe'"), put("acts", 0, "official", value="maybe")),
    Fault("category-ambassador", "postings[0].category", ("diplomatic_agent", "'ambassador'"),
          put("postings", 0, "category", value="ambassador")),
    Fault("nationalities-text", "persons[0].nationalities", ("list",), put("persons", 0, "nationalities", value="KOR")),
    Fault("state-code-lowercase", "states[0].code", ("'nzl'",), put("states", 0, "code", value="nzl")),
    Fault("id-with-spaces", "persons[0].id", ("'Hongkon Kim'",), put("persons", 0, "id", value="Hongkon Kim")),
    Fault("outcome-unknown", "requests[0].response.outcome", ("granted", "'refused'"),
          put("requests", 0, "response", "outcome", value="refused")),
    # unknown fields
    Fault("posting-colour", "postings[0].colour", ("unknown field",), put("postings", 0, "colour", value="red")),
    Fault("top-level-colour", "colour", ("unknown field",), put("colour", value="red")),
    Fault("response-colour", "requests[0].response.colour", ("unknown field",),
          put("requests", 0, "response", "colour", value="red")),
    # missing required fields
    Fault("person-without-name", "persons[0].name", ("required",), drop("persons", 0, "name")),
    Fault("act-without-official", "acts[0].official", ("required",), drop("acts", 0, "official")),
    Fault("case-without-id", "id", ("required",), drop("id")),
    Fault("posting-without-mission", "postings[1].mission", ("required",), drop("postings", 1, "mission")),
    # duplicate ids (more, and dangling references of every kind: tests/bad_inputs/)
    Fault("duplicate-person", f"persons[{N_PERSONS}].id", ("'kim'", "twice"), duplicate("persons", 0)),
    Fault("duplicate-act", f"acts[{N_ACTS}].id", ("'assault-2017'", "twice"), duplicate("acts", 0)),
    # bad dates (dates out of order: tests/bad_inputs/)
    Fault("date-month-13", "postings[0].departed", ("YYYY-MM-DD", "2018-13"), put("postings", 0, "departed", value="2018-13")),
    Fault("date-february-30", "postings[0].departed", ("YYYY-MM-DD", "2018-02-30"),
          put("postings", 0, "departed", value="2018-02-30")),
    Fault("date-two-digit-year", "postings[0].departed", ("YYYY-MM-DD", "18-02"),
          put("postings", 0, "departed", value="18-02")),
    Fault("date-with-time-text", "postings[0].departed", ("YYYY-MM-DD", "2018-02-14T10:30:00"),
          put("postings", 0, "departed", value="2018-02-14T10:30:00")),
    # written unquoted, YAML itself would read this as a timestamp
    Fault("date-with-time-yaml", "postings[0].departed", ("YYYY-MM-DD", "10:30"),
          text=kim_text_with("departed: 2018-02\n", "departed: 2018-02-14 10:30:00\n")),
    Fault("date-february-30-yaml", "postings[0].departed", ("YYYY-MM-DD", "2018-02-30"),
          text=kim_text_with("departed: 2018-02\n", "departed: 2018-02-30\n")),
    Fault("date-a-number", "acts[0].when", ("YYYY-MM-DD",), put("acts", 0, "when", value=2017.5)),
    Fault("date-nested", "requests[0].response.date", ("YYYY-MM-DD", "2019-9"),
          put("requests", 0, "response", "date", value="2019-9")),
]


def expected_problem(fault: Fault, message: str, path: Path) -> None:
    assert message.startswith(f"{path}: "), message
    assert "\n" not in message, f"expected one problem, got:\n{message}"
    if fault.field is not None:
        assert message.startswith(f"{path}: {fault.field}: "), message
    for word in fault.says:
        assert word in message, f"{word!r} not in {message!r}"
    assert "Traceback" not in message


# --- API level ------------------------------------------------------------------------------

@pytest.mark.parametrize("fault", FAULTS, ids=lambda f: f.name)
def test_load_case_names_file_and_field(fault: Fault, tmp_path: Path) -> None:
    path = fault.write(tmp_path)
    with pytest.raises(CaseFileError) as caught:
        load_case(path)
    error = caught.value
    assert error.file == str(path)
    assert len(error.problems) == 1, error.problems
    assert str(error) == error.message
    expected_problem(fault, error.message, path)


@pytest.mark.parametrize("faults", [
    # field by field: a wrong type, an unknown field, a missing field
    {"acts[0].official": put("acts", 0, "official", value="maybe"),
     "postings[1].colour": put("postings", 1, "colour", value="red"),
     "persons[1].name": drop("persons", 1, "name")},
    # across the file: the cross-references (checked once every field is well formed)
    {"postings[0].person": put("postings", 0, "person", value="nobody"),
     "acts[0].person": put("acts", 0, "person", value="ghost"),
     "persons[0].sources[0]": put("persons", 0, "sources", value=["A9"])},
], ids=["fields", "references"])
def test_several_problems_are_all_listed_once(faults: dict, tmp_path: Path) -> None:
    data = kim_data()
    for mutate in faults.values():
        mutate(data)
    path = tmp_path / "three.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    with pytest.raises(CaseFileError) as caught:
        load_case(path)
    error = caught.value
    assert len(error.problems) == 3, error.problems
    assert error.message.startswith(f"{path}: 3 problems")
    for field in faults:
        assert sum(p.startswith(f"{field}: ") for p in error.problems) == 1, error.problems
        assert f"  - {field}: " in error.message


def test_a_valid_copy_loads(tmp_path: Path) -> None:
    """The faults above are the only thing wrong: the unchanged round trip loads."""
    path = tmp_path / "kim.yaml"
    path.write_text(yaml.safe_dump(kim_data(), sort_keys=False), encoding="utf-8")
    assert load_case(path).case == load_case(KIM).case


# --- command line ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def cli_results(tmp_path_factory) -> dict[str, tuple[Path, subprocess.CompletedProcess]]:
    """Every fault through `immunity at`, run a few at a time in separate processes."""
    folder = tmp_path_factory.mktemp("faults")
    paths = {fault.name: fault.write(folder) for fault in FAULTS}
    with ThreadPoolExecutor(max_workers=max(2, (os.cpu_count() or 2))) as pool:
        futures = {name: pool.submit(run_cli, "at", "2020-08-10", str(path)) for name, path in paths.items()}
        return {name: (paths[name], future.result()) for name, future in futures.items()}


def assert_clean_failure(result: subprocess.CompletedProcess) -> str:
    """Exit code 2, nothing on stdout, one message on stderr, no traceback; returns the message."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith("immunity: "), result.stderr
    return result.stderr.removeprefix("immunity: ").rstrip("\n")


@pytest.mark.parametrize("fault", FAULTS, ids=lambda f: f.name)
def test_cli_rejects_bad_case_file(fault: Fault, cli_results) -> None:
    path, result = cli_results[fault.name]
    message = assert_clean_failure(result)
    expected_problem(fault, message, path)
    # the same message as the API gives, word for word
    with pytest.raises(CaseFileError) as caught:
        load_case(path)
    assert message == caught.value.message


@pytest.mark.parametrize("day", ["2018-00", "yesterday", "2018-13-01", "2018-02-30", "2018-02-10T10:00", "10/02/2018", ""])
def test_cli_rejects_bad_date_argument(day: str) -> None:
    message = assert_clean_failure(run_cli("at", day))
    assert message.startswith("DATE: "), message
    assert repr(day) in message
    assert "YYYY-MM-DD" in message


@pytest.mark.parametrize("day", ["20180210", "2018-W06-6"])
def test_cli_date_argument_is_strictly_yyyy_mm_dd(day: str) -> None:
    """The help and the error message promise YYYY-MM-DD, as do the case file's dates; other ISO
    8601 spellings that Python 3.11's `date.fromisoformat` happens to accept must not slip in."""
    message = assert_clean_failure(run_cli("at", day))
    assert message.startswith("DATE: ") and "YYYY-MM-DD" in message, message


def test_cli_bad_date_is_reported_before_the_case_file(tmp_path: Path) -> None:
    """With both wrong, the user hears of one thing at a time, and still exit code 2."""
    message = assert_clean_failure(run_cli("at", "2018-02", str(tmp_path / "absent.yaml")))
    assert re.match(r"(DATE: |.*absent\.yaml: )", message), message
