"""Executable documentation: the Gherkin scenarios in scenarios/features/, bound to the engine.

The feature files are written for lawyers; this module is the glossary that binds their
words to the engine. Nothing here decides the law: every step either sets up the facts
(the shipped Kim case, the invented consular case, or a hypothetical variant of either held
in memory), asks the engine what applied on a day, or checks one conclusion of its answer.

How the words map:
- names of people, States, acts, missions, requests, entries, actions, instruments and
  case-file facts: the glossaries below (PERSONS, STATES, ACTS, ...); an unknown name fails
  the step rather than guessing;
- "X may <action>" / "X may not <action>": the `available_action` conclusion about that
  State and action holds True / False; "nothing in the answer lets X <action>": no such
  conclusion holds True (there may be none at all);
- "is immune" / "is not immune" / "... is uncertain" / "... is unknown": the conclusion's
  `holds` is True / False / None; "uncertain" also requires a date window, "unknown" requires
  none; both require the answer to say what it needs;
- "the answer ..." checks the conclusion named by the step just before it (its citations,
  the case-file facts it rests on, the reports those facts cite, unverified law it uses).

The case file is never written: variants ("suppose ...") change a deep copy of its data.
"""

from __future__ import annotations

import copy
import datetime as dt
import re

import pytest
from pytest_bdd import given, parsers, scenarios, then, when

from engine.answer import Answer, Conclusion
from engine.evaluation import evaluate
from engine.loading import DEFAULT_CASE, SHIPPED_CASES, parse_case, read_data

scenarios(
    "kim-immunity-over-time.feature",
    "residual-immunity.feature",
    "embassy-and-waiver.feature",
    "other-jurisdictions-and-duties.feature",
    "witnesses.feature",
    "cooperation-and-extradition.feature",
    "third-states.feature",
    "consular-posts.feature",
)

CONSULAR_CASE = SHIPPED_CASES / "consular.yaml"  # invented: Chile's consulate-general in Canada

# ---------------------------------------------------------------------------------------
# Glossary: the lawyer's words -> the case file's ids.
# ---------------------------------------------------------------------------------------

PERSONS = {"Kim": "kim", "Kim himself": "kim", "the complainant": "complainant",
           # the invented consular case
           "the Consul-General": "ibarra", "the visa clerk": "salas"}
STATES = {"New Zealand": "NZL", "the Republic of Korea": "KOR", "Korea": "KOR", "the Philippines": "PHL",
          "Chile": "CHL", "Canada": "CAN"}
ACTS = {"the 2017 assaults": "assault-2017",
        "the visa refusal": "visa-refusal", "the restaurant quarrel": "restaurant-quarrel"}
MISSIONS = {"the Korean embassy in Wellington": "rok-embassy-wellington",
            "the Chilean consulate-general": "chl-consulate-general"}
REQUESTS = {"the September 2019 request": "waiver-2019-09", "the November 2017 request": "waiver-2017-11",
            "Canada's first waiver request": "waiver-telephone", "Canada's second waiver request": "waiver-note"}
