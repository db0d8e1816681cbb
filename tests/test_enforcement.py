"""Enforcement respects immunity and follows the person (issue 8, items 5 and 10).

- No arrest, extradition request, provisional arrest or surrender is offered while an immunity
  (residual immunity for an official act included) bars a trial of the act and no valid waiver
  lifts it; nor while the reports place the person in another State.
- `present_in_territory` comes from reported whereabouts only, and is never silent for a person
  with a posting or an act; the case file refuses whereabouts that put a person in two States.
- The later events of the Kim case: Korea's prosecution makes asking it to prosecute moot, and a
  final judgment in the requested State is a ground of refusal (unverified).
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys

import pytest

from case_checks import answer, kim, one  # noqa: F401  (kim is a fixture)
from engine.evaluation import evaluate
from engine.facts import presence_asked
from engine.loading import DEFAULT_CASE, SHIPPED_CASES, CaseFileError, parse_case, read_data
from engine.model import Case
from engine.timeline import checkpoints
from engine.whatif import apply_set

CONSUL = SHIPPED_CASES / "consul-sought.yaml"
DIPLOMAT = SHIPPED_CASES / "diplomat-sought.yaml"
ENFORCEMENT = ("arrest kim if he is found there", "request extradition from KOR",
               "request provisional arrest in KOR", "grant extradition to NZL if formally requested")




# --- item 5: enforcement respects immunity ------------------------------------------------------

def test_with_the_act_official_no_arrest_extradition_or_trial_is_offered(kim):
    official = apply_set(kim, "acts.assault-2017.official=true")
    ans = answer(official, "2020-08-10")
    assert one(ans, "prosecutable", person="kim", state="NZL", act="assault-2017").holds is False
    offered = [c.id for c in ans.find("available_action") if c.holds
               and any(word in c.subject["action"] for word in ("arrest", "extradition"))
               and not c.subject["action"].startswith("refuse")]
    assert offered == []
    for action in ENFORCEMENT:
        c = one(ans, "available_action", action=action)
        assert c.holds is False, (action, c.text)
        assert "VCDR art. 31(1)" in c.cites, (action, c.cites)


def test_as_the_reports_tell_it_the_same_actions_are_offered_in_august_2020(kim):
    """The control: with the act private, the same day offers them all (Kim's whereabouts then
    are uncertain between the Philippines and Korea, which does not close the door to Korea)."""
    ans = answer(kim, "2020-08-10")
    for action in ENFORCEMENT:
        assert one(ans, "available_action", action=action).holds is True, action


def test_an_open_characterisation_leaves_enforcement_open_and_names_the_fact(kim):
    ans = answer(apply_set(kim, "acts.assault-2017.official=null"), "2020-08-10")
    for action in ENFORCEMENT:
        c = one(ans, "available_action", action=action)
        assert c.holds is None and "exercise of functions" in c.needs, (action, c.needs)


def test_the_what_if_command_shows_every_enforcement_step_closing():
    done = subprocess.run([sys.executable, "-c", "from engine.cli import main; main()", "what-if", "--set",
                           "acts.assault-2017.official=true", "--at", "2020-08-10", "--json"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    changed = {d["subject"].get("action"): (d["before"]["holds"], d["after"]["holds"])
               for d in json.loads(done.stdout)["differences"] if d["question"] == "available_action"}
    for action in ENFORCEMENT:
        assert changed.get(action) == (True, False), (action, changed)


def test_a_valid_waiver_reopens_what_immunity_closed():
    """Residual immunity for an official act bars arrest and extradition only while no valid
    waiver lifts it: a waiver by the sending State, express and in writing (VCCR art. 45)."""
    data = read_data(CONSUL)[0]
    data["requests"] = [{"id": "waiver-2022-10", "kind": "waiver", "from": "NZL", "to": "KOR",
                         "concerning": ["baek", "false-certificates"], "scope": ["criminal_jurisdiction"],
                         "date": "2022-10-03", "sources": ["E2"],
                         "response": {"outcome": "granted", "date": "2022-10-20", "by": "KOR", "express": True,
                                      "in_writing": True, "sources": ["E2"]}}]
    before = answer(read_data(CONSUL)[0], "2023-03-01")
    after = answer(data, "2023-03-01")
    assert one(before, "available_action", action="request extradition from KOR").holds is False
    assert one(after, "prosecutable", person="baek", state="NZL", act="false-certificates").holds is True
    assert one(after, "available_action", action="request extradition from KOR").holds is True
    # the warrant still cannot be executed: he is in Korea
    arrest = one(after, "available_action", action="arrest baek if he is found there")
    assert arrest.holds is False and "not in New Zealand" in arrest.text


def test_one_warrant_the_courts_may_try_is_enough_to_arrest_him():
    """Two warrants, one for an act immunity still covers and one for a private act: while he is
    in New Zealand the second may be executed (an action is open if any ground opens it)."""
    data = read_data(CONSUL)[0]
    data["acts"].append({"id": "brawl", "person": "baek", "when": "2022-08-20", "place": "Auckland", "state": "NZL",
                         "description": "a brawl in a bar", "official": False, "sources": ["E2"]})
    data["proceedings"].append({"id": "brawl-warrant", "kind": "arrest_warrant", "person": "baek",
                                "acts": ["brawl"], "state": "NZL", "date": "2022-09-02", "sources": ["E2"]})
    data["whereabouts"][1]["until"] = "2022-09-10"
    data["whereabouts"].append({"id": "baek-visit", "person": "baek", "state": "NZL", "from": "2022-09-10",
                                "until": "2022-09-20", "sources": ["E1"]})
    arrest = one(answer(data, "2022-09-15"), "available_action", action="arrest baek if he is found there")
    assert arrest.holds is True and "He is in New Zealand." in arrest.text, arrest.text
    assert "proceeding:brawl-warrant" in arrest.because
    # the warrant for the official act alone would not be executed
    data["proceedings"].pop()
    barred = one(answer(data, "2022-09-15"), "available_action", action="arrest baek if he is found there")
    assert barred.holds is False and "consular immunity" in barred.text


# --- where the person is ------------------------------------------------------------------------

@pytest.mark.parametrize("path", [DEFAULT_CASE, CONSUL, DIPLOMAT], ids=lambda p: p.stem)
def test_presence_is_never_silent_for_a_person_with_a_posting_or_an_act(path):
    case = parse_case(read_data(path)[0])
    wanted = {(po.person, next(m.receiving_state for m in case.missions if m.id == po.mission))
              for po in case.postings}
    wanted |= {(a.person, a.state) for a in case.acts if a.state}
    assert wanted <= set(presence_asked(case))
    for day in checkpoints(case):
        ans = evaluate(case, day).answer
        for person, state in presence_asked(case):
            found = ans.find("present_in_territory", person=person, state=state)
            assert len(found) == 1, (path.stem, day, person, state)
            c = found[0]
            assert c.holds is not None or c.needs, (day, c.id)


def test_a_day_no_stay_covers_is_unknown_not_absent(kim):
    c = one(answer(kim, "2018-06-01"), "present_in_territory", person="kim", state="NZL")
    assert c.holds is None and c.needs == "where Hongkon Kim was on that day" and c.window is None


def test_a_stay_elsewhere_for_certain_is_absence(kim):
    c = one(answer(kim, "2019-06-01"), "present_in_territory", person="kim", state="NZL")
    assert c.holds is False and c.rule == "whereabouts.elsewhere"
    assert "whereabouts:kim-in-the-philippines" in c.because and "P3" in c.sources


def test_the_case_file_refuses_a_person_in_two_states_at_once(kim):
    bad = copy.deepcopy(kim)
    bad["whereabouts"].append({"id": "kim-back-in-new-zealand", "person": "kim", "state": "NZL", "from": "2019-01",
                               "until": "2019-03", "sources": ["P3"]})
    with pytest.raises(CaseFileError) as err:
        parse_case(bad)
    assert "whereabouts" in str(err.value) and "overlap" in str(err.value)


def test_the_case_file_refuses_a_stay_that_ends_before_it_begins(kim):
    bad = copy.deepcopy(kim)
    bad["whereabouts"][0]["until"] = "2016"
    with pytest.raises(CaseFileError) as err:
        parse_case(bad)
    assert "whereabouts[0].until" in str(err.value)


def test_the_schema_describes_whereabouts():
    schema = Case.model_json_schema(by_alias=True)
    stay = schema["$defs"]["Whereabouts"]
    assert set(stay["required"]) >= {"id", "person", "state", "from"}
    for field in ("person", "state", "from", "until"):
        assert stay["properties"][field].get("description") or "anyOf" in stay["properties"][field], field
    assert "until" in stay["properties"] and "no end" in json.dumps(stay["properties"]["until"])
    assert "whereabouts" in schema["properties"]


# --- item 10: the later events of the Kim case ------------------------------------------------

def test_the_kim_case_knows_the_later_events(kim):
    case = parse_case(kim)
    labels = {s.label for s in case.sources}
    assert {f"P{i}" for i in range(1, 14)} <= labels
    judgment = case.find("proceedings", "kor-judgment")
    assert judgment.state == "KOR" and judgment.final is None and str(judgment.date) == "2024-08-30"
    assert case.find("whereabouts", "kim-in-korea").until is None


def test_after_the_judgment_the_answers_say_what_later_events_changed(kim):
    ans = answer(kim, "2024-09-10")
    assert one(ans, "present_in_territory", person="kim", state="KOR").holds is True
    arrest = one(ans, "available_action", action="arrest kim if he is found there")
    assert arrest.holds is False and "not in New Zealand" in arrest.text
    ask = one(ans, "available_action", action="ask KOR to prosecute kim")
    assert "moot" in ask.text and "proceeding:kor-indictment" in ask.because
    home = one(ans, "available_action", state="KOR", action="prosecute at home")
    assert "is doing so" in home.text
    ne_bis = one(ans, "available_action", state="KOR",
                 action="refuse extradition to NZL, having judged him for the same conduct")
    assert ne_bis.holds is None and "final" in ne_bis.needs
    assert "extradition.ne-bis-in-idem" in ne_bis.unverified
    # the ground is set aside in the refusal answer by the nationality ground, which decides it
    refusal = one(ans, "extradition_refusable", person="kim", requesting="NZL", requested="KOR")
    assert refusal.holds is True and "extradition.ne-bis-in-idem" in refusal.set_aside


def test_a_final_korean_judgment_is_a_ground_of_refusal_resting_on_unverified_law(kim):
    ans = answer(apply_set(kim, "proceedings.kor-judgment.final=true"), "2024-09-10")
    refusal = one(ans, "extradition_refusable", person="kim", requesting="NZL", requested="KOR")
    assert refusal.holds is True
    assert {"extradition.ne-bis-in-idem", "kor-ea.7.judged-in-korea"} <= set(refusal.also)
    assert {"extradition.ne-bis-in-idem", "kor-ea.7.judged-in-korea"} <= set(refusal.unverified)


def test_no_duty_to_prosecute_is_inferred_from_a_refusal_on_ne_bis_in_idem():
    """Submitting the case for prosecution follows a refusal on the ground of nationality only:
    a person already judged there has been prosecuted."""
    data = read_data(DIPLOMAT)[0]
    data["persons"][0]["nationalities"] = ["NZL"]
    ans = answer(data, "2024-06-01")
    refusal = one(ans, "extradition_refusable", person="yoon", requesting="NZL", requested="KOR")
    assert refusal.holds is True and refusal.rule == "extradition.ne-bis-in-idem"
    assert ans.find("must_submit_for_prosecution", requesting="NZL", requested="KOR") == []


def test_before_the_later_events_the_answers_are_unchanged(kim):
    ans = answer(kim, "2020-08-10")
    ask = one(ans, "available_action", action="ask KOR to prosecute kim")
    assert ask.rule == "vcdr.31-4.ask-to-prosecute" and "moot" not in ask.text
    assert ans.find("available_action", state="KOR",
                    action="refuse extradition to NZL, having judged him for the same conduct") == []
