"""Every `--json` output as a documented, versioned shape, each with its JSON Schema.

A decision record is kept, compared and parsed by other programs, so each one says what it
is (`shape`, `shape_version`), which engine made it (`engine`) and from which case file
(`case`, `case_sha256`). `immunity schema --output NAME` prints the JSON Schema of each
shape. The same inputs give byte-identical output (no clock, no randomness, fixed key order).
Version 1 of every shape is the first versioned one; a change that removes or renames a
field, or changes its meaning, raises the shape's version.
"""

from __future__ import annotations

from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from engine.answer import Answer
from engine.explain import Explanation

SHAPE_VERSION = 1


class Envelope(BaseModel):
    """What every JSON output says of itself."""

    model_config = ConfigDict(extra="forbid")

    shape: str = Field(description="which output this is")
    shape_version: Literal[1] = Field(SHAPE_VERSION, description="the version of the shape")
    engine: str = Field(description="the version of the immunity engine that made it")
    case: Optional[str] = Field(None, description="the case file's id")
    case_sha256: Optional[str] = Field(None, description="SHA-256 of the case file's bytes (none for a changed case)")


class Explanations(Envelope):
    """`immunity explain --json`: the derivation behind each answer to a question."""

    shape: Literal["explanations"] = "explanations"
    as_of: str = Field(description="the day asked, YYYY-MM-DD")
    question: str
    subject: dict[str, str] = Field(description="the subject asked about (empty: every subject)")
    explanations: list[Explanation] = Field(description="one per answer; empty when nothing answers it")


class Side(BaseModel):
    model_config = ConfigDict(extra="forbid")

    holds: Optional[bool] = Field(description="null: unknown or uncertain")
    rule: str
    cites: list[str]
    text: str
    unverified: list[str]


class Difference(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    question: str
    subject: dict[str, str]
    before: Optional[Side] = Field(description="the answer before the change (null: no answer)")
    after: Optional[Side] = Field(description="the answer after the change (null: no answer)")


class WhatIf(Envelope):
    """`immunity what-if --json`: only the answers that a change of fact changes."""

    shape: Literal["what-if"] = "what-if"
    as_of: str
    changes: list[str] = Field(description="the --set PATH=VALUE changes, as given")
    patch: Optional[str] = Field(description="the --patch file, if one was given")
    differences: list[Difference]


class Period(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    from_: Optional[str] = Field(alias="from", description="first day (null: from the start of the timeline)")
    to: Optional[str] = Field(description="last day (null: to the end of the timeline)")
    verdict: str = Field(description="yes, no, uncertain, unknown, or none (not asked then)")
    rule: Optional[str]
    changed_by: list[str] = Field(description="the events that opened this period")


class Row(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    question: str
    subject: dict[str, str]
    periods: list[Period]


class Timeline(Envelope):
    """`immunity timeline --json`: each answer's periods, and the event that opened each."""

    shape: Literal["timeline"] = "timeline"
    checkpoints: list[str] = Field(description="the days evaluated, YYYY-MM-DD")
    rows: list[Row]


class Flip(BaseModel):
    model_config = ConfigDict(extra="forbid")

    changes: list[str] = Field(description="--set PATH=VALUE changes that, together, change the answer")
    before: Optional[bool]
    after: Optional[bool]
    reverses: bool = Field(description="true: the answer turns to its opposite; false: it is left open or settled")
    rule: str
    text: str
    unverified: list[str]


class Target(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    holds: Optional[bool]
    rule: str
    unverified: list[str]
    flips: list[Flip]


class WhyNot(Envelope):
    """`immunity why-not --json`: the smallest changes of fact that would change each answer."""

    shape: Literal["why-not"] = "why-not"
    as_of: str
    question: str
    subject: dict[str, str]
    answers: list[Target]


class KeyEntry(BaseModel):
    """One exercise of the answer key: what was asked, and the engine's answer with its grounds."""

    model_config = ConfigDict(extra="forbid")

    number: int
    case: str = Field(description="the case the exercise is on (a shipped name or a file)")
    date: str = Field(description="the day asked, YYYY-MM-DD")
    question: str
    subject: dict[str, str]
    set: list[str] = Field(description="changes of fact the exercise makes (--set PATH=VALUE)")
    patched: bool = Field(description="whether a partial case file was merged in")
    facts: list[str] = Field(description="the facts stated to the learner")
    changes: list[str] = Field(description="the changed facts, in words")
    prompt: str
    holds: Optional[bool]
    verdict: str = Field(description="yes, no, uncertain or unknown")
    expected: str = Field(description="the answer that counts as right: yes, no or depends")
    rule: str
    cites: list[str]
    sources: list[str]
    text: str
    window: Optional[str]
    unverified: list[str]
    as_reported: Optional[str] = Field(description="the answer on the case as reported, for a changed case")
    hint: Optional[str]
    teaching_note: Optional[str]


class ExerciseKey(Envelope):
    """`immunity exercise --json`: the teacher's answer key (`case`: set when all are on one case)."""

    shape: Literal["exercise-key"] = "exercise-key"
    exercises: list[KeyEntry]


class Coverage(Envelope):
    """`immunity coverage --json`: which articles the scenarios exercise and check."""

    shape: Literal["coverage"] = "coverage"
    scenarios: int = Field(description="how many scenarios ran")
    other_failures: Any = Field(description="failures outside any scenario (none: an empty list)")
    coverage: dict[str, Any] = Field(description="per article: the rules citing it and the scenarios exercising "
                                                 "and checking it; the rules no scenario fires")


class BatchLine(BaseModel):
    """One line of `immunity batch`: a case file's answer, or why it could not be read."""

    model_config = ConfigDict(extra="forbid")

    shape: Literal["batch-line"] = "batch-line"
    shape_version: Literal[1] = SHAPE_VERSION
    source: str = Field(description="the case file, or FILE.jsonl:LINE")
    answer: Optional[Answer] = None
    error: Optional[str] = None


def emit(output: BaseModel) -> str:
    """The JSON text of an output: two-space indented, fields in their declared order."""
    return output.model_dump_json(indent=2, by_alias=True)


def shapes() -> dict[str, Any]:
    """Every output and input that has a JSON Schema, by the name `immunity schema --output` takes."""
    from engine.exercise import Bank
    from engine.model import Case

    return {"case": Case, "bank": Bank, "answer": Answer, "explanations": Explanations, "what-if": WhatIf,
            "timeline": Timeline, "why-not": WhyNot, "batch-line": BatchLine, "exercise-key": ExerciseKey,
            "coverage": Coverage}