# Entries by the receiving State's agents into consular premises (VCCR art. 31).
ENTRIES = {
    "the fire brigade's entry into the visa section during the fire": "fire-2023-02",
    "the police search of the visa section": "search-2023-03",
    "the police entry into the Consul-General's residence": "residence-2023-04",
}
# Case-file facts an answer may rest on, by the provenance key the engine reports.
FACTS = {
    "Kim's posting to the Wellington embassy": "posting:kim-wellington",
    "Kim's post in the Philippines": "posting:kim-philippines",
    "the complainant's posting to the Wellington embassy": "posting:complainant-wellington",
    "the 2017 assaults": "act:assault-2017",
    "the Korean embassy in Wellington": "mission:rok-embassy-wellington",
    "the September 2019 request": "request:waiver-2019-09",
    "the November 2017 request": "request:waiver-2017-11",
    "the arrest warrant of February 2020": "proceeding:nz-arrest-warrant",
    "the New Zealand offence of indecent assault": "offence:nz-indecent-assault",
    "the Korean offence of indecent act by compulsion": "offence:kor-indecent-act-by-compulsion",
    "Kim's Korean nationality": "person:kim",
    # the invented consular case
    "the Consul-General's posting": "posting:ibarra-consul-general",
    "the visa clerk's posting": "posting:salas-visa-clerk",
    "the visa refusal": "act:visa-refusal",
    "the restaurant quarrel": "act:restaurant-quarrel",
    "the Chilean consulate-general": "mission:chl-consulate-general",
    "Canada's first waiver request": "request:waiver-telephone",
    "Canada's second waiver request": "request:waiver-note",
    **{name: f"entry:{id_}" for name, id_ in ENTRIES.items()},
}
# Doctrines the legal brief marks unverified, by the rule that encodes each.
DOCTRINES = {
    "immunity is only a procedural bar": "vcdr.39-2.procedural",
    "a grant by Korea counts as the head of mission's consent": "vcdr.22-1.consent-by-sending-state",
    "service staff have no exemption from giving evidence": "vcdr.37-3.witness",
    "Korea's Extradition Act lets it refuse to surrender a Korean national": "kor-ea.9.own-national",
}
# Terms of treaties and of the case file that are not verified law: the key an answer's
# `unverified` list gives them, which adds "(unverified)" or "(reported)" after it.
LAW_FLAGS = {
    "the extradition treaty's nationality clause": "treaty:nzl-kor-extradition#nationality",
    "the extradition treaty's clause on submission for prosecution":
        "treaty:nzl-kor-extradition#submit_for_prosecution",
    "the seven-year maximum under New Zealand's Crimes Act 1961 s 135": "offence:nz-indecent-assault",
    "the ten-year maximum under Korea's Criminal Act art. 298": "offence:kor-indecent-act-by-compulsion",
}
CERTAINTIES = {"unverified": "unverified", "only reported": "reported"}
# Instruments other than the Vienna Conventions, as the engine names them in its citations.
INSTRUMENTS = {
    "New Zealand's Extradition Act 1999": "NZ Extradition Act 1999",
    "the extradition treaty between New Zealand and Korea": "NZ-ROK Extradition Treaty",
    "the mutual assistance treaty between New Zealand and Korea": "NZ-ROK Mutual Assistance Treaty",
    "Korea's Criminal Act": "Korean Criminal Act",
    "Korea's Extradition Act": "Korean Extradition Act",
}
# What a State can do next (`available_action`): the lawyer's words -> the action (and the act).
ACTIONS = {
    "request mutual legal assistance from Korea": ("request mutual legal assistance from KOR", None),
    "request Kim's extradition from Korea": ("request extradition from KOR", None),
    "grant Kim's extradition if New Zealand formally requests it":
        ("grant extradition to NZL if formally requested", None),
    "prosecute Kim at home": ("prosecute at home", None),
    "ask Korea to waive Kim's immunity for the 2017 assaults": ("request waiver of kim's immunity", "assault-2017"),
    "waive Kim's immunity for the 2017 assaults": ("waive kim's immunity", "assault-2017"),
    "declare Kim persona non grata": ("declare kim persona non grata", None),
    "arrest Kim if he is found in New Zealand": ("arrest kim if he is found there", None),
    "recall Kim": ("recall kim", None),
}
# Categories of staff (VCDR art. 1(c)-(h)) and nationalities, as the case file spells them.
CATEGORIES = {
    "diplomatic staff": "diplomatic_agent",
    "administrative and technical staff": "administrative_technical",
    "service staff": "service_staff",
}
NATIONALITIES = {"Korean": "KOR", "New Zealand": "NZL"}
GRANTORS = {"Kim himself": "kim", "the Republic of Korea": "KOR", "the visa clerk himself": "salas", "Chile": "CHL"}
MANNERS = {"expressly": True, "not expressly": False, "without the case file saying whether expressly": None}
FORMS = {"in writing": True, "not in writing": False, "without the case file saying whether in writing": None}


def one_of(names) -> str:
    """A regex alternative of the glossary's names, longest first."""
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


P, S, A, M, R, F = (one_of(x) for x in (PERSONS, STATES, ACTS, MISSIONS, REQUESTS, FACTS))
E, ACT, I, LF, G = (one_of(x) for x in (ENTRIES, ACTIONS, INSTRUMENTS, LAW_FLAGS, GRANTORS))
DAY = r"\d{1,2} [A-Z][a-z]+ \d{4}"
OPEN = r"(?P<openness>uncertain|unknown)"
OF = r"(?:'s|')"  # the possessive: "New Zealand's", "the Philippines'"


def day_of(text: str) -> dt.date:
    return dt.datetime.strptime(text, "%d %B %Y").date()


def names_in(text: str) -> list[str]:
    """'A, B and C' -> ['A', 'B', 'C']."""
    return [part.strip() for part in re.split(r",\s*|\s+and\s+", text) if part.strip()]


