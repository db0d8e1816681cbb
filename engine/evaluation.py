"""One evaluation: one case, one day, a fresh engine session, an `Answer` read back.

The rules decide; this module only reads what they asserted. Two things happen after the
engine has run, both mechanical:
- provenance is followed from each conclusion down to the case-file facts and their sources;
- where a rule is declared an exception to another (`overrides`, as Catala's exceptions), the
  answer of the exception displaces the other's, and anything derived from the displaced
  answer goes with it.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version

from engine.answer import DECISIVE, QUESTIONS, Answer, Conclusion, Unknown
from engine.facts import case_fact_key, case_facts, placed
from engine import situations
from engine.host import EngineError, evaluation_lock, session
from engine.partition import parts
from engine.model import Case
from engine.rulebook import UNKNOWN, YES, Rule, Status
from engine.windows import MAX_DATES, not_yet, placements, settle, uncertain_dates

# Open `rules_fired()` blocks: each collects the ids of the rules that fire inside it.
_watchers: list[set[str]] = []


@contextmanager
def rules_fired():
    """Collect the ids of every rule that fires in the evaluations made inside the block.

    Scenario coverage uses it: a rule no scenario fires is law no scenario checks."""
    fired: set[str] = set()
    _watchers.append(fired)
    try:
        yield fired
    finally:
        _watchers.remove(fired)


@lru_cache(maxsize=1)
def engine_version() -> str:
    try:
        return version("immunity")
    except PackageNotFoundError:
        return "0+source"


@lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    from rules import RULES

    return tuple(RULES)


def rule_index() -> dict[str, Rule]:
    return {r.id: r for r in all_rules()}


@dataclass(frozen=True)
class Evaluation:
    """The answer, and the derivation graph it was read from (for explanations)."""

    answer: Answer
    inputs: dict[str, dict]  # case facts by key
    derived: dict[str, dict]  # every finding and conclusion the rules asserted, by key
    dropped: dict[str, str]  # key of a displaced derivation -> rule that displaced it
    # conclusion id -> the evaluation, with an imprecise date placed, that settled it (engine/windows.py)
    settled: dict[str, "Evaluation"] = field(default_factory=dict)


def sources_by_key(case: Case) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for collection, prefix in (("persons", "person"), ("missions", "mission"), ("postings", "posting"),
                               ("acts", "act"), ("proceedings", "proceeding")):
        for item in getattr(case, collection):
            out[f"{prefix}:{item.id}"] = list(item.sources)
    for r in case.requests:
        out[f"request:{r.id}"] = list(r.sources) + (list(r.response.sources) if r.response else [])
    for collection, prefix in (("offences", "offence"), ("entries", "entry"), ("whereabouts", "whereabouts")):
        for item in getattr(case, collection):
            out[f"{prefix}:{item.id}"] = list(item.sources)
    return out


def facts_known_until(case: Case):
    dates = [date for _, date, _ in case.dated_events()]
    return max(dates, key=lambda d: d.end) if dates else None


def evaluate(case: Case, day: dt.date, case_sha256: str | None = None, *, cache: bool = True) -> Evaluation:
    """What applied on `day`. Answers left uncertain by a date whose window holds the day are
    tried against every placement of such dates, and settled where all agree (engine/windows.py).
    A day of a situation already evaluated reuses that rule run (engine/situations.py) unless
    `cache` is False. Safe to call from several threads: evaluations take turns."""
    with evaluation_lock:
        if not cache or _watchers:  # a coverage watch must see the rules fire
            return _evaluate(case, day, case_sha256)
        found = situations.recall(case, day, case_sha256)
        if found is None:
            found = _evaluate(case, day, case_sha256)
            situations.remember(case, day, case_sha256, found)
        return found


def _evaluate(case: Case, day: dt.date, case_sha256: str | None) -> Evaluation:
    result = _evaluate_once(case, day, case_sha256)
    windows = sorted({c.window for c in result.answer.conclusions if c.holds is None and c.window})
    if not windows:
        return result
    uncertain = uncertain_dates(case, day)
    answer, settled = result.answer, {}
    for window in windows:  # each window on its own: only its own dates decide its answers
        dates = [d for d in uncertain if d.window == window]
        if not dates or len(dates) > MAX_DATES:
            continue
        tries, later = [], []
        asked = {c.id for c in answer.conclusions if c.holds is None and c.window == window}
        for placing in placements(case, dates):
            with placed(placing):  # a try answers only what it is asked to settle (its derivations are all kept)
                tries.append(_evaluate_once(case, day, case_sha256, only=asked))
            later.append(not_yet(case, placing))
        answer, got = settle(answer, window, [t.answer for t in tries], later, [d.label for d in dates])
        settled.update({ident: tries[i] for ident, i in got.items()})
    return replace(result, answer=answer, settled=settled) if settled else result


def _evaluate_once(case: Case, day: dt.date, case_sha256: str | None, only: set[str] | None = None) -> Evaluation:
    inputs = case_facts(case, day)
    engine = session(list(all_rules()))
    derived: dict[str, dict] = {}
    for part in parts(inputs):  # one part, unless the case is very big (engine/partition.py)
        for fact in engine.run(part):
            derived.setdefault(fact["key"], fact)
    for fired in _watchers:
        fired.update(f["rule"] for f in derived.values())
    return _collect(case, day, {f["key"]: f for f in inputs}, derived, case_sha256, only)


def _collect(case: Case, day: dt.date, inputs: dict, derived: dict, case_sha256: str | None,
             only: set[str] | None = None) -> Evaluation:
    """The answer read from the derivations: every conclusion, or those whose id is in `only`."""
    rules = rule_index()
    order = _rule_order()
    idents = {key: _ident(f) for key, f in derived.items() if f["t"] == "conclusion"}
    dropped = _displaced(derived, rules, idents)
    grounds: dict[str, list[dict]] = {}
    set_aside: dict[str, set[str]] = {}
    for key in sorted(idents):
        if only is not None and idents[key] not in only:
            continue
        if key in dropped:
            set_aside.setdefault(idents[key], set()).add(derived[key]["rule"])
        else:
            grounds.setdefault(idents[key], []).append(derived[key])
    sources = sources_by_key(case)
    conclusions = []
    for ident, facts in grounds.items():
        facts.sort(key=lambda f: (order[f["rule"]], f["key"]))
        verdicts = {f["holds"] for f in facts}
        if len(verdicts) > 1:
            said = ", ".join(f"{f['rule']} says {f['holds']}" for f in facts)
            raise EngineError(f"rules disagree on {ident} ({said}); one must be declared an exception")
        conclusions.append(_conclusion(ident, facts, sorted(set_aside.get(ident, ())), derived, inputs,
                                       sources, rules))
    conclusions.sort(key=answer_order(case))
    latest = facts_known_until(case)
    note = None
    if latest and day > latest.end:
        note = f"facts known up to {latest.label}: later events are not in the case file"
    answer = Answer(
        case=case.id, as_of=day.isoformat(), engine=engine_version(), case_sha256=case_sha256,
        facts_known_until=latest.end.isoformat() if latest else None, note=note,
        conclusions=conclusions,
        unknowns=[Unknown(id=c.id, question=c.question, subject=c.subject, needs=c.needs)
                  for c in conclusions if c.holds is None and c.needs],
    )
    return Evaluation(answer=answer, inputs=inputs, derived=derived, dropped=dropped)


def _ident(fact: dict) -> str:
    return f"{fact['question']}:{'/'.join(fact[k] for k in fact['subject_keys'])}"


@lru_cache(maxsize=1)
def _rule_order() -> dict[str, int]:
    return {rule.id: i for i, rule in enumerate(all_rules())}


def _displaced(derived: dict, rules: dict[str, Rule], idents: dict[str, str]) -> dict[str, str]:
    """Answers displaced, and why: by a declared exception (a rule's `overrides`), or by another
    ground that is decisive for the question (`DECISIVE`). Whatever was derived from a displaced
    answer goes with it. Conflicts are settled from the bottom of the derivation upwards, so an
    answer is judged only after those it rests on."""
    dropped: dict[str, str] = {}
    groups: dict[str, list[dict]] = {}
    for key, ident in idents.items():
        groups.setdefault(ident, []).append(derived[key])
    for facts in groups.values():
        present = {f["rule"] for f in facts}
        for f in facts:
            for g in facts:
                if g["rule"] in rules[f["rule"]].overrides and g["rule"] in present:
                    dropped[g["key"]] = f["rule"]
    _cascade(dropped, derived)
    depth = _depths(derived)
    for ident in sorted(groups, key=lambda i: min(depth[f["key"]] for f in groups[i])):
        alive = [f for f in groups[ident] if f["key"] not in dropped]
        verdicts = {f["holds"] for f in alive}
        decisive = DECISIVE.get(alive[0]["question"]) if alive else None
        if len(verdicts) > 1 and decisive:
            winner = decisive if decisive in verdicts else UNKNOWN
            chosen = next(f for f in alive if f["holds"] == winner)
            for f in alive:
                if f["holds"] != winner:
                    dropped[f["key"]] = chosen["rule"]
            _cascade(dropped, derived)
    return dropped


def _cascade(dropped: dict[str, str], derived: dict) -> None:
    changed = True
    while changed:  # whatever rests on a displaced answer is displaced too
        changed = False
        for fact in derived.values():
            if fact["key"] not in dropped and any(b in dropped for b in fact["because"]):
                dropped[fact["key"]] = dropped[next(b for b in fact["because"] if b in dropped)]
                changed = True


def _depths(derived: dict) -> dict[str, int]:
    """How many derivations stand below each one (0: rests on case facts only)."""
    memo: dict[str, int] = {}

    def depth(key: str) -> int:
        if key not in memo:
            below = [b for b in derived[key]["because"] if b in derived]
            memo[key] = 1 + max(map(depth, below)) if below else 0
        return memo[key]

    return {key: depth(key) for key in derived}


def _walk(key: str, derived: dict):
    """Every derivation reachable from `key`, itself first, breadth first."""
    seen: dict[str, None] = {}
    queue = deque([key])
    while queue:
        current = queue.popleft()
        if current in seen or current not in derived:
            continue
        seen[current] = None
        queue.extend(derived[current]["because"])
    return list(seen)


def _conclusion(ident, facts, set_aside, derived, inputs, sources, rules) -> Conclusion:
    """One answer from the rules that reached it: the first (in rule order) is its rule; any
    others that agree are further grounds, whose articles, facts and reasons are added."""
    first = facts[0]
    cites: dict[str, None] = {}
    unverified: dict[str, None] = {}
    leaves: dict[str, None] = {}
    for fact in facts:
        for key in _walk(fact["key"], derived):
            step = derived[key]
            rule = rules[step["rule"]]
            cites.update(dict.fromkeys(rule.cites))
            cites.update(dict.fromkeys(step.get("cites", ())))
            if rule.status is Status.unverified:
                unverified[rule.id] = None
            for b in step["because"]:
                if b in inputs and b not in leaves:
                    leaves[b] = None
                    certainty = inputs[b].get("certainty", "verified")
                    if certainty != "verified":
                        unverified[f"{b} ({certainty})"] = None
    cites, unverified = list(cites), list(unverified)
    leaves = list(dict.fromkeys(case_fact_key(leaf) for leaf in leaves))  # case-file facts, not their views
    labels = sorted({label for leaf in leaves for label in sources.get(leaf, [])})
    holds = {YES: True, UNKNOWN: None}.get(first["holds"], False)
    text = " ".join(dict.fromkeys(f["reason"] for f in facts)).replace("s's ", "s' ")  # the Philippines
    needs = next((f["needs"] for f in facts if f.get("needs")), None) if holds is None else None
    window = next((f["window"] for f in facts if f.get("window")), None)
    if needs:
        text += f" {'Uncertain' if window else 'Unknown'}: needs {needs}."
    return Conclusion.model_construct(  # built from the engine's own facts: nothing to validate
        id=ident, question=first["question"],
        subject={k: first[k] for k in first["subject_keys"]}, holds=holds, rule=first["rule"],
        also=list(dict.fromkeys(f["rule"] for f in facts[1:] if f["rule"] != first["rule"])),
        cites=cites, because=leaves, sources=labels, text=text, unverified=unverified,
        needs=needs, window=window, set_aside=set_aside,
    )


def answer_order(case: Case):
    """Persons, then missions, then requests, each in file order; then the rest; by question."""
    place: dict[tuple[str, str], int] = {}
    for kind, items in (("person", case.persons), ("mission", case.missions), ("request", case.requests)):
        for i, x in enumerate(items):
            place.setdefault((kind, x.id), i)
    questions = {q: i for i, q in enumerate(QUESTIONS)}

    def key(c: Conclusion):
        s = c.subject
        group = (3, 0)
        for rank, kind in enumerate(("person", "mission", "request")):
            if kind in s:
                where = place.get((kind, s[kind]))
                group = (rank, 99 if where is None else where)
                break
        return group, questions.get(c.question, len(QUESTIONS)), c.id

    return key
