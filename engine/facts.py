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
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator

from engine.dates import FuzzyDate, Relation
from engine.model import Case, Posting, Request
from engine.rulebook import NO, UNKNOWN, YES


ACCUSATIONS = ("charge", "arrest_warrant", "indictment", "judgment")


def case_fact_key(key: str) -> str:
    """The case-file fact a key belongs to: `act:x#posting` is a view of `act:x`. Treaty terms
    (`treaty:t#term`) are facts of their own."""
    return key if key.startswith("treaty:") else key.split("#")[0]


# Dates (by identity) that an evaluation takes to lie wholly before or after the day asked,
# although the day falls inside their window: see `placed`.
_placements: ContextVar[dict[int, Relation]] = ContextVar("placements", default={})


def relation(date: FuzzyDate | None, day: dt.date) -> str:
    if date is None:
        return Relation.unknown.value
    return _placements.get().get(id(date), date.relation(day)).value


@contextmanager
def placed(placements: dict[int, Relation]):
    """Inside the block, each date in `placements` (keyed by `id()` of the case's own FuzzyDate
    object) stands where it is placed, not "uncertain": so an answer can be tried against
    every possibility of an imprecise date."""
    token = _placements.set(placements)
    try:
        yield
    finally:
        _placements.reset(token)


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
    posted = {po.person for po in case.postings}
    for p in case.persons:
        yield {"t": "person", "key": f"person:{p.id}", "person": p.id, "person_name": p.name,
               "posted": YES if p.id in posted else NO,
               "nationalities": p.nationalities or [], "nationality_known": three_valued(p.nationalities is not None)}
    for p in case.persons:  # nationality towards every State of the case, unknown if not reported
        for code in states:
            yield {"t": "nationality", "key": f"person:{p.id}#nationality-{code}", "person": p.id, "state": code,
                   "holds": member(code, p.nationalities), "person_name": p.name, "state_name": states[code]}
    for mi in case.missions:
        yield {"t": "mission", "key": f"mission:{mi.id}", "mission": mi.id, "kind": mi.kind.value,
               "sending_state": mi.sending_state, "receiving_state": mi.receiving_state,
               "head": mi.head or "", "mission_name": mission_name(mi, states),
               **dated("closed", mi.closed, day)}
    for po in case.postings:
        yield {**_posting(po, persons[po.person], missions[po.mission], states, day), **_household(case, po)}
    for a in case.acts:
        yield from _act_at_posts(a, case, missions, day)
    for a in case.acts:
        place = a.place if a.place in missions else ""
        state = missions[place].receiving_state if place else (a.state or "")
        yield {"t": "act", "key": f"act:{a.id}", "act": a.id, "person": a.person,
               "official": three_valued(a.official), "mission": place, "state": state,
               "state_name": states.get(state, state),
               "civil_matter": a.civil_matter.value if a.civil_matter else "none",
               "act_label": act_label(a), **dated("done", a.when, day)}
    for r in case.requests:
        yield _request(r, case, day)
        for target in r.concerning:
            kind = "person" if target in persons else "mission" if target in missions else "act"
            yield {"t": "concerns", "key": f"concerns:{r.id}/{target}", "request": r.id,
                   "target": target, "target_kind": kind}
    for p in case.proceedings:
        yield {"t": "proceeding", "key": f"proceeding:{p.id}", "proceeding": p.id, "kind": p.kind.value,
               "person": p.person, "state": p.state, "acts": list(p.acts), "final": three_valued(p.final),
               **dated("date", p.date, day)}
        if p.kind.value in ACCUSATIONS:  # one fact per act, so rules can join on the act
            for act in p.acts:
                yield {"t": "accusation", "key": f"proceeding:{p.id}#{act}", "proceeding": p.id,
                       "kind": p.kind.value, "person": p.person, "state": p.state, "act": act,
                       "final": three_valued(p.final), "court": p.court or "",
                       "state_name": states.get(p.state, p.state), **dated("date", p.date, day)}
    for e in case.entries:
        yield {"t": "entry", "key": f"entry:{e.id}", "entry": e.id, "mission": e.mission, "by": e.by,
               "area": e.area.value, "emergency": e.emergency.value if e.emergency else "none",
               "consent_by": e.consent_by or "none", "purpose": e.purpose or "entry",
               **dated("date", e.date, day)}
    yield from _offences(case)
    yield from _treaties(case, day)
    yield from _no_treaties(case)
    yield from _whereabouts(case, day)


