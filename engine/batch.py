"""Many case files, one day: each case answered, or refused with its own error, in input order.

Workers are processes, never threads: the durable-rules C core is not thread-safe
(engine/host.py). Cases go to a worker in chunks, so a worker process loads the rules once
and the cost of handing it work is paid per chunk, not per case.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import multiprocessing
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

CASE_SUFFIXES = (".yaml", ".yml", ".json")

# What became of one case: its output line, and "answer", "error" (a bad case file) or
# "internal" (the engine failed on it: a bug).
Outcome = tuple[dict, str]


class BatchInputError(Exception):
    """The batch's input itself (the directory or .jsonl file) cannot be used."""


@dataclass(frozen=True)
class Item:
    """One case to answer: a case file (`path`), or one line of a .jsonl file (`text`)."""

    source: str  # what its output line names: the file's path, or FILE.jsonl:LINE
    path: str | None = None
    text: str | None = None


def items(target: Path) -> list[Item]:
    """The cases of a directory (its case files, sorted) or of a .jsonl file (its non-blank lines)."""
    if target.is_dir():
        try:
            files = sorted(p for p in target.iterdir() if p.suffix in CASE_SUFFIXES and p.is_file())
        except OSError as exc:
            raise BatchInputError(f"{target}: cannot be read: {exc.strerror or exc}") from None
        return [Item(str(p), path=str(p)) for p in files]
    if not target.exists():
        raise BatchInputError(f"{target}: no such directory or file")
    if target.suffix != ".jsonl":
        raise BatchInputError(f"{target}: expected a directory of case files (*.yaml, *.yml, *.json) "
                              "or a .jsonl file (one case file as JSON per line)")
    try:
        text = target.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise BatchInputError(f"{target}: expected UTF-8 text") from None
    except OSError as exc:
        raise BatchInputError(f"{target}: cannot be read: {exc.strerror or exc}") from None
    # split on "\n" only: str.splitlines() would also split inside a JSON string holding U+2028
    lines = (line.removesuffix("\r") for line in text.split("\n"))
    return [Item(f"{target}:{number}", text=line) for number, line in enumerate(lines, 1) if line.strip()]


def answer_one(item: Item, day: dt.date) -> Outcome:
    """The `--json` answer for one case, or the error that says what is wrong with it."""
    from engine.cli import answer_record, internal_errors
    from engine.evaluation import evaluate
    from engine.loading import CaseFileError, load_case

    try:
        if item.path is not None:
            loaded = load_case(item.path)
            case, sha256 = loaded.case, loaded.sha256
        else:
            case, sha256 = _parse_line(item)
    except CaseFileError as exc:
        return _line(item, error=exc.message), "error"
    try:
        answer = evaluate(case, day, case_sha256=sha256).answer
    except internal_errors() as exc:
        return _line(item, error=f"internal error in the rules (please report it): {exc}"), "internal"
    return _line(item, answer=answer_record(answer)), "answer"


def _line(item: Item, **said) -> dict:
    """One output line, in the `batch-line` shape (engine/outputs.py)."""
    return {"shape": "batch-line", "shape_version": 1, "source": item.source, **said}


def _parse_line(item: Item):
    """A .jsonl line as a case; its hash is that of the line's bytes (without the line end), so it
    equals the hash `immunity at` gives the same line saved as a file."""
    from engine.case_bytes import Unreadable, parse_bytes
    from engine.loading import CaseFileError, parse_case

    raw = item.text.encode("utf-8")
    try:  # read as a .json case file is (NaN, duplicate keys, depth and size refused alike)
        data = parse_bytes(raw, as_json=True)
    except Unreadable as exc:
        raise CaseFileError(item.source, [exc.problem]) from None
    return parse_case(data, item.source), hashlib.sha256(raw).hexdigest()


def answer_chunk(chunk: list[Item], day: dt.date) -> list[Outcome]:
    return [answer_one(item, day) for item in chunk]


def _warm() -> None:
    """Each worker imports the engine and its rules once, when it starts."""
    import importlib

    from engine.evaluation import all_rules

    importlib.import_module("engine.cli")  # answer_record's module
    all_rules()


def chunk_size(count: int, workers: int) -> int:
    """About four chunks per worker (so a slow chunk does not leave the others idle), at most 50
    cases each (so progress shows)."""
    return max(1, min(50, math.ceil(count / (workers * 4))))


def run(cases: list[Item], day: dt.date, workers: int = 1,
        done: Callable[[int], None] = lambda n: None) -> Iterator[Outcome]:
    """The outcome of each case, in input order; `done(n)` as each n cases finish."""
    if workers <= 1 or len(cases) <= 1:
        for item in cases:
            outcome = answer_one(item, day)
            done(1)
            yield outcome
        return
    size = chunk_size(len(cases), workers)
    chunks = [cases[i:i + size] for i in range(0, len(cases), size)]
    # spawn, not fork: a worker must not inherit a parent's live C rule engine
    pool = ProcessPoolExecutor(max_workers=min(workers, len(chunks)), initializer=_warm,
                               mp_context=multiprocessing.get_context("spawn"))
    try:
        futures = {pool.submit(answer_chunk, chunk, day): i for i, chunk in enumerate(chunks)}
        finished: dict[int, list[Outcome]] = {}
        next_chunk = 0
        for future in as_completed(futures):
            finished[futures[future]] = future.result()
            done(len(finished[futures[future]]))
            while next_chunk in finished:
                yield from finished.pop(next_chunk)
                next_chunk += 1
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
