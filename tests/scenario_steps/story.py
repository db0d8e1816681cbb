"""Given and When: which case, what the case file says or is supposed to say, and the day asked.

Every name in a step (a person, a State, an act, a mission, a posting, a request, an entry)
is the case file's own: an id, a name, or one of its `aliases`. A name the case file does not
know fails the step with the list of the names it does know. "Suppose ..." changes a copy
of the case file's data held in memory; the file itself is never written.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import Path

import pytest
from pytest_bdd import given, parsers, when
from pytest_bdd.scenario import scenario_wrapper_template_registry

from engine.evaluation import evaluate
from engine.glossary import Glossary
from engine.loading import parse_case, read_data, shipped_case, shipped_cases
from engine.whatif import apply_set

DAY = r"\d{1,2} [A-Z][a-z]+ \d{4}"
MONTH = r"[A-Z][a-z]+ \d{4}"
NAME = r"[^,\"]+?"  # a name: the glossary decides what it stands for
OF = r"(?:'s|')"  # the possessive: "New Zealand's", "the Philippines'"

OFFICIAL = {"performed": True, "not performed": False}
MANNERS = {"expressly": True, "not expressly": False, "without the case file saying whether expressly": None}
FORMS = {"in writing": True, "not in writing": False, "without the case file saying whether in writing": None}
# Categories of staff as a lawyer names them (VCDR art. 1(c)-(h), VCCR art. 1(1)(d)-(e)).
CATEGORIES = {
    "diplomatic staff": "diplomatic_agent", "diplomatic agent": "diplomatic_agent",
    "administrative and technical staff": "administrative_technical", "service staff": "service_staff",
    "consular officer": "consular_officer", "consular employee": "consular_employee",
}


def alternatives(words) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


def names_in(text: str) -> list[str]:
    """'A, B and C' -> ['A', 'B', 'C']."""
    return [part.strip() for part in re.split(r",\s*|\s+and\s+", text) if part.strip()]


def day_of(text: str) -> dt.date:
    return dt.datetime.strptime(text, "%d %B %Y").date()


def month_of(text: str) -> str:
    """'September 2019' -> '2019-09' (the case file's month precision); '2018' stays."""
    return text if text.isdigit() else dt.datetime.strptime(text, "%B %Y").strftime("%Y-%m")


class Story:
    """The case a scenario is about: where it came from and the data as the scenario supposes it."""

    def __init__(self, path: Path):
        self.path = path.resolve()
        data, raw = read_data(self.path)
        self.data = copy.deepcopy(data)
        self.bytes, self.mtime = raw, self.path.stat().st_mtime_ns
        self.supposed = False

    @property
    def case(self):
        return parse_case(self.data, self.path)

    @property
    def glossary(self) -> Glossary:
        return Glossary(self.case)

    def item(self, kind: str, words: str) -> dict:
        """The case file's entry (in the data as supposed so far) that `words` names."""
        collection = {"person": "persons", "mission": "missions", "posting": "postings", "act": "acts",
                      "request": "requests", "entry": "entries", "proceeding": "proceedings",
                      "offence": "offences"}[kind]
        ident = self.glossary.id_of(words, kind)
        return next(x for x in self.data[collection] if x["id"] == ident)

    def state(self, words: str) -> str:
        return self.glossary.id_of(words, "state")

    def party(self, words: str) -> str:
        """A State's code or a person's id (who grants, consents, asks)."""
        kind, ident = self.glossary.resolve(words, "state", "person")
        return ident

    def suppose(self) -> None:
        self.supposed = True


@pytest.fixture
def story() -> dict:
    """Holds the scenario's Story once a Given step has chosen the case."""
    return {}


def the_story(story: dict) -> Story:
    assert "case" in story, "a scenario must first say which case it is about (Given the ... case)"
    return story["case"]


# ---------------------------------------------------------------------------------------
# Which case.
# ---------------------------------------------------------------------------------------

@given(parsers.re(r"the (?:invented )?(?P<name>[\w-]+(?: [\w-]+)*?) case(?: as the reports tell it)?"))
def _(story, name):
    path = shipped_case(name)
    assert path is not None, f"no shipped case called {name!r}; shipped cases: {', '.join(shipped_cases())}"
    story["case"] = Story(path)


@given(parsers.re(r'the case in "(?P<file>[^"]+)"'))
def _(story, request, file):
    template = scenario_wrapper_template_registry.get(request.function)  # pytest-bdd's record of the scenario
    feature = Path(template.feature.filename).parent if template else Path.cwd()
    candidates = [feature / file, Path.cwd() / file]
    found = next((p for p in candidates if p.is_file()), None)
    assert found, f"no case file {file!r} next to the feature ({feature}) or in {Path.cwd()}"
    story["case"] = Story(found)


# ---------------------------------------------------------------------------------------
# What the case file records (checked, so a scenario's premises are visibly true).
# ---------------------------------------------------------------------------------------

@given(parsers.re(rf"the case file characterises (?P<act>{NAME}) as (?P<character>not performed|performed) "
                  rf"in the exercise of (?P<whose>{NAME}) functions"))
def _(story, act, character, whose):
    stated = the_story(story).item("act", act).get("official")
    assert stated is OFFICIAL[character], f"the case file says official={stated!r}"


@given(parsers.re(rf"the case file records that (?P<party>{NAME}) declined (?P<request>{NAME}) in (?P<when>{MONTH}|\d{{4}})"))
def _(story, party, request, when):
    s = the_story(story)
    response = s.item("request", request).get("response") or {}
    assert response.get("outcome") == "declined", response
    assert response.get("by") == s.party(party), response
    assert str(response.get("date")) == month_of(when), response


@given(parsers.re(rf"the case file records that (?P<party>{NAME}) granted (?P<request>{NAME}) expressly"
                  r"(?:, but| and) (?P<form>not in writing|in writing)"))
def _(story, party, request, form):
    s = the_story(story)
    response = s.item("request", request).get("response") or {}
    assert response.get("outcome") == "granted" and response.get("by") == s.party(party), response
    assert response.get("express") is True, response
    assert response.get("in_writing") is FORMS[form], response


@given(parsers.re(rf"the case file records (?P<person>{NAME}) as (?P<sending>{NAME}){OF} (?P<title>{NAME}) in "
                  rf"(?P<receiving>{NAME}) from (?P<year>\d{{4}})"))
def _(story, person, sending, title, receiving, year):
    s = the_story(story)
    who, missions = s.glossary.id_of(person, "person"), {m["id"]: m for m in s.data["missions"]}
    posts = [p for p in s.data["postings"] if p["person"] == who
             and missions[p["mission"]]["sending_state"] == s.state(sending)
             and missions[p["mission"]]["receiving_state"] == s.state(receiving)]
    assert len(posts) == 1, f"expected one posting of {person} from {sending} in {receiving}: {posts}"
    assert title.casefold() in (posts[0].get("title") or "").casefold(), posts[0]
    assert str(posts[0].get("arrived")) == year, posts[0]


@given(parsers.re(rf"the case file records (?P<person>{NAME}) as (?:a|an) (?P<category>{alternatives(CATEGORIES)}) "
                  rf"at (?P<mission>{NAME})"))
def _(story, person, category, mission):
    s = the_story(story)
    who, where = s.glossary.id_of(person, "person"), s.glossary.id_of(mission, "mission")
    posts = [p for p in s.data["postings"] if p["person"] == who and p["mission"] == where]
    assert posts and all(p.get("category") == CATEGORIES[category] for p in posts), posts


@given(parsers.re(rf"the case file records (?P<person>{NAME}) as the head of (?P<mission>{NAME})"))
def _(story, person, mission):
    s = the_story(story)
    assert s.item("mission", mission).get("head") == s.glossary.id_of(person, "person"), s.item("mission", mission)


@given(parsers.re(rf"the case file does not report (?P<person>{NAME}){OF} category of staff, nationality or residence"))
def _(story, person):
    s = the_story(story)
    record = s.item("person", person)
    assert record.get("nationalities") is None and record.get("permanent_resident_of") is None, record
    posts = [p for p in s.data["postings"] if p["person"] == record["id"]]
    assert posts and all(p.get("category") is None for p in posts), posts


@given(parsers.re(rf"the case file records a warrant for (?P<person>{NAME}){OF} arrest issued in (?P<state>{NAME}) "
                  rf"in (?P<when>{MONTH}), and no conviction"))
def _(story, person, state, when):
    s = the_story(story)
    who = s.glossary.id_of(person, "person")
    theirs = [p for p in s.data["proceedings"] if p["person"] == who]
    warrants = [p for p in theirs if p["kind"] == "arrest_warrant" and p["state"] == s.state(state)]
    assert len(warrants) == 1 and str(warrants[0].get("date")) == month_of(when), warrants
    # no conviction in that State: a judgment elsewhere (Korea's of 2024, for Kim) is another State's
    assert not [p for p in theirs if p["kind"] == "judgment" and p["state"] == s.state(state)], theirs


# ---------------------------------------------------------------------------------------
# Suppose: a changed copy of the case, for this scenario only.
# ---------------------------------------------------------------------------------------

@given(parsers.re(rf"suppose the case file characterised (?P<act>{NAME}) as (?P<character>not performed|performed) "
                  rf"in the exercise of (?P<whose>{NAME}) functions"))
def _(story, act, character, whose):
    s = the_story(story)
    s.item("act", act)["official"] = OFFICIAL[character]
    s.suppose()


@given(parsers.re(rf"suppose the case file left open whether (?P<act>{NAME}) (?:was|were) performed in the exercise "
                  rf"of (?P<whose>{NAME}) functions"))
def _(story, act, whose):
    s = the_story(story)
    s.item("act", act)["official"] = None
    s.suppose()


@given(parsers.re(rf"suppose (?P<request>(?!that ){NAME}) had been granted by (?P<party>{NAME}), "
                  rf"(?P<manner>{alternatives(MANNERS)})(?: and (?P<form>{alternatives(FORMS)}))?"))
def _(story, request, party, manner, form):
    s = the_story(story)
    item = s.item("request", request)
    item["response"] = {**(item.get("response") or {}), "outcome": "granted", "by": s.party(party),
                        "express": MANNERS[manner]}
    if form:
        item["response"]["in_writing"] = FORMS[form]
    s.suppose()


@given(parsers.re(rf"suppose that in (?P<when>{MONTH}) (?P<asker>{NAME}) had asked (?P<asked>{NAME}) to waive "
                  rf"(?P<person>{NAME}){OF} immunity from criminal jurisdiction, and the request had been granted by "
                  rf"(?P<party>{NAME}), (?P<manner>{alternatives(MANNERS)})"))
def _(story, when, asker, asked, person, party, manner):
    s = the_story(story)
    month = month_of(when)
    s.data["requests"].append({
        "id": f"waiver-{month}", "aliases": [f"the {when} request"], "kind": "waiver",
        "from": s.state(asker), "to": s.state(asked), "concerning": [s.glossary.id_of(person, "person")],
        "scope": ["criminal_jurisdiction"], "date": month, "note": "Supposed by the scenario.",
        "response": {"outcome": "granted", "date": month, "by": s.party(party), "express": MANNERS[manner]},
    })
    s.suppose()


@given(parsers.re(rf"suppose (?P<person>{NAME}) were reported as a member of the (?P<category>{alternatives(CATEGORIES)}) "
                  rf"and a national of (?P<state>{NAME})"))
def _(story, person, category, state):
    s = the_story(story)
    record = s.item("person", person)
    record["nationalities"], record["permanent_resident_of"] = [s.state(state)], []
    for post in s.data["postings"]:
        if post["person"] == record["id"]:
            post["category"] = CATEGORIES[category]
    s.suppose()


@given(parsers.re(rf"suppose (?P<who>{NAME}) had consented to (?P<entry>{NAME})"))
def _(story, who, entry):
    s = the_story(story)
    s.item("entry", entry)["consent_by"] = s.party(who)
    s.suppose()


def _offence(s: Story, state: str, act: str) -> dict:
    code, act_id = s.state(state), s.glossary.id_of(act, "act")
    found = [o for o in s.data["offences"] if o["state"] == code and act_id in o["acts"]]
    assert len(found) == 1, f"the case file has no single offence for {act} under {state}'s law: {found}"
    return found[0]


@given(parsers.re(rf"suppose (?P<state>{NAME}){OF} law punished (?P<act>{NAME}) with at most (?P<months>\d+) months' "
                  r"imprisonment"))
def _(story, state, act, months):
    s = the_story(story)
    _offence(s, state, act)["max_penalty_months"] = int(months)
    s.suppose()


@given(parsers.re(rf"suppose the case file did not report the maximum penalty for (?P<act>{NAME}) under "
                  rf"(?P<state>{NAME}){OF} law"))
def _(story, act, state):
    s = the_story(story)
    _offence(s, state, act)["max_penalty_months"] = None
    s.suppose()


@given(parsers.re(rf"suppose the case file did not report (?P<person>{NAME}){OF} nationality"))
def _(story, person):
    s = the_story(story)
    s.item("person", person)["nationalities"] = None
    s.suppose()


@given(parsers.re(r"suppose the case file recorded (?P<path>[\w.-]+) as (?P<value>.+)"))
def _(story, path, value):
    """Any field, by the path `immunity what-if --set` takes: for what no other step says."""
    s = the_story(story)
    s.data = apply_set(s.data, f"{path}={value}")
    s.suppose()


# ---------------------------------------------------------------------------------------
# When: the day asked.
# ---------------------------------------------------------------------------------------

@when(parsers.re(rf"we ask what applied on (?P<day>{DAY})"), target_fixture="answer")
def _(story, day):
    s = the_story(story)
    case = s.case
    story["asked"] = day_of(day)
    return evaluate(case, day_of(day)).answer
