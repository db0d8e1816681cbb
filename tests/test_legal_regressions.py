"""Legal points the engine once got wrong, pinned so they stay right.

Each test names the rule of law it checks; the fixtures vary the shipped cases in memory.
"""

import copy

import pytest

from case_checks import answer, kim, one  # noqa: F401  (kim is a fixture)
from engine.loading import SHIPPED_CASES, read_data

CONSULAR = SHIPPED_CASES / "consular.yaml"




@pytest.fixture
def consular() -> dict:
    return read_data(CONSULAR)[0]


def test_an_official_act_stays_immune_inside_the_window_of_departure(kim):
    """VCDR 31(1) before departure and 39(2) after both cover an official act: no uncertainty."""
    official = copy.deepcopy(kim)
    next(a for a in official["acts"] if a["id"] == "assault-2017")["official"] = True
    c = one(answer(official, "2018-02-10"), "criminal_immunity", person="kim", state="NZL")
    assert c.holds is True and c.window is None
    assert "VCDR art. 39(2)" in c.cites and "VCDR art. 31(1)" in c.cites
    # the same act, not official, is uncertain inside February 2018
    assert one(answer(kim, "2018-02-10"), "criminal_immunity", person="kim", state="NZL").holds is None


def test_an_official_consular_act_stays_immune_between_end_of_functions_and_departure(consular):
    """VCCR 43(1) while privileges run, 53(4) after: immune whichever is the case."""
    ans = answer(consular, "2024-07-10")
    official = [c for c in ans.find("criminal_immunity") if c.holds is True]
    assert official and all("VCCR art. 53(4)" in c.cites for c in official)
    assert all(not cite.startswith("VCDR") for c in official for cite in c.cites)


def test_whether_a_consular_act_may_be_tried_cites_the_vccr_not_the_vcdr(consular):
    ans = answer(consular, "2023-06-01")
    tried = ans.find("prosecutable")
    assert {c.holds for c in tried} == {True, False}  # the private act may be tried, the official one not
    for c in tried:
        assert c.rule.startswith("vccr."), c.rule
        assert not any(cite.startswith("VCDR") for cite in c.cites), c.cites


def test_a_consular_officer_under_a_warrant_may_be_arrested_only_for_a_grave_crime(consular):
    """VCCR 41(1): arrest pending trial only for a grave crime on a judicial decision; never the VCDR's art. 29."""
    warranted = copy.deepcopy(consular)
    officer = next(p["person"] for p in warranted["postings"] if p.get("category") == "consular_officer")
    act = next(a["id"] for a in warranted["acts"] if a["person"] == officer and a["official"] is False)
    state = next(m["receiving_state"] for m in warranted["missions"])
    warranted.setdefault("proceedings", []).append(
        {"id": "warrant-x", "kind": "arrest_warrant", "person": officer, "acts": [act], "state": state,
         "date": "2023-05-01"})
    c = one(answer(warranted, "2023-06-01"), "available_action", state=state,
            action=f"arrest {officer} if he is found there")
    assert c.holds is None and "grave crime" in c.needs
    assert c.rule == "vccr.41-1.arrest-if-found"


def test_no_extradition_question_rests_on_an_undated_charge(kim):
    """Before the February 2020 warrant, the only accusation is a charge the reports do not date."""
    before = answer(kim, "2019-06-01")
    assert before.find("extraditable_offence") == []
    assert not [c for c in before.find("available_action", state="NZL") if "extradition" in c.subject["action"]]
    after = answer(kim, "2020-08-10")
    assert one(after, "extraditable_offence", act="assault-2017", requesting="NZL").holds is True


def test_one_rule_is_named_once_among_the_grounds(kim):
    c = one(answer(kim, "2020-08-10"), "extradition_refusable", person="kim", requesting="NZL")
    assert len(c.also) == len(set(c.also))
    assert "kor-ea.9.own-national" in c.also


def test_a_declaration_of_persona_non_grata_obliges_recall_and_a_refusal_opens_non_recognition(kim):
    """VCDR art. 9(1): the sending State must recall or end functions; art. 9(2) with 43(b): if it
    refuses, the receiving State may refuse to recognise him, which ends his functions."""
    declared = copy.deepcopy(kim)
    declared["requests"].append({"id": "png-2017-12", "kind": "persona_non_grata", "from": "NZL", "to": "KOR",
                                 "concerning": ["kim"], "date": "2017-12-05"})
    ans = answer(declared, "2017-12-10")
    must = one(ans, "available_action", state="KOR", action="recall kim or end his functions (obliged)")
    assert must.holds is True and must.cites == ["VCDR art. 9(1)"]
    assert ans.find("available_action", state="NZL", action="refuse to recognise kim as a member of the mission") == []
    declared["requests"][-1]["response"] = {"outcome": "declined", "date": "2017-12-20", "by": "KOR"}
    refused = one(answer(declared, "2018-01-10"), "available_action", state="NZL",
                  action="refuse to recognise kim as a member of the mission")
    assert refused.holds is True and "VCDR art. 43(b)" in refused.cites
