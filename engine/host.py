"""The durable-rules host: where the rules really fire.

durable-rules has sharp edges (../shared/durable-rules-notes.md), handled here and only here:
- the default Host starts timer threads that never stop: `QuietHost` starts none;
- at most 1024 live sessions (sids) per ruleset: every run deletes its own in `finally`;
- errors raised inside actions are swallowed into the session state: we read it and raise;
- a fact's identity is a 32-bit FNV-1a hash of its `id` (or of its content), and the C core
  compares the hashes only: two different facts whose hashes collide are "already observed"
  and the second is silently refused. With tens of thousands of facts in one case that
  happens (measured: from about 3,000 persons). So every fact gets an `id` whose hash is
  unique in its session (`FactIds`), and any refusal still reported is raised, never ignored;
- a fact that no rule's conditions mention is refused: such facts are not asserted at all
  (`Wanted`: they are kept in Python), and a sink rule mentions every other, as the first half
  of a join whose second half never comes, so it stores them without firing;
- nothing is thread-safe: every run holds one process-wide lock.
Each run gets a fresh sid, so nothing of one case is visible to the next.
"""

from __future__ import annotations

import itertools
import json
import threading
from typing import Callable

import durable_rules_engine
from durable import engine
from durable.lang import c, m, when_all

from engine.rulebook import Rule, action_for

RULESET = "immunity"
NEVER = "engine.never"  # a kind of fact no one asserts: the sink's join never completes

_FNV_OFFSET, _FNV_PRIME = 2166136261, 16777619


class EngineError(RuntimeError):
    """The engine failed (a rule misbehaved, or durable-rules refused a fact): never the user's input."""


def fnv1a_32(text: str) -> int:
    """The hash durable-rules' C core gives a fact's id (state.c `fnv1Hash32`, over ASCII bytes)."""
    h = _FNV_OFFSET
    for byte in text.encode("ascii"):
        h = ((h ^ byte) * _FNV_PRIME) & 0xFFFFFFFF
    return h


class FactIds:
    """Ids for the facts of one session whose 32-bit hashes are all different, so no fact can be
    mistaken for another. Every session takes them in order from one list, made as needed once
    per process (a counter in base 36, skipping any value whose hash is taken): hashing each
    fact's id anew cost more than some rules' own work."""

    _made: list[str] = []
    _hashes: set[int] = set()
    _counter = itertools.count(1)

    def __init__(self) -> None:
        self._taken = 0

    def next(self) -> str:
        if self._taken >= len(FactIds._made):
            FactIds._grow(self._taken + 1024)
        self._taken += 1
        return FactIds._made[self._taken - 1]

    @classmethod
    def _grow(cls, size: int) -> None:
        while len(cls._made) < size:
            ident = _base36(next(cls._counter))
            h = fnv1a_32(ident)
            if h not in cls._hashes:
                cls._hashes.add(h)
                cls._made.append(ident)


def _base36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while n:
        n, r = divmod(n, 36)
        out = digits[r] + out
    return out or "0"


class QuietHost(engine.Host):
    """A Host driven synchronously: no background pollers, and its C rulesets freed on close."""

    def _run(self) -> None:  # the base class starts two self-re-arming timer threads here
        pass

    def close(self) -> None:
        for ruleset in self._ruleset_list:
            durable_rules_engine.delete_ruleset(ruleset._handle)
        self._ruleset_list.clear()
        self._ruleset_directory.clear()


def _never(matched) -> None:
    """The sink's action: its second condition matches no fact, so this never runs."""


def definitions(rules: list[Rule], emit: Callable[[dict], None], make=action_for) -> dict:
    """The ruleset definition durable-rules compiles, one entry per rule, named by rule id;
    `make(rule, emit)` gives each rule's action (bench/floor.py gives actions that only assert)."""
    seen: set[str] = set()
    body = {}
    for rule in rules:
        if rule.id in seen:
            raise EngineError(f"two rules share the id {rule.id}")
        seen.add(rule.id)
        body[rule.id] = when_all(*rule.when)(make(rule, emit)).define()
    body["engine.sink"] = when_all(c.any << +m.t, c.never << (m.t == NEVER))(_never).define()
    return {RULESET: body}


def _literal_tests(condition) -> dict | None:
    """The `t` and `question` a rule's condition requires, as {field: value}; None if it
    requires no kind (it could match any fact)."""
    tests = condition.get("$and", [condition])
    out = {}
    for test in tests:
        for name in ("t", "question"):
            if isinstance(test, dict) and isinstance(test.get(name), str) and len(test) == 1:
                out[name] = test[name]
    return out if "t" in out else None