def articles_in(text: str) -> list[str]:
    """'VCDR arts. 32(1) and 32(2)' -> ['VCDR art. 32(1)', 'VCDR art. 32(2)']."""
    found = re.fullmatch(r"(?P<instrument>[A-Z]+) arts?\. (?P<list>.+)", text)
    assert found, f"cannot read the citation {text!r}"
    return [f"{found['instrument']} art. {a}" for a in names_in(found["list"])]


# ---------------------------------------------------------------------------------------
# Fixtures: the case data of one scenario, and the conclusion "the answer" refers to.
# ---------------------------------------------------------------------------------------

@pytest.fixture
def focus() -> dict:
    """Holds the conclusion the last claim checked, for the "the answer ..." steps after it."""
    return {}


def the_one(answer: Answer, question: str, focus: dict, **subject: str) -> Conclusion:
    found = answer.find(question, **subject)
    assert len(found) == 1, (
        f"expected one answer to {question} about {subject} on {answer.as_of}, got {len(found)}: "
        + "; ".join(f"{c.id}={c.holds}" for c in answer.conclusions if c.question == question))
    focus["conclusion"] = found[0]
    focus["answer"] = answer
    return found[0]


def check_holds(c: Conclusion, expected: bool) -> None:
    assert c.holds is expected, f"{c.id} on this day: expected {expected}, got {c.holds} ({c.text})"
    assert c.window is None and c.needs is None, f"{c.id}: a definite answer should carry no window or needs"


def check_open(c: Conclusion, kind: str) -> None:
    assert c.holds is None, f"{c.id}: expected {kind}, got a definite {c.holds} ({c.text})"
    assert c.needs, f"{c.id}: an open answer must say what it needs"
    if kind == "uncertain":
        assert c.window, f"{c.id}: an uncertain answer must give the window the day falls in"
    else:
        assert c.window is None, f"{c.id}: unknown (not reported), yet a date window {c.window} is given"


def focused(focus: dict) -> Conclusion:
    assert "conclusion" in focus, "a step about 'the answer' must follow a step that states a claim"
    return focus["conclusion"]


# ---------------------------------------------------------------------------------------
# Given: the facts.
# ---------------------------------------------------------------------------------------

@given("the Kim case as the reports tell it", target_fixture="case_data")
def _():
    data, _raw = read_data(DEFAULT_CASE)
    return copy.deepcopy(data)


def _item(data: dict, collection: str, id_: str) -> dict:
    found = [x for x in data[collection] if x["id"] == id_]
    assert len(found) == 1, f"the case file has no single {collection} entry {id_!r}"
    return found[0]


OFFICIAL = {"performed": True, "not performed": False}


@given(parsers.re(rf"the case file characterises (?P<act>{A}) as (?P<character>not performed|performed) "
                  r"in the exercise of Kim's functions"))
def _(case_data, act, character):
    stated = _item(case_data, "acts", ACTS[act]).get("official")
    assert stated is OFFICIAL[character], f"the case file says official={stated!r}"


@given(parsers.re(rf"suppose the case file characterised (?P<act>{A}) as (?P<character>not performed|performed) "
                  r"in the exercise of Kim's functions"))
def _(case_data, act, character):
    _item(case_data, "acts", ACTS[act])["official"] = OFFICIAL[character]


@given(parsers.re(rf"suppose the case file left open whether (?P<act>{A}) were performed in the exercise of "
                  r"Kim's functions"))
def _(case_data, act):
    _item(case_data, "acts", ACTS[act])["official"] = None


@given(parsers.re(rf"the case file records that Korea declined (?P<request>{R}) in September 2019"))
def _(case_data, request):
    response = _item(case_data, "requests", REQUESTS[request]).get("response") or {}
    assert response.get("outcome") == "declined", response
    assert response.get("by") == "KOR", response
    assert str(response.get("date")) == "2019-09", response


@given(parsers.re(rf"suppose (?P<request>{R}) had been granted by (?P<grantor>{one_of(GRANTORS)}), "
                  rf"(?P<manner>{one_of(MANNERS)})"))
def _(case_data, request, grantor, manner):
    response = _item(case_data, "requests", REQUESTS[request])["response"]
    response.update(outcome="granted", by=GRANTORS[grantor], express=MANNERS[manner])


