"""Teaching exercises: a learner predicts what applies, the engine checks and explains.

An exercise states the facts of a case (or of a variant with a fact changed) and asks one
contract question about one subject on one day. The correct answer is never written down:
it is computed by the engine when the exercise is made, so an exercise can never disagree
with the rules it teaches, and breaking a rule changes the answers a bank expects.

Exercises come from a bank (a YAML file, validated like a case file, errors naming the file
and the field) or are generated from a case, at random but reproducibly from a seed: at the
basic level definite answers on the case as reported; at the advanced level chained answers,
open answers (unknown or uncertain) and variants in which one changed fact reverses the
answer (the single changes are proposed by engine.whynot). Nothing here prints.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator

from engine.answer import QUESTIONS, Conclusion
from engine.dates import FuzzyDate, Precision, parse_day
from engine.evaluation import Evaluation, evaluate, rule_index
from engine.explain import FactDescriptions
from engine.facts import act_label, mission_name
from engine.loading import SHIPPED_CASES, CaseFileError, LoadedCase, describe, load_case, read_data, shipped_cases
from engine.model import Case
from engine.render import Names, verdict
from engine.whatif import ChangeError, apply_patch, apply_set, parse_case

# ---------------------------------------------------------------------------------------
# The bank file
# ---------------------------------------------------------------------------------------

Day = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$")]
Assignment = Annotated[str, StringConstraints(pattern=r"^[^=\s]+=.*$")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class BankItem(Strict):
    """One exercise: a question about a subject, on a day, in a case (optionally changed)."""

    case: str = Field(description="a shipped case by name (kim, consular, embassy, ...) or a case file path relative to the bank")
    patch: Union[dict[str, Any], str, None] = Field(
        None, description="a partial case file merged in by id (as `what-if --patch`), inline or a file path")
    changes: list[Assignment] = Field(
        default_factory=list, alias="set",
        description="changes of fact as `what-if --set` takes them: PATH=VALUE, e.g. acts.assault-2017.official=true")
    date: Day = Field(description="the day asked, YYYY-MM-DD")
    question: str = Field(description="a contract question", json_schema_extra={"enum": list(QUESTIONS)})
    subject: dict[str, str] = Field(
        description="the subject as in the --json contract, e.g. {person: kim, state: NZL, act: assault-2017}; "
                    "it must pick exactly one of the engine's answers")
    prompt: Optional[str] = Field(None, description="the question in plain words (default: generated)")
    hint: Optional[str] = None
    teaching_note: Optional[str] = Field(None, description="shown with the engine's answer")

    @field_validator("question")
    @classmethod
    def _known_question(cls, value: str) -> str:
        if value not in QUESTIONS:
            raise ValueError(f"expected a contract question ({', '.join(QUESTIONS)})")
        return value

    @field_validator("date")
    @classmethod
    def _real_day(cls, value: str) -> str:
        try:
            parse_day(value)
        except ValueError:
            raise ValueError("expected a day that exists, as YYYY-MM-DD") from None
        return value


class Bank(Strict):
    """A bank of exercises (`immunity exercise --bank FILE`)."""

    title: Optional[str] = None
    description: Optional[str] = None
    items: list[BankItem] = Field(min_length=1)


def _problem(error: dict) -> str:
    text = describe(error)
    if error["type"] == "extra_forbidden":  # describe() speaks of case files
        return text.split(":")[0] + ": unknown field (not part of the exercise-bank model; see " \
                                    "`immunity schema --output bank`)"
    if error["type"] == "value_error":
        text = text.replace("Value error, ", "")
    if error["type"] == "too_short":
        text = text.split(":")[0] + ": expected at least one exercise"
    if error["type"] == "string_pattern_mismatch":
        path = text.split(":")[0]
        expected = "a day as YYYY-MM-DD" if path.endswith("date") else "PATH=VALUE"
        text = f"{path}: expected {expected} (got {error.get('input')!r})"
    return text


def parse_bank(data: Any, file: str | Path) -> Bank:
    if data is None:
        raise CaseFileError(file, ["the file is empty; expected an exercise bank (see `immunity schema --output bank`)"])
    if not isinstance(data, dict):
        raise CaseFileError(file, [f"(top level): expected a mapping with `items`, got {type(data).__name__}"])
    try:
        return Bank.model_validate(data)
    except ValidationError as exc:
        raise CaseFileError(file, [_problem(e) for e in exc.errors()]) from None


# ---------------------------------------------------------------------------------------
# An exercise, with the engine's answer
# ---------------------------------------------------------------------------------------

_WORDS = {"y": "yes", "yes": "yes", "n": "no", "no": "no", "d": "depends", "depends": "depends",
          "it depends": "depends", "unknown": "depends", "uncertain": "depends"}


def read_answer(text: str) -> Optional[str]:
    """yes, no or depends from what a learner typed (y/n/d or the words); None if it is none."""
    return _WORDS.get(" ".join(text.strip().lower().rstrip(".!").split()))


def expected_answer(holds: Optional[bool]) -> str:
    """The learner's word for an answer: unknown and uncertain both mean 'it depends'."""
    return {True: "yes", False: "no"}.get(holds, "depends")


