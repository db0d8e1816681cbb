"""From a case and a day to the flat facts the rules match on.

This is data preparation, not law: it looks things up and places every date against the
day asked (past, future, uncertain inside its window, or unknown when not reported), so
that rules only ever match positive facts. Nothing unreported is turned into "no": a
missing date becomes the relation `unknown`, a missing nationality `unknown`.

Every fact has `t` (its kind) and `key` (how provenance refers to it). No fact has `id`
or `sid` fields of its own: durable-rules gives those a special meaning.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterator

from engine.dates import FuzzyDate, Relation
from engine.model import Case, Posting, Request
from engine.rulebook import NO, UNKNOWN, YES


def relation(date: FuzzyDate | None, day: dt.date) -> str:
    return (date.relation(day) if date else Relation.unknown).value


def three_valued(value: bool | None) -> str:
    return UNKNOWN if value is None else (YES if value else NO)


def member(code: str, codes: list[str] | None) -> str:
    return UNKNOWN if codes is None else (YES if code in codes else NO)


def dated(prefix: str, date: FuzzyDate | None, day: dt.date) -> dict:
    """A date as three fields: where it stands against `day`, how to say it, its window."""
    out = {prefix: relation(date, day)}
    if date:
        out[f"{prefix}_label"] = date.label
        out[f"{prefix}_window"] = date.window
    return out


def case_facts(case: Case, day: dt.date) -> list[dict]:
    return list(_facts(case, day))


def _facts(case: Case, day: dt.date) -> Iterator[dict]:
    states = {s.code: s.name for s in case.states}
    persons = {p.id: p for p in case.persons}
    missions = {m.id: m for m in case.missions}
    yield {"t": "case", "key": f"case:{case.id}", "as_of": day.isoformat()}
    for p in case.persons:
        yield {"t": "person", "key": f"person:{p.id}", "person": p.id, "person_name": p.name,
               "nationalities": p.nationalities or [], "nationality_known": three_valued(p.nationalities is not None)}
    for mi in case.missions:
        yield {"t": "mission", "key": f"mission:{mi.id}", "mission": mi.id, "kind": mi.kind.value,
               "sending_state": mi.sending_state, "receiving_state": mi.receiving_state,
               "head": mi.head or "", "mission_name": mission_name(mi, states)}
    for po in case.postings:
        yield _posting(po, persons[po.person], missions[po.mission], states, day)
    for a in case.acts:
        place = a.place if a.place in missions else ""
        state = missions[place].receiving_state if place else (a.state or "")
        yield {"t": "act", "key": f"act:{a.id}", "act": a.id, "person": a.person,
               "official": three_valued(a.official), "mission": place, "state": state,
               "act_label": act_label(a), **dated("done", a.when, day)}
    for r in case.requests:
        yield _request(r, case, day)
        for target in r.concerning:
            kind = "person" if target in persons else "mission" if target in missions else "act"
            yield {"t": "concerns", "key": f"concerns:{r.id}/{target}", "request": r.id,
                   "target": target, "target_kind": kind}


def mission_name(mission, states: dict[str, str]) -> str:
    """'the embassy of the Republic of Korea in Wellington'."""
    kind = mission.kind.value.replace("_", " ")
    where = mission.city or states.get(mission.receiving_state, mission.receiving_state)
    return f"the {kind} of {states.get(mission.sending_state, mission.sending_state)} in {where}"


def act_label(act) -> str:
    when = f" ({act.when.label})" if act.when else ""
    return f"{act.description}{when}"


def _posting(po: Posting, person, mission, states: dict[str, str], day: dt.date) -> dict:
    receiving = mission.receiving_state
    # A posting runs unbroken from arrival to departure. Periods the reports place the person
    # in post prove arrival by their start; after the last one, whether he is still in post is
    # known only if an end of the posting is reported (`end_reported`).
    windows = po.in_post_during
    in_post = NO
    if windows and min(w.start for w in windows) <= day:
        in_post = "after" if day > max(w.end for w in windows) else YES
    last = max(windows, key=lambda w: w.end).label if windows else ""
    return {
        "t": "posting", "key": f"posting:{po.id}", "posting": po.id, "person": po.person,
        "mission": po.mission, "mission_kind": mission.kind.value,
        "sending_state": mission.sending_state, "state": receiving,
        "category": po.category.value if po.category else UNKNOWN,
        "rs_national": member(receiving, person.nationalities),
        "rs_resident": member(receiving, person.permanent_resident_of),
        "in_post": in_post, "in_post_label": last,
        "end_reported": YES if (po.functions_ended or po.departed) else NO,
        **dated("arrived", po.arrived, day),
        **dated("functions_ended", po.functions_ended, day),
        **dated("departed", po.departed, day),
        "person_name": person.name, "state_name": states.get(receiving, receiving),
        "sending_state_name": states.get(mission.sending_state, mission.sending_state),
        "mission_name": mission_name(mission, states),
    }


def _request(r: Request, case: Case, day: dt.date) -> dict:
    """A request as of `day`: was it made yet, and what was its answer by then."""
    response = r.response
    answer = "none"
    if response is not None:
        when = relation(response.date, day)
        answer = {"past": response.outcome.value, "future": "pending",
                  "uncertain": "uncertain", "unknown": UNKNOWN}[when]
    fact = {
        "t": "request", "key": f"request:{r.id}", "request": r.id, "kind": r.kind.value,
        "from": r.from_, "to": r.to, "scope": [s.value for s in r.scope],
        "sending_state": _sending_state(r, case), "answer": answer,
        "by": (response.by if response and response.by else r.to),
        "express": three_valued(response.express if response else None),
        "in_writing": three_valued(response.in_writing if response else None),
        "purpose": r.purpose or r.kind.value.replace("_", " "),
        **dated("made", r.date, day),
    }
    if response is not None and response.date:
        fact["answer_label"] = response.date.label
        fact["answer_window"] = response.date.window
    return fact


def _sending_state(r: Request, case: Case) -> str:
    """The State whose immunities the request is about: that of the missions and postings it
    concerns, when they agree; empty when they do not or there are none."""
    found = set()
    for target in r.concerning:
        mission = case.find("missions", target)
        if mission:
            found.add(mission.sending_state)
        for po in case.postings:
            if po.person == target:
                found.add(case.find("missions", po.mission).sending_state)
    return found.pop() if len(found) == 1 else ""