@given(parsers.re(r"suppose that in November 2017 New Zealand had asked Korea to waive Kim's immunity from "
                  rf"criminal jurisdiction, and the request had been granted by (?P<grantor>{one_of(GRANTORS)}), "
                  rf"(?P<manner>{one_of(MANNERS)})"))
def _(case_data, grantor, manner):
    case_data["requests"].append({
        "id": REQUESTS["the November 2017 request"], "kind": "waiver", "from": "NZL", "to": "KOR",
        "concerning": ["kim"], "purpose": "to let New Zealand try Kim for the 2017 assaults",
        "scope": ["criminal_jurisdiction"], "date": "2017-11",
        "note": "Hypothetical: no report says this happened.",
        "response": {"outcome": "granted", "date": "2017-11", "by": GRANTORS[grantor],
                     "express": MANNERS[manner]},
    })


@given("the case file records Kim as Korea's Consul-General in the Philippines from 2018")
def _(case_data):
    posts = [p for p in case_data["postings"] if p["person"] == "kim"
             and _item(case_data, "missions", p["mission"])["receiving_state"] == "PHL"]
    assert len(posts) == 1, posts
    post = posts[0]
    mission = _item(case_data, "missions", post["mission"])
    assert (mission["sending_state"], mission["kind"]) == ("KOR", "consular_post"), mission
    assert post["category"] == "consular_officer" and str(post["arrived"]) == "2018", post


@given("the case file does not report the complainant's category of staff, nationality or residence")
def _(case_data):
    person = _item(case_data, "persons", "complainant")
    assert person.get("nationalities") is None and person.get("permanent_resident_of") is None, person
    posts = [p for p in case_data["postings"] if p["person"] == "complainant"]
    assert posts and all(p.get("category") is None for p in posts), posts


@given(parsers.re(rf"suppose the complainant were reported as a member of the (?P<category>{one_of(CATEGORIES)}) "
                  rf"and a (?P<nationality>{one_of(NATIONALITIES)}) national"))
def _(case_data, category, nationality):
    person = _item(case_data, "persons", "complainant")
    person["nationalities"] = [NATIONALITIES[nationality]]
    person["permanent_resident_of"] = []
    for post in case_data["postings"]:
        if post["person"] == "complainant":
            post["category"] = CATEGORIES[category]


# The invented consular case (scenarios/cases/consular.yaml): Chile's consulate-general in Canada.

@given("the invented consular case", target_fixture="case_data")
def _():
    data, _raw = read_data(CONSULAR_CASE)
    return copy.deepcopy(data)


@given("the case file records the Consul-General as the consular officer heading the post, and the visa "
       "clerk as a consular employee")
def _(case_data):
    mission = _item(case_data, "missions", "chl-consulate-general")
    assert (mission["kind"], mission["head"]) == ("consular_post", PERSONS["the Consul-General"]), mission
    posts = {p["person"]: p for p in case_data["postings"] if p["mission"] == mission["id"]}
    assert posts[PERSONS["the Consul-General"]]["category"] == "consular_officer", posts
    assert posts[PERSONS["the visa clerk"]]["category"] == "consular_employee", posts


@given(parsers.re(rf"the case file characterises (?P<act>{A}) as (?P<character>not performed|performed) "
                  r"in the exercise of consular functions"))
def _(case_data, act, character):
    stated = _item(case_data, "acts", ACTS[act]).get("official")
    assert stated is OFFICIAL[character], f"the case file says official={stated!r}"


@given(parsers.re(rf"suppose the case file left open whether (?P<act>{A}) was performed in the exercise of "
                  r"consular functions"))
def _(case_data, act):
    _item(case_data, "acts", ACTS[act])["official"] = None


@given(parsers.re(rf"suppose (?P<who>{P}) had consented to (?P<entry>{E})"))
def _(case_data, who, entry):
    _item(case_data, "entries", ENTRIES[entry])["consent_by"] = PERSONS[who]


@given(parsers.re(rf"the case file records that (?P<grantor>{G}) granted (?P<request>{R}) expressly"
                  r"(?:, but| and) (?P<form>not in writing|in writing)"))
def _(case_data, grantor, request, form):
    response = _item(case_data, "requests", REQUESTS[request]).get("response") or {}
    assert response.get("outcome") == "granted" and response.get("by") == GRANTORS[grantor], response
    assert response.get("express") is True, response
    assert response.get("in_writing") is FORMS[form], response


