"""The case replayed over time: when each answer changed, and which event changed it.

Answers can change only where some dated fact changes its place against the day: the day
before a date's window, its first day (inside the window, uncertain), and its last day (the
event is past). The timeline evaluates the case at exactly those days, so between two of
them every answer is constant and each run of equal answers is a true period.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterator

from engine.dates import FuzzyDate
from engine.evaluation import answer_order, evaluate
from engine.model import Case

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Event:
    """A dated fact of the case: what happens, when, and the key of the fact it belongs to."""

    what: str
    date: FuzzyDate
    key: str


@dataclass
class Period:
    start: dt.date | None  # None: from before anything the case file dates
    end: dt.date | None  # None: open-ended
    verdict: str  # yes, no, uncertain, unknown, or "none" (no answer asked)
    rule: str | None
    changed_by: list[str] = field(default_factory=list)  # events that opened this period

    def as_json(self) -> dict:
        return {"from": self.start.isoformat() if self.start else None,
                "to": self.end.isoformat() if self.end else None,
                "verdict": self.verdict, "rule": self.rule, "changed_by": self.changed_by}


@dataclass
class Row:
    id: str
    question: str
    subject: dict
    periods: list[Period]

    def as_json(self) -> dict:
        return {"id": self.id, "question": self.question, "subject": self.subject,
                "periods": [p.as_json() for p in self.periods]}


def events(case: Case) -> Iterator[Event]:
    return (Event(what, date, key) for what, date, key in case.dated_events())


def checkpoints(case: Case) -> list[dt.date]:
    days = set()
    for e in events(case):
        days |= {e.date.start - ONE_DAY, e.date.start, e.date.end}
    return sorted(days)


def _verdict(c) -> str:
    return {True: "yes", False: "no"}.get(c.holds, "uncertain" if c.window else "unknown")


def _changes(case_events: list[Event], before: dt.date, after: dt.date, facts: set[str]) -> list[str]:
    """Events of the facts an answer rests on whose place against the day differs between two
    checkpoints (all such events, if the answer rests on none: it appeared or vanished)."""
    moved = [e for e in case_events if e.date.relation(before) != e.date.relation(after)]
    relevant = [e for e in moved if e.key in facts] or moved
    return [f"{e.what}, {e.date.label}" for e in relevant]


def timeline(case: Case) -> tuple[list[dt.date], list[Row]]:
    days = checkpoints(case)
    case_events = list(events(case))
    answers = [evaluate(case, day).answer for day in days]
    ids: dict[str, tuple[str, dict]] = {}
    for answer in answers:
        for c in answer.conclusions:
            ids.setdefault(c.id, (c.question, c.subject))
    rows = []
    for ident, (question, subject) in ids.items():
        periods: list[Period] = []
        previous = None
        for i, (day, answer) in enumerate(zip(days, answers)):
            found = next((c for c in answer.conclusions if c.id == ident), None)
            verdict, rule = (_verdict(found), found.rule) if found else ("none", None)
            if periods and periods[-1].verdict == verdict:
                previous = found or previous
                continue
            if periods:
                periods[-1].end = day - ONE_DAY
            facts = {b.split("#")[0] for c in (found, previous) if c for b in c.because}
            changed = _changes(case_events, days[i - 1], day, facts) if i else []
            previous = found or previous
            periods.append(Period(start=day if periods else None, end=None, verdict=verdict, rule=rule,
                                  changed_by=changed))
        rows.append(Row(ident, question, subject, periods))
    first_seen = {ident: i for i, ident in enumerate(ids)}
    order = answer_order(case)
    latest = {c.id: c for answer in answers for c in answer.conclusions}
    rows.sort(key=lambda r: (order(latest[r.id]), first_seen[r.id]))
    return days, rows
