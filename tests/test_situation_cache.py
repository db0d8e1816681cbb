"""Evaluations are remembered by situation (engine/situations.py): a remembered answer must be
exactly what a fresh rule run gives, on every day, or the cache is wrong."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from engine import situations
from engine.evaluation import evaluate, rules_fired
from engine.loading import load_case, shipped_cases

ROOT = Path(__file__).resolve().parents[1]
CASES = {name: load_case(path).case for name, path in shipped_cases().items()}
KIM = CASES["kim"]


def days_to_try(case, count: int, seed: int) -> list[dt.date]:
    """Random days, and every cut day of the case with its neighbours (where mistakes hide)."""
    rng = random.Random(seed)
    days = [dt.date(2014, 1, 1) + dt.timedelta(days=rng.randrange(13 * 365)) for _ in range(count)]
    for cut in situations.cut_days(case)[:: max(1, len(situations.cut_days(case)) // 25)]:
        days += [cut - dt.timedelta(days=1), cut, cut + dt.timedelta(days=1)]
    return days


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_remembered_answer_is_the_answer_a_fresh_run_gives(name: str) -> None:
    case = CASES[name]
    situations.clear()
    for day in days_to_try(case, 30, seed=len(name)):
        remembered = evaluate(case, day, case_sha256="x")
        fresh = evaluate(case, day, case_sha256="x", cache=False)
        assert remembered.answer == fresh.answer, f"{name} on {day}"
        assert remembered.inputs == fresh.inputs
        assert remembered.answer.as_of == day.isoformat()


def test_days_of_one_situation_see_the_same_facts() -> None:
    """The premise of the cache: the facts the rules see are the same on every day of a situation."""
    from engine.facts import case_facts

    def seen(day):
        return [{k: v for k, v in f.items() if k != "as_of"} for f in case_facts(KIM, day)]

    rng = random.Random(7)
    for _ in range(60):
        a = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(12 * 365))
        b = a + dt.timedelta(days=rng.randrange(1, 90))
        if situations.situation(KIM, a) == situations.situation(KIM, b):
            assert seen(a) == seen(b), (a, b)
        else:
            assert any(a < cut <= b for cut in situations.cut_days(KIM))


def test_the_kim_case_has_few_situations_and_a_timeline_reuses_them() -> None:
    days = [dt.date(2016, 1, 1) + dt.timedelta(days=d) for d in range(0, 3653)]
    assert len({situations.situation(KIM, d) for d in days}) < 60
    situations.clear()
    before = dict(situations.stats)
    for day in days[::7]:
        evaluate(KIM, day)
    misses = situations.stats["misses"] - before["misses"]
    hits = situations.stats["hits"] - before["hits"]
    assert misses < 60 and hits > 400


def test_a_coverage_watch_sees_the_rules_fire_even_for_a_remembered_day() -> None:
    day = dt.date(2020, 8, 10)
    fresh = evaluate(KIM, day, cache=False)
    evaluate(KIM, day)
    with rules_fired() as fired:
        evaluate(KIM, day)
    assert fired >= {f["rule"] for f in fresh.derived.values()} and len(fired) > 20


def test_the_cache_is_bounded() -> None:
    situations.clear()
    for name, case in CASES.items():
        for day in days_to_try(case, 40, seed=1):
            evaluate(case, day)
    assert situations._held <= situations.BUDGET
    assert situations._held == sum(w for _, _, w in situations._cache.values())
