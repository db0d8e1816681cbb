"""Then: claims about the answer, in words, and what "the answer" rests on.

A claim is a sentence from CLAIMS: each names a contract question, the words that say it
holds, and the words that say it does not. "whether <claim> is unknown" (or "uncertain")
says the engine could not decide. The names inside a claim are resolved by the case file's
glossary (ids, names, aliases); where the words fit several sentences, the first whose names
all resolve is the claim. The conclusion a claim checks becomes "the answer" for the steps
after it ("the answer cites VCDR art. 39(2)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from pytest_bdd import parsers, then
from pytest_bdd.parsers import StepParser

from engine.answer import Answer, Conclusion
from engine.evaluation import rule_index
from engine.glossary import UnknownName
from engine.treaties import load_treaties
from scenario_steps.story import DAY, day_of, names_in, the_story

# Which kind of thing each placeholder names, and the subject key it fills.
SLOTS = {"person": "person", "state": "state", "act": "act", "mission": "mission", "request": "request",
         "entry": "entry", "requesting": "state", "requested": "state", "action": None, "agents": "state"}
# Slots whose names are checked but are not part of the answer's subject: the agents who would
# enter a mission are always the receiving State's.
CHECKED_ONLY = {"agents"}


@dataclass(frozen=True)
class Claim:
    question: str
    says_yes: tuple[str, ...]
    says_no: tuple[str, ...]


CLAIMS = (
    Claim("criminal_immunity",
          ("{person} is immune from {state}'s criminal jurisdiction for {act}",
           "{person}'s immunity from {state}'s criminal jurisdiction for {act} is in force"),
          ("{person} is not immune from {state}'s criminal jurisdiction for {act}",
           "{person}'s immunity from {state}'s criminal jurisdiction for {act} is lapsed")),
    Claim("civil_immunity",
          ("{person} is immune from {state}'s civil and administrative jurisdiction for {act}",),
          ("{person} is not immune from {state}'s civil and administrative jurisdiction for {act}",)),
    Claim("personal_inviolability", ("{person} is inviolable in {state}",), ("{person} is not inviolable in {state}",)),
    Claim("residual_immunity",
          ("immunity for {act} survives the end of {person}'s functions in {state}",),
          ("immunity for {act} does not survive the end of {person}'s functions in {state}",)),
    Claim("prosecutable", ("{state}'s courts may try {act}",), ("{state}'s courts may not try {act}",)),
    Claim("present_in_territory", ("{person} is present in {state}",), ("{person} is not present in {state}",)),
    Claim("must_give_evidence", ("{person} may be compelled to give evidence in {state}",),
          ("{person} may not be compelled to give evidence in {state}",)),
    Claim("must_respect_laws", ("{person} is bound to respect {state}'s laws",),
          ("{person} is not bound to respect {state}'s laws",)),
    Claim("sending_state_jurisdiction", ("{state} has jurisdiction over {person} for {act}",),
          ("{state} does not have jurisdiction over {person} for {act}",)),
    Claim("premises_inviolable", ("the premises of {mission} are inviolable",),
          ("the premises of {mission} are not inviolable",)),
    Claim("archives_inviolable", ("the archives and documents of {mission} are inviolable",),
          ("the archives and documents of {mission} are not inviolable",)),
    Claim("entry_permitted", ("{agents}'s police may enter {mission} on the strength of {request}",
                              "{entry} was permitted"),
          ("{agents}'s police may not enter {mission} on the strength of {request}", "{entry} was not permitted")),
    Claim("waiver_effective", ("{request} produced a valid waiver of immunity",),
          ("{request} did not produce a valid waiver of immunity",)),
    Claim("extraditable_offence", ("{act} (?:is|are) an extraditable offence from {requested} to {requesting}",),
          ("{act} (?:is|are) not an extraditable offence from {requested} to {requesting}",)),
    Claim("extraditable_person", ("{person} is an extraditable person for {requesting}",),
          ("{person} is not an extraditable person for {requesting}",)),
    Claim("extradition_refusable", ("{requested} may refuse to extradite {person} to {requesting}",),
          ("{requested} may not refuse to extradite {person} to {requesting}",)),
    Claim("must_submit_for_prosecution",
          ("{requested} must submit the case for prosecution if it refuses to extradite {person} to {requesting}",),
          ("{requested} need not submit the case for prosecution if it refuses to extradite {person} to {requesting}",)),
    # last: "X may <anything>" would otherwise swallow the sentences above
    Claim("available_action", ("{state} may {action}",), ("{state} may not {action}",)),
)


def _pattern(sentence: str) -> re.Pattern:
    text = sentence.replace("'s ", "{OF} ")
    for slot in SLOTS:
        # "X may not <action>" must not read as "X may <action>" with the action "not ..."
        name = r"(?!not )[^\"]+?" if slot == "action" else r"[^\"]+?"
        text = text.replace(f"{{{slot}}}", f"(?P<{slot}>{name})")
    return re.compile(text.replace("{OF}", "(?:'s|')"))


# (pattern, question, verdict): verdict True / False for the sentences that say yes / no.
SENTENCES = [(_pattern(s), claim.question, verdict)
             for claim in CLAIMS for verdict, group in ((True, claim.says_yes), (False, claim.says_no))
             for s in group]


def readings(words: str):
    """Every (question, verdict, slots) a sentence can be read as, in CLAIMS order."""
    for pattern, question, verdict in SENTENCES:
        match = pattern.fullmatch(words)
        if match:
            yield question, verdict, match.groupdict()


class ClaimParser(StepParser):
    """Matches a claim sentence (or `whether <claim> is unknown|uncertain`); the step reads it."""

    OPEN = re.compile(r"whether (?P<claim>.+) is (?P<openness>unknown|uncertain)")
    # sentences about something else that a loose reading could take for a claim
    NOT_CLAIMS = re.compile(r"(?:whether|nothing in the answer|the answer|the case file|the question) ")

    def __init__(self, open_question: bool):
        super().__init__("a claim about the answer" + (" left open" if open_question else ""))
        self.open_question = open_question

    # or a state of affairs: "Kim's immunity from ... for ... is uncertain" (said yes as "... is in force")
    OPEN_STATE = re.compile(r"(?P<claim>.+) is (?P<openness>unknown|uncertain)")

    def _split(self, name: str):
        if self.open_question:
            found = self.OPEN.fullmatch(name)
            if found:
                return found["claim"], found["openness"]
            found = self.OPEN_STATE.fullmatch(name)
            return (f"{found['claim']} is in force", found["openness"]) if found else None
        return None if self.NOT_CLAIMS.match(name) else (name, None)

    def is_matching(self, name: str) -> bool:
        split = self._split(name)
        # an open question is asked in the words that say yes: "whether Kim is immune ..."
        return bool(split) and any(verdict or not self.open_question for _, verdict, _ in readings(split[0]))

    def parse_arguments(self, name: str) -> dict:
        claim, openness = self._split(name)
        return {"claim": claim, "openness": openness}


def subject_of(slots: dict, story) -> dict:
    """Resolve a reading's names into an answer's subject (a name that resolves to nothing
    raises UnknownName)."""
    glossary = the_story(story).glossary
    subject = {}
    for slot, words in slots.items():
        if slot == "action":
            action, _, act = words.partition(", for ")
            subject["action"] = glossary.with_ids(action, "state", "person", "mission")
            if act:
                subject["act"] = glossary.id_of(act, "act")
            continue
        ident = glossary.id_of(words, SLOTS[slot])
        if slot not in CHECKED_ONLY:
            subject[slot] = ident
    return subject


def read_claim(words: str, story, answer: Answer, want_yes_form: bool = False):
    """(question, verdict, conclusions found): the first reading whose names all resolve."""
    problems = []
    for question, verdict, slots in readings(words):
        if want_yes_form and not verdict:
            continue
        try:
            subject = subject_of(slots, story)
        except UnknownName as exc:
            problems.append(exc.message)
            continue
        return question, verdict, subject, answer.find(question, **subject)
    raise AssertionError(f"cannot read the claim {words!r}: " + (" | ".join(problems) or "no sentence fits it"))


def the_one(found: list[Conclusion], question: str, subject: dict, answer: Answer, focus: dict) -> Conclusion:
    if len(found) != 1:
        same = [f"{c.id}={c.holds}" for c in answer.conclusions if c.question == question]
        hint = f" ({question} answers on this day: {'; '.join(same) or 'none'})"
        if question == "available_action":
            from engine.render import Names

            story_names = Names(focus["case"])
            hint = " (actions in the answer: " + "; ".join(
                f"{story_names.states.get(c.subject['state'], c.subject['state'])} may"
                f"{'' if c.holds else ' not'} {story_names.phrase(c)}" for c in answer.conclusions
                if c.question == question) + ")"
        raise AssertionError(f"expected one answer to {question} about {subject} on {answer.as_of}, "
                             f"got {len(found)}{hint}")
    focus["conclusion"], focus["answer"] = found[0], answer
    return found[0]


@pytest.fixture
def focus() -> dict:
    """The conclusion the latest claim checked: "the answer" of the steps after it."""
    return {}


@then(ClaimParser(open_question=False))
def _(answer, story, focus, claim):
    focus["case"] = the_story(story).case
    question, verdict, subject, found = read_claim(claim, story, answer)
    c = the_one(found, question, subject, answer, focus)
    assert c.holds is verdict, f"{c.id} on {answer.as_of}: expected {verdict}, got {c.holds} ({c.text})"
    assert c.window is None and c.needs is None, f"{c.id}: a definite answer should carry no window or needs"


@then(ClaimParser(open_question=True))
def _(answer, story, focus, claim, openness):
    focus["case"] = the_story(story).case
    question, _, subject, found = read_claim(claim, story, answer, want_yes_form=True)
    c = the_one(found, question, subject, answer, focus)
    assert c.holds is None, f"{c.id}: expected {openness}, got a definite {c.holds} ({c.text})"
    assert c.needs, f"{c.id}: an open answer must say what it needs"
    if openness == "uncertain":
        assert c.window, f"{c.id}: an uncertain answer must give the window the day falls in"
    else:
        assert c.window is None, f"{c.id}: unknown (not reported), yet a date window {c.window} is given"


@then(parsers.re(r"nothing in the answer says whether (?P<claim>.+)"))
def _(answer, story, claim):
    question, _, subject, found = read_claim(claim, story, answer, want_yes_form=True)
    assert not found, f"expected no answer, got {[f'{c.id}={c.holds}' for c in found]}"


@then(parsers.re(r"nothing in the answer lets (?P<claim>.+)"))
def _(answer, story, claim):
    question, _, subject, found = read_claim(_may(claim, story), story, answer)
    opening = [f"{c.id}={c.holds}" for c in found if c.holds is not False]
    assert not opening, f"expected no way to {claim}, got {opening}"


def _may(words: str, story) -> str:
    """'New Zealand arrest Kim ...' -> 'New Zealand may arrest Kim ...': the State is the
    longest leading name the glossary knows."""
    glossary = the_story(story).glossary
    parts = words.split(" ")
    for cut in range(len(parts) - 1, 0, -1):
        try:
            glossary.id_of(" ".join(parts[:cut]), "state")
        except UnknownName:
            continue
        return f"{' '.join(parts[:cut])} may {' '.join(parts[cut:])}"
    raise AssertionError(f"{words!r} does not begin with a State the case file names")


# A protection holds when the conclusion says so; for evidence and trial, protection is "no".
PROTECTIONS = {"criminal_immunity": True, "civil_immunity": True, "residual_immunity": True,
               "personal_inviolability": True, "must_give_evidence": False, "prosecutable": False}


@then(parsers.re(r"nothing in the answer protects (?P<who>[^\"]+?) from (?P<state>[^\"]+?)(?:'s|') jurisdiction"))
def _(answer, story, who, state):
    glossary = the_story(story).glossary
    person, code = glossary.id_of(who, "person"), glossary.id_of(state, "state")
    about = [c for c in answer.conclusions if c.question in PROTECTIONS
             and c.subject.get("person") == person and c.subject.get("state") == code]
    assert {c.question for c in about} == set(PROTECTIONS), (
        f"expected an answer to each of {sorted(PROTECTIONS)}, got {sorted(c.question for c in about)}")
    protecting = [f"{c.id}={c.holds}" for c in about if c.holds is PROTECTIONS[c.question] or c.holds is None]
    assert not protecting, f"these answers protect, or may protect, {who}: {protecting}"


# ---------------------------------------------------------------------------------------
# "the answer": the conclusion the claim just before checked.
# ---------------------------------------------------------------------------------------

def focused(focus: dict) -> Conclusion:
    assert "conclusion" in focus, "a step about 'the answer' must follow a step that states a claim"
    return focus["conclusion"]


def citations_in(text: str) -> tuple[list[str], str | None]:
    """'VCDR arts. 32(1) and 32(2)' -> (['VCDR art. 32(1)', 'VCDR art. 32(2)'], None);
    'NZ Extradition Act 1999 ss 61 and 3' -> (['... s 61', '... s 3'], None);
    'the NZ-ROK Mutual Assistance Treaty' -> ([], 'NZ-ROK Mutual Assistance Treaty') (any provision)."""
    found = re.fullmatch(r"(?P<instrument>.+?) (?P<kind>arts?\.|ss?) (?P<list>\S.*)", text)
    if not found:
        return [], re.sub(r"^the ", "", text)
    prefix = "s" if found["kind"].startswith("s") else "art."
    return [f"{found['instrument']} {prefix} {n}" for n in names_in(found["list"])], None


@then(parsers.re(r"the answer (?P<verdict>cites|does not cite) (?P<citation>.+)"))
def _(focus, verdict, citation):
    c = focused(focus)
    wanted, instrument = citations_in(citation)
    if instrument is not None:
        cited = any(cite.startswith(f"{instrument} ") for cite in c.cites)
        assert cited is (verdict == "cites"), f"{c.id} cites {c.cites}"
        return
    if verdict == "cites":
        missing = [a for a in wanted if a not in c.cites]
        assert not missing, f"{c.id} does not cite {missing}; it cites {c.cites}"
    else:
        present = [a for a in wanted if a in c.cites]
        assert not present, f"{c.id} cites {present}; it cites {c.cites}"


@then(parsers.re(r"the answer (?P<verdict>rests|does not rest) on (?P<facts>(?!no unverified law).+)"))
def _(focus, story, verdict, facts):
    c = focused(focus)
    glossary = the_story(story).glossary
    keys = []
    for name in names_in(facts):
        try:
            keys.append(glossary.fact_key(name))
        except UnknownName as exc:
            raise AssertionError(exc.message) from None
    if verdict == "rests":
        missing = [k for k in keys if k not in c.because]
        assert not missing, f"{c.id} does not rest on {missing}; it rests on {c.because}"
    else:
        present = [k for k in keys if k in c.because]
        assert not present, f"{c.id} rests on {present}"


@then(parsers.re(r"the answer draws on reports? (?P<labels>.+)"))
def _(focus, labels):
    c = focused(focus)
    missing = [label for label in names_in(labels) if label not in c.sources]
    assert not missing, f"{c.id} does not draw on {missing}; its sources are {c.sources}"


@then(parsers.re(r"the answer is flagged as resting on the unverified doctrine that (?P<doctrine>.+)"))
def _(focus, doctrine):
    c = focused(focus)
    rules = rule_index()
    said = {r: rules[r].says for r in c.unverified if r in rules}
    assert any(doctrine.casefold() in says.casefold() for says in said.values()), (
        f"{c.id} rests on no unverified rule saying {doctrine!r}; its unverified rules say: {list(said.values())}")


CERTAINTIES = {"unverified": "unverified", "only reported": "reported"}


def flag_key(words: str, story) -> str:
    """The key an answer's `unverified` list gives a case-file fact or a treaty term:
    'the New Zealand offence of indecent assault' -> 'offence:nz-indecent-assault';
    "the NZ-ROK Extradition Treaty's nationality term" -> 'treaty:nzl-kor-extradition#nationality'."""
    term = re.fullmatch(r"(?:the )?(?P<treaty>.+?)(?:'s|') (?P<term>.+) term", words)
    if term:
        treaties = {t.short.casefold(): t for t in load_treaties()} | {t.title.casefold(): t for t in load_treaties()}
        treaty = treaties.get(term["treaty"].casefold())
        assert treaty, f"no treaty called {term['treaty']!r}; known: {sorted({t.short for t in load_treaties()})}"
        return f"treaty:{treaty.id}#{term['term'].replace(' ', '_')}"
    try:
        return the_story(story).glossary.fact_key(words)
    except UnknownName as exc:
        raise AssertionError(exc.message) from None


@then(parsers.re(r"the answer is flagged as resting on (?P<what>(?!the unverified doctrine).+), which is "
                 r"(?P<certainty>unverified|only reported)"))
def _(focus, story, what, certainty):
    c = focused(focus)
    flag = f"{flag_key(what, story)} ({CERTAINTIES[certainty]})"
    assert flag in c.unverified, f"{c.id} is not flagged with {flag!r}: {c.unverified}"


@then(parsers.re(r"the answer is not flagged as resting on (?P<what>.+)"))
def _(focus, story, what):
    c = focused(focus)
    key = flag_key(what, story)
    flagged = [u for u in c.unverified if u.split(" (")[0] == key]
    assert not flagged, f"{c.id} is flagged with {flagged}"


@then("the answer rests on no unverified law")
def _(focus):
    c = focused(focus)
    assert c.unverified == [], f"{c.id} rests on unverified law: {c.unverified}"


@then(parsers.re(rf"the uncertainty runs from (?P<start>{DAY}) to (?P<end>{DAY})"))
def _(focus, start, end):
    c = focused(focus)
    assert c.window == f"{day_of(start).isoformat()}/{day_of(end).isoformat()}", f"{c.id}: window {c.window}"


@then(parsers.re(r'the answer says it needs "(?P<text>[^"]+)"'))
def _(focus, text):
    c = focused(focus)
    assert c.needs and text in c.needs, f"{c.id} needs {c.needs!r}"


@then(parsers.re(r'the answer explains: "(?P<text>[^"]+)"'))
def _(focus, text):
    c = focused(focus)
    assert text in c.text, f"{c.id} says: {c.text!r}"


@then("the question is listed among the open questions")
def _(focus):
    c = focused(focus)
    assert c.id in [u.id for u in focus["answer"].unknowns], f"{c.id} is not among the open questions"