@given(parsers.re(rf"suppose (?P<request>{R}) had been granted by (?P<grantor>{G}), "
                  rf"(?P<manner>{one_of(MANNERS)}) and (?P<form>{one_of(FORMS)})"))
def _(case_data, request, grantor, manner, form):
    response = _item(case_data, "requests", REQUESTS[request])["response"]
    response.update(outcome="granted", by=GRANTORS[grantor], express=MANNERS[manner], in_writing=FORMS[form])


# Extradition: the accusation, the offences and the nationality the answers turn on.

@given("the case file records a warrant for Kim's arrest issued in New Zealand in February 2020, and no conviction")
def _(case_data):
    theirs = [p for p in case_data["proceedings"] if p["person"] == "kim"]
    warrants = [p for p in theirs if p["kind"] == "arrest_warrant" and p["state"] == "NZL"]
    assert len(warrants) == 1 and str(warrants[0].get("date")) == "2020-02", warrants
    assert not [p for p in theirs if p["kind"] == "judgment"], theirs


def _offence(data: dict, state: str, act: str) -> dict:
    found = [o for o in data["offences"] if o["state"] == STATES[state] and ACTS[act] in o["acts"]]
    assert len(found) == 1, f"the case file has no single offence for {act} under {state}'s law: {found}"
    return found[0]


@given(parsers.re(rf"suppose (?P<state>{S}){OF} law punished (?P<act>{A}) with at most (?P<months>\d+) months' "
                  r"imprisonment"))
def _(case_data, state, act, months):
    _offence(case_data, state, act)["max_penalty_months"] = int(months)


@given(parsers.re(rf"suppose the case file did not report the maximum penalty for (?P<act>{A}) under "
                  rf"(?P<state>{S}){OF} law"))
def _(case_data, act, state):
    _offence(case_data, state, act)["max_penalty_months"] = None


@given("suppose the case file did not report Kim's nationality")
def _(case_data):
    _item(case_data, "persons", "kim")["nationalities"] = None


# ---------------------------------------------------------------------------------------
# When: the question.
# ---------------------------------------------------------------------------------------

@when(parsers.re(rf"we ask what applied on (?P<day>{DAY})"), target_fixture="answer")
def _(case_data, day):
    return evaluate(parse_case(case_data), day_of(day)).answer


# ---------------------------------------------------------------------------------------
# Then: the claims. Each names one conclusion and checks whether it holds.
# ---------------------------------------------------------------------------------------

def _criminal(answer, focus, who, state, act):
    return the_one(answer, "criminal_immunity", focus, person=PERSONS[who], state=STATES[state], act=ACTS[act])


@then(parsers.re(rf"(?P<who>{P}) (?P<verdict>is|is not) immune from (?P<state>{S}){OF} criminal jurisdiction "
                 rf"for (?P<act>{A})"))
def _(answer, focus, who, verdict, state, act):
    check_holds(_criminal(answer, focus, who, state, act), verdict == "is")


@then(parsers.re(rf"whether (?P<who>{P}) is immune from (?P<state>{S}){OF} criminal jurisdiction for (?P<act>{A}) "
                 rf"is {OPEN}"))
def _(answer, focus, who, state, act, openness):
    check_open(_criminal(answer, focus, who, state, act), openness)


@then(parsers.re(rf"(?P<who>{P})'s immunity from (?P<state>{S}){OF} criminal jurisdiction for (?P<act>{A}) is "
                 r"(?P<status>in force|lapsed|uncertain)"))
def _(answer, focus, who, state, act, status):
    c = _criminal(answer, focus, who, state, act)
    if status == "uncertain":
        check_open(c, "uncertain")
    else:
        check_holds(c, status == "in force")


@then(parsers.re(rf"(?P<who>{P}) (?P<verdict>is|is not) inviolable in (?P<state>{S})"))
def _(answer, focus, who, verdict, state):
    c = the_one(answer, "personal_inviolability", focus, person=PERSONS[who], state=STATES[state])
    check_holds(c, verdict == "is")


@then(parsers.re(rf"whether (?P<who>{P}) is inviolable in (?P<state>{S}) is {OPEN}"))
def _(answer, focus, who, state, openness):
    check_open(the_one(answer, "personal_inviolability", focus, person=PERSONS[who], state=STATES[state]), openness)


@then(parsers.re(rf"(?P<state>{S}){OF} courts (?P<verdict>may|may not) try (?P<act>{A})"))
def _(answer, focus, state, verdict, act):
    check_holds(the_one(answer, "prosecutable", focus, state=STATES[state], act=ACTS[act]), verdict == "may")


