"""Dates as the reports give them: to the day, the month or the year.

A report that says "February 2018" does not say which day. Such a date is a window
(2018-02-01 to 2018-02-28), and a question asked inside the window has no certain answer.
`FuzzyDate` keeps the precision the case file gave, and `relation` tells where a day
of reference falls against it: after it, before it, or inside its window.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from enum import Enum
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic_core import PydanticCustomError, core_schema

DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
EXPECTED = "a date as YYYY-MM-DD, YYYY-MM or YYYY"
_MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]


class Precision(str, Enum):
    day = "day"
    month = "month"
    year = "year"


class Relation(str, Enum):
    """Where the day of reference stands against a dated event."""

    past = "past"  # the event happened on or before that day
    future = "future"  # the event happens after that day
    uncertain = "uncertain"  # that day falls inside the event's window
    unknown = "unknown"  # the case file gives no date for the event


class FuzzyDate:
    """A day, a month or a year, with the window of days it may stand for."""

    __slots__ = ("text", "precision", "start", "end")

    def __init__(self, text: str):
        if not re.match(DATE_PATTERN, text):
            raise ValueError(f"{text!r} is not {EXPECTED}")
        parts = [int(p) for p in text.split("-")]
        year = parts[0]
        if len(parts) == 1:
            self.precision = Precision.year
            self.start, self.end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        elif len(parts) == 2:
            month = parts[1]
            if not 1 <= month <= 12:
                raise ValueError(f"{text!r}: month {month} does not exist")
            last = calendar.monthrange(year, month)[1]
            self.precision = Precision.month
            self.start, self.end = dt.date(year, month, 1), dt.date(year, month, last)
        else:
            try:
                day = dt.date(year, parts[1], parts[2])
            except ValueError as exc:
                raise ValueError(f"{text!r}: {exc}") from None
            self.precision = Precision.day
            self.start = self.end = day
        self.text = text

    def relation(self, day: dt.date) -> Relation:
        """Has the event happened by `day`? Inside the window the answer is uncertain."""
        if self.end <= day:
            return Relation.past
        if self.start > day:
            return Relation.future
        return Relation.uncertain

    @property
    def label(self) -> str:
        """The date as a person would say it, keeping its precision: "February 2018"."""
        if self.precision is Precision.year:
            return str(self.start.year)
        if self.precision is Precision.month:
            return f"{_MONTHS[self.start.month - 1]} {self.start.year}"
        return f"{self.start.day} {_MONTHS[self.start.month - 1]} {self.start.year}"

    @property
    def window(self) -> str:
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FuzzyDate) and other.text == self.text

    def __hash__(self) -> int:
        return hash(self.text)

    def __repr__(self) -> str:
        return f"FuzzyDate({self.text!r})"

    def __str__(self) -> str:
        return self.text

    # pydantic integration: a string in the case file, a FuzzyDate in the model.
    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler):
        def parse(value: Any) -> FuzzyDate:
            if isinstance(value, FuzzyDate):
                return value
            if isinstance(value, int) and not isinstance(value, bool):
                value = str(value)  # YAML reads a bare year as a number
            if isinstance(value, dt.datetime):
                raise PydanticCustomError("fuzzy_date", f"expected {EXPECTED}, not a date and time")
            if isinstance(value, dt.date):
                value = value.isoformat()
            if not isinstance(value, str):
                raise PydanticCustomError(
                    "fuzzy_date", "expected {expected}, got {got}",
                    {"expected": EXPECTED, "got": type(value).__name__},
                )
            try:
                return cls(value)
            except ValueError as exc:
                raise PydanticCustomError("fuzzy_date", "expected {expected}: {why}",
                                          {"expected": EXPECTED, "why": str(exc)}) from None

        return core_schema.no_info_plain_validator_function(
            parse, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler):
        """A string, so quote it in YAML: an unquoted 2018-02-14 is a date to most YAML loaders, not
        text. The pattern also refuses month 13 or day 32; the engine checks that the day exists."""
        month, day = "(0[1-9]|1[0-2])", "(0[1-9]|[12][0-9]|3[01])"
        return {"type": "string", "pattern": f"^[0-9]{{4}}(-{month}(-{day})?)?$",
                "description": "A date to the day, month or year, in quotes: \"2018-02-14\", \"2018-02\" or "
                "\"2018\". A month or a year stands for every day in it.",
                "examples": ["2018-02-14", "2018-02", "2018"]}


def parse_day(text: str) -> dt.date:
    """A day of reference for a question: it must be a whole day, YYYY-MM-DD."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):  # fromisoformat alone also takes 20180210, 2018-W06-6
        try:
            return dt.date.fromisoformat(text)
        except ValueError as exc:
            raise ValueError(f"{text!r} is not a day as YYYY-MM-DD: {exc}") from None
    raise ValueError(f"{text!r} is not a day as YYYY-MM-DD")