class Wanted:
    """Which facts some rule's conditions could match, by kind (and question, for conclusions).
    Only those go into the C core: a fact no rule mentions would be kept there for nothing, and
    at 8 KB a fact the C core's memory is what limits the size of a case."""

    def __init__(self, body: dict):
        self.any = False
        self.kinds: set[str] = set()
        self.questions: dict[str, set[str] | None] = {}  # kind -> questions asked (None: any)
        for name, rule in body.items():
            if name == "engine.sink":
                continue
            for alias_condition in rule.get("all", []) + rule.get("any", []):
                for condition in alias_condition.values():
                    tests = _literal_tests(condition) if isinstance(condition, dict) else None
                    if tests is None:
                        self.any = True
                        continue
                    kind = tests["t"]
                    self.kinds.add(kind)
                    if "question" in tests and self.questions.get(kind, set()) is not None:
                        self.questions.setdefault(kind, set()).add(tests["question"])
                    else:
                        self.questions[kind] = None

    def __call__(self, fact: dict) -> bool:
        if self.any:
            return True
        kind = fact["t"]
        if kind not in self.kinds:
            return False
        questions = self.questions.get(kind)
        return questions is None or fact.get("question") in questions


# The C core's answers to an assert (durable/engine.py `_handle_result`): anything but 0 is a refusal.
_REFUSALS = {1: "matched no rule", 2: "taken for a fact already asserted", 3: "deferred"}


class Session:
    """A compiled ruleset and a counter of sids. Runs are sequential (`run` holds the lock).

    durable-rules matches, joins and schedules the rules in its C core; this class hands it the
    facts and runs each action it schedules, straight through the C API (what durable's own
    `Ruleset.do_actions` does, without a Closure, a Promise and a JSON copy of the session
    state per firing, which cost more than the matching)."""

    def __init__(self, rules: list[Rule], make=action_for):
        defs = definitions(rules, self._emit, make)
        self._actions = {name: rule["run"] for name, rule in defs[RULESET].items()}
        self._wanted = Wanted(defs[RULESET])
        self._host = QuietHost(defs)  # it takes each rule's "run" out of defs: we have them already
        self._handle = self._host.get_ruleset(RULESET)._handle
        self._sids = itertools.count(1)
        self._sid = ""
        self._ids = FactIds()
        self._derived: dict[str, dict] = {}
        self._refused: list[str] = []

    def run(self, facts: list[dict]) -> list[dict]:
        """Assert `facts` in a fresh sid, let every rule fire, return the facts the rules derived
        (each once, in the order derived), and leave nothing behind."""
        with evaluation_lock:
            self._sid = sid = f"e{next(self._sids)}"
            self._ids, self._derived, self._refused = FactIds(), {}, []
            batch = [dict(f, sid=sid, id=self._ids.next()) for f in facts if self._wanted(f)]
            state = None
            try:
                code, state = durable_rules_engine.assert_facts(self._handle, json.dumps(batch, ensure_ascii=False))
                if code:
                    raise EngineError(f"durable-rules refused an input fact ({_REFUSALS.get(code, code)}); "
                                      "no answer is given without it")
                self._fire(state)
                if self._refused:
                    raise EngineError(f"durable-rules refused {len(self._refused)} derived fact(s), "
                                      f"first {self._refused[0]}; no answer is given without them")
                return list(self._derived.values())
            finally:
                self._discard(sid, state)

    def _fire(self, state: int) -> None:
        """Run every action the C core schedules for the session, until none is left."""
        handle = self._handle
        scheduled = durable_rules_engine.start_action_for_state(handle, state)
        message = json.loads(scheduled[1]) if scheduled else None
        while message:
            (name, matched), = message.items()
            try:
                self._actions[name](matched)
            except Exception as exc:
                durable_rules_engine.abandon_action(handle, state)  # the C core stays sound to delete
                raise EngineError(f"a rule failed while firing: {name}: {type(exc).__name__}: {exc}") from exc
            scheduled = durable_rules_engine.complete_and_start_action(handle, state)
            message = json.loads(scheduled) if scheduled else None

    def _discard(self, sid: str, state: int | None) -> None:
        """Delete the session. Actions still scheduled are completed unrun first: deleting a
        session with scheduled actions crashes the C core (measured: a segfault in delete_state
        from 10,000 pending actions), and an error can leave some scheduled."""
        if state is not None:
            scheduled = durable_rules_engine.start_action_for_state(self._handle, state)
            while scheduled:
                scheduled = durable_rules_engine.complete_and_start_action(self._handle, state)
        try:
            self._host.delete_state(RULESET, sid)
        except Exception:  # the sid never got created (e.g. the first assert failed)
            pass

    def _emit(self, fact: dict) -> None:
        """Assert a fact a rule derived (once: the same derivation reached twice is one fact)."""
        if fact["key"] in self._derived:
            return
        self._derived[fact["key"]] = fact
        if not self._wanted(fact):
            return  # no rule could join it: it is an answer, kept here and not in the C core
        stored = {**fact, "sid": self._sid, "id": self._ids.next()}
        code, _ = durable_rules_engine.assert_fact(self._handle, json.dumps(stored, ensure_ascii=False))
        if code:
            self._refused.append(f"{fact['key']} ({_REFUSALS.get(code, code)})")

    def close(self) -> None:
        self._host.close()


evaluation_lock = threading.RLock()  # the C core has no locks and never releases the GIL
_sessions: dict[tuple[str, ...], Session] = {}


def session(rules: list[Rule]) -> Session:
    """The session for this exact list of rules (compiled once per process)."""
    key = tuple(r.id for r in rules)
    with evaluation_lock:
        if key not in _sessions:
            _sessions[key] = Session(rules)
        return _sessions[key]