@then(parsers.re(rf"whether (?P<state>{S}){OF} courts may try (?P<act>{A}) is {OPEN}"))
def _(answer, focus, state, act, openness):
    check_open(the_one(answer, "prosecutable", focus, state=STATES[state], act=ACTS[act]), openness)


@then(parsers.re(rf"immunity for (?P<act>{A}) (?P<verdict>survives|does not survive) the end of "
                 rf"(?P<who>{P})'s functions in (?P<state>{S})"))
def _(answer, focus, act, verdict, who, state):
    c = the_one(answer, "residual_immunity", focus, person=PERSONS[who], state=STATES[state], act=ACTS[act])
    check_holds(c, verdict == "survives")


@then(parsers.re(rf"whether immunity for (?P<act>{A}) survives the end of (?P<who>{P})'s functions in "
                 rf"(?P<state>{S}) is {OPEN}"))
def _(answer, focus, act, who, state, openness):
    c = the_one(answer, "residual_immunity", focus, person=PERSONS[who], state=STATES[state], act=ACTS[act])
    check_open(c, openness)


@then(parsers.re(rf"the premises of (?P<mission>{M}) (?P<verdict>are|are not) inviolable"))
def _(answer, focus, mission, verdict):
    check_holds(the_one(answer, "premises_inviolable", focus, mission=MISSIONS[mission]), verdict == "are")


@then(parsers.re(rf"the archives and documents of (?P<mission>{M}) (?P<verdict>are|are not) inviolable"))
def _(answer, focus, mission, verdict):
    check_holds(the_one(answer, "archives_inviolable", focus, mission=MISSIONS[mission]), verdict == "are")


@then(parsers.re(rf"New Zealand's police (?P<verdict>may|may not) enter (?P<mission>{M}) on the strength of "
                 rf"(?P<request>{R})"))
def _(answer, focus, verdict, mission, request):
    c = the_one(answer, "entry_permitted", focus, mission=MISSIONS[mission], request=REQUESTS[request])
    check_holds(c, verdict == "may")


@then(parsers.re(rf"whether New Zealand's police may enter (?P<mission>{M}) on the strength of (?P<request>{R}) "
                 rf"is {OPEN}"))
def _(answer, focus, mission, request, openness):
    check_open(the_one(answer, "entry_permitted", focus, mission=MISSIONS[mission], request=REQUESTS[request]), openness)


@then(parsers.re(rf"(?P<request>{R}) (?P<verdict>produced|did not produce) a valid waiver of immunity"))
def _(answer, focus, request, verdict):
    check_holds(the_one(answer, "waiver_effective", focus, request=REQUESTS[request]), verdict == "produced")


@then(parsers.re(rf"whether (?P<request>{R}) produced a valid waiver of immunity is {OPEN}"))
def _(answer, focus, request, openness):
    check_open(the_one(answer, "waiver_effective", focus, request=REQUESTS[request]), openness)


@then(parsers.re(rf"(?P<state>{S}) (?P<verdict>has|does not have) jurisdiction over (?P<who>{P}) for (?P<act>{A})"))
def _(answer, focus, state, verdict, who, act):
    c = the_one(answer, "sending_state_jurisdiction", focus, person=PERSONS[who], state=STATES[state], act=ACTS[act])
    check_holds(c, verdict == "has")


@then(parsers.re(rf"(?P<who>{P}) (?P<verdict>is|is not) bound to respect (?P<state>{S}){OF} laws"))
def _(answer, focus, who, verdict, state):
    check_holds(the_one(answer, "must_respect_laws", focus, person=PERSONS[who], state=STATES[state]), verdict == "is")


@then(parsers.re(rf"(?P<who>{P}) (?P<verdict>may|may not) be compelled to give evidence in (?P<state>{S})"))
def _(answer, focus, who, verdict, state):
    c = the_one(answer, "must_give_evidence", focus, person=PERSONS[who], state=STATES[state])
    check_holds(c, verdict == "may")


@then(parsers.re(rf"whether (?P<who>{P}) may be compelled to give evidence in (?P<state>{S}) is {OPEN}"))
def _(answer, focus, who, state, openness):
    check_open(the_one(answer, "must_give_evidence", focus, person=PERSONS[who], state=STATES[state]), openness)


