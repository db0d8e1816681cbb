"""The case's own words for its things: ids, names and aliases.

Scenarios and exercises speak of "Kim", "New Zealand" or "the 2017 assaults"; the engine
speaks of `kim`, `NZL` and `assault-2017`. The glossary is built from the case file alone
(every id, every name, the words the engine itself prints for a mission or an act, and the
`aliases` the case file gives), so a new case file brings its own vocabulary and no Python
glossary has to grow with it. A name it cannot resolve is an error listing the names it knows.
"""

from __future__ import annotations

import re

from engine.facts import act_label, mission_name
from engine.model import Case

# The kinds of thing a name may stand for, and the case file's collection of each.
COLLECTIONS = {
    "person": "persons", "state": "states", "mission": "missions", "posting": "postings", "act": "acts",
    "proceeding": "proceedings", "request": "requests", "offence": "offences", "entry": "entries",
    "whereabouts": "whereabouts",
}


class UnknownName(LookupError):
    """A name the case file does not give to anything of the kinds asked for (or gives to two)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _key(words: str) -> str:
    return " ".join(words.casefold().split())


class Glossary:
    """Every name of every thing in one case, by kind."""

    def __init__(self, case: Case):
        self.case_id = case.id
        self._names: dict[str, dict[str, set[str]]] = {kind: {} for kind in COLLECTIONS}
        self._shown: dict[str, list[str]] = {kind: [] for kind in COLLECTIONS}
        states = {s.code: s.name for s in case.states}
        for kind, collection in COLLECTIONS.items():
            for item in getattr(case, collection):
                ident = item.code if kind == "state" else item.id
                for name in (ident, *self._own_names(kind, item, states), *item.aliases):
                    self._add(kind, name, ident)

    @staticmethod
    def _own_names(kind: str, item, states: dict[str, str]) -> list[str]:
        if kind in ("person", "state"):
            return [item.name]
        if kind == "mission":
            return [mission_name(item, states)]
        if kind == "act":
            return [item.description, act_label(item)]
        if kind == "offence":
            return [f"{states.get(item.state, item.state)} offence of {item.name}"]
        return []

    def _add(self, kind: str, name: str, ident: str) -> None:
        self._names[kind].setdefault(_key(name), set()).add(ident)
        if name not in self._shown[kind]:
            self._shown[kind].append(name)

    def resolve(self, words: str, *kinds: str) -> tuple[str, str]:
        """(kind, id) of the one thing of the given kinds (default: any) that `words` names."""
        kinds = kinds or tuple(COLLECTIONS)
        wanted = _key(words)
        found = {(kind, ident) for kind in kinds for ident in self._names[kind].get(wanted, ())}
        if not found and wanted.startswith("the "):
            found = {(kind, ident) for kind in kinds for ident in self._names[kind].get(wanted[4:], ())}
        if len(found) == 1:
            return found.pop()
        what = " or ".join(kinds) if len(kinds) < 4 else "thing"
        if found:
            raise UnknownName(f"{words!r} names more than one {what} in case {self.case_id}: "
                              f"{', '.join(sorted(f'{k} {i}' for k, i in found))}")
        known = "; ".join(f"{kind}s: {', '.join(repr(n) for n in self._shown[kind])}"
                          for kind in kinds if self._shown[kind])
        raise UnknownName(f"case {self.case_id} has no {what} called {words!r}. Known names: {known or 'none'}")

    def id_of(self, words: str, *kinds: str) -> str:
        return self.resolve(words, *kinds)[1]

    def fact_key(self, words: str) -> str:
        """The provenance key (`posting:kim-wellington`) of the thing `words` names."""
        kind, ident = self.resolve(words)
        return f"{kind}:{ident}"

    def with_ids(self, text: str, *kinds: str) -> str:
        """`text` with every name of the given kinds inside it replaced by its id, longest
        names first (so "the Republic of Korea" is read before "Korea")."""
        kinds = kinds or tuple(COLLECTIONS)
        pairs = [(name, next(iter(ids))) for kind in kinds for name, ids in self._names[kind].items()
                 if len(ids) == 1]
        pairs.sort(key=lambda pair: len(pair[0]), reverse=True)
        if not pairs:
            return text
        pattern = re.compile("|".join(rf"(?<![\w-]){re.escape(name)}(?![\w-])" for name, _ in pairs),
                             re.IGNORECASE)
        lookup = dict(pairs)
        return pattern.sub(lambda m: lookup[_key(m.group(0))], text)