@dataclass(frozen=True)
class Exercise:
    case_name: str  # shipped name or file
    case_title: str
    day: dt.date
    question: str
    subject: dict[str, str]  # the answer's whole subject
    facts: tuple[str, ...]  # the facts that matter, in words
    changes: tuple[str, ...]  # the changed facts, in words (empty: the case as reported)
    prompt: str
    answer: Conclusion  # computed by the engine
    as_reported: Optional[Conclusion] = None  # a variant's answer without the change
    unverified: tuple[str, ...] = ()  # law not verified the answer rests on, in words
    sets: tuple[str, ...] = ()
    patched: bool = False
    hint: Optional[str] = None
    teaching_note: Optional[str] = None

    @property
    def expected(self) -> str:
        return expected_answer(self.answer.holds)

    @property
    def verdict(self) -> str:
        """yes, no, uncertain or unknown."""
        return verdict(self.answer).lower()

    def as_reported_verdict(self) -> Optional[str]:
        """For a variant: the answer in the case as reported (YES, NO, UNKNOWN, UNCERTAIN)."""
        return verdict(self.as_reported) if self.as_reported is not None else None

    def is_right(self, given: str) -> bool:
        return given == self.expected

    def key(self) -> dict:
        """The answer key's entry (the teacher's copy)."""
        a = self.answer
        return {"case": self.case_name, "date": self.day.isoformat(), "question": self.question,
                "subject": self.subject, "set": list(self.sets), "patched": self.patched,
                "facts": list(self.facts), "changes": list(self.changes), "prompt": self.prompt,
                "holds": a.holds, "verdict": self.verdict, "expected": self.expected, "rule": a.rule,
                "cites": a.cites, "sources": a.sources, "text": a.text, "window": a.window,
                "unverified": list(self.unverified),
                "as_reported": None if self.as_reported is None else verdict(self.as_reported).lower(),
                "hint": self.hint, "teaching_note": self.teaching_note}


@dataclass
class Score:
    right: int = 0
    asked: int = 0

    def record(self, right: bool) -> None:
        self.asked += 1
        self.right += int(right)

    def __str__(self) -> str:
        return f"{self.right} of {self.asked}"


# ---------------------------------------------------------------------------------------
# Words: the question, the facts and the changes, with names, never ids
# ---------------------------------------------------------------------------------------

# One plain-words question per contract question; {placeholders} are filled by `prompt_for`.
PROMPTS = {
    "criminal_immunity": "On {date}, is {person} immune from {state}'s criminal jurisdiction for {act}?",
    "civil_immunity": "On {date}, is {person} immune from {state}'s civil and administrative jurisdiction for {act}?",
    "personal_inviolability": "On {date}, is {person} inviolable in {state}, that is, protected from arrest and "
                              "detention there?",
    "residual_immunity": "On {date}, would {person}'s immunity in {state} for {act} survive the end of the "
                         "functions there?",
    "prosecutable": "On {date}, may {state}'s courts try {person} for {act}?",
    "present_in_territory": "On {date}, is {person} present in {state}?",
    "must_give_evidence": "On {date}, may {person} be compelled to give evidence as a witness in {state}?",
    "must_respect_laws": "On {date}, is {person} under a duty to respect the laws of {state}?",
    "sending_state_jurisdiction": "On {date}, does {state}, the State that sent {person}, have jurisdiction "
                                  "over {act}?",
    "premises_inviolable": "On {date}, are the premises of {mission} inviolable?",
    "archives_inviolable": "On {date}, are the archives and documents of {mission} inviolable?",
    "entry_permitted": "On {date}, is it lawful for {entrant} to enter {place}{purpose}?",
    "waiver_effective": "On {date}, has {requested_of} validly waived immunity in answer to {request}?",
    "extraditable_offence": "On {date}, would {act} amount to an extraditable offence, for extradition from "
                            "{requested} to {requesting}?",
    "extraditable_person": "On {date}, may {person} be extradited to {requesting}, as a person accused of an "
                           "extradition offence?",
    "extradition_refusable": "On {date}, may {requested} refuse to extradite {person} to {requesting}?",
    "must_submit_for_prosecution": "On {date}, if {requested} refuses to extradite {person} to {requesting}, "
                                   "must it submit the case to its own authorities for prosecution?",
    "available_action": "On {date}, may {state} {action}?",
}

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
CATEGORY = {
    "diplomatic_agent": "a diplomatic agent", "administrative_technical": "a member of the administrative and "
    "technical staff", "service_staff": "a member of the service staff", "private_servant": "a private servant",
    "family_member": "a member of the family of a member of the mission, forming part of his household",
    "consular_officer": "a consular officer", "consular_employee": "a consular employee",
}
AREA = {"work_area": "the part of the premises of {m} used exclusively for its work",
        "other_part": "a part of the premises of {m} not used exclusively for its work",
        "residence": "a residence of a member of {m}"}
