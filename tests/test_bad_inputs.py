"""Robustness: every bad input, run through the real command line, gives one clear message.

The corpus is tests/bad_inputs/: each file is the small case tests/bad_inputs/accepted/minimal.yaml
with one thing wrong, named for it, and (where a comment does not itself change the problem)
saying so in a YAML comment on its first line. Inputs too big to commit (a 50 MB file, nesting
10,000 deep) are made at test time, and so are a missing path, a directory and /dev/zero.

For each: exit code 2; one message on stderr naming the file, then the field path or the
line and column, then what was expected; nothing on stdout; no traceback; the same message
as the API's `CaseFileError`; within BOUND seconds; the file's bytes unchanged; and nothing
written in the working directory (a YAML `!!python/...` tag that ran would write there).

Decisions: a UTF-8 byte order mark is accepted (Windows editors write one), so those files
are in accepted/, with CRLF line ends, JSON and aliases, and must read as the minimal case.
YAML aliases are allowed but bounded (engine/case_bytes.py says how). BOUND is 10 s: a
run takes about 0.5 s on an idle machine and 1-3 s on a loaded 2-core one; the bound
catches a hang or an expansion, not a slow machine.

Bad arguments, for every command, are at the end: one table, the same checks.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
import typer.main

from engine.case_bytes import MAX_BYTES
from engine.loading import CaseFileError, load_case

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "bad_inputs"
ACCEPTED = CORPUS / "accepted"
CLI = [sys.executable, "-c", "from engine.cli import main; main()"]
BOUND = 10.0  # seconds per run of the command line
DAY = "2019-11-01"


@dataclass(frozen=True)
class Bad:
    where: str  # what the message names after the file: a field path, "line L, column C", or "" (the file)
    says: tuple[str, ...]  # words that say what was wrong or expected


A_STATE = "a state code from `states`"
EXPECTED: dict[str, Bad] = {
    # dangling references: every kind engine/model.py checks
    "dangling-person-nationality.yaml": Bad("persons[0].nationalities[0]", (A_STATE, "'PRK'")),
    "dangling-person-permanent-resident.yaml": Bad("persons[1].permanent_resident_of[0]", (A_STATE, "'AUS'")),
    "dangling-person-source.yaml": Bad("persons[0].sources[0]", ("a label from `sources`", "'S2'")),
    "dangling-mission-sending-state.yaml": Bad("missions[0].sending_state", (A_STATE, "'PRK'")),
    "dangling-mission-receiving-state.yaml": Bad("missions[0].receiving_state", (A_STATE, "'AUS'")),
    "dangling-mission-head.yaml": Bad("missions[0].head", ("a person id from `persons`", "'park'")),
    "dangling-posting-person.yaml": Bad("postings[0].person", ("a person id from `persons`", "'park'")),
    "dangling-posting-mission.yaml": Bad("postings[1].mission", ("a mission id from `missions`", "'consulate'")),
    "dangling-posting-household-of.yaml": Bad("postings[1].household_of", ("a member of embassy", "'park-post'")),
    "dangling-act-person.yaml": Bad("acts[0].person", ("a person id from `persons`", "'park'")),
    "dangling-act-state.yaml": Bad("acts[0].state", (A_STATE, "'AUS'")),
    "dangling-proceeding-person.yaml": Bad("proceedings[0].person", ("a person id from `persons`", "'park'")),
    "dangling-proceeding-state.yaml": Bad("proceedings[0].state", (A_STATE, "'AUS'")),
    "dangling-proceeding-act.yaml": Bad("proceedings[0].acts[0]", ("an act id from `acts`", "'theft'")),
    "dangling-request-from.yaml": Bad("requests[0].from", ("a state code or person id", "'AUS'")),
    "dangling-request-to.yaml": Bad("requests[0].to", ("a state code or person id", "'PRK'")),
    "dangling-request-concerning.yaml": Bad("requests[0].concerning[1]", ("person, act or mission", "'park'")),
    "dangling-response-by.yaml": Bad("requests[0].response.by", ("a state code or person id", "'PRK'")),
    "dangling-response-source.yaml": Bad("requests[0].response.sources[0]", ("a label from `sources`", "'S9'")),
    "dangling-offence-state.yaml": Bad("offences[0].state", (A_STATE, "'AUS'")),
    "dangling-offence-act.yaml": Bad("offences[0].acts[0]", ("an act id from `acts`", "'theft'")),
    "dangling-entry-mission.yaml": Bad("entries[0].mission", ("a mission id from `missions`", "'consulate'")),
    "dangling-entry-by.yaml": Bad("entries[0].by", (A_STATE, "'AUS'")),
    "dangling-entry-consent-by.yaml": Bad("entries[0].consent_by", ("a state code or person id", "'park'")),
    "dangling-whereabouts-person.yaml": Bad("whereabouts[0].person", ("a person id from `persons`", "'park'")),
    "dangling-whereabouts-state.yaml": Bad("whereabouts[0].state", (A_STATE, "'AUS'")),
    "household-of-not-a-family-member.yaml": Bad("postings[1].household_of", ("family member", "service_staff")),
    "household-of-own-posting.yaml": Bad("postings[1].household_of", ("'lee-post'", "own posting")),
    # the same id, code, label or alias twice
    "duplicate-mission-id.yaml": Bad("missions[1].id", ("unique id", "'embassy'")),
    "duplicate-request-id.yaml": Bad("requests[1].id", ("unique id", "'waiver'")),
    "duplicate-whereabouts-id.yaml": Bad("whereabouts[1].id", ("unique id", "'kim-in-nz'")),
    "duplicate-state-code.yaml": Bad("states[2].code", ("unique code", "'NZL'")),
    "duplicate-source-label.yaml": Bad("sources[1].label", ("unique label", "'S1'")),
    "duplicate-alias.yaml": Bad("missions[0].aliases[0]", ("naming one thing", "persons kim")),
    # dates that contradict each other
    "date-departed-before-arrival.yaml": Bad("postings[0].departed", ("on or after the arrival", "2016-12")),
    "date-functions-ended-before-arrival.yaml": Bad("postings[0].functions_ended", ("on or after the arrival", "2016-05")),
    "date-response-before-request.yaml": Bad("requests[0].response.date", ("on or after the request", "2019-08")),
    "date-whereabouts-until-before-from.yaml": Bad("whereabouts[0].until", ("on or after from", "2016-02")),
    "date-whereabouts-overlap.yaml": Bad("whereabouts[1].from", ("no overlap", "'kim-in-nz'")),
    # dates that are no dates, or not written as YYYY-MM-DD
    "date-impossible-february-30.yaml": Bad("acts[0].when", ("YYYY-MM-DD", "'2019-02-30'", "out of range")),
    "date-impossible-april-31.yaml": Bad("whereabouts[0].from", ("YYYY-MM-DD", "'2017-04-31'", "out of range")),
    "date-day-month-year-slashes.yaml": Bad("requests[0].date", ("YYYY-MM-DD", "'15/09/2019'")),
    "date-month-in-words.yaml": Bad("proceedings[0].date", ("YYYY-MM-DD", "'September 2019'")),
    "date-dotted.yaml": Bad("entries[0].date", ("YYYY-MM-DD", "'2019.10.01'")),
    "date-digits-only.yaml": Bad("acts[0].when", ("YYYY-MM-DD", "'20171201'")),
    "date-year-zero.yaml": Bad("requests[0].response.date", ("YYYY-MM-DD", "year 0")),
    "json-date-as-number.json": Bad("acts[0].when", ("YYYY-MM-DD", "float")),
    # wrong types, unknown fields, missing fields
    "wrong-type-title-list.yaml": Bad("title", ("valid string",)),
    "wrong-type-concerning-text.yaml": Bad("requests[0].concerning", ("valid list", "'kim'")),
    "wrong-type-response-text.yaml": Bad("requests[0].response", ("dictionary", "'declined'")),
    "wrong-type-sources-mapping.yaml": Bad("sources", ("valid list",)),
    "wrong-type-mission-kind-capitalised.yaml": Bad("missions[0].kind", ("'embassy'", "'consular_post'", "'Embassy'")),
    "wrong-type-counts-fraction.yaml": Bad("acts[0].counts", ("integer", "2.5")),
    "unknown-field-misspelt-collection.yaml": Bad("whereabout", ("unknown field", "immunity schema")),
    "unknown-field-posting-arrival.yaml": Bad("postings[0].arrival", ("unknown field",)),
    "unknown-field-whereabouts-to.yaml": Bad("whereabouts[0].to", ("unknown field",)),
    "missing-whereabouts-from.yaml": Bad("whereabouts[0].from", ("required",)),
    "missing-state-name.yaml": Bad("states[1].name", ("required",)),
    # malformed YAML
    "yaml-tab-indent.yaml": Bad("line 18, column 1", ("invalid YAML", "tab")),
    "yaml-unclosed-bracket.yaml": Bad("line 66, column 9", ("invalid YAML", "from line 65", "']'")),
    "yaml-unclosed-quote.yaml": Bad("line 83, column 1", ("invalid YAML", "quoted scalar (from line 3, column 8)")),
    "yaml-bad-indent.yaml": Bad("line 14, column 11", ("invalid YAML", "mapping values")),
    "yaml-duplicate-key.yaml": Bad("line 29, column 5", ("'person' twice", "expected each key once")),
    "yaml-two-documents.yaml": Bad("line 83, column 1", ("invalid YAML", "a single document")),
    "yaml-undefined-alias.yaml": Bad("line 25, column 11", ("invalid YAML", "undefined alias")),
    "yaml-list-as-key.yaml": Bad("line 4, column 1", ("invalid YAML", "unhashable key")),
    "yaml-reserved-indicator.yaml": Bad("line 43, column 12", ("invalid YAML", "cannot start any token")),
    "yaml-number-as-key.yaml": Bad("(top level)", ("field names as text", "2019")),
    "yaml-control-character.yaml": Bad("line 45, column 28", ("expected text", "U+0007")),
    "yaml-nan-count.yaml": Bad("acts[0].counts", ("finite number", "nan")),
    "yaml-huge-integer.yaml": Bad("line 47, column 13", ("5,000 characters", "as int")),
    "yaml-int-tag-on-text.yaml": Bad("line 47, column 13", ("'many'", "as int")),
    "yaml-set-tag.yaml": Bad("line 65, column 17", ("!!set", "not allowed", "plain data")),
    "yaml-local-tag.yaml": Bad("line 45, column 18", ("!secret", "not allowed")),
    # YAML that would run code in an unsafe loader
    "yaml-python-apply-os-system.yaml": Bad("line 2, column 1", ("!!python/object/apply:os.system", "not allowed")),
    "yaml-python-apply-in-field.yaml": Bad("line 3, column 8", ("!!python/object/apply:os.system", "not allowed")),
    "yaml-python-apply-popen.yaml": Bad("line 15, column 11", ("!!python/object/apply:subprocess.Popen", "not allowed")),
    "yaml-python-apply-exec.yaml": Bad("line 45, column 18", ("!!python/object/apply:builtins.exec", "not allowed")),
    # aliases and nesting
    "yaml-alias-bomb-billion-laughs.yaml": Bad("lol9", ("aliases", "billion laughs", "at most 100,000")),
    "yaml-alias-bomb-in-case.yaml": Bad("persons", ("aliases", "billion laughs")),
    "yaml-alias-loop.yaml": Bad("persons[0].note[0]", ("alias", "a loop")),
    "deep-nesting-200.yaml": Bad("title[0][0]...", ("nested deeper than 100 levels",)),
    "deep-nesting-200.json": Bad("title[0][0]...", ("nested deeper than 100 levels",)),
    "deep-nesting-1200.yaml": Bad("line 3, column 1007", ("nested deeper than 100 levels",)),
    "deep-nesting-1200.json": Bad("line 3, column 110", ("nested deeper than 100 levels",)),
    # not UTF-8 text
    "utf16-le-bom.yaml": Bad("", ("expected UTF-8 text, this looks like UTF-16", "byte order mark")),
    "utf16-be-bom.yaml": Bad("", ("expected UTF-8 text, this looks like UTF-16", "byte order mark")),
    "utf16-le-no-bom.yaml": Bad("", ("expected UTF-8 text, this looks like UTF-16", "no byte order mark")),
    "utf16-le-bom.json": Bad("", ("expected UTF-8 text, this looks like UTF-16",)),
    "utf32-bom.yaml": Bad("", ("expected UTF-8 text, this looks like UTF-32",)),
    "latin1-accent.yaml": Bad("line 3, column 30", ("expected UTF-8 text", "0xE9", "Latin-1")),
    "nul-byte.yaml": Bad("line 14, column 13", ("expected UTF-8 text", "NUL byte")),
    "binary-garbage.bin": Bad("", ("expected UTF-8 text", "binary file")),
    "binary-garbage.yaml": Bad("", ("expected UTF-8 text", "binary file")),
    "pdf-saved-as-yaml.yaml": Bad("", ("expected UTF-8 text", "PDF document")),
    "word-document.docx": Bad("", ("expected UTF-8 text", ".docx")),
    # not a case at all
    "empty.yaml": Bad("", ("empty", "expected a case file")),
    "empty.json": Bad("", ("empty", "expected a case file")),
    "whitespace-only.json": Bad("", ("empty", "expected a case file")),
    "only-comments.yaml": Bad("", ("only comments", "expected a case file")),
    "null-document.yaml": Bad("", ("null", "expected a case file")),
    "top-level-list.yaml": Bad("(top level)", ("expected a mapping", "list")),
    "top-level-list.json": Bad("(top level)", ("expected a mapping", "list")),
    "top-level-text.yaml": Bad("(top level)", ("expected a mapping", "str")),
    # JSON
    "json-nan.json": Bad("acts[0].counts", ("JSON has no NaN or Infinity", "got NaN")),
    "json-infinity.json": Bad("acts[0].counts", ("JSON has no NaN or Infinity", "got Infinity")),
    "json-minus-infinity.json": Bad("offences[0].max_penalty_months", ("JSON has no NaN or Infinity", "got -Infinity")),
    "json-huge-exponent.json": Bad("acts[0].counts", ("fits in a float", "1e999")),
    "json-huge-integer.json": Bad("line 75, column 14", ("invalid JSON", "too long")),
    "json-duplicate-key.json": Bad("proceedings[0]", ("'kind' twice", "expected each key once")),
    "json-trailing-comma.json": Bad("line 75, column 3", ("invalid JSON",)),
    "json-single-quotes.json": Bad("line 2, column 2", ("invalid JSON", "double quotes")),
    "json-comment.json": Bad("line 2, column 19", ("invalid JSON",)),
    "json-truncated.json": Bad("line 51, column 4", ("invalid JSON", "Unterminated string")),
    "json-unquoted-key.json": Bad("line 73, column 4", ("invalid JSON", "double quotes")),
}

# Each corpus file goes through one command, in turn: they all read a case file the same way.
COMMANDS = (("at", DAY, "{file}"), ("now", "{file}"), ("explain", "criminal_immunity", "{file}"),
            ("timeline", "{file}"), ("why-not", "criminal_immunity", "--at", DAY, "{file}"),
            ("what-if", "{file}", "--set", "title=changed"), ("exercise", "{file}", "--json"))


def corpus() -> list[Path]:
    return sorted(p for p in CORPUS.iterdir() if p.is_file())


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class Run:
    result: subprocess.CompletedProcess
    seconds: float
    left_behind: list[str]  # what the run wrote in its (empty) working directory

    @property
    def message(self) -> str:
        return self.result.stderr.removeprefix("immunity: ").rstrip("\n")


def run_cli(args: list[str], workdir: Path) -> Run:
    """The command line, in an empty working directory of its own; how long it took; what it left there."""
    workdir.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, COLUMNS="200", PYTHONPATH=str(ROOT))
    started = time.monotonic()
    result = subprocess.run([*CLI, *args], cwd=workdir, env=env, capture_output=True, text=True,
                            timeout=BOUND * 6, stdin=subprocess.DEVNULL)
    return Run(result, time.monotonic() - started, sorted(p.name for p in workdir.iterdir()))


def run_all(jobs: dict[str, list[str]], scratch: Path) -> dict[str, Run]:
    """Two at a time: the machine the suite runs on may have two cores, shared."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {key: pool.submit(run_cli, args, scratch / f"cwd-{i}") for i, (key, args) in enumerate(jobs.items())}
        return {key: future.result() for key, future in futures.items()}