def _offences(case: Case) -> Iterator[dict]:
    """Each act under each State's law: the offence the case file gives, or an explicit
    'no offence given' so that rules can answer "unknown" without negation."""
    given: dict[tuple[str, str], list] = {}
    for o in case.offences:
        for act in dict.fromkeys(o.acts):
            given.setdefault((o.state, act), []).append(o)
    for a in case.acts:
        for s in case.states:
            found = given.get((s.code, a.id), [])
            for o in found:
                fact = {"t": "offence", "key": f"offence:{o.id}", "offence": o.id, "act": a.id,
                        "state": s.code, "known": YES, "law": o.law, "name": o.name,
                        "certainty": o.certainty.value,
                        "max_known": YES if o.max_penalty_months is not None else NO}
                if o.max_penalty_months is not None:
                    fact["max_months"] = o.max_penalty_months
                yield fact
            if not found:
                yield {"t": "offence", "key": f"offence:none/{a.id}/{s.code}", "act": a.id,
                       "state": s.code, "known": NO, "max_known": NO, "law": "", "name": ""}


def _treaties(case: Case, day: dt.date) -> Iterator[dict]:
    """Treaties in force between States of the case, one fact per direction of request, and
    one fact per term (with its article and how sure the brief is of it)."""
    from engine.treaties import load_treaties

    states = {s.code: s.name for s in case.states}
    for t in load_treaties():
        if not all(p in states for p in t.parties):
            continue
        for requesting, requested in (t.parties, t.parties[::-1]):
            yield {"t": "treaty", "key": f"treaty:{t.id}/{requesting}-{requested}", "treaty": t.id,
                   "kind": t.kind, "short": t.short, "requesting": requesting, "requested": requested,
                   "requesting_name": states[requesting], "requested_name": states[requested],
                   **dated("in_force", t.in_force, day)}
        for name, term in t.terms.items():
            extra = {k: v for k, v in (term.model_extra or {}).items()}
            yield {"t": "treaty_term", "key": f"treaty:{t.id}#{name}", "treaty": t.id, "term": name,
                   "article": term.article, "cite": f"{t.short} {term.article}",
                   "certainty": term.certainty.value, **extra}


def _act_at_posts(act, case: Case, missions: dict, day: dt.date) -> Iterator[dict]:
    """Each act beside each posting of its author. Functional immunity covers acts in the
    exercise of *that* post's functions: an act done at another mission, or in another State,
    was not one, whatever its character there (`belongs` says which)."""
    place = missions.get(act.place)
    for po in case.postings_of(act.person):
        post = missions[po.mission]
        belongs = (place.id == post.id) if place else (act.state in (None, post.receiving_state))
        yield {"t": "act_at_post", "key": f"act:{act.id}#{po.id}", "act": act.id, "person": act.person,
               "posting": po.id, "belongs": YES if belongs else NO,
               "official": three_valued(act.official) if belongs else NO,
               "act_label": act_label(act), **dated("done", act.when, day)}


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
        **dated("notified", po.notified, day),
        "already_present": three_valued(po.already_in_territory),
        **dated("leave_period_ended", po.leave_period_ended, day),
        "person_name": person.name, "state_name": states.get(receiving, receiving),
        "sending_state_name": states.get(mission.sending_state, mission.sending_state),
        "mission_name": mission_name(mission, states),
    }


def _household(case: Case, po: Posting) -> dict:
    """Whose household a family member forms part of: the posting id of that member of the
    mission (rules join on it for his category), or none reported."""
    head = case.household(po)
    return {"household": head.id if head else "", "household_known": YES if head else NO}


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
        "sending_state": _sending_state(r, case), "mission_kind": _mission_kind(r, case), "answer": answer,
        "by": (response.by if response and response.by else r.to),
        "by_name": _name_of(response.by if response and response.by else r.to, case),
        "express": three_valued(response.express if response else None),
        "in_writing": three_valued(response.in_writing if response else None),
        "purpose": r.purpose or r.kind.value.replace("_", " "),
        **dated("made", r.date, day),
    }
    if response is not None and response.date:
        fact["answer_label"] = response.date.label
        fact["answer_window"] = response.date.window
    return fact


def _name_of(party: str, case: Case) -> str:
    """A State's or a person's name, for a code or id that may be either."""
    state = next((s.name for s in case.states if s.code == party), None)  # a case has few States
    person = case.find("persons", party)
    return state or (person.name if person else party)