MATTER = {"immovable_property": "a real action on private immovable property in the receiving State",
          "succession": "a succession in which he is involved as a private person",
          "professional_or_commercial": "a professional or commercial activity outside his official functions"}
OFFICIAL = {True: "performed in the exercise of functions", False: "not performed in the exercise of functions",
            None: "whether performed in the exercise of functions is not established"}
VALUE_WORDS = {
    "official": {True: "performed in the exercise of functions", False: "not performed in the exercise of "
                 "functions", None: "not established"},
    "express": {True: "express", False: "not express", None: "not reported"},
    "in_writing": {True: "in writing", False: "not in writing", None: "not reported"},
    "closed": {None: "not closed"}, "emergency": {None: "no fire or disaster"},
    "civil_matter": {None: "none of the matters of VCDR art. 31(1)(a)-(c)"}, "consent_by": {None: "no one consented"},
}
OUTCOME = {"granted": "granted", "declined": "declined", "pending": "has not answered",
           "conditional": "agreed on conditions to"}


def day_words(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def on(date: Optional[FuzzyDate]) -> str:
    """'on 14 February 2018', 'in February 2018', 'in 2018'."""
    if date is None:
        return "(date not reported)"
    return f"on {date.label}" if date.precision is Precision.day else f"in {date.label}"


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def and_join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def alias(item: Any, fallback: str) -> str:
    """The short name a case file gives an item (`aliases`), if it gives one."""
    names = getattr(item, "aliases", None)
    return names[0] if names else fallback


class Words:
    """The case's facts said in words for a learner: names for ids, dates as people say them."""

    def __init__(self, case: Case):
        self.case = case
        self.names = Names(case)
        self.states = self.names.states

    def party(self, ident: Optional[str]) -> str:
        return self.states.get(ident) or self.names.persons.get(ident) or (ident or "not reported")

    def mission(self, ident: str) -> str:
        mi = self.case.find("missions", ident)
        return mission_name(mi, self.states) if mi else ident

    def act(self, ident: str) -> str:
        a = self.case.find("acts", ident)
        return alias(a, act_label(a)) if a else ident

    def request(self, ident: str, dated: bool = True) -> str:
        r = self.case.find("requests", ident)
        if r is None:
            return ident
        when = f" {on(r.date)}" if dated and r.date else ""
        purpose = f", {r.purpose}" if r.purpose else ""
        return f"the request {self.party(r.from_)} made to {self.party(r.to)}{when}{purpose}"

    # -- the question -----------------------------------------------------------------
    def prompt(self, question: str, subject: dict[str, str], day: dt.date) -> str:
        s = subject
        filled = {"date": day_words(day), "person": self.names.persons.get(s.get("person"), s.get("person", "")),
                  "act": self.act(s["act"]) if "act" in s else "",
                  "mission": self.mission(s["mission"]) if "mission" in s else "",
                  "action": self.names.humanise(s.get("action", "")).replace("s's ", "s' ")}
        for key in ("state", "requesting", "requested"):
            filled[key] = self.party(s.get(key)) if key in s else ""
        if question == "entry_permitted":
            filled.update(self._entry(s))
        if question == "waiver_effective":
            r = self.case.find("requests", s["request"])
            filled.update(requested_of=self.party(r.response.by if r.response and r.response.by else r.to),
                          request=self.request(s["request"]))
        if question == "available_action" and "act" in s:
            filled["action"] += f", for {filled['act']}"
        text = PROMPTS[question].format(**filled)
        return text.replace("s's ", "s' ")

    def _entry(self, s: dict[str, str]) -> dict[str, str]:
        mi = self.case.find("missions", s["mission"])
        name = self.mission(s["mission"])
        if "entry" in s:
            e = self.case.find("entries", s["entry"])
            purpose = f" ({e.purpose})" if e.purpose else ""
            return {"entrant": f"{self.party(e.by)}'s agents", "place": AREA[e.area.value].format(m=name),
                    "purpose": f", as they did {on(e.date)}{purpose}"}
        return {"entrant": f"{self.party(mi.receiving_state)}'s agents", "place": name,
                "purpose": f" for the purpose of {self.request(s['request'])}"}

    # -- the facts --------------------------------------------------------------------
    def fact(self, key: str, evaluation: Optional[Evaluation] = None) -> Optional[str]:
        """A case-file fact in one sentence; None for facts a learner need not be told (treaty
        terms, which are law, and the internal links between facts)."""
        kind, _, rest = key.partition(":")
        if kind == "treaty":
            if "#" in rest or evaluation is None:
                return None
            return FactDescriptions(self.case).describe(key, evaluation.inputs.get(key, {}))[0]
        collection, say = self._SAY.get(kind, (None, None))
        item = self.case.find(collection, rest.split("#")[0].split("/")[0]) if collection else None
        return capitalised(say(self, item)) if item is not None else None

    def _person(self, p) -> str:
        nat = (f"a national of {and_join([self.party(n) for n in p.nationalities])}" if p.nationalities
               else "nationality not reported" if p.nationalities is None else "no nationality reported")
        res = p.permanent_resident_of
        res = ("permanent residence not reported" if res is None else "not a permanent resident of any State"
               if not res else f"a permanent resident of {and_join([self.party(x) for x in res])}")
        return f"{p.name}: {nat}; {res}."

    def _posting(self, po) -> str:
        category = CATEGORY[po.category.value] if po.category else "category of staff not reported"
        if po.category and po.category.value == "family_member":  # whose household (VCDR art. 37)
            head = self.case.household(po)
            category = (f"a member of {self.names.persons[head.person]}'s family, forming part of his household"
                        if head else "a member of the family of a member of the mission (whose, not reported)")
        title = f"{po.title}, " if po.title else ""
        dates = "; ".join(f"{label} {getattr(po, name).label if getattr(po, name) else 'not reported'}"
                          for name, label in (("arrived", "arrived"), ("functions_ended", "functions ended"),
                                              ("departed", "left for good")))
        during = f"; reported in post in {', '.join(d.label for d in po.in_post_during)}" if po.in_post_during else ""
        return f"{self.names.persons[po.person]}, {title}{category}, at {self.mission(po.mission)}: {dates}{during}."

    def _act(self, a) -> str:
        at_mission = self.case.find("missions", a.place) is not None
        place = f", at {self.mission(a.place) if at_mission else a.place}"
        where = f" in {self.party(a.state)}" if a.state and not at_mission else ""
        matter = f"; a civil claim about it concerns {MATTER[a.civil_matter.value]}" if a.civil_matter else ""
        by = "involving" if a.civil_matter else "by"
        return f"{act_label(a)}, {by} {self.names.persons[a.person]}{place}{where}: {OFFICIAL[a.official]}{matter}."

    def _mission(self, mi) -> str:
        head = f", headed by {self.names.persons.get(mi.head, mi.head)}" if mi.head else ""
        closed = f"; closed (or relations broken off) {on(mi.closed)}" if mi.closed else ""
        return f"{self.mission(mi.id)}{head}{closed}."

    def _request(self, r) -> str:
        text = capitalised(f"{self.request(r.id)}.")
        if not r.response:
            return text + " No answer is reported."
        resp = r.response
        form = [w if v else f"not {w}" for w, v in (("expressly", resp.express), ("in writing", resp.in_writing))
                if v is not None]
        how = f" ({', '.join(form)})" if form else ""
        return text + f" {capitalised(self.party(resp.by or r.to))} {resp.outcome.value} it {on(resp.date)}{how}."

    def _entry_fact(self, e) -> str:
        why = f", to deal with a {e.emergency.value}" if e.emergency else ""
        consent = f"with the consent of {self.party(e.consent_by)}" if e.consent_by else "without anyone's consent"
        purpose = f" ({e.purpose})" if e.purpose else ""
        return (f"{on(e.date)}, agents of {self.party(e.by)} entered "
                f"{AREA[e.area.value].format(m=self.mission(e.mission))}{why}, {consent}{purpose}.")

    def _proceeding(self, p) -> str:
        court = f" ({p.court})" if p.court else ""
        status = f"; {p.status}" if p.status else ""
        return (f"{p.kind.value.replace('_', ' ')} against {self.names.persons[p.person]} in "
                f"{self.party(p.state)}{court}, {on(p.date)}{status}.")

    def _offence(self, o) -> str:
        top = f", up to {o.max_penalty_months} months' imprisonment" if o.max_penalty_months is not None else ""
        sure = f" ({o.certainty.value})" if o.certainty.value != "verified" else ""
        acts = and_join([self.act(x) for x in o.acts]) if o.acts else "the conduct"
        return f"under the law of {self.party(o.state)}, {acts} would be {o.name} ({o.law}){top}{sure}."

    def _whereabouts(self, w) -> str:
        until = f"until {w.until.label}" if w.until else "with no end reported"
        return f"{self.names.persons[w.person]} was in {self.party(w.state)} from {w.from_.label}, {until}."

    _SAY = {"person": ("persons", _person), "posting": ("postings", _posting), "act": ("acts", _act),
            "mission": ("missions", _mission), "request": ("requests", _request), "entry": ("entries", _entry_fact),
            "proceeding": ("proceedings", _proceeding), "offence": ("offences", _offence),
            "whereabouts": ("whereabouts", _whereabouts)}

    def facts(self, keys: list[str], evaluation: Optional[Evaluation] = None) -> tuple[str, ...]:
        order = ("person", "posting", "mission", "act", "request", "entry", "proceeding", "offence", "whereabouts",
                 "treaty")
        keys = sorted(dict.fromkeys(keys), key=lambda k: (order.index(k.split(":")[0]) if k.split(":")[0] in order
                                                           else len(order)))
        return tuple(dict.fromkeys(capitalised(t) for k in keys if (t := self.fact(k, evaluation))))

    # -- a change ---------------------------------------------------------------------
    def change(self, assignment: str, before: Case) -> str:
        """A `PATH=VALUE` change in words, with what the case as reported says."""
        path = assignment.partition("=")[0]
        collection, _, rest = path.partition(".")
        ident, _, field_path = rest.partition(".")
        fields = [f if f != "from" else "from_" for f in field_path.split(".")] if field_path else []
        new_item, old_item = self._item(self.case, collection, ident), self._item(before, collection, ident)
        if new_item is None or not fields:
            return f"The case file is changed: {assignment.partition('=')[2]}."
        new, old = _walk(new_item, fields), (_walk(old_item, fields) if old_item is not None else None)
        said = self._said(collection, new_item, fields[-1], new)
        if said is None:
            described = self.fact(f"{_singular(collection)}:{ident}")
            return f"Changed: {described}" if described else f"The case file is changed ({fields[-1]})."
        if old_item is None:
            return f"{capitalised(said)} (Not in the case as reported.)"
        return f"{capitalised(said)} (As reported: {self._value(fields[-1], old)}.)"

    @staticmethod
    def _item(case: Case, collection: str, ident: str):
        try:
            return case.find(collection, ident)
        except AttributeError:
            return None

    def _value(self, name: str, value: Any) -> str:
        """A field's value in a few words, for "As reported: ..."."""
        if name in VALUE_WORDS and value in VALUE_WORDS[name]:
            return VALUE_WORDS[name][value]
        if value is None:
            return "not reported"
        if isinstance(value, FuzzyDate):
            return value.label
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, list):
            listed = and_join([self.party(v) for v in value]) if value else ""
            return {"nationalities": f"a national of {listed}", "permanent_resident_of":
                    f"a permanent resident of {listed}"}.get(name, listed) if value else "none"
        raw = str(getattr(value, "value", value))
        if raw in CATEGORY or raw in MATTER:
            return CATEGORY.get(raw) or MATTER[raw]
        if raw in self.states or raw in self.names.persons:
            return self.party(raw)
        return raw.replace("_", " ")

    def _said(self, collection: str, item: Any, name: str, value: Any) -> Optional[str]:
        """The changed fact as a sentence, for the fields a teacher is likely to change."""
        raw = getattr(value, "value", value)
        if collection == "persons":
            who = item.name
            if name == "nationalities":
                return f"{who} is {self._value(name, value)}." if value else f"{who}'s nationality is not reported."
            if name == "permanent_resident_of":
                return (f"Whether {who} is a permanent resident of any State is not reported." if value is None else
                        f"{who} is not a permanent resident of any State." if not value else
                        f"{who} is {self._value(name, value)}.")
        if collection == "postings":
            who, where = self.names.persons[item.person], self.mission(item.mission)
            receiving = self.party(self.case.find("missions", item.mission).receiving_state)
            if name == "category":
                return f"{who} is {CATEGORY[raw]} at {where}." if raw else \
                    f"{who}'s category of staff at {where} is not reported."
            dated = {"arrived": f"{who} arrived in {receiving} to take up the post at {where}",
                     "functions_ended": f"{who}'s functions at {where} ended",
                     "departed": f"{who} left {receiving} for good (final departure)",
                     "notified": f"{who}'s appointment at {where} was notified"}
            unknown = {"arrived": f"When {who} arrived in {receiving} to take up the post at {where} is not reported.",
                       "functions_ended": f"When {who}'s functions at {where} ended is not reported.",
                       "departed": f"When {who} left {receiving} for good is not reported.",
                       "notified": f"When {who}'s appointment at {where} was notified is not reported."}
            if name in dated:
                return f"{dated[name]} {on(value)}." if value else unknown[name]
        if collection == "acts":
            what, who = self.act(item.id), self.names.persons[item.person]
            if name == "official":
                return {True: f"{capitalised(what)}: performed in the exercise of {who}'s functions.",
                        False: f"{capitalised(what)}: not performed in the exercise of {who}'s functions.",
                        None: f"Whether {what} was performed in the exercise of {who}'s functions is not "
                              "established."}[value]
            if name == "civil_matter":
                return f"A civil claim about {what} concerns {MATTER[raw]}." if raw else \
                    f"No civil claim about {what} concerns private immovable property, a succession or a " \
                    "private professional or commercial activity."
            if name == "when":
                return f"{capitalised(item.description)} took place {on(value)}." if value else \
                    f"When {item.description} took place is not reported."
        if collection == "missions" and name == "closed":
            where = capitalised(self.mission(item.id))
            return f"{where} was closed (or relations broken off) {on(value)}." if value else \
                f"{where} has not been closed."
        if collection == "requests":
            request = self.request(item.id)
            by = self.party(item.response.by or item.to) if item.response else self.party(item.to)
            if name == "outcome":
                return f"{capitalised(by)} {OUTCOME[raw]} {request}."
            if name in ("express", "in_writing"):
                what = "express" if name == "express" else "given in writing"
                return {True: f"The answer to {request} was {what}.",
                        False: f"The answer to {request} was not {what}.",
                        None: f"Whether the answer to {request} was {what} is not reported."}[value]
            if name == "date":
                return f"{capitalised(self.request(item.id, dated=False))} was made {on(value)}."
        if collection == "entries":
            when = f"the entry {on(item.date)} into {self.mission(item.mission)}"
            if name == "emergency":
                return f"{capitalised(when)} was made to deal with a {raw}." if raw else \
                    f"There was no fire or disaster at {when}."
            if name == "consent_by":
                return f"{capitalised(self.party(raw))} consented to {when}." if raw else f"No one consented to {when}."
            if name == "area":
                return f"{capitalised(when)} was into {AREA[raw].format(m=self.mission(item.mission))}."
        return None


