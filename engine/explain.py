"""Why an answer is what it is: the derivation tree the rules recorded as they fired.

Every derived fact carries the rule that asserted it and the keys of the facts it joined;
the tree is that record, followed down to the case file's own facts and their sources. It
is never a second account of the law. Beside the tree stand the contrasts: the rules that
answer the same question but did not fire for this subject (the exceptions and categories
considered), and any answer set aside by an exception or by a decisive ground.
"""

from __future__ import annotations

from typing import Optional

from pydantic import BaseModel, ConfigDict

from engine.answer import Conclusion
from engine.evaluation import Evaluation, rule_index
from engine.facts import case_fact_key
from engine.model import Case


class Node(BaseModel):
    model_config = ConfigDict(extra="forbid")

    key: str
    kind: str  # "answer", "finding", "fact"
    text: str
    holds: Optional[bool] = None
    rule: Optional[str] = None
    cites: list[str] = []
    says: Optional[str] = None
    status: Optional[str] = None
    sources: list[str] = []
    needs: Optional[str] = None
    window: Optional[str] = None
    children: list["Node"] = []


class Considered(BaseModel):
    rule: str
    cites: list[str]
    says: str
    status: str


class Explanation(BaseModel):
    id: str
    question: str
    subject: dict[str, str]
    holds: Optional[bool]
    text: str
    needs: Optional[str] = None
    window: Optional[str] = None
    grounds: list[Node]
    considered: list[Considered]
    set_aside: list[Node]


def explain(evaluation: Evaluation, case: Case, question: str, subject: dict[str, str]) -> list[Explanation]:
    """Explanations of every conclusion answering `question` whose subject includes `subject`."""
    facts = FactDescriptions(case)
    out = []
    for c in evaluation.answer.find(question, **subject):
        # an answer settled across a date's window is explained from the placement that settled it
        source = evaluation.settled.get(c.id, evaluation)
        grounds = [f for f in _derivations_for(source, c) if f["key"] not in source.dropped]
        aside = [f for f in _derivations_for(source, c) if f["key"] in source.dropped]
        fired = {source.derived[k]["rule"] for f in grounds + aside for k in _chain(f["key"], source)}
        out.append(Explanation(
            id=c.id, question=c.question, subject=c.subject, holds=c.holds, text=c.text,
            needs=c.needs, window=c.window,
            grounds=[_node(f["key"], source, facts, set()) for f in grounds],
            considered=_considered(question, fired),
            set_aside=[_node(f["key"], source, facts, set()) for f in aside],
        ))
    return out


def _derivations_for(evaluation: Evaluation, c: Conclusion) -> list[dict]:
    found = [f for f in evaluation.derived.values() if f["t"] == "conclusion" and f["question"] == c.question
             and {k: f[k] for k in f["subject_keys"]} == c.subject]
    return sorted(found, key=lambda f: f["key"])


def _chain(key: str, evaluation: Evaluation) -> list[str]:
    seen, queue = [], [key]
    while queue:
        current = queue.pop()
        if current in evaluation.derived and current not in seen:
            seen.append(current)
            queue.extend(evaluation.derived[current]["because"])
    return seen


def _considered(question: str, fired: set[str]) -> list[Considered]:
    """Rules of the instruments that decided this answer which did not fire for this subject:
    those answering the same question (exceptions, other categories' answers) and those that
    would have made a different finding on the way (e.g. the art. 37 categories)."""
    rules = rule_index()
    instruments = {rules[r].instrument for r in fired}
    kinds = {k for r in fired for k in rules[r].finds}
    return [Considered(rule=r.id, cites=r.cites, says=r.says, status=r.status.value)
            for r in rules.values() if r.instrument in instruments and r.id not in fired
            and (question in r.answers or r.finds & kinds)]


def _node(key: str, evaluation: Evaluation, facts: "FactDescriptions", seen: set[str]) -> Node:
    if key in evaluation.inputs or key not in evaluation.derived:
        return facts.node(case_fact_key(key), evaluation.inputs.get(key, {}))  # the case file's own fact
    step = evaluation.derived[key]
    rule = rule_index()[step["rule"]]
    below = [b for b in step["because"] if b not in seen]
    children = [_node(b, evaluation, facts, seen | {key}) for b in below]
    if step["t"] == "conclusion":
        holds = {"yes": True, "no": False}.get(step["holds"])
        subject = "/".join(step[k] for k in step["subject_keys"])
        text = f"{step['question']} {subject}: {_verdict(holds, step.get('window'))}. {step['reason']}"
        return Node(key=key, kind="answer", text=text, holds=holds, rule=rule.id,
                    cites=rule.cites + step.get("cites", []), says=rule.says, status=rule.status.value,
                    needs=step.get("needs"), window=step.get("window"), children=children)
    return Node(key=key, kind="finding", text=_finding_text(step), rule=rule.id,
                cites=rule.cites + step.get("cites", []), says=rule.says, status=rule.status.value,
                needs=step.get("needs") or None, window=step.get("window") or None, children=children)


def _verdict(holds: Optional[bool], window: Optional[str]) -> str:
    return {True: "yes", False: "no"}.get(holds, "uncertain" if window else "unknown")


def _finding_text(step: dict) -> str:
    kind = step["t"]
    if kind in ("privileges", "consular_privileges"):
        when = f" ({step['label']})" if step.get("label") else ""
        return f"{kind.replace('_', ' ')} of {step['person_name']} in {step['state_name']}: {step['status'].replace('_', ' ')}{when}"
    if kind in ("standing", "consular_standing"):
        return f"{kind.replace('_', ' ')} of {step['person']} at posting {step['posting']}: {step['standing']}"
    return f"{kind}: {step['key']}"