def assert_clean_failure(run: Run) -> str:
    """Exit code 2, nothing on stdout, a message on stderr, no traceback, in time, no side effect."""
    out = run.result.stdout + run.result.stderr
    assert "Traceback" not in out, out
    assert run.result.returncode == 2, (run.result.returncode, out)
    assert run.result.stdout == "", run.result.stdout
    assert run.result.stderr.strip(), "no message"
    assert run.seconds < BOUND, f"took {run.seconds:.1f} s"
    assert run.left_behind == [], f"the run wrote {run.left_behind} in its working directory"
    return run.message


# --- the committed corpus ---------------------------------------------------------------------

def test_the_corpus_is_complete() -> None:
    """Every file has its expectation and every expectation its file: a new file needs a row."""
    names = {p.name for p in corpus()}
    assert names == set(EXPECTED), (sorted(names - set(EXPECTED)), sorted(set(EXPECTED) - names))
    assert len(names) >= 40


@pytest.mark.parametrize("path", [p for p in corpus() if p.suffix == ".yaml" and p.stat().st_size],
                         ids=lambda p: p.name)
def test_each_yaml_file_says_what_is_wrong(path: Path) -> None:
    """A reader of the corpus learns from a file's first line what is wrong with it (where a comment
    can be read at all: a comment in UTF-16 is still a comment; binary garbage has none)."""
    raw = path.read_bytes()
    for encoding in ("utf-8", "utf-16", "utf-32", "latin-1"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if text.lstrip("\ufeff").startswith("# "):
            return
    assert raw.startswith((b"%PDF", b"PK")) or b"\0" in raw[:4096], f"{path.name} has no comment on its first line"


@pytest.fixture(scope="module")
def corpus_runs(tmp_path_factory) -> dict[str, tuple[str, Run]]:
    """Every corpus file through the command line: its hash before, and the run."""
    scratch = tmp_path_factory.mktemp("corpus")
    before = {p.name: sha256(p) for p in corpus()}
    jobs = {p.name: [arg.replace("{file}", str(p)) for arg in COMMANDS[i % len(COMMANDS)]]
            for i, p in enumerate(corpus())}
    runs = run_all(jobs, scratch)
    return {name: (before[name], runs[name]) for name in jobs}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_gives_one_clear_message(name: str, corpus_runs) -> None:
    path, bad = CORPUS / name, EXPECTED[name]
    hash_before, run = corpus_runs[name]
    message = assert_clean_failure(run)
    assert message.startswith(f"{path}: {bad.where + ': ' if bad.where else ''}"), message
    if not bad.where:  # the file as a whole: no field path or line before the sentence
        assert message[len(f"{path}: "):][:1].islower(), message
    assert "\n" not in message, message
    for words in bad.says:
        assert words in message, f"{words!r} not in {message!r}"
    with pytest.raises(CaseFileError) as caught:
        load_case(path)
    assert caught.value.message == message  # the API and every command say the same
    assert sha256(path) == hash_before


def test_python_tags_would_have_run(tmp_path: Path) -> None:
    """The python-tag files are real: PyYAML's unsafe loader runs them (so the clean working
    directories the runs above leave prove something). Each writes a file named pwned-*."""
    markers = []
    for path in sorted(CORPUS.glob("yaml-python-*.yaml")):
        workdir = tmp_path / path.stem
        workdir.mkdir()
        subprocess.run([sys.executable, "-c", "import sys, yaml; yaml.unsafe_load(open(sys.argv[1]))", str(path)],
                       cwd=workdir, capture_output=True, timeout=60)
        for _ in range(50):  # Popen's child may finish after the loader returns
            if any(workdir.iterdir()):
                break
            time.sleep(0.1)
        markers += [p.name for p in workdir.iterdir()]
    assert len(markers) == len(list(CORPUS.glob("yaml-python-*.yaml"))) >= 3, markers
    assert all(m.startswith("pwned-") for m in markers), markers


# --- accepted: ways of writing a good case --------------------------------------------------------

@pytest.mark.parametrize("path", sorted(ACCEPTED.iterdir()), ids=lambda p: p.name)
def test_accepted_files_read_as_the_minimal_case(path: Path) -> None:
    """A UTF-8 byte order mark, CRLF line ends, JSON, anchors and merge keys: the same case."""
    assert load_case(path).case == load_case(ACCEPTED / "minimal.yaml").case


def test_accepted_files_through_the_cli(tmp_path: Path) -> None:
    """Each is answered (exit code 0), and all give the minimal case's answers."""
    runs = run_all({p.name: ["at", DAY, str(p), "--json"] for p in sorted(ACCEPTED.glob("*.*"))}, tmp_path)
    answers = {}
    for name, run in runs.items():
        assert run.result.returncode == 0, (name, run.result.stderr)
        answers[name] = json.loads(run.result.stdout)
    conclusions = {name: answer["conclusions"] for name, answer in answers.items()}
    assert len({json.dumps(c, sort_keys=True) for c in conclusions.values()}) == 1  # the same answers


# --- inputs made at test time -----------------------------------------------------------------------

def big_file(path: Path) -> Path:
    """50 MB: a case file's opening, then a title that goes on and on."""
    with path.open("wb") as out:
        out.write(b'{"id": "big", "title": "')
        chunk = b"x" * (1 << 20)
        for _ in range(50):
            out.write(chunk)
        out.write(b'"}\n')
    return path


def deep_yaml(path: Path) -> Path:
    path.write_text("id: deep\ntitle: " + "[" * 10_000 + "]" * 10_000 + "\n", encoding="utf-8")
    return path


def deep_json(path: Path) -> Path:
    path.write_text('{"id": "deep", "title": ' + '{"a": ' * 10_000 + "1" + "}" * 10_000 + "}", encoding="utf-8")
    return path


def big_json_one_fault(path: Path) -> Path:
    """About 10 MB of JSON, valid but for the last person's name: the json module reads it in well
    under the bound (PyYAML takes about 20 times as long)."""
    persons = [{"id": f"p{i}", "name": f"Person {i}", "nationalities": ["NZL"], "note": "x" * 200}
               for i in range(40_000)]
    persons[-1]["name"] = 42
    case = {"id": "big", "title": "Forty thousand persons", "states": [{"code": "NZL", "name": "New Zealand"}],
            "persons": persons}
    path.write_text(json.dumps(case), encoding="utf-8")
    return path


def symlink_loop(path: Path) -> Path:
    path.symlink_to(path)
    return path


GENERATED = {  # name -> (make the input in a folder, where, says)
    "missing-path": (lambda d: d / "absent.yaml", "", ("no such file",)),
    "directory": (lambda d: d, "", ("is a directory", "expected a case file")),
    "fifty-megabytes": (lambda d: big_file(d / "big.json"), "",
                        (f"larger than {MAX_BYTES >> 20} MB", "expected a case file")),
    "nested-10000-deep.yaml": (lambda d: deep_yaml(d / "deep.yaml"), "line 2, column", ("nested deeper than 100",)),
    "nested-10000-deep.json": (lambda d: deep_json(d / "deep.json"), "line 1, column", ("nested deeper than 100",)),
    "ten-megabytes-of-json-one-fault": (lambda d: big_json_one_fault(d / "big.json"), "persons[39999].name",
                                        ("valid string",)),
    "symlink-loop": (lambda d: symlink_loop(d / "loop.yaml"), "", ("cannot be read",)),
    "dev-zero": (lambda d: Path("/dev/zero"), "", (f"larger than {MAX_BYTES >> 20} MB",)),
}


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_bad_input(name: str, tmp_path: Path) -> None:
    make, where, says = GENERATED[name]
    assert name != "dev-zero" or Path("/dev/zero").exists(), "the tests run on Linux or macOS (README)"
    folder = tmp_path / "input"
    folder.mkdir()
    path = make(folder)
    hash_before = sha256(path) if path.is_file() and name != "dev-zero" else None
    run = run_cli(["at", DAY, str(path)], tmp_path / "cwd")
    message = assert_clean_failure(run)
    assert message.startswith(f"{path}: {where}"), message
    for words in says:
        assert words in message, f"{words!r} not in {message!r}"
    if hash_before:
        assert sha256(path) == hash_before


# --- bad arguments, for every command ---------------------------------------------------------------

ARGUMENTS = [  # (command, arguments, words the message must hold); {file}: a file, {dir}: a folder
    ("now", ["now", "nosuchcase"], ("no such file", "nor a shipped case", "kim")),
    ("now", ["now", "--jsn"], ("No such option", "--jsn")),
    ("now", ["now", "a" * 5000], ("cannot be read", "too long")),
    ("at", ["at", "2019-13-45"], ("DATE", "'2019-13-45'", "YYYY-MM-DD")),
    ("at", ["at", "15/09/2019"], ("DATE", "'15/09/2019'", "YYYY-MM-DD")),
    ("at", ["at"], ("Missing argument", "DATE")),
    ("explain", ["explain", "immunity"], ("QUESTION", "expected one of", "criminal_immunity", "'immunity'")),
    ("explain", ["explain", "criminal_immunity", "--at", "2019-02-30"], ("DATE", "'2019-02-30'")),
    ("explain", ["explain", "criminal_immunity", "--subject", "person=kim,colour=red"], ("--subject", "colour")),
    ("what-if", ["what-if"], ("at least one --set",)),
    ("what-if", ["what-if", "--set", "title"], ("--set", "PATH=VALUE")),
    ("what-if", ["what-if", "--set", "nosuch.path=1"], ("nosuch", "unknown field")),
    ("what-if", ["what-if", "--set", 'title=!!python/object/apply:os.system ["touch pwned-what-if"]'],
     ("--set title", "not allowed")),
    ("what-if", ["what-if", "--patch", "{dir}/absent.yaml"], ("absent.yaml", "no such file")),
    ("what-if", ["what-if", "--set", "title=x", "--at", "tomorrow"], ("DATE", "'tomorrow'")),
    ("timeline", ["timeline", "--question", "immunity"], ("expected one of", "'immunity'")),
    ("timeline", ["timeline", "--svg", "{dir}/picture.png"], ("--svg", ".svg")),
    ("timeline", ["timeline", "--json", "--svg", "{dir}/picture.svg"], ("without --json",)),
    ("why-not", ["why-not", "immunity"], ("expected one of", "'immunity'")),
    ("why-not", ["why-not", "criminal_immunity", "--at", "2019-13-45"], ("DATE", "'2019-13-45'")),
    ("schema", ["schema", "--output", "xml"], ("--output", "expected one of case, bank, answer", "'xml'")),
    ("coverage", ["coverage", "--features", "{dir}/no-such-folder"], ("--features", "not a directory")),
    ("docs", ["docs"], ("Missing option", "--out")),
    ("docs", ["docs", "--out", "{file}"], ("--out", "not a directory")),
    ("exercise", ["exercise", "--level", "hard"], ("--level", "basic or advanced", "'hard'")),
    ("exercise", ["exercise", "--rounds", "0"], ("--rounds", "greater than or equal to 1")),
    ("exercise", ["exercise", "--at", "2019-13-45"], ("DATE", "'2019-13-45'")),
    ("exercise", ["exercise", "nosuchcase"], ("nosuchcase", "no such file")),
    ("exercise", ["exercise", "--bank", "{dir}/absent.yaml"], ("absent.yaml", "no such file")),
    ("batch", ["batch", "{dir}", "--at", "2019-13-45"], ("--at", "'2019-13-45'")),
    ("batch", ["batch", "--at", DAY], ("Missing argument",)),
    ("batch", ["batch", "{dir}/absent", "--at", DAY], ("absent", "no such")),
    ("batch", ["batch", "b" * 5000, "--at", DAY], ("cannot be read", "too long")),
    ("questions", ["questions", "extra"], ("unexpected extra argument", "extra")),
    ("cases", ["cases", "--all"], ("No such option", "--all")),
    ("rules", ["rules", "--instrument", "XYZ"], ("--instrument", "expected one of", "'XYZ'")),
    ("sources", ["sources", "nosuchcase"], ("no such file", "nor a shipped case")),
    ("(none)", ["nosuchcommand"], ("No such command", "nosuchcommand")),
]


def test_every_command_has_a_bad_argument() -> None:
    from engine.cli import app

    commands = set(typer.main.get_command(app).commands)
    assert commands <= {command for command, _, _ in ARGUMENTS}, commands - {c for c, _, _ in ARGUMENTS}


@pytest.fixture(scope="module")
def argument_runs(tmp_path_factory) -> dict[str, Run]:
    scratch = tmp_path_factory.mktemp("arguments")
    folder, file = scratch / "folder", scratch / "a-file.txt"
    folder.mkdir()
    file.write_text("not a directory\n", encoding="utf-8")
    jobs = {str(i): [a.replace("{dir}", str(folder)).replace("{file}", str(file)) for a in args]
            for i, (_, args, _) in enumerate(ARGUMENTS)}
    return run_all(jobs, scratch)


@pytest.mark.parametrize("row", range(len(ARGUMENTS)), ids=[" ".join(args)[:50] for _, args, _ in ARGUMENTS])
def test_bad_argument(row: int, argument_runs) -> None:
    _, _, says = ARGUMENTS[row]
    run = argument_runs[str(row)]
    message = assert_clean_failure(run)
    for words in says:
        assert words in message, f"{words!r} not in {message!r}"