@then(parsers.re(rf"(?P<who>{P}) (?P<verdict>is|is not) immune from (?P<state>{S}){OF} civil and administrative "
                 rf"jurisdiction for (?P<act>{A})"))
def _(answer, focus, who, verdict, state, act):
    c = the_one(answer, "civil_immunity", focus, person=PERSONS[who], state=STATES[state], act=ACTS[act])
    check_holds(c, verdict == "is")


@then(parsers.re(rf"(?P<entry>{E}) (?P<verdict>was|was not) permitted"))
def _(answer, focus, entry, verdict):
    check_holds(the_one(answer, "entry_permitted", focus, entry=ENTRIES[entry]), verdict == "was")


# Extradition (the treaty's data, the NZ and Korean Acts) and what each State can do next.

def _offence_between(answer, focus, act, requested, requesting):
    return the_one(answer, "extraditable_offence", focus, act=ACTS[act], requesting=STATES[requesting],
                   requested=STATES[requested])


@then(parsers.re(rf"(?P<act>{A}) (?P<verdict>is|are|is not|are not) an extraditable offence from "
                 rf"(?P<requested>{S}) to (?P<requesting>{S})"))
def _(answer, focus, act, verdict, requested, requesting):
    check_holds(_offence_between(answer, focus, act, requested, requesting), not verdict.endswith("not"))


@then(parsers.re(rf"whether (?P<act>{A}) (?:is|are) an extraditable offence from (?P<requested>{S}) to "
                 rf"(?P<requesting>{S}) is {OPEN}"))
def _(answer, focus, act, requested, requesting, openness):
    check_open(_offence_between(answer, focus, act, requested, requesting), openness)


@then(parsers.re(rf"(?P<who>{P}) (?P<verdict>is|is not) an extraditable person for (?P<state>{S})"))
def _(answer, focus, who, verdict, state):
    c = the_one(answer, "extraditable_person", focus, person=PERSONS[who], requesting=STATES[state])
    check_holds(c, verdict == "is")


@then(parsers.re(rf"whether (?P<who>{P}) is an extraditable person for (?P<state>{S}) is {OPEN}"))
def _(answer, focus, who, state, openness):
    check_open(the_one(answer, "extraditable_person", focus, person=PERSONS[who], requesting=STATES[state]),
               openness)


def _between(who, requested, requesting) -> dict:
    return dict(person=PERSONS[who], requesting=STATES[requesting], requested=STATES[requested])


@then(parsers.re(rf"(?P<requested>{S}) (?P<verdict>may|may not) refuse to extradite (?P<who>{P}) to "
                 rf"(?P<requesting>{S})"))
def _(answer, focus, requested, verdict, who, requesting):
    c = the_one(answer, "extradition_refusable", focus, **_between(who, requested, requesting))
    check_holds(c, verdict == "may")


@then(parsers.re(rf"whether (?P<requested>{S}) may refuse to extradite (?P<who>{P}) to (?P<requesting>{S}) "
                 rf"is {OPEN}"))
def _(answer, focus, requested, who, requesting, openness):
    check_open(the_one(answer, "extradition_refusable", focus, **_between(who, requested, requesting)), openness)


SUBMIT = r"must submit the case for prosecution if it refuses to extradite"


@then(parsers.re(rf"whether (?P<requested>{S}) {SUBMIT} (?P<who>{P}) to (?P<requesting>{S}) is {OPEN}"))
def _(answer, focus, requested, who, requesting, openness):
    c = the_one(answer, "must_submit_for_prosecution", focus, **_between(who, requested, requesting))
    check_open(c, openness)


@then(parsers.re(rf"nothing in the answer says whether (?P<requested>{S}) {SUBMIT} (?P<who>{P}) to "
                 rf"(?P<requesting>{S})"))
def _(answer, requested, who, requesting):
    found = answer.find("must_submit_for_prosecution", **_between(who, requested, requesting))
    assert not found, f"expected no answer, got {[f'{c.id}={c.holds}' for c in found]}"


def _action(state: str, action: str) -> dict:
    words, act = ACTIONS[action]
    subject = dict(state=STATES[state], action=words)
    return {**subject, "act": act} if act else subject


@then(parsers.re(rf"(?P<state>{S}) (?P<verdict>may|may not) (?P<action>{ACT})"))
def _(answer, focus, state, verdict, action):
    check_holds(the_one(answer, "available_action", focus, **_action(state, action)), verdict == "may")


