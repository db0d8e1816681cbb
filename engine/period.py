"""What applied over a month or a year: the answers of every day of it, merged.

`immunity at 2020-08` asks about August 2020 as a whole. Each situation the month holds
(engine/situations.py: the days between two dates of the case are alike) is evaluated once;
an answer that is the same on every day is given as it is, and one that changes within the
month is uncertain, saying which answer held when, and needing the day.
"""

from __future__ import annotations

import datetime as dt

from engine.answer import Answer, Conclusion, Unknown
from engine.dates import FuzzyDate
from engine.evaluation import answer_order, evaluate
from engine.model import Case
from engine.render import verdict
from engine.situations import cut_days


def days_to_ask(case: Case, period: FuzzyDate) -> list[dt.date]:
    """The first day of the period and each day within it on which the situation changes."""
    return [period.start] + [cut for cut in cut_days(case) if period.start < cut <= period.end]


def evaluate_period(case: Case, period: FuzzyDate, case_sha256: str | None = None) -> Answer:
    days = days_to_ask(case, period)
    answers = [evaluate(case, day, case_sha256).answer for day in days]
    ends = [d - dt.timedelta(days=1) for d in days[1:]] + [period.end]
    found: dict[str, list[Conclusion | None]] = {}
    for i, answer in enumerate(answers):
        for c in answer.conclusions:
            found.setdefault(c.id, [None] * len(answers))[i] = c
    conclusions = []
    for ident, each in found.items():
        first = next(c for c in each if c is not None)
        if all(c is not None and (c.holds, c.needs) == (first.holds, first.needs) for c in each):
            conclusions.append(first)  # the same answer all through (a definite one, or the same unknown)
        else:
            conclusions.append(_varies(each, days, ends, period))
    conclusions.sort(key=answer_order(case))
    last = answers[-1]
    return last.model_copy(update={
        "as_of": period.text, "period": period.window, "conclusions": conclusions,
        "unknowns": [Unknown(id=c.id, question=c.question, subject=c.subject, needs=c.needs)
                     for c in conclusions if c.holds is None and c.needs]})


def _varies(each: list[Conclusion | None], days, ends, period: FuzzyDate) -> Conclusion:
    """An answer that is not the same all through the period: uncertain, saying when it held what."""
    present = [c for c in each if c is not None]
    first = present[0]
    runs: list[list] = []  # [verdict, first day, last day], consecutive days with one verdict merged
    for c, begin, finish in zip(each, days, ends):
        said = verdict(c) if c is not None else "no answer"
        if runs and runs[-1][0] == said:
            runs[-1][2] = finish
        else:
            runs.append([said, begin, finish])
    spans = [f"{said} on {a.isoformat()}" if a == b else f"{said} from {a.isoformat()} to {b.isoformat()}"
             for said, a, b in runs]

    def union(field: str) -> list[str]:
        return list(dict.fromkeys(x for c in present for x in getattr(c, field)))

    text = f"The answer changes within {period.label}: {'; '.join(spans)}. " + first.text
    return first.model_copy(update={
        "holds": None, "text": text, "window": period.window, "needs": f"the day within {period.label}",
        "cites": union("cites"), "because": union("because"), "sources": sorted(set(union("sources"))),
        "unverified": union("unverified"), "also": union("also"), "set_aside": union("set_aside")})