def _walk(item: Any, fields: list[str]) -> Any:
    for name in fields:
        item = getattr(item, name, None) if item is not None else None
    return item


def unverified_words(c: Conclusion, words: Words, evaluation: Evaluation) -> tuple[str, ...]:
    """The law not verified that an answer rests on, said by its article (a rule) or in words (a
    treaty term or an offence), never by an id."""
    rules = rule_index()
    out = []
    for entry in c.unverified:
        if entry in rules:
            rule = rules[entry]
            out.append(f"{'; '.join(rule.cites)}: {rule.says}")
            continue
        key, _, certainty = entry.partition(" (")
        if key.startswith("treaty:"):
            said = FactDescriptions(words.case).describe(key, evaluation.inputs.get(key, {}))[0]
        else:
            said = words.fact(key) or "a fact of the case file"
        certainty = certainty.rstrip(")")
        said = said.rstrip(".")
        out.append(said if not certainty or said.endswith(f"({certainty})") else f"{said} ({certainty})")
    return tuple(dict.fromkeys(out))


# ---------------------------------------------------------------------------------------
# Making exercises
# ---------------------------------------------------------------------------------------

def case_path(name: str, base: Path) -> Path:
    """A shipped case by name (kim, consular, ...), or a case file (relative to `base`)."""
    return shipped_cases().get(name) or (base / name)


