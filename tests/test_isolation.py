"""One evaluation leaves nothing behind: the next one, of any case on any day, is unaffected.

durable-rules keeps every session (sid) of a ruleset in its C core, at most 1024 at a time;
an engine that forgot to delete them would crash past that many evaluations. These tests run
well over 1,024 evaluations of two different cases on different days, in several orders, and
check every answer against a first evaluation made in a fresh engine session.

A property test then throws small random (but valid) case files at the engine.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.evaluation import evaluate
from engine.loading import load_case, parse_case
from engine.model import Case
from engine.render import human

ROOT = Path(__file__).resolve().parents[1]
KIM = load_case(ROOT / "scenarios" / "cases" / "kim.yaml").case
EMBASSY = load_case(ROOT / "tests" / "cases" / "embassy_in_post.yaml").case

DAYS = {
    "kim": [dt.date(2017, 6, 1), dt.date(2017, 12, 1), dt.date(2018, 2, 10), dt.date(2019, 9, 15),
            dt.date(2020, 8, 10)],
    "embassy-in-post": [dt.date(2019, 1, 1), dt.date(2020, 6, 1), dt.date(2021, 4, 20), dt.date(2021, 6, 1)],
}
CASES = {"kim": KIM, "embassy-in-post": EMBASSY}
PAIRS = [(name, day) for name in CASES for day in DAYS[name]]


def answer(name: str, day: dt.date) -> dict:
    return evaluate(CASES[name], day).answer.model_dump()


def in_fresh_session(name: str, day: dt.date) -> dict:
    """The first evaluation of a new engine session: each thread compiles its own."""
    out: dict = {}

    def work() -> None:
        out["answer"] = answer(name, day)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert "answer" in out, f"evaluating {name} on {day} failed in a fresh thread"
    return out["answer"]


@pytest.fixture(scope="module")
def first() -> dict[tuple[str, dt.date], dict]:
    return {pair: in_fresh_session(*pair) for pair in PAIRS}


def test_the_two_cases_and_their_days_answer_differently(first) -> None:
    """Otherwise the comparisons below could not tell one evaluation from another."""
    texts = {json.dumps(a, sort_keys=True) for a in first.values()}
    assert len(texts) == len(PAIRS)
    assert first[("kim", dt.date(2020, 8, 10))]["case"] == "kim"
    assert first[("embassy-in-post", dt.date(2021, 6, 1))]["case"] == "embassy-in-post"
    # the main thread's own first evaluation agrees with the fresh sessions'
    for pair in PAIRS:
        assert answer(*pair) == first[pair]


def test_more_than_1024_evaluations_in_any_order_change_nothing(first) -> None:
    rng = random.Random(20200810)
    kim_days, embassy_days = DAYS["kim"], DAYS["embassy-in-post"]
    orders = [
        # strictly alternating cases, each cycling through its days
        [("kim", kim_days[i % len(kim_days)]) if i % 2 == 0 else
         ("embassy-in-post", embassy_days[i % len(embassy_days)]) for i in range(400)],
        # random order
        [rng.choice(PAIRS) for _ in range(400)],
        # the same question many times over, then the other case
        [("kim", dt.date(2018, 2, 10))] * 150 + [("embassy-in-post", dt.date(2021, 6, 1))] * 150,
    ]
    count = 0
    for order in orders:
        for pair in order:
            got = answer(*pair)
            count += 1
            assert got == first[pair], f"evaluation {count} ({pair[0]} on {pair[1]}) differs from the first"
    assert count >= 1100


def test_two_postings_in_one_state_are_answered() -> None:
    """A diplomat posted twice to the same embassy: during either tour he is immune and
    inviolable, between them he is not. The engine must answer, not report the rules as
    disagreeing (the finished tour's answers are not the current one's)."""
    case = load_case(ROOT / "tests" / "cases" / "two_tours.yaml").case
    expected = {dt.date(2012, 1, 1): True, dt.date(2015, 1, 1): False, dt.date(2021, 6, 1): True}
    problems = {}
    for day, holds in expected.items():
        try:
            got = evaluate(case, day).answer.find("personal_inviolability", person="envoy", state="CAN")
        except Exception as exc:
            problems[day.isoformat()] = f"{type(exc).__name__}: {exc}"
            continue
        if [c.holds for c in got] != [holds]:
            problems[day.isoformat()] = [(c.rule, c.holds) for c in got]
    assert problems == {}


def test_evaluating_does_not_change_the_case() -> None:
    before = KIM.model_dump()
    for day in DAYS["kim"]:
        evaluate(KIM, day)
    assert KIM.model_dump() == before


# --- property test: random small valid case files -------------------------------------------

STATES = ["NZL", "KOR", "PHL"]
SOURCES = ["S1", "S2"]
CATEGORIES = ["diplomatic_agent", "administrative_technical", "service_staff", "private_servant",
              "family_member", "consular_officer", "consular_employee"]
MISSION_KINDS = ["embassy", "consular_post", "permanent_mission"]
REQUEST_KINDS = ["waiver", "consent_to_enter_premises", "extradition", "mutual_legal_assistance",
                 "recall", "persona_non_grata", "surrender"]
SCOPES = ["premises_entry", "witness_evidence", "criminal_jurisdiction", "civil_jurisdiction", "execution"]
OUTCOMES = ["granted", "declined", "pending", "conditional"]
PROCEEDINGS = ["complaint", "investigation", "charge", "arrest_warrant", "indictment", "trial", "judgment"]
CIVIL_MATTERS = ["immovable_property", "succession", "professional_or_commercial"]
AREAS = ["work_area", "other_part", "residence"]
NAMES = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=12)


@st.composite
def fuzzy_dates(draw, low: int = 2014, high: int = 2022) -> str:
    """A date to the year, the month or the day."""
    day = draw(st.dates(dt.date(low, 1, 1), dt.date(high, 12, 31)))
    precision = draw(st.sampled_from(["year", "month", "day"]))
    return {"year": f"{day.year}", "month": f"{day:%Y-%m}", "day": day.isoformat()}[precision]


def window(text: str) -> tuple[dt.date, dt.date]:
    from engine.dates import FuzzyDate

    d = FuzzyDate(text)
    return d.start, d.end


def maybe(strategy):
    return st.one_of(st.none(), strategy)


def sources():
    return st.lists(st.sampled_from(SOURCES), max_size=2, unique=True)


def codes():
    return maybe(st.lists(st.sampled_from(STATES), max_size=2, unique=True))


@st.composite
def case_files(draw) -> dict:
    persons = [f"p{i}" for i in range(draw(st.integers(1, 3)))]
    data: dict = {
        "id": "random",
        "title": draw(NAMES),
        "sources": [{"label": s, "title": f"report {s}"} for s in SOURCES],
        "states": [{"code": s, "name": draw(NAMES)} for s in STATES],
        "persons": [{"id": p, "name": draw(NAMES), "nationalities": draw(codes()),
                     "permanent_resident_of": draw(codes()), "sources": draw(sources())} for p in persons],
    }
    missions = []
    for i in range(draw(st.integers(1, 2))):
        sending, receiving = draw(st.permutations(STATES))[:2]
        missions.append({"id": f"m{i}", "kind": draw(st.sampled_from(MISSION_KINDS)), "sending_state": sending,
                         "receiving_state": receiving, "city": draw(maybe(NAMES)),
                         "head": draw(maybe(st.sampled_from(persons))), "closed": draw(maybe(fuzzy_dates())),
                         "sources": draw(sources())})
    data["missions"] = missions
    mission_ids = [m["id"] for m in missions]

    postings = []
    for i in range(draw(st.integers(0, 3))):  # a person may hold several, even in one State
        posting = {"id": f"po{i}", "person": draw(st.sampled_from(persons)),
                   "mission": draw(st.sampled_from(mission_ids)),
                   "category": draw(maybe(st.sampled_from(CATEGORIES))), "sources": draw(sources())}
        for field in ("notified", "arrived", "functions_ended", "departed"):
            value = draw(maybe(fuzzy_dates()))
            if value is not None:
                posting[field] = value
        arrived = posting.get("arrived")
        for later in ("functions_ended", "departed"):  # nobody leaves before arriving
            if arrived and later in posting and window(posting[later])[1] < window(arrived)[0]:
                del posting[later]
        posting["in_post_during"] = draw(st.lists(fuzzy_dates(), max_size=2))
        postings.append(posting)
    data["postings"] = postings

    acts = []
    for i in range(draw(st.integers(0, 2))):
        act = {"id": f"a{i}", "person": draw(st.sampled_from(persons)),
               "place": draw(st.one_of(st.sampled_from(mission_ids), NAMES)),
               "state": draw(maybe(st.sampled_from(STATES))), "description": draw(NAMES),
               "counts": draw(st.integers(1, 3)), "official": draw(st.sampled_from([True, False, None])),
               "civil_matter": draw(maybe(st.sampled_from(CIVIL_MATTERS))), "sources": draw(sources())}
        when = draw(maybe(fuzzy_dates()))
        if when is not None:
            act["when"] = when
        acts.append(act)
    data["acts"] = acts
    act_ids = [a["id"] for a in acts]

    if act_ids:
        data["proceedings"] = [{"id": f"pr{i}", "kind": draw(st.sampled_from(PROCEEDINGS)),
                                "person": draw(st.sampled_from(persons)),
                                "acts": draw(st.lists(st.sampled_from(act_ids), max_size=2, unique=True)),
                                "state": draw(st.sampled_from(STATES)), "date": draw(maybe(fuzzy_dates()))}
                               for i in range(draw(st.integers(0, 2)))]
        data["offences"] = [{"id": f"o{i}", "state": draw(st.sampled_from(STATES)), "law": f"law {i}",
                             "name": draw(NAMES), "acts": draw(st.lists(st.sampled_from(act_ids), max_size=2, unique=True)),
                             "max_penalty_months": draw(maybe(st.integers(0, 240))),
                             "certainty": draw(st.sampled_from(["verified", "reported", "unverified"]))}
                            for i in range(draw(st.integers(0, 3)))]
    data["entries"] = [{"id": f"e{i}", "mission": draw(st.sampled_from(mission_ids)),
                        "by": draw(st.sampled_from(STATES)), "date": draw(maybe(fuzzy_dates())),
                        "area": draw(st.sampled_from(AREAS)), "emergency": draw(maybe(st.sampled_from(["fire", "disaster"]))),
                        "consent_by": draw(maybe(st.sampled_from(STATES + persons)))}
                       for i in range(draw(st.integers(0, 2)))]

    parties = STATES + persons
    requests = []
    for i in range(draw(st.integers(0, 2))):
        request = {"id": f"r{i}", "kind": draw(st.sampled_from(REQUEST_KINDS)),
                   "from": draw(st.sampled_from(parties)), "to": draw(st.sampled_from(parties)),
                   "concerning": draw(st.lists(st.sampled_from(persons + act_ids + mission_ids),
                                               max_size=3, unique=True)),
                   "scope": draw(st.lists(st.sampled_from(SCOPES), max_size=3, unique=True)),
                   "purpose": draw(maybe(NAMES)), "sources": draw(sources())}
        made = draw(maybe(fuzzy_dates()))
        if made is not None:
            request["date"] = made
        if draw(st.booleans()):
            response = {"outcome": draw(st.sampled_from(OUTCOMES)), "by": draw(maybe(st.sampled_from(parties))),
                        "express": draw(st.sampled_from([True, False, None])),
                        "in_writing": draw(st.sampled_from([True, False, None])), "sources": draw(sources())}
            answered = draw(maybe(fuzzy_dates()))
            if answered is not None and not (made and window(answered)[1] < window(made)[0]):
                response["date"] = answered
            request["response"] = response
        requests.append(request)
    data["requests"] = requests
    return data


def instruments() -> set[str]:
    from rules import INSTRUMENTS

    return {i.short for i in INSTRUMENTS}


def rule_ids() -> set[str]:
    from rules import RULES

    return {r.id for r in RULES}


# 150 examples; `pytest --slow` loads a profile of 10,000 (tests/conftest.py)
@settings(max_examples=max(150, settings.default.max_examples), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(data=case_files(), day=st.dates(dt.date(2013, 1, 1), dt.date(2024, 12, 31)))
def test_random_valid_cases_evaluate_cleanly(data: dict, day: dt.date) -> None:
    case = parse_case(data)  # the generator only makes valid case files
    assert isinstance(case, Case)
    first = evaluate(case, day).answer
    short_names, rules = instruments(), rule_ids()
    for c in first.conclusions:
        assert any(cite.startswith(f"{name} ") for cite in c.cites for name in short_names), c.cites
        assert c.rule in rules, c.rule
        assert set(c.set_aside) <= rules, c.set_aside
        assert set(getattr(c, "also", [])) <= rules
        # unverified law: a rule id, or a case-file statement of law tagged as not verified
        assert all(u in rules or " " in u for u in c.unverified), c.unverified
        assert (c.holds is None) == bool(c.needs or c.window), c
        assert c.text.strip(), c.id
        assert set(c.sources) <= set(SOURCES), c.sources
    unknown_ids = {c.id for c in first.conclusions if c.holds is None}
    assert {u.id for u in first.unknowns} <= unknown_ids
    assert len({c.id for c in first.conclusions}) == len(first.conclusions)
    assert first.as_of == day.isoformat()
    json.dumps(first.model_dump(mode="json"))
    human(first, case)  # renders without error
    again = evaluate(case, day).answer
    assert again.model_dump() == first.model_dump()
