"""Reading a case file: YAML or JSON in, a validated `Case` out, or one clear `CaseFileError`.

The loader never changes what the user wrote: dates stay as written (YAML's own date
parsing is switched off, so `2018-02` and `2018-02-14` are both kept as text), and a file
is read, never written.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from engine.model import Case

SHIPPED_CASES = Path(__file__).parent / "cases"
DEFAULT_CASE = SHIPPED_CASES / "kim.yaml"


def shipped_cases() -> dict[str, Path]:
    """The case files shipped with the engine, by name (`kim`, `consular`)."""
    return {path.stem: path for path in sorted(SHIPPED_CASES.glob("*.yaml"))}


def shipped_case(name: str) -> Path | None:
    """The shipped case file called `name` (any letter case), or None."""
    return shipped_cases().get(name.strip().lower())


class CaseFileError(Exception):
    """A problem in a case file, said as: file, field path, what was expected."""

    def __init__(self, file: str | Path, problems: list[str]):
        self.file = str(file)
        self.problems = problems
        super().__init__(self.message)

    @property
    def message(self) -> str:
        if len(self.problems) == 1:
            return f"{self.file}: {self.problems[0]}"
        lines = [f"{self.file}: {len(self.problems)} problems"] + [f"  - {p}" for p in self.problems]
        return "\n".join(lines)


_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: ~10x faster


class TextDatesLoader(_SafeLoader):
    """A safe loader that leaves 2018-02-14 as the text it is, so every date keeps its precision."""


TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def field_path(loc: tuple) -> str:
    """('postings', 0, 'person') -> 'postings[0].person'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(top level)"


def describe(error: dict) -> str:
    path = field_path(tuple(p for p in error["loc"] if not str(p).startswith("function-")))
    kind = error["type"]
    if kind == "extra_forbidden":
        return f"{path}: unknown field (not part of the case-file model; see `immunity schema`)"
    if kind == "missing":
        return f"{path}: required field is missing"
    value = error.get("input")
    shown = "" if isinstance(value, (dict, list)) else f" (got {value!r})"
    message = error["msg"]
    if kind in {"dangling_reference", "duplicate_id", "date_order", "fuzzy_date"}:
        shown = ""
    return f"{path}: {message}{shown}"


@dataclass(frozen=True)
class LoadedCase:
    """A case and what identifies the file it came from (for decision records)."""

    case: Case
    path: str
    sha256: str


def parse_case(data: Any, file: str | Path = "<case>") -> Case:
    if data is None:
        raise CaseFileError(file, ["the file is empty; expected a case file (see `immunity schema`)"])
    if not isinstance(data, dict):
        raise CaseFileError(file, [f"(top level): expected a mapping of case fields, got {type(data).__name__}"])
    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        raise CaseFileError(file, [describe(e) for e in exc.errors()]) from None


def read_data(path: Path) -> tuple[Any, bytes]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CaseFileError(path, ["no such file"]) from None
    except IsADirectoryError:
        raise CaseFileError(path, ["is a directory, expected a case file (.yaml or .json)"]) from None
    except OSError as exc:
        raise CaseFileError(path, [f"cannot be read: {exc.strerror}"]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise CaseFileError(path, ["expected UTF-8 text"]) from None
    try:
        return yaml.load(text, Loader=TextDatesLoader), raw  # JSON is YAML too
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise CaseFileError(path, [f"{where}invalid YAML/JSON: {problem}"]) from None


def load_case(path: str | Path | None = None) -> LoadedCase:
    """Load and validate a case file (default: the shipped Kim case)."""
    file = Path(path) if path is not None else DEFAULT_CASE
    data, raw = read_data(file)
    case = parse_case(data, file)
    return LoadedCase(case=case, path=str(file), sha256=hashlib.sha256(raw).hexdigest())