def subject_keys(c: Conclusion, case: Case) -> list[str]:
    keys = list(c.because)
    for kind, ident in c.subject.items():
        if kind in ("person", "act", "mission", "request", "entry"):
            keys.append(f"{kind}:{ident}")
    if "person" in c.subject:
        keys += [f"posting:{p.id}" for p in case.postings if p.person == c.subject["person"]
                 and (c.subject.get("state") is None or _receiving(case, p) == c.subject.get("state"))]
    return keys


def _receiving(case: Case, posting) -> Optional[str]:
    mi = case.find("missions", posting.mission)
    return mi.receiving_state if mi else None


def make_exercise(case_name: str, case: Case, day: dt.date, answer: Conclusion, evaluation: Evaluation, *,
                  before: Optional[Case] = None, as_reported: Optional[Conclusion] = None,
                  sets: tuple[str, ...] = (), patch: Optional[dict] = None, prompt: Optional[str] = None,
                  hint: Optional[str] = None, teaching_note: Optional[str] = None) -> Exercise:
    """An exercise on `answer`, the engine's answer for `case` (already changed, for a variant)."""
    words = Words(case)
    keys = subject_keys(answer, case) + (list(as_reported.because) if as_reported else [])
    keys += [_key_of(s) for s in sets if _key_of(s)]
    changes = []
    patched = [(col, item["id"]) for col, items in (patch or {}).items() if isinstance(items, list)
               for item in items if isinstance(item, dict) and item.get("id")]
    for collection, ident in patched:  # a patched item is stated once, as a change
        existed = before is not None and Words._item(before, collection, ident) is not None
        if said := words.fact(f"{_singular(collection)}:{ident}", evaluation):
            changes.append(f"{'Changed' if existed else 'Added'}: {said}")
    changes += [words.change(s, before) for s in sets] if before is not None else []
    shown = {f"{_singular(col)}:{ident}" for col, ident in patched}
    return Exercise(
        case_name=case_name, case_title=case.title, day=day, question=answer.question, subject=dict(answer.subject),
        facts=words.facts([k for k in keys if k not in shown], evaluation), changes=tuple(changes),
        prompt=prompt or words.prompt(answer.question, answer.subject, day), answer=answer,
        as_reported=as_reported, unverified=unverified_words(answer, words, evaluation), sets=tuple(sets),
        patched=bool(patch), hint=hint, teaching_note=teaching_note)