@then(parsers.re(rf"nothing in the answer lets (?P<state>{S}) (?P<action>{ACT})"))
def _(answer, state, action):
    found = answer.find("available_action", **_action(state, action))
    opening = [f"{c.id}={c.holds}" for c in found if c.holds is not False]
    assert not opening, f"expected no way for {state} to {action}, got {opening}"


# A protection holds when the conclusion says so; for evidence, protection is "not compellable".
PROTECTIONS = {"criminal_immunity": True, "civil_immunity": True, "residual_immunity": True,
               "personal_inviolability": True, "must_give_evidence": False, "prosecutable": False}


@then(parsers.re(rf"nothing in the answer protects (?P<who>{P}) from (?P<state>{S}){OF} jurisdiction"))
def _(answer, who, state):
    about = [c for c in answer.conclusions if c.question in PROTECTIONS
             and c.subject.get("person") == PERSONS[who] and c.subject.get("state") == STATES[state]]
    assert {c.question for c in about} == set(PROTECTIONS), (
        f"expected an answer to each of {sorted(PROTECTIONS)}, got {sorted(c.question for c in about)}")
    protecting = [f"{c.id}={c.holds}" for c in about if c.holds is PROTECTIONS[c.question] or c.holds is None]
    assert not protecting, f"these answers protect, or may protect, {who}: {protecting}"


# ---------------------------------------------------------------------------------------
# Then: what "the answer" (the conclusion just checked) rests on.
# ---------------------------------------------------------------------------------------

@then(parsers.re(r"the answer cites (?P<citation>[A-Z]+ arts?\. .+)"))
def _(focus, citation):
    c = focused(focus)
    missing = [a for a in articles_in(citation) if a not in c.cites]
    assert not missing, f"{c.id} does not cite {missing}; it cites {c.cites}"


@then(parsers.re(r"the answer does not cite (?P<citation>[A-Z]+ arts?\. .+)"))
def _(focus, citation):
    c = focused(focus)
    present = [a for a in articles_in(citation) if a in c.cites]
    assert not present, f"{c.id} cites {present}; it cites {c.cites}"


def _facts_named(text: str) -> list[str]:
    names = names_in(text)
    unknown = [n for n in names if n not in FACTS]
    assert not unknown, f"not in the glossary of case-file facts: {unknown}"
    return [FACTS[n] for n in names]


@then(parsers.re(r"the answer (?P<verdict>rests|does not rest) on (?P<facts>(?!no unverified law).+)"))
def _(focus, verdict, facts):
    c = focused(focus)
    keys = _facts_named(facts)
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


@then(parsers.re(rf"the answer is flagged as resting on the unverified doctrine that (?P<doctrine>{one_of(DOCTRINES)})"))
def _(focus, doctrine):
    c = focused(focus)
    assert DOCTRINES[doctrine] in c.unverified, f"{c.id} is not flagged with {doctrine!r}: {c.unverified}"


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


@then(parsers.re(rf"the answer cites (?P<instrument>{I})(?:, (?P<provisions>.+))?"))
def _(focus, instrument, provisions):
    c = focused(focus)
    name = INSTRUMENTS[instrument]
    if provisions is None:
        assert any(cite.startswith(f"{name} ") for cite in c.cites), (
            f"{c.id} does not cite {name}; it cites {c.cites}")
        return
    found = re.fullmatch(r"(?P<kind>ss?|arts?\.) (?P<list>.+)", provisions)
    assert found, f"cannot read the provisions {provisions!r}"
    prefix = "s" if found["kind"].startswith("s") else "art."
    missing = [f"{name} {prefix} {n}" for n in names_in(found["list"]) if f"{name} {prefix} {n}" not in c.cites]
    assert not missing, f"{c.id} does not cite {missing}; it cites {c.cites}"


@then(parsers.re(rf"the answer is flagged as resting on (?P<what>{LF}), which is "
                 rf"(?P<certainty>{one_of(CERTAINTIES)})"))
def _(focus, what, certainty):
    c = focused(focus)
    flag = f"{LAW_FLAGS[what]} ({CERTAINTIES[certainty]})"
    assert flag in c.unverified, f"{c.id} is not flagged with {flag!r}: {c.unverified}"


@then(parsers.re(rf"the answer is not flagged as resting on (?P<what>{LF})"))
def _(focus, what):
    c = focused(focus)
    flagged = [u for u in c.unverified if u.split(" (")[0] == LAW_FLAGS[what]]
    assert not flagged, f"{c.id} is flagged with {flagged}"