def _mission_kind(r: Request, case: Case) -> str:
    """Which regime the request is about: the kind of mission (embassy or consular post) the
    persons or missions concerned belong to in the requesting State; empty if none or mixed."""
    kinds = set()
    for target in r.concerning:
        mission = case.find("missions", target)
        if mission and mission.receiving_state == r.from_:
            kinds.add(mission.kind.value)
        for po in case.postings_of(target):
            home = case.find("missions", po.mission)
            if home.receiving_state == r.from_:
                kinds.add(home.kind.value)
    return kinds.pop() if len(kinds) == 1 else ""


def _sending_state(r: Request, case: Case) -> str:
    """The State whose immunities the request is about: that of the missions and postings it
    concerns, when they agree; empty when they do not or there are none."""
    found = set()
    for target in r.concerning:
        mission = case.find("missions", target)
        if mission:
            found.add(mission.sending_state)
        for po in case.postings_of(target):
            found.add(case.find("missions", po.mission).sending_state)
    return found.pop() if len(found) == 1 else ""


def _no_treaties(case: Case) -> Iterator[dict]:
    """Each ordered pair of States of the case between which no extradition treaty is recorded
    (in rules/treaties), as an explicit fact, so that rules can say so without negation."""
    from engine.treaties import load_treaties

    states = {s.code: s.name for s in case.states}
    bound = {frozenset(t.parties) for t in load_treaties() if t.kind == "extradition"}
    for requesting in states:
        for requested in states:
            if requesting != requested and frozenset((requesting, requested)) not in bound:
                yield {"t": "no_treaty", "key": f"treaty:none/extradition/{requesting}-{requested}",
                       "kind": "extradition", "requesting": requesting, "requested": requested,
                       "requesting_name": states[requesting], "requested_name": states[requested]}


def _whereabouts(case: Case, day: dt.date) -> Iterator[dict]:
    """Where the persons were on the day. Each reported stay that covers the day is a `stay` fact,
    `during` "yes" (for certain) or "window" (the day is inside the window of its start or end);
    for each person and State whose presence is asked (`presence_asked`) and which no stay covers,
    an explicit `during` "unknown", so that rules can answer "unknown" without negation."""
    states = {s.code: s.name for s in case.states}
    names = {p.id: p.name for p in case.persons}
    covered = set()
    for w in case.whereabouts:
        start = relation(w.from_, day)
        end = relation(w.until, day) if w.until else "open"
        if start == "future" or end == "past":
            continue  # not yet there, or the period is over: this record says nothing of the day
        fact = {"t": "stay", "key": f"whereabouts:{w.id}", "person": w.person, "state": w.state,
                "person_name": names[w.person], "state_name": states[w.state], "from_label": w.from_.label,
                "until_label": w.until.label if w.until else ""}
        if start == "past" and end in ("future", "open"):
            fact.update(during=YES, window="", deciding="")
        else:
            bound = w.from_ if start == "uncertain" else w.until
            fact.update(during="window", window=bound.window, label=bound.label,
                        deciding="from" if start == "uncertain" else "until")
        covered.add((w.person, w.state))
        yield fact
    for person, state in presence_asked(case):
        if (person, state) not in covered:
            yield {"t": "stay", "key": f"whereabouts:none/{person}/{state}", "person": person, "state": state,
                   "person_name": names[person], "state_name": states[state], "during": UNKNOWN}


def presence_asked(case: Case) -> list[tuple[str, str]]:
    """The (person, State) pairs whose `present_in_territory` is asked: for every person with a
    posting, an act or a reported stay, the States of his postings, acts and stays, the States
    accusing him, and those States' extradition-treaty partners (where he might be sought)."""
    from engine.treaties import load_treaties

    states = {s.code for s in case.states}
    missions = {m.id: m for m in case.missions}
    pairs: dict[tuple[str, str], None] = {}
    for po in case.postings:
        pairs[(po.person, missions[po.mission].receiving_state)] = None
    for a in case.acts:
        state = missions[a.place].receiving_state if a.place in missions else a.state
        if state:
            pairs[(a.person, state)] = None
    for w in case.whereabouts:
        pairs[(w.person, w.state)] = None
    accusing = [(p.person, p.state) for p in case.proceedings if p.kind.value in ACCUSATIONS]
    for person, state in accusing:
        pairs[(person, state)] = None
        for t in load_treaties():
            if t.kind == "extradition" and state in t.parties:
                other = t.parties[1] if t.parties[0] == state else t.parties[0]
                if other in states:
                    pairs[(person, other)] = None
    return [pair for pair in pairs if pair[1] in states]