def _singular(collection: str) -> str:
    return {"entries": "entry", "persons": "person"}.get(collection, collection.rstrip("s"))


def _key_of(assignment: str) -> Optional[str]:
    parts = assignment.partition("=")[0].split(".")
    return f"{_singular(parts[0])}:{parts[1]}" if len(parts) > 1 else None


class _BankItemError(Exception):
    def __init__(self, where: str, message: str):
        super().__init__(message)
        self.where, self.message = where, message


def load_bank(path: str | Path) -> tuple[Bank, list[Exercise]]:
    """A bank and its exercises, each answered by the engine now; one CaseFileError naming the
    file and every item's problem otherwise."""
    path = Path(path)
    data, _ = read_data(path)
    bank = parse_bank(data, path)
    problems, exercises = [], []
    cache: dict[Path, tuple[LoadedCase, Any]] = {}
    for i, item in enumerate(bank.items):
        try:
            exercises.append(_from_item(item, path.parent, cache))
        except _BankItemError as exc:
            problems.append(f"items[{i}]{exc.where}: {exc.message}")
    if problems:
        raise CaseFileError(path, problems)
    return bank, exercises


def _from_item(item: BankItem, base: Path, cache: dict) -> Exercise:
    file = case_path(item.case, base)
    if file not in cache:
        try:
            loaded = load_case(file)
            cache[file] = (loaded, read_data(file)[0])
        except CaseFileError as exc:
            known = ", ".join(shipped_cases())
            raise _BankItemError(".case", f"expected a shipped case ({known}) or a case file relative to the "
                                          f"bank; {exc.message}") from None
    loaded, data = cache[file]
    case, patch = loaded.case, item.patch
    if isinstance(patch, str):
        try:
            patch = read_data(case_path(patch, base))[0]
        except CaseFileError as exc:
            raise _BankItemError(".patch", exc.message) from None
    if patch is not None or item.changes:
        try:
            changed = apply_patch(data, patch) if patch is not None else data
        except ChangeError as exc:
            raise _BankItemError(".patch", str(exc)) from None
        for j, assignment in enumerate(item.changes):
            try:
                changed = apply_set(changed, assignment)
            except ChangeError as exc:
                raise _BankItemError(f".set[{j}]", str(exc)) from None
        try:
            case = parse_case(changed, f"{file} (as changed)")
        except CaseFileError as exc:
            raise _BankItemError(".set" if item.changes else ".patch",
                                 f"the changed case is not a valid case file: {exc.message}") from None
    day = parse_day(item.date)
    evaluation = evaluate(case, day)
    found = evaluation.answer.find(item.question, **item.subject)
    if len(found) != 1:
        others = [c.subject for c in evaluation.answer.conclusions if c.question == item.question]
        said = f"{item.question} for {_subject_text(item.subject)} on {item.date}"
        if not found:
            listed = "; ".join(_subject_text(s) for s in others) or "no subject at all"
            raise _BankItemError(".subject", f"expected a subject the engine answers; it gives no answer to "
                                             f"{said} (it answers {item.question} for: {listed})")
        raise _BankItemError(".subject", f"expected one answer; {said} matches {len(found)} "
                                         f"({'; '.join(_subject_text(c.subject) for c in found)}): add keys to pick one")
    as_reported = None
    if case is not loaded.case:
        as_reported = next((c for c in evaluate(loaded.case, day).answer.conclusions if c.id == found[0].id), None)
    return make_exercise(item.case, case, day, found[0], evaluation, before=loaded.case,
                         as_reported=as_reported, sets=tuple(item.changes),
                         patch=patch if isinstance(patch, dict) else None, prompt=item.prompt, hint=item.hint,
                         teaching_note=item.teaching_note)


