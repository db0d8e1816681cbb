"""why-not also moves references: whose household a family member belongs to, and in which
State a period places a person. Both decide answers (VCDR art. 37; presence for enforcement)."""

from __future__ import annotations

import datetime as dt

from engine.evaluation import evaluate
from engine.loading import load_case, read_data, shipped_cases
from engine.whynot import why_not


def flips_for(name: str, question: str, day: dt.date, **subject: str):
    path = shipped_cases()[name]
    case = load_case(path).case
    [target] = evaluate(case, day).answer.find(question, **subject)
    data, _ = read_data(path)
    return target, why_not(data, case, target, day)


def test_a_family_member_moved_to_a_diplomats_household_becomes_inviolable() -> None:
    target, flips = flips_for("household", "personal_inviolability", dt.date(2024, 3, 1), person="satu")
    assert target.holds is False
    moved = {f.changes[0]: f for f in flips if f.changes[0].startswith("postings.satu-canberra.household_of=")}
    assert moved["postings.satu-canberra.household_of=aino-canberra"].after is True
    assert moved["postings.satu-canberra.household_of=aino-canberra"].reverses
    assert "postings.satu-canberra.household_of=null" in moved


def test_a_period_moved_to_another_state_reverses_presence() -> None:
    target, flips = flips_for("kim", "present_in_territory", dt.date(2019, 6, 1), person="kim", state="PHL")
    assert target.holds is True
    reversing = {f.changes[0] for f in flips if f.reverses}
    assert "whereabouts.kim-in-the-philippines.state=KOR" in reversing
