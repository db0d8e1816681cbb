"""The engine's limits, found and removed: no fact silently lost, no crash, no interference.

durable-rules' C core takes a fact's identity from a 32-bit hash of its id and compares hashes
only, so two different facts can be taken for one and the second silently refused; deleting a
session with actions still scheduled crashes it; and it has no locks. These tests show each
hazard is real in the C core, and that the engine around it neither loses nor crashes.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import threading
from collections import defaultdict
from pathlib import Path

import durable_rules_engine
import pytest
from durable.lang import m, when_all

import engine.host as host
from engine.evaluation import all_rules, evaluate
from engine.facts import case_facts
from engine.loading import load_case
from engine.model import Case

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from big_case import KINDS, big_case, kind_of  # noqa: E402

KIM = load_case(ROOT / "scenarios" / "cases" / "kim.yaml").case
# Two ids whose 32-bit FNV-1a hashes are equal (found by search; checked below).
COLLIDING = ("x496069", "x1035124")


def test_the_hash_is_the_c_cores_and_the_collision_is_real() -> None:
    """Two different facts whose ids collide: the C core refuses the second as 'already observed'."""
    a, b = COLLIDING
    assert a != b and host.fnv1a_32(a) == host.fnv1a_32(b)
    defs = {"probe": {"r": when_all(m.t == "a")(lambda matched: None).define()}}
    probe = host.QuietHost(defs)
    handle = probe.get_ruleset("probe")._handle
    try:
        first = durable_rules_engine.assert_fact(handle, json.dumps({"t": "a", "n": 1, "sid": "s", "id": a}))
        second = durable_rules_engine.assert_fact(handle, json.dumps({"t": "a", "n": 2, "sid": "s", "id": b}))
        assert first[0] == 0 and second[0] == 2  # 2: MessageObserved, a different fact refused
        third = durable_rules_engine.assert_fact(handle, json.dumps({"t": "a", "n": 3, "sid": "s", "id": "other"}))
        assert third[0] == 0
    finally:
        scheduled = durable_rules_engine.start_action_for_state(handle, first[1])
        while scheduled:
            scheduled = durable_rules_engine.complete_and_start_action(handle, first[1])
        probe.delete_state("probe", "s")
        probe.close()


def test_fact_ids_never_collide() -> None:
    ids = host.FactIds()
    made = [ids.next() for _ in range(300_000)]
    assert len(set(made)) == len(made)
    assert len({host.fnv1a_32(i) for i in made}) == len(made)


def test_a_refused_fact_fails_the_evaluation_loudly(monkeypatch) -> None:
    """Were two ids ever to collide, the answer is refused (EngineError, exit 1), not given short."""
    real = host.FactIds.next
    calls = {"n": 0}

    def colliding(self) -> str:
        calls["n"] += 1
        return COLLIDING[calls["n"] % 2] if calls["n"] in (40, 41) else real(self)

    monkeypatch.setattr(host.FactIds, "next", colliding)
    with pytest.raises(host.EngineError, match="refused"):
        evaluate(KIM, dt.date(2020, 8, 10), cache=False)
    monkeypatch.undo()
    assert evaluate(KIM, dt.date(2020, 8, 10), cache=False).answer.conclusions  # the engine lives on


def test_a_rule_failing_with_actions_still_scheduled_does_not_crash_the_core(monkeypatch) -> None:
    """The first firing raises while thousands of actions are scheduled: deleting that session
    would crash the C core; the engine completes them unrun, fails loudly, and carries on."""
    session = host.session(list(all_rules()))
    big = Case.model_validate(big_case(400))
    facts = case_facts(big, dt.date(2020, 8, 10))

    def broken(matched):
        raise ValueError("boom")

    monkeypatch.setattr(session, "_actions", {k: broken for k in session._actions})
    with pytest.raises(host.EngineError, match="boom"):
        session.run(facts)
    monkeypatch.undo()
    again = session.run(facts)
    assert len(again) > 1000


def _answers_by_person(case: Case, day: dt.date) -> dict[str, list[tuple]]:
    """Each person's answers, with his own ids and name put back to placeholders."""
    out: dict[str, list[tuple]] = defaultdict(list)
    for c in evaluate(case, day).answer.conclusions:
        person = c.subject.get("person")
        if person is None:
            continue
        number = person[1:]

        def plain(text: str) -> str:
            return text.replace(f"Person {number}", "P").replace(f"p{number}", "p")

        out[person].append((c.question, json.dumps({k: plain(v) for k, v in c.subject.items()}), c.holds,
                            c.rule, tuple(c.cites), plain(c.text)))
    return out


def test_five_thousand_persons_all_answered_alike() -> None:
    """Every person with the same facts gets the same answers, however big the case."""
    persons = 5_000
    case = Case.model_validate(big_case(persons))
    answers = _answers_by_person(case, dt.date(2020, 8, 10))
    assert len(answers) == persons
    by_kind: dict[str, set] = defaultdict(set)
    for person, found in answers.items():
        by_kind[kind_of(int(person[1:]))].add(tuple(sorted(found)))
    assert set(by_kind) == set(KINDS)
    for kind, variants in by_kind.items():
        assert len(variants) == 1, f"persons of kind {kind} answered {len(variants)} different ways"
    diplomat = dict((q, h) for q, _, h, *_ in next(iter(by_kind["diplomat"])))
    assert diplomat["criminal_immunity"] is True and diplomat["personal_inviolability"] is True


def test_evaluations_from_many_threads_agree_with_one_thread() -> None:
    days = [dt.date(2017, 6, 1), dt.date(2018, 2, 10), dt.date(2019, 9, 15), dt.date(2020, 8, 10)]
    expected = {d: evaluate(KIM, d, cache=False).answer for d in days}
    got: dict[tuple[int, dt.date], object] = {}
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(12):
                day = days[(n + i) % len(days)]
                got[(n, i)] = (day, evaluate(KIM, day, cache=False).answer)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(got) == 72
    for day, answer in got.values():
        assert answer == expected[day]