def _subject_text(subject: dict) -> str:
    return "{" + ", ".join(f"{k}: {v}" for k, v in subject.items()) + "}"


# -- generated exercises ----------------------------------------------------------------

LEVELS = ("basic", "advanced")
# Answers that chain on other answers (a trial on immunity, an action on a protection): advanced.
CHAINED = ("prosecutable", "available_action", "must_submit_for_prosecution", "extradition_refusable",
           "extraditable_person")
# The facts a variant may change: those a lawyer would argue about, said in words by Words.change.
TEACHABLE = {"nationalities", "permanent_resident_of", "category", "arrived", "functions_ended", "departed",
             "official", "civil_matter", "closed", "outcome", "express", "in_writing", "emergency", "area",
             "consent_by"}
CONSULAR = {"consular_officer", "consular_employee"}
DATES = {"arrived", "functions_ended", "departed", "closed", "notified", "date", "when"}
VARIANT_TRIES = 6


@dataclass
class _Pool:
    """Candidate answers, each once per (answer, verdict), with the days it is given on."""

    days: dict[tuple, list[dt.date]] = field(default_factory=dict)
    answers: dict[tuple, Conclusion] = field(default_factory=dict)

    def add(self, day: dt.date, c: Conclusion) -> None:
        key = (c.id, verdict(c))
        self.days.setdefault(key, []).append(day)
        self.answers.setdefault(key, c)

    def take(self, rng: random.Random, used: dict[str, int]) -> Optional[tuple[dt.date, Conclusion]]:
        """One answer, from the question least asked so far; None when the pool is empty."""
        if not self.days:
            return None
        questions = sorted({self.answers[k].question for k in self.days}, key=QUESTIONS.index)
        least = min(used.get(q, 0) for q in questions)
        question = rng.choice([q for q in questions if used.get(q, 0) == least])
        key = rng.choice(sorted(k for k in self.days if self.answers[k].question == question))
        day = rng.choice(self.days.pop(key))
        used[question] = used.get(question, 0) + 1
        return day, self.answers.pop(key)


