"""The rulebook a lawyer checks: every rule names its instrument and article, says in one line
what it holds, and says how sure the law is; every answer cites only rules that exist."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from engine.evaluation import evaluate
from engine.loading import load_case
from engine.rulebook import Rule, Status
from rules import INSTRUMENTS, RULES

ROOT = Path(__file__).resolve().parents[1]
KIM = ROOT / "scenarios" / "cases" / "kim.yaml"
EMBASSY = ROOT / "tests" / "cases" / "embassy_in_post.yaml"
IDS = {r.id for r in RULES}
SHORT_NAMES = {i.short for i in INSTRUMENTS}


def test_there_are_rules_and_each_is_a_rule() -> None:
    assert RULES
    assert all(isinstance(r, Rule) for r in RULES)
    # RULES is exactly the instruments' rules, none lost, none added
    assert [r for i in INSTRUMENTS for r in i.rules] == list(RULES)


def test_rule_ids_are_unique() -> None:
    twice = [rule_id for rule_id, n in Counter(r.id for r in RULES).items() if n > 1]
    assert twice == []


def test_instrument_names_are_unique() -> None:
    names = [i.short for i in INSTRUMENTS]
    assert len(names) == len(set(names))
    assert all(i.short.strip() and i.title.strip() for i in INSTRUMENTS)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_each_rule_can_be_checked_against_its_text(rule: Rule) -> None:
    assert rule.id.strip() == rule.id and " " not in rule.id and rule.id
    assert rule.articles, "cites no article"
    assert all(isinstance(a, str) and a.strip() for a in rule.articles), rule.articles
    assert len(set(rule.articles)) == len(rule.articles), rule.articles
    assert rule.says.strip(), "no paraphrase"
    assert rule.instrument in SHORT_NAMES, rule.instrument
    assert rule.cites == [f"{rule.instrument} {a}" for a in rule.articles]
    assert all(c.startswith(f"{rule.instrument} ") for c in rule.cites)
    assert isinstance(rule.status, Status)
    assert rule.status.value in {"verified", "unverified"}
    assert rule.when, "no conditions"
    assert callable(rule.then)


def test_each_rule_belongs_to_the_instrument_it_cites() -> None:
    for instrument in INSTRUMENTS:
        for rule in instrument.rules:
            assert rule.instrument == instrument.short, rule.id


def test_overrides_name_existing_rules() -> None:
    for rule in RULES:
        for other in rule.overrides:
            assert other in IDS, f"{rule.id} overrides unknown rule {other!r}"
            assert other != rule.id, f"{rule.id} overrides itself"


def test_overrides_do_not_go_round_in_a_circle() -> None:
    overrides = {r.id: set(r.overrides) for r in RULES}

    def reachable(start: str) -> set[str]:
        seen, todo = set(), list(overrides[start])
        while todo:
            current = todo.pop()
            if current not in seen:
                seen.add(current)
                todo.extend(overrides.get(current, ()))
        return seen

    assert [r for r in overrides if r in reachable(r)] == []


@pytest.fixture(scope="module")
def answers() -> list:
    kim = load_case(KIM).case
    embassy = load_case(EMBASSY).case
    days = [dt.date(2016, 1, 1), dt.date(2017, 12, 1), dt.date(2018, 2, 10), dt.date(2018, 6, 1),
            dt.date(2019, 9, 15), dt.date(2020, 2, 27), dt.date(2020, 8, 10), dt.date(2024, 1, 1)]
    out = [evaluate(kim, day).answer for day in days]
    out += [evaluate(embassy, day).answer for day in (dt.date(2019, 1, 1), dt.date(2021, 4, 20), dt.date(2021, 6, 1))]
    return out


def test_every_rule_an_answer_uses_exists(answers) -> None:
    used = set()
    for answer in answers:
        assert answer.conclusions
        for c in answer.conclusions:
            assert c.rule in IDS, c.rule
            assert set(c.set_aside) <= IDS, c.set_aside
            assert set(getattr(c, "also", [])) <= IDS
            assert any(cite.startswith(f"{name} ") for cite in c.cites for name in SHORT_NAMES), c.cites
            used.add(c.rule)
    # the Kim case alone reaches well beyond one rule and one instrument's worth of questions
    assert len(used) >= 10


def test_answers_resting_on_unverified_law_say_so(answers) -> None:
    statuses = {r.id: r.status for r in RULES}
    seen_unverified = False
    for answer in answers:
        for c in answer.conclusions:
            if statuses[c.rule] is Status.unverified:
                seen_unverified = True
                assert c.rule in c.unverified, (c.id, c.rule, c.unverified)
            for u in c.unverified:
                if u in statuses:
                    assert statuses[u] is Status.unverified, (c.id, u)
    assert seen_unverified  # Kim 2020: the procedural-bar reading (vcdr.39-2.procedural)


def test_each_conclusion_cites_its_own_rules_articles(answers) -> None:
    """The rule that reached a conclusion is always among its citations (further rules up the
    derivation, and treaty articles read from data, may add more)."""
    for answer in answers:
        for c in answer.conclusions:
            rule = next(r for r in RULES if r.id == c.rule)
            assert set(rule.cites) <= set(c.cites), (c.id, rule.cites, c.cites)


def test_each_rule_answers_only_the_questions_its_action_names(answers) -> None:
    """`Rule.answers` (read from the action's source) drives explain's list of rules considered;
    it must cover every answer the rule actually gave, including further grounds and answers set aside."""
    by_id = {r.id: r for r in RULES}
    checked = 0
    for answer in answers:
        for c in answer.conclusions:
            for rule_id in [c.rule, *c.also, *c.set_aside]:
                assert c.question in by_id[rule_id].answers, (rule_id, c.question, sorted(by_id[rule_id].answers))
                checked += 1
    assert checked > 100


def test_every_rule_either_answers_a_question_or_makes_a_finding() -> None:
    silent = [r.id for r in RULES if not r.answers and not r.finds]
    assert silent == []
