"""Reading a case file: YAML or JSON in, a validated `Case` out, or one clear `CaseFileError`.

The loader never changes what the user wrote: dates stay as written (YAML's own date
parsing is switched off, so `2018-02` and `2018-02-14` are both kept as text), and a file
is read, never written. Whatever is wrong, from the bytes (engine/case_bytes.py: encoding,
size, nesting, aliases, tags) to the facts (engine/model.py: types, references, the order
of dates), ends as one `CaseFileError` naming the file and each problem's field path.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from engine.case_bytes import TextDatesLoader  # noqa: F401  (here for engine.treaties and engine.whatif)
from engine.case_bytes import Unreadable, field_path, parse_bytes, read_bytes
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

    SHOWN = 20  # a file wrong in every one of 10,000 items gets a screenful, not 10,000 lines

    @property
    def message(self) -> str:
        if len(self.problems) == 1:
            return f"{self.file}: {self.problems[0]}"
        lines = [f"{self.file}: {len(self.problems)} problems"] + [f"  - {p}" for p in self.problems[:self.SHOWN]]
        if len(self.problems) > self.SHOWN:
            lines.append(f"  ... and {len(self.problems) - self.SHOWN} more")
        return "\n".join(lines)


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
        raise CaseFileError(file, ["the file is empty (or holds only comments or null); expected a case file "
                                   "(see `immunity schema`)"])
    if not isinstance(data, dict):
        raise CaseFileError(file, [f"(top level): expected a mapping of case fields, got {type(data).__name__}"])
    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        raise CaseFileError(file, [describe(e) for e in exc.errors()]) from None


def read_data(path: str | Path) -> tuple[Any, bytes]:
    """The plain data in a file (`.json` read as JSON, anything else as YAML) and its bytes."""
    path = Path(path)
    try:
        raw = read_bytes(path)
        return parse_bytes(raw, as_json=path.suffix.lower() == ".json"), raw
    except Unreadable as exc:
        raise CaseFileError(path, [exc.problem]) from None


def load_case(path: str | Path | None = None) -> LoadedCase:
    """Load and validate a case file (default: the shipped Kim case)."""
    file = Path(path) if path is not None else DEFAULT_CASE
    try:
        data, raw = read_data(file)
    except CaseFileError as exc:
        if exc.problems == ["no such file"] and not file.suffix and len(file.parts) == 1:  # a case's name?
            raise CaseFileError(file, [f"no such file, nor a shipped case of that name (they are: "
                                       f"{', '.join(shipped_cases())})"]) from None
        raise
    case = parse_case(data, file)
    return LoadedCase(case=case, path=str(file), sha256=hashlib.sha256(raw).hexdigest())
