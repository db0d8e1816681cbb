"""Evaluations remembered by situation, so a rule run is reused wherever nothing differs.

What the rules see of a day is only where each date of the case (and of the treaties) stands
against it: before, inside its window, or after. Between two consecutive "cut" days (a date's
first day, last day and the day after it) nothing moves, so every day in between is the same
*situation*: the Kim case has about twenty across 2016-2026. The rules fire in durable-rules
once per situation; a timeline, a why-not, an exercise or a batch asking about another day of
the same situation gets the remembered evaluation, with only the day asked put in.

The cache is bounded by the number of derived facts it holds, least recently used first out.
"""

from __future__ import annotations

import bisect
import datetime as dt
import threading
from collections import OrderedDict
from dataclasses import replace
from typing import TYPE_CHECKING

from engine.per_case import per_case
from engine.windows import dates_in

if TYPE_CHECKING:
    from engine.evaluation import Evaluation
    from engine.model import Case

BUDGET = 200_000  # derived facts held across all cached evaluations (Kim: about 130 each)

_cache: OrderedDict[tuple, tuple["Case", "Evaluation", int]] = OrderedDict()
_held = 0
_lock = threading.Lock()
stats = {"hits": 0, "misses": 0}


def cut_days(case: "Case") -> list[dt.date]:
    """The days on which some date of the case or of its treaties changes its relation to the
    day asked (computed once per case object)."""
    memo = per_case(case)
    if "cut_days" not in memo:
        from engine.treaties import load_treaties

        cuts: set[dt.date] = set()
        for date in [*dates_in(case), *(t.in_force for t in load_treaties() if t.in_force)]:
            cuts.update((date.start, date.end))
            if date.end < dt.date.max:
                cuts.add(date.end + dt.timedelta(days=1))
        memo["cut_days"] = sorted(cuts)
    return memo["cut_days"]


def situation(case: "Case", day: dt.date) -> int:
    """Which of the case's situations `day` falls in (days with the same number are alike)."""
    return bisect.bisect_right(cut_days(case), day)


def recall(case: "Case", day: dt.date, case_sha256: str | None) -> "Evaluation | None":
    """The remembered evaluation of the situation of `day`, made to answer for `day`."""
    key = (id(case), case_sha256, situation(case, day))
    with _lock:
        entry = _cache.get(key)
        if entry is None or entry[0] is not case:
            stats["misses"] += 1
            return None
        _cache.move_to_end(key)
        stats["hits"] += 1
    return for_day(entry[1], day)


def remember(case: "Case", day: dt.date, case_sha256: str | None, evaluation: "Evaluation") -> None:
    global _held
    weight = len(evaluation.derived) + sum(len(e.derived) for e in evaluation.settled.values())
    if weight > BUDGET // 4:
        return  # one huge case would push out everything else
    key = (id(case), case_sha256, situation(case, day))
    with _lock:
        old = _cache.pop(key, None)
        _held -= old[2] if old else 0
        _cache[key] = (case, evaluation, weight)
        _held += weight
        while _held > BUDGET:
            _, (_, _, gone) = _cache.popitem(last=False)
            _held -= gone


def clear() -> None:
    global _held
    with _lock:
        _cache.clear()
        _held = 0


def for_day(evaluation: "Evaluation", day: dt.date) -> "Evaluation":
    """The same evaluation, answering for `day` (a day of the same situation)."""
    iso = day.isoformat()
    if evaluation.answer.as_of == iso:
        return evaluation
    inputs = {k: (dict(f, as_of=iso) if f["t"] == "case" else f) for k, f in evaluation.inputs.items()}
    return replace(evaluation, answer=evaluation.answer.model_copy(update={"as_of": iso}), inputs=inputs,
                   settled={k: for_day(e, day) for k, e in evaluation.settled.items()})