def generate(loaded: LoadedCase, rounds: int, seed: int, level: str = "basic",
             day: Optional[dt.date] = None) -> list[Exercise]:
    """`rounds` exercises on a case; the same seed always gives the same exercises."""
    from engine.timeline import checkpoints

    rng = random.Random(seed)
    name = Path(loaded.path).stem if Path(loaded.path).parent == SHIPPED_CASES else loaded.path
    days = [day] if day else checkpoints(loaded.case)
    evaluations = {d: evaluate(loaded.case, d) for d in days}

    def pool(keep) -> _Pool:
        p = _Pool()
        for d in days:
            for c in evaluations[d].answer.conclusions:
                if keep(c):
                    p.add(d, c)
        return p

    def exercise(picked) -> Exercise:
        d, c = picked
        return make_exercise(name, loaded.case, d, c, evaluations[d])

    used: dict[str, int] = {}
    if level == "basic":
        definite = lambda c: c.holds is not None and c.question not in CHAINED  # noqa: E731
        return _rounds(rounds, lambda: pool(definite), lambda p: p.take(rng, used), exercise)
    pools = {"chained": pool(lambda c: c.question in CHAINED), "open": pool(lambda c: c.holds is None)}
    targets = pool(lambda c: c.holds is not None and c.question != "available_action")
    data = read_data(Path(loaded.path))[0]
    out: list[Exercise] = []
    kinds: list[str] = []
    while len(out) < rounds:
        if not kinds:
            kinds = rng.sample(["chained", "open", "variant"], 3)
        kind = kinds.pop(0)
        made = None
        if kind == "variant":
            made = _variant(name, loaded, data, targets, rng, used)
        elif (picked := pools[kind].take(rng, used)) is not None:
            made = exercise(picked)
        if made is not None:
            out.append(made)
        elif not any(p.days for p in pools.values()) and not targets.days:
            if not out:
                break
            pools = {"chained": pool(lambda c: c.question in CHAINED), "open": pool(lambda c: c.holds is None)}
            targets = pool(lambda c: c.holds is not None and c.question != "available_action")
    return out


def _rounds(rounds: int, fresh, take, exercise) -> list[Exercise]:
    """`rounds` picks, refilling the pool when it runs dry (fewer answers than rounds)."""
    out: list[Exercise] = []
    p = fresh()
    while len(out) < rounds:
        picked = take(p)
        if picked is None:
            if not out:
                break
            p = fresh()
            continue
        out.append(exercise(picked))
    return out


def _variant(name: str, loaded: LoadedCase, data: Any, targets: _Pool, rng: random.Random,
             used: dict[str, int]) -> Optional[Exercise]:
    """A variant in which one changed fact reverses a definite answer (or, failing any, opens it)."""
    from engine.whynot import candidates

    fallback = None
    for _ in range(VARIANT_TRIES):
        picked = targets.take(rng, used)
        if picked is None:
            break
        day, target = picked
        reversing, opening = [], []
        for change in dict.fromkeys(candidates(loaded.case, target, day)):
            if not _teachable(loaded.case, change):
                continue
            try:
                case = parse_case(apply_set(data, change), "variant")
            except (ChangeError, CaseFileError):
                continue
            evaluation = evaluate(case, day)
            after = next((c for c in evaluation.answer.conclusions if c.id == target.id), None)
            if after is None or after.holds == target.holds:
                continue
            (reversing if after.holds is not None else opening).append((change, case, after, evaluation))
        found = reversing or opening
        if found:  # a change of character or status teaches more than a date moved by a day
            found = [f for f in found if f[0].partition("=")[0].split(".")[-1] not in DATES] or found
            change, case, after, evaluation = rng.choice(found)
            made = make_exercise(name, case, day, after, evaluation, before=loaded.case, as_reported=target,
                                 sets=(change,))
            if reversing:
                return made
            fallback = fallback or made
    return fallback


def _teachable(case: Case, change: str) -> bool:
    path, _, value = change.partition("=")
    parts = path.split(".")
    if parts[-1] not in TEACHABLE:
        return False
    if parts[0] == "postings" and parts[-1] == "category" and value != "null":
        posting = case.find("postings", parts[1])
        mission = case.find("missions", posting.mission) if posting else None
        consular = mission is not None and mission.kind.value == "consular_post"
        return (value in CONSULAR) == consular
    return True


def answer_key(exercises: list[Exercise]) -> str:
    """The teacher's answer key as JSON (the `exercise-key` shape of engine/outputs.py)."""
    from engine.evaluation import engine_version
    from engine.outputs import ExerciseKey, emit

    cases = {e.case_name for e in exercises}
    return emit(ExerciseKey(engine=engine_version(), case=cases.pop() if len(cases) == 1 else None,
                            exercises=[dict(number=i, **e.key()) for i, e in enumerate(exercises, 1)]))


def parse_answers(text: str, count: int) -> list[str]:
    """`--answers yes,no,depends`: one answer per exercise, in order (fewer: the rest unasked)."""
    given = [part for part in (p.strip() for p in text.split(",")) if part]
    out = []
    for i, word in enumerate(given, 1):
        answer = read_answer(word)
        if answer is None:
            raise ValueError(f"answer {i}: expected yes, no or depends (or y, n, d), got {word!r}")
        out.append(answer)
    if len(out) > count:
        raise ValueError(f"{len(out)} answers for {count} exercises")
    return out

