"""The durable-rules host: where the rules really fire.

durable-rules has sharp edges (../shared/durable-rules-notes.md), handled here and only here:
- the default Host starts timer threads that never stop: `QuietHost` starts none;
- at most 1024 live sessions (sids) per ruleset: every evaluation deletes its own in `finally`;
- errors raised inside actions are swallowed into the session state: we read it and raise;
- facts of a kind no rule mentions are dropped: a sink rule accepts every fact;
- nothing is thread-safe: one host per thread, and evaluations in a thread are sequential.
Each evaluation gets a fresh sid, so nothing of one case is visible to the next.
"""

from __future__ import annotations

import copy
import itertools
import threading

import durable_rules_engine
from durable import engine
from durable.lang import m, when_all

from engine.rulebook import Rule, action_for

RULESET = "immunity"


class EngineError(RuntimeError):
    """A rule misbehaved while firing: a bug in a rule module, never the user's input."""


class QuietHost(engine.Host):
    """A Host driven synchronously: no background pollers, and its C rulesets freed on close."""

    def _run(self) -> None:  # the base class starts two self-re-arming timer threads here
        pass

    def close(self) -> None:
        for ruleset in self._ruleset_list:
            durable_rules_engine.delete_ruleset(ruleset._handle)
        self._ruleset_list.clear()
        self._ruleset_directory.clear()


def _accept(closure) -> None:
    """Sink: durable-rules drops facts that match no rule; this rule matches them all."""


def definitions(rules: list[Rule]) -> dict:
    """The ruleset definition durable-rules compiles, one entry per rule, named by rule id."""
    seen: set[str] = set()
    body = {}
    for rule in rules:
        if rule.id in seen:
            raise EngineError(f"two rules share the id {rule.id}")
        seen.add(rule.id)
        body[rule.id] = when_all(*rule.when)(action_for(rule)).define()
    body["engine.sink"] = when_all(+m.t)(_accept).define()
    return {RULESET: body}


class Session:
    """A compiled ruleset and a counter of sids; one per thread (the C core has no locks)."""

    def __init__(self, rules: list[Rule]):
        self._definitions = definitions(rules)
        self._host = QuietHost(copy.deepcopy(self._definitions))  # Host consumes its input
        self._sids = itertools.count(1)

    def run(self, facts: list[dict]) -> list[dict]:
        """Assert `facts` in a fresh sid, let every rule fire, return all facts, leave nothing."""
        sid = f"e{next(self._sids)}"
        try:
            self._host.assert_facts(RULESET, [dict(f, sid=sid) for f in facts])
            state = self._host.get_state(RULESET, sid)
            if "exception" in state:
                raise EngineError(f"a rule failed while firing: {state['exception']}")
            return self._host.get_facts(RULESET, sid)
        finally:
            try:
                self._host.delete_state(RULESET, sid)
            except Exception:  # the sid never got created (e.g. the first assert failed)
                pass

    def close(self) -> None:
        self._host.close()


_local = threading.local()


def session(rules: list[Rule]) -> Session:
    """The calling thread's session for this exact list of rules (compiled once)."""
    cache = getattr(_local, "sessions", None)
    if cache is None:
        cache = _local.sessions = {}
    key = tuple(r.id for r in rules)
    if key not in cache:
        cache[key] = Session(rules)
    return cache[key]
