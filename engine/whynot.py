"""Why not? The smallest changes of fact that would change an answer.

Candidates are generated from the case-file model itself, not from a table of known answers:
for each fact the answer rests on (and its subject's own facts), every field whose type
allows another value (a yes/no/unknown, a choice, a date, a list of States) is set to each
other value, one at a time. The engine is run on every changed copy, and the changes that
alter the answer are kept. Pairs of changes are tried only when no single change does it.
"""

from __future__ import annotations

import datetime as dt
import itertools
import types
import typing
from dataclasses import dataclass
from enum import Enum
from typing import Any, Iterator, Optional

from pydantic import BaseModel

from engine.answer import Conclusion
from engine.dates import FuzzyDate
from engine.evaluation import evaluate
from engine.loading import CaseFileError
from engine.model import Case
from engine.whatif import ChangeError, apply_set, parse_case

COLLECTIONS = {"posting": "postings", "act": "acts", "person": "persons", "mission": "missions",
               "request": "requests", "offence": "offences", "proceeding": "proceedings", "entry": "entries",
               "whereabouts": "whereabouts"}
STATE_LISTS = ("nationalities", "permanent_resident_of")
MAX_PAIRS = 400


@dataclass(frozen=True)
class Flip:
    changes: tuple[str, ...]  # PATH=VALUE, as `immunity what-if --set` takes them
    before: Optional[bool]
    after: Optional[bool]
    rule: str
    text: str
    unverified: tuple[str, ...] = ()  # law not verified that the answer after the change rests on

    @property
    def reverses(self) -> bool:
        """True when the answer turns to the opposite yes/no, not merely to unknown."""
        return None not in (self.before, self.after) and self.before != self.after

    def as_json(self) -> dict:
        return {"changes": list(self.changes), "before": self.before, "after": self.after,
                "reverses": self.reverses, "rule": self.rule, "text": self.text,
                "unverified": list(self.unverified)}


def as_json(targets: list[Conclusion], found: dict[str, list[Flip]]) -> list[dict]:
    """The `why-not --json` record: each answer asked about, with the law not verified it rests on,
    and the changes that would change it (each with the law not verified the new answer rests on)."""
    return [{"id": t.id, "holds": t.holds, "rule": t.rule, "unverified": list(t.unverified),
             "flips": [f.as_json() for f in found[t.id]]} for t in targets]


def why_not(data: dict, case: Case, target: Conclusion, day: dt.date) -> list[Flip]:
    singles = list(dict.fromkeys(candidates(case, target, day)))
    flips = [f for change in singles if (f := _try(data, (change,), target, day))]
    if not any(f.reverses for f in flips):
        for pair in itertools.islice(itertools.combinations(singles, 2), MAX_PAIRS):
            if pair[0].split("=")[0] == pair[1].split("=")[0]:
                continue
            flip = _try(data, pair, target, day)
            if flip and flip.reverses:
                flips.append(flip)
    return sorted(flips, key=lambda f: (not f.reverses, len(f.changes), f.changes))


def _try(data: dict, changes: tuple[str, ...], target: Conclusion, day: dt.date) -> Optional[Flip]:
    changed = data
    try:
        for change in changes:
            changed = apply_set(changed, change)
        case = parse_case(changed, "candidate")
    except (ChangeError, CaseFileError):
        return None  # not a possible state of facts (e.g. a departure before an arrival)
    after = next((c for c in evaluate(case, day).answer.conclusions if c.id == target.id), None)
    if after is None or after.holds == target.holds:
        return None
    return Flip(changes, target.holds, after.holds, after.rule, after.text, tuple(after.unverified))


def candidates(case: Case, target: Conclusion, day: dt.date) -> Iterator[str]:
    """Single changes to the facts the answer rests on and to its subject's facts."""
    states = tuple(s.code for s in case.states)
    for collection, item in _facts_in_play(case, target):
        yield from _variations(f"{collection}.{item.id}", item, day, states)
        yield from _references(f"{collection}.{item.id}", item, case, states)


def _references(path: str, item: BaseModel, case: Case, states: tuple[str, ...]) -> Iterator[str]:
    """A reference moved to another thing it could name: a family member's household to another
    member of the same mission (or unreported), a period's State to another State of the case."""
    household = getattr(item, "household_of", None)
    if household is not None:
        members = [p.id for p in case.members_of(item.mission) if p.person != item.person]
        yield from (f"{path}.household_of={m}" for m in members if m != household)
        yield f"{path}.household_of=null"
    if path.startswith("whereabouts."):
        yield from (f"{path}.state={code}" for code in states if code != item.state)


def _facts_in_play(case: Case, target: Conclusion) -> Iterator[tuple[str, BaseModel]]:
    keys = list(target.because)
    for kind, ident in target.subject.items():
        if kind in COLLECTIONS:
            keys.append(f"{kind}:{ident}")
    if "person" in target.subject:  # the person's own postings decide most of what he has
        keys += [f"posting:{p.id}" for p in case.postings if p.person == target.subject["person"]]
    seen = set()
    for key in keys:
        kind, _, ident = key.partition(":")
        collection = COLLECTIONS.get(kind)
        item = case.find(collection, ident) if collection else None
        if item is not None and key not in seen:
            seen.add(key)
            yield collection, item


def _variations(path: str, item: BaseModel, day: dt.date, states: tuple[str, ...]) -> Iterator[str]:
    for name, info in type(item).model_fields.items():
        if name in ("id", "sources", "note"):
            continue
        current = getattr(item, name)
        where = f"{path}.{info.alias or name}"
        kinds, optional = _kinds(info.annotation)
        if bool in kinds:
            yield from (f"{where}={_yaml(v)}" for v in (True, False, None) if v != current and (v is not None or optional))
        elif any(isinstance(k, type) and issubclass(k, Enum) for k in kinds):
            enum = next(k for k in kinds if isinstance(k, type) and issubclass(k, Enum))
            yield from (f"{where}={m.value}" for m in enum if m != current)
            if optional and current is not None:
                yield f"{where}=null"
        elif FuzzyDate in kinds:
            yield from _dates(where, current, optional, day)
        elif name in STATE_LISTS:
            yield from _state_lists(where, current, states)
        elif any(isinstance(k, type) and issubclass(k, BaseModel) for k in kinds) and current is not None:
            yield from _variations(where, current, day, states)


def _kinds(annotation: Any) -> tuple[tuple, bool]:
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return tuple(a for a in args if a is not type(None)), type(None) in args
    return (annotation,), False


def _dates(where: str, current: Optional[FuzzyDate], optional: bool, day: dt.date) -> Iterator[str]:
    """A date moved to just before or just after the day asked, or removed."""
    for moved in (day - dt.timedelta(days=1), day + dt.timedelta(days=1)):
        if current is None or current.relation(day) != FuzzyDate(moved.isoformat()).relation(day):
            yield f"{where}={moved.isoformat()}"
    if optional and current is not None:
        yield f"{where}=null"


def _state_lists(where: str, current: Optional[list[str]], states: tuple[str, ...]) -> Iterator[str]:
    """Unknown, or one more State of the case added to the list."""
    if current is not None:
        yield f"{where}=null"
    for code in states:
        if current is None or code not in current:
            yield f"{where}=[{', '.join(list(current or []) + [code])}]"


def _yaml(value: Any) -> str:
    return {True: "true", False: "false", None: "null"}.get(value, str(value))
