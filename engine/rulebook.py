"""How a rule module states the law: one rule per legal proposition, each citing its article.

A rule is durable-rules conditions (`when`) plus a short action (`then`) that asserts a
finding or a conclusion back into the engine, where further rules can join on it. The
action records its provenance as it fires: the rule, and the keys of the facts it joined.
Everything a lawyer needs to check a rule sits in its `Rule` record: the article, a
one-line paraphrase, and whether the law behind it is verified.
"""

from __future__ import annotations

import ast
import hashlib
import inspect
import textwrap
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property, lru_cache
from typing import Any, Callable, Iterable

from durable.lang import c, item, m, value

__all__ = ["Instrument", "Rule", "Status", "fact", "differs", "contains", "c", "m", "YES", "NO", "UNKNOWN"]

# Three-valued answers, as the engine stores them (durable-rules cannot match on null).
YES, NO, UNKNOWN = "yes", "no", "unknown"


class Status(str, Enum):
    verified = "verified"  # checked against the instrument's text
    unverified = "unverified"  # ../shared/case/legal-brief.md marks it unverified: never settled law


@dataclass(frozen=True)
class Rule:
    id: str
    instrument: str
    articles: tuple[str, ...]
    says: str
    status: Status
    when: tuple
    then: Callable[["Firing"], None]
    overrides: tuple[str, ...] = ()

    @cached_property
    def cites(self) -> list[str]:
        return [f"{self.instrument} {a}" for a in self.articles]

    @property
    def answers(self) -> frozenset[str]:
        """The contract questions this rule may answer, read from its action's source (question
        names are distinctive strings); tests check every answer a rule gives is among them."""
        return _questions_named_in(self.then)


    @property
    def finds(self) -> frozenset[str]:
        """The kinds of finding this rule may assert (`r.find("kind", ...)` or `r.lifecycle("kind",
        ...)`, directly or through a helper of its module), read from its action's source."""
        return _findings_of(self.then)


def _body(function: Callable) -> list[ast.stmt]:
    tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    return next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)).body  # not the decorator


@lru_cache(maxsize=None)
def _findings_of(function: Callable) -> frozenset[str]:
    kinds: set[str] = set()
    for node in (n for stmt in _body(function) for n in ast.walk(stmt)):
        if not isinstance(node, ast.Call):
            continue
        if isinstance(node.func, ast.Attribute) and node.func.attr in ("find", "lifecycle") and node.args \
                and isinstance(node.args[0], ast.Constant):
            kinds.add(node.args[0].value)
        elif isinstance(node.func, ast.Name) and inspect.isfunction(function.__globals__.get(node.func.id)):
            kinds |= _findings_of(function.__globals__[node.func.id])
    return frozenset(kinds)


@lru_cache(maxsize=None)
def _questions_named_in(function: Callable) -> frozenset[str]:
    from engine.answer import QUESTIONS

    named = {node.value for stmt in _body(function) for node in ast.walk(stmt) if isinstance(node, ast.Constant)}
    return frozenset(q for q in QUESTIONS if q in named)


@dataclass
class Instrument:
    """One treaty or statute: its short name for citations, and its rules in text order."""

    short: str
    title: str
    rules: list[Rule] = field(default_factory=list)

    def rule(self, id: str, *, article: str | Iterable[str], says: str, when: list,
             status: Status | str = Status.verified, overrides: Iterable[str] = ()):
        """Register the decorated function as the action of a rule citing `article`."""
        articles = (article,) if isinstance(article, str) else tuple(article)

        def register(then: Callable[[Firing], None]) -> Rule:
            made = Rule(id=id, instrument=self.short, articles=articles, says=says,
                        status=Status(status), when=tuple(when), then=then, overrides=tuple(overrides))
            self.rules.append(made)
            return made

        return register


class _Differs:
    def __init__(self, other):
        self.other = other


def differs(other) -> _Differs:
    """A field condition: the value is not equal to `other` (a value, or a joined fact's field)."""
    return _Differs(other)


class _Contains:
    def __init__(self, wanted):
        self.wanted = wanted


def contains(wanted) -> _Contains:
    """A field condition on a list: one of its items equals `wanted`."""
    return _Contains(wanted)


