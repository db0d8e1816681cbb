"""The durable-rules floor: what the rules cost in durable-rules with actions that do nothing
but assert, used by bench/run.py to say how much the engine adds on top of the C core.

Two steps, one rule run (one case, one day) at a time:
1. `Recorder`, the engine's own `engine.host.Session` with its actions watched, runs the real
   rules and notes, for each firing (rule id, the keys of the facts it joined), the facts that
   firing derived and asserted into the C core.
2. `Floor` is the engine's session with the same conditions (`rule.when`) and the same sink, its
   own ruleset, whose actions only look those facts up and assert them (through the session's
   own `_emit`: unique ids, the run's `sid`), driven by the same `Session.run`: the same facts go
   in, the same rules fire, the same facts come out.

What the floor leaves out is the engine's own Python: the `Firing`/`Matched` objects, building
each derived fact and its provenance key, and reading the answer back (`_collect`). It keeps
what any host of these rules must do: serialise facts to JSON, give them ids, read each
scheduled action, delete the session.
"""

from __future__ import annotations

from engine import host

Table = dict[tuple, list[dict]]  # firing (rule id, joined keys) -> facts it asserted, in order


def firing_key(name: str, matched: dict) -> tuple:
    """A firing, as (rule id, (alias, key of the joined fact) for each alias)."""
    return name, tuple(sorted((alias, fact.get("key") if isinstance(fact, dict) else repr(fact))
                              for alias, fact in matched.items()))


class Recorder(host.Session):
    """The engine's session, noting for each firing the facts it derived into the C core."""

    def __init__(self, rules):
        super().__init__(rules)  # its rule actions call self._emit: this class's, below
        self._firing: tuple | None = None
        self._table: Table = {}
        self._actions = {name: self._watched(name, action) for name, action in self._actions.items()}

    def _watched(self, name, action):
        def run(matched: dict) -> None:
            self._firing = firing_key(name, matched)
            self._table.setdefault(self._firing, [])
            try:
                action(matched)
            finally:
                self._firing = None

        return run

    def _emit(self, fact: dict) -> None:
        new = fact["key"] not in self._derived
        super()._emit(fact)
        if new and self._firing is not None and self._wanted(fact):
            self._table[self._firing].append(fact)  # what went into the C core (without sid, id)

    def record(self, facts: list[dict]) -> tuple[Table, int]:
        """Run the real rules on `facts`: the firing table, and how many facts they derived."""
        self._table = {}
        derived = self.run(facts)
        return self._table, len(derived)


class Floor(host.Session):
    """The same rules' conditions, with actions that only assert the recorded facts: the
    engine's own session (the same C calls, ids and sink), with nothing of the rules' Python."""

    def __init__(self, rules):
        self._table: Table = {}
        self.unrecorded = 0  # firings the recording did not see (should stay 0)
        super().__init__(rules, make=self._replayer)

    def _replayer(self, rule, emit):
        name = rule.id

        def run(matched: dict) -> None:
            facts = self._table.get(firing_key(name, matched))
            if facts is None:
                self.unrecorded += 1
                return
            for fact in facts:
                emit(fact)

        return run

    def replay(self, facts: list[dict], table: Table) -> int:
        """One rule run, as the engine's; returns how many derived facts were asserted."""
        self._table = table
        return len(self.run(facts))

    def close(self) -> None:
        self._host.close()
