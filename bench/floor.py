"""The durable-rules floor: what the rules cost in durable-rules with actions that do nothing
but assert, used by bench/run.py to say how much the engine adds on top of the C core.

Two steps, one rule run (one case, one day) at a time:
1. `Recorder`, the engine's own `engine.host.Session` with its actions watched, runs the real
   rules and notes, for each firing (rule id, the keys of the facts it joined), the facts that
   firing derived and asserted into the C core.
2. `Floor` is a separate ruleset with the same conditions (`rule.when`) and the same sink, on its
   own `QuietHost`, whose actions only look those facts up and assert them (each with a unique
   `id` from `FactIds` and the run's `sid`), driven through the same C API calls as
   `Session.run`/`_fire`: the same facts go in, the same rules fire, the same facts come out.

What the floor leaves out is the engine's own Python: the `Firing`/`Matched` objects, building
each derived fact and its provenance key, and reading the answer back (`_collect`). It keeps
what any host of these rules must do: serialise facts to JSON, give them ids, read each
scheduled action, delete the session.
"""

from __future__ import annotations

import copy
import itertools
import json

import durable_rules_engine
from durable.lang import c, m, when_all

from engine import host
from engine.host import FactIds, QuietHost, Wanted

FLOOR = "floor"

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


class Floor:
    """The same rules' conditions, with actions that only assert the recorded facts."""

    def __init__(self, rules):
        body = {rule.id: when_all(*rule.when)(self._replayer(rule.id)).define() for rule in rules}
        body["engine.sink"] = when_all(c.any << +m.t, c.never << (m.t == host.NEVER))(host._never).define()
        self._actions = {name: rule["run"] for name, rule in body.items()}
        self._wanted = Wanted(body)
        self._host = QuietHost(copy.deepcopy({FLOOR: body}))
        self._handle = self._host.get_ruleset(FLOOR)._handle
        self._sids = itertools.count(1)
        self._sid = ""
        self._ids = FactIds()
        self._table: Table = {}
        self._asserted: set[str] = set()
        self.unrecorded = 0  # firings the recording did not see (should stay 0)

    def _replayer(self, name: str):
        def run(matched: dict) -> None:
            facts = self._table.get(firing_key(name, matched))
            if facts is None:
                self.unrecorded += 1
                return
            for fact in facts:
                if fact["key"] in self._asserted:
                    continue
                self._asserted.add(fact["key"])
                stored = {**fact, "sid": self._sid, "id": self._ids.next()}
                code, _ = durable_rules_engine.assert_fact(self._handle, json.dumps(stored, ensure_ascii=False))
                if code:
                    raise RuntimeError(f"floor: durable-rules refused {fact['key']} (code {code})")

        return run

    def run(self, facts: list[dict], table: Table) -> int:
        """One rule run, as `Session.run` drives it; returns how many derived facts were asserted."""
        with host.evaluation_lock:
            self._sid = sid = f"f{next(self._sids)}"
            self._ids, self._table, self._asserted = FactIds(), table, set()
            batch = [dict(f, sid=sid, id=self._ids.next()) for f in facts if self._wanted(f)]
            state = None
            try:
                code, state = durable_rules_engine.assert_facts(self._handle, json.dumps(batch, ensure_ascii=False))
                if code:
                    raise RuntimeError(f"floor: durable-rules refused an input fact (code {code})")
                self._fire(state)
                return len(self._asserted)
            finally:
                self._discard(sid, state)

    def _fire(self, state: int) -> None:
        handle = self._handle
        scheduled = durable_rules_engine.start_action_for_state(handle, state)
        message = json.loads(scheduled[1]) if scheduled else None
        while message:
            (name, matched), = message.items()
            try:
                self._actions[name](matched)
            except Exception:
                durable_rules_engine.abandon_action(handle, state)
                raise
            scheduled = durable_rules_engine.complete_and_start_action(handle, state)
            message = json.loads(scheduled) if scheduled else None

    def _discard(self, sid: str, state: int | None) -> None:
        if state is not None:
            scheduled = durable_rules_engine.start_action_for_state(self._handle, state)
            while scheduled:
                scheduled = durable_rules_engine.complete_and_start_action(self._handle, state)
        try:
            self._host.delete_state(FLOOR, sid)
        except Exception:
            pass

    def close(self) -> None:
        self._host.close()