class FactDescriptions:
    """The case file's facts, described for a reader, with their sources and notes."""

    def __init__(self, case: Case):
        self.case = case
        self.states = {s.code: s.name for s in case.states}

    def node(self, key: str, fact: dict) -> Node:
        text, sources, note = self.describe(key, fact)
        if note:
            text += f" Note: {note}"
        certainty = fact.get("certainty")
        status = certainty if certainty and certainty != "verified" else None
        return Node(key=key, kind="fact", text=text, sources=sources, status=status)

    def describe(self, key: str, fact: dict) -> tuple[str, list[str], Optional[str]]:
        kind, _, rest = key.partition(":")
        ident = rest.split("#")[0].split("/")[0]
        case = self.case
        if kind == "posting":
            p = case.find("postings", ident)
            person = case.find("persons", p.person)
            mission = case.find("missions", p.mission)
            role = p.title or (p.category.value.replace("_", " ") if p.category else "member of staff (category not reported)")
            dates = "; ".join(f"{label} {getattr(p, field).label if getattr(p, field) else 'not reported'}"
                              for field, label in (("arrived", "arrived"), ("functions_ended", "functions ended"),
                                                   ("departed", "left")))
            during = f"; in post during {', '.join(d.label for d in p.in_post_during)}" if p.in_post_during else ""
            where = f"{mission.kind.value.replace('_', ' ')} of {self.states.get(mission.sending_state)} in " \
                    f"{mission.city or self.states.get(mission.receiving_state)}"
            return f"{person.name}, {role}, {where}: {dates}{during}.", p.sources, p.note
        if kind == "act":
            a = case.find("acts", ident)
            official = {True: "performed in the exercise of functions", False: "not performed in the exercise of "
                        "functions", None: "whether performed in the exercise of functions is not established"}[a.official]
            when = f" ({a.when.label})" if a.when else ""
            return f"{a.description}{when}: {official}.", a.sources, a.note
        if kind == "person":
            p = case.find("persons", ident)
            nat = ", ".join(self.states.get(n, n) for n in p.nationalities) if p.nationalities is not None else "not reported"
            return f"{p.name}: nationality {nat}.", p.sources, p.note
        if kind == "mission":
            mi = case.find("missions", ident)
            return (f"The {mi.kind.value.replace('_', ' ')} of {self.states.get(mi.sending_state)} in "
                    f"{mi.city or self.states.get(mi.receiving_state)}.", mi.sources, mi.note)
        if kind == "request":
            r = case.find("requests", ident)
            asked = f"{self.states.get(r.from_, r.from_)} asked {self.states.get(r.to, r.to)}"
            when = f" ({r.date.label})" if r.date else ""
            text = f"{asked}{when}: {r.purpose or r.kind.value}."
            sources = list(r.sources)
            if r.response:
                resp = r.response
                express = {True: ", expressly", False: ", not expressly", None: ""}[resp.express]
                at = f" ({resp.date.label})" if resp.date else ""
                text += f" Answer: {resp.outcome.value}{at} by {resp.by or r.to}{express}."
                sources += [s for s in resp.sources if s not in sources]
            return text, sources, r.note
        if kind == "concerns":
            request, _, target = rest.partition("/")
            return f"Request {request} concerns {target}.", [], None
        if kind == "proceeding":
            p = case.find("proceedings", ident)
            when = p.date.label if p.date else "date not reported"
            court = f", {p.court}" if p.court else ""
            return f"{p.kind.value.replace('_', ' ')} in {self.states.get(p.state)}{court} ({when}).", p.sources, p.note
        if kind == "offence":
            if ident == "none":
                _, act, state = rest.split("/")
                return f"The case file gives no offence under the law of {self.states.get(state, state)} for {act}.", [], None
            o = case.find("offences", ident)
            top = f"up to {o.max_penalty_months} months" if o.max_penalty_months is not None else "maximum not reported"
            return f"{o.law} ({o.name}), {top}; {o.certainty.value}.", o.sources, o.note
        if kind == "entry":
            e = case.find("entries", ident)
            return f"Agents of {self.states.get(e.by)} entered ({e.area.value.replace('_', ' ')}).", e.sources, e.note
        if kind == "whereabouts":
            if ident == "none":
                _, person, state = rest.split("/")
                who = case.find("persons", person)
                return (f"The case file reports no stay of {who.name if who else person} in "
                        f"{self.states.get(state, state)} covering this day.", [], None)
            w = case.find("whereabouts", ident)
            who = case.find("persons", w.person)
            until = f"until {w.until.label}" if w.until else "no end reported"
            return f"{who.name} in {self.states.get(w.state, w.state)}: from {w.from_.label}, {until}.", w.sources, w.note
        if kind == "treaty" and rest.startswith("none/"):
            pair = rest.rsplit("/", 1)[-1].split("-")
            return (f"No extradition treaty between {self.states.get(pair[0], pair[0])} and "
                    f"{self.states.get(pair[1], pair[1])} is recorded (rules/treaties).", [], None)
        if kind == "treaty":
            if "#" in rest:
                return f"{fact.get('cite', rest)} ({fact.get('certainty', '')}).", [], None
            return f"{fact.get('short', rest)}, in force {fact.get('in_force_label', 'date not given')}.", [], None
        return key, [], None
