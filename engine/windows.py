"""Reasoning across an imprecise date's window.

When the day asked falls inside the window of a date reported only to the month or year
("Korea declined in September 2019"), the date is "uncertain" and so, at first, is every
answer that turns on it. But many such answers are the same whichever day it was: on any
day of September 2019 there was no waiver, whether Korea had yet answered or not. So the
engine also tries every possible placement of those dates (each wholly before, or wholly
after, the day asked), runs the rules on each, and where every placement gives the same
answer, that answer is given, definite, with a note that the exact day does not change it.
Only answers that really differ across the window stay uncertain.
"""

from __future__ import annotations

import datetime as dt
from itertools import product
from typing import Iterator

from pydantic import BaseModel

from engine.answer import Answer, Conclusion, Unknown
from engine.dates import FuzzyDate, Relation
from engine.model import Case

# Each uncertain date doubles the rule runs; beyond this many, answers stay uncertain.
MAX_DATES = 3


def uncertain_dates(case: Case, day: dt.date) -> list[FuzzyDate]:
    """The case's own date objects whose window holds `day`, each once."""
    found: dict[int, FuzzyDate] = {}
    for date in dates_in(case):
        if date.relation(day) is Relation.uncertain:
            found.setdefault(id(date), date)
    return list(found.values())


def dates_in(node) -> Iterator[FuzzyDate]:
    """Every date object in a case (or any part of it), in field order."""
    if isinstance(node, FuzzyDate):
        yield node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from dates_in(getattr(node, name))
    elif isinstance(node, (list, tuple)):
        for item in node:
            yield from dates_in(item)


def _orderings(case: Case) -> Iterator[tuple[FuzzyDate, FuzzyDate]]:
    """(earlier, later) pairs the case file's own logic fixes: a response comes after its
    request, and an arrival before the end of functions or the departure."""
    for r in case.requests:
        if r.date and r.response and r.response.date:
            yield r.date, r.response.date
    for p in case.postings:
        for later in (p.functions_ended, p.departed):
            if p.arrived and later:
                yield p.arrived, later


def not_yet(case: Case, placing: dict[int, Relation]) -> set[str]:
    """Ids of the requests, acts and entries that a placement puts after the day asked."""
    own = [(r.id, r.date) for r in case.requests] + [(a.id, a.when) for a in case.acts] + \
          [(e.id, e.date) for e in case.entries]
    return {ident for ident, date in own if date is not None and placing.get(id(date)) is Relation.future}


def placements(case: Case, dates: list[FuzzyDate]) -> list[dict[int, Relation]]:
    """Every consistent way of placing `dates` wholly before (past) or after (future) the day."""
    pairs = [(id(a), id(b)) for a, b in _orderings(case)]
    out = []
    for combo in product((Relation.past, Relation.future), repeat=len(dates)):
        placing = {id(d): where for d, where in zip(dates, combo)}
        if any(placing.get(a) is Relation.future and placing.get(b) is Relation.past for a, b in pairs):
            continue  # the later event placed before the earlier one
        out.append(placing)
    return out


def settle(answer: Answer, window: str, tries: list[Answer], not_yet: list[set[str]],
           labels: list[str]) -> tuple[Answer, dict[str, int]]:
    """`answer` with each conclusion uncertain inside `window` that every try answers alike made
    definite. The tries place the dates of that window (and no others) before or after the day.
    `not_yet[i]` holds the ids of the requests, acts and entries whose own date try i places
    after the day.
    Returns the new answer and, for each settled conclusion, the index of the try it was
    taken from (the first one in which it appears, so its derivation can be explained)."""
    settled: dict[str, int] = {}
    conclusions = []
    for c in answer.conclusions:
        if c.holds is None and c.window == window:
            found = [(i, t) for i, a in enumerate(tries) for t in a.conclusions if t.id == c.id]
            verdicts = {t.holds for _, t in found}
            # every placement must answer, and alike; a placement with no answer is no agreement,
            # unless in it the thing the question is about (a request, an act, an entry) had not
            # yet happened, so the question did not arise
            silent = [i for i in range(len(tries)) if i not in {j for j, _ in found}]
            arose = all(set(c.subject.values()) & not_yet[i] for i in silent)
            if found and arose and len(verdicts) == 1 and None not in verdicts:
                index, chosen = found[0]
                settled[c.id] = index
                conclusions.append(_definite(chosen, c, labels))
                continue
        conclusions.append(c)
    if not settled:
        return answer, settled
    unknowns = [Unknown(id=c.id, question=c.question, subject=c.subject, needs=c.needs)
                for c in conclusions if c.holds is None and c.needs]
    return answer.model_copy(update={"conclusions": conclusions, "unknowns": unknowns}), settled


def _definite(chosen: Conclusion, uncertain: Conclusion, labels: list[str]) -> Conclusion:
    when = " or ".join(dict.fromkeys(labels))
    note = f"Whichever day of {when} it was, the answer is the same."
    unverified = list(dict.fromkeys(chosen.unverified + uncertain.unverified))
    return chosen.model_copy(update={"text": f"{chosen.text} {note}", "unverified": unverified,
                                     "needs": None, "window": None})