def fact(kind: str, /, *also: value, **fields) -> value:
    """Conditions on one fact: its kind, and each field equal to a value, one of a tuple of
    values, a joined fact's field (`c.alias.field`), `differs(...)` or `contains(...)`;
    `also` takes any further durable-rules condition on the same fact."""
    expr = m.t == kind
    for name, wanted in fields.items():
        target = getattr(m, name)
        if isinstance(wanted, tuple):
            alternatives = [target == w for w in wanted]
            test = alternatives[0]
            for alt in alternatives[1:]:
                test = test | alt
        elif isinstance(wanted, _Differs):
            test = target != wanted.other
        elif isinstance(wanted, _Contains):
            test = target.anyItem(item == wanted.wanted)
        else:
            test = target == wanted
        expr = expr & test
    # Further conditions go last: durable-rules mis-joins when an OR condition comes before a
    # join on another fact (measured: a posting's privileges paired with another's standing).
    for extra in also:
        expr = expr & extra
    return expr


def short_hash(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:10]


class Matched:
    """A fact a rule joined, read as plain values."""

    def __init__(self, content: dict):
        self._d = content

    def __getattr__(self, name: str) -> Any:
        return self._d.get(name)

    @property
    def key(self) -> str:
        return self._d["key"]


class Firing:
    """What a rule's action sees: the facts it joined (by alias) and ways to assert results."""

    def __init__(self, rule: Rule, matched: dict, emit: Callable[[dict], None]):
        self.rule = rule
        self._matched = matched
        self._emit = emit

    def __getattr__(self, alias: str) -> Matched:
        try:
            return Matched(self._matched[alias])
        except KeyError:
            raise AttributeError(f"rule {self.rule.id} joins no fact called {alias!r}") from None

    def _assert(self, derived: dict) -> None:
        self._emit(derived)  # the host asserts it, once, and records it

    def find(self, kind: str, *, because: list[Matched], **fields) -> None:
        """Assert an intermediate finding other rules join on (e.g. a posting's privileges)."""
        keys = [b.key for b in because]
        subject = fields.get("posting") or fields.get("person") or ""
        derived = {"t": kind, "key": f"{kind}:{subject}#{short_hash(self.rule.id, *keys)}",
                   "rule": self.rule.id, "because": keys, **fields}
        self._assert(derived)

    def lifecycle(self, kind: str, status: str, *, deciding: str | None = None, needs: str | None = None) -> None:
        """Assert whether the posting `p` joined has its privileges in force on the day (the
        finding `kind`, one per convention); `deciding` names the dated event that settles it,
        whose label is kept, and whose window too when the status is uncertain."""
        p = self.p._d
        label = p.get(f"{deciding}_label", "") if deciding else ""
        window = p.get(f"{deciding}_window", "") if deciding and status == "uncertain" else ""
        self.find(kind, because=[self.p], posting=p["posting"], person=p["person"], state=p["state"],
                  status=status, window=window, label=label, event=deciding or "", needs=needs or "",
                  person_name=p["person_name"], state_name=p["state_name"])

    def conclude(self, question: str, *, holds: str, because: list[Matched], reason: str,
                 needs: str | None = None, window: str | None = None, about: dict | None = None,
                 cites: list[str] | None = None, **subject: str) -> None:
        """Assert the answer to a contract question about `subject` (person, state, act, ...).
        `about` adds fields other rules may join on (e.g. the posting) without being subject;
        `cites` adds citations read from data (a treaty's article), after the rule's own."""
        if holds not in (YES, NO, UNKNOWN):
            raise ValueError(f"holds must be yes/no/unknown, got {holds!r}")
        keys = [b.key for b in because]
        ident = f"{question}:{'/'.join(subject.values())}"
        derived = {"t": "conclusion", "key": f"{ident}#{short_hash(self.rule.id, *keys)}",
                   "question": question, "subject_keys": list(subject), **subject,
                   "holds": holds, "rule": self.rule.id, "because": keys, "reason": reason,
                   **(about or {})}
        if needs:
            derived["needs"] = needs
        if cites:
            derived["cites"] = list(cites)
        if window:
            derived["window"] = window
        self._assert(derived)


def action_for(rule: Rule, emit: Callable[[dict], None]) -> Callable[[dict], None]:
    """What runs when `rule` fires, given the facts it joined by alias; `emit(fact)` asserts
    what it derives."""

    def run(matched: dict) -> None:
        rule.then(Firing(rule, matched, emit))

    run.__name__ = rule.id.replace(".", "_").replace("-", "_")
    return run

