"""A big case is evaluated in parts (engine/partition.py); that must never change an answer.

Splitting is sound only if no rule joins two facts except through an id in the entity fields,
or through the facts every part holds. The first test reads every rule's conditions and checks
exactly that, so a new rule that joins, say, two postings by their mission alone fails here
rather than silently losing answers on big cases. The second evaluates every shipped case
split as finely as possible and in one session, and requires the same answers.
"""

from __future__ import annotations

import datetime as dt

import pytest
from durable.lang import when_all

import engine.partition as partition
from engine.evaluation import all_rules, evaluate
from engine.loading import load_case, shipped_cases


def _joins(condition, aliases: set[str]) -> list[tuple[str, str, str]]:
    """(field, other alias, other field) for each join of a condition on another fact."""
    found = []

    def walk(node) -> None:
        if isinstance(node, dict):
            for name, value in node.items():
                if isinstance(value, dict) and len(value) == 1 and next(iter(value)) in aliases \
                        and isinstance(next(iter(value.values())), str):
                    found.append((name, next(iter(value)), next(iter(value.values()))))
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(condition)
    return found


def _kind(condition) -> str | None:
    tests = condition.get("$and", [condition]) if isinstance(condition, dict) else []
    return next((t["t"] for t in tests if isinstance(t, dict) and isinstance(t.get("t"), str)), None)


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.id)
def test_a_rule_joins_its_facts_only_through_entity_ids(rule) -> None:
    definition = when_all(*rule.when)(lambda matched: None).define()
    conditions = [(alias, c) for item in definition.get("all", []) for alias, c in item.items()]
    kinds = {alias: _kind(c) for alias, c in conditions}
    assert all(kinds.values()), f"{rule.id}: a condition matches facts of any kind"
    scoped = [a for a, k in kinds.items() if k not in partition.SHARED_KINDS]
    group = {a: a for a in scoped}

    def root(a: str) -> str:
        while group[a] != a:
            a = group[a]
        return a

    for alias, condition in conditions:
        for field, other, other_field in _joins(condition, set(kinds)):
            if alias in group and other in group and field in partition.ENTITY_FIELDS \
                    and other_field in partition.ENTITY_FIELDS:
                group[root(alias)] = root(other)
    assert len({root(a) for a in scoped}) <= 1, \
        f"{rule.id} joins {[kinds[a] for a in scoped]} by something other than an id of ENTITY_FIELDS"


DAYS = [dt.date(2016, 6, 1), dt.date(2017, 12, 1), dt.date(2018, 2, 10), dt.date(2019, 9, 15),
        dt.date(2020, 2, 20), dt.date(2020, 8, 10), dt.date(2021, 6, 1), dt.date(2024, 2, 6), dt.date(2024, 9, 15)]


@pytest.mark.parametrize("name", sorted(shipped_cases()))
def test_split_as_finely_as_possible_every_answer_is_the_same(name: str, monkeypatch) -> None:
    case = load_case(shipped_cases()[name]).case
    whole = {day: evaluate(case, day, cache=False) for day in DAYS}
    monkeypatch.setattr(partition, "PART_SIZE", 1)
    for day in DAYS:
        split = evaluate(case, day, cache=False)
        assert split.answer == whole[day].answer, f"{name} on {day}"
        assert split.dropped == whole[day].dropped
        assert set(split.derived) == set(whole[day].derived)


def test_the_shipped_cases_do_split() -> None:
    """Otherwise the comparison above would compare a case with itself."""
    from engine.facts import case_facts

    counts = {}
    for name, path in shipped_cases().items():
        case = load_case(path).case
        counts[name] = len(list(partition.parts(case_facts(case, dt.date(2020, 8, 10)), size=1)))
    assert sum(1 for n in counts.values() if n > 1) >= 5, counts
