"""Waiver and consent kept apart, waivers tied to their jurisdiction and their acts, the sending
State's jurisdiction read from its own law, and unverified law flagged wherever an answer rests
on it: in `immunity at`, and in `what-if` and `why-not`, printed and as JSON.

The scenarios (scenarios/features/waiver-and-consent.feature) show the law on the Kim case and
on an invented one; these tests check what no scenario sentence can: every shipped case on many
days, and the output of the commands that compare answers.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache

import pytest
from typer.testing import CliRunner

from engine.cli import app
from engine.evaluation import _ident, _walk, evaluate, rule_index
from engine.loading import load_case, read_data, shipped_cases
from engine.render import differences_text, flips_text
from engine.treaties import load_treaties
from engine.whatif import changed_case, differences
from engine.whynot import as_json as why_not_json
from engine.whynot import why_not

RUNNER = CliRunner()
DAYS = [dt.date(y, m, 15) for y in range(2016, 2026) for m in (3, 6, 9, 12)]
GRANTED = "requests.waiver-2019-09.response.outcome=granted"


@lru_cache(maxsize=None)
def case(name: str):
    return load_case(shipped_cases()[name]).case


@lru_cache(maxsize=None)
def evaluated(name: str, day: dt.date):
    return evaluate(case(name), day)


def every_answer():
    for name in shipped_cases():
        for day in DAYS:
            yield name, day, evaluated(name, day)


# --- consent is not a waiver ------------------------------------------------------------------

def test_a_request_asking_only_to_enter_the_premises_is_never_judged_as_a_waiver_under_art_32() -> None:
    """Entry asked for as a "waiver" is answered "no waiver", on art. 22(1) alone, on every day."""
    entry_only = {(name, r.id) for name in shipped_cases() for r in case(name).requests
                  if [s.value for s in r.scope] == ["premises_entry"]}
    assert ("kim", "waiver-2019-09") in entry_only and ("waiver", "footage-request") in entry_only
    for name, day, ev in every_answer():
        for c in ev.answer.find("waiver_effective"):
            if (name, c.subject["request"]) in entry_only:
                assert (c.holds, c.rule, c.cites) == (False, "vcdr.22-1.consent-is-no-waiver", ["VCDR art. 22(1)"]), \
                    (name, day, c.id)
            else:
                request = case(name).find("requests", c.subject["request"])
                assert any(s.value != "premises_entry" for s in request.scope), (name, day, c.id)


def test_the_kim_request_of_september_2019_is_answered_under_art_22_alone() -> None:
    for day in (dt.date(2019, 9, 15), dt.date(2019, 10, 1), dt.date(2020, 8, 10)):
        answer = evaluated("kim", day).answer
        [waiver] = answer.find("waiver_effective", request="waiver-2019-09")
        assert waiver.holds is False and waiver.cites == ["VCDR art. 22(1)"], (day, waiver)
        [entry] = answer.find("entry_permitted", request="waiver-2019-09")
        assert entry.holds is False and entry.cites == ["VCDR art. 22(1)"], (day, entry)
        assert "not of a waiver of immunity under art. 32" in entry.text


# --- a waiver reaches its own jurisdiction and its own acts ------------------------------------

def trial(answer, act: str):
    [c] = answer.find("prosecutable", act=act)
    return c


def test_a_waiver_naming_one_act_does_not_reach_another_act_of_the_same_person() -> None:
    answer = evaluated("waiver", dt.date(2024, 6, 15)).answer
    named, other = trial(answer, "elgin-assault"), trial(answer, "rideau-driving")
    assert (named.holds, named.rule) == (True, "vcdr.32-1.waived-for-act")
    assert (other.holds, other.rule) == (False, "vcdr.31-1.bars-trial")
    assert "request:holm-waiver" in named.because and "request:holm-waiver" not in other.because


@pytest.mark.parametrize("when,holds", [("2024-03-30", True), ("2024-04-02", True), ("2024-04-03", False)])
def test_a_waiver_naming_only_the_person_reaches_his_acts_done_by_the_time_it_was_asked_for(when, holds) -> None:
    data, _ = read_data(shipped_cases()["waiver"])
    changed = changed_case(data, ["requests.holm-waiver.concerning=[holm]", f"acts.rideau-driving.when={when}"],
                           None, "waiver")
    c = trial(evaluate(changed, dt.date(2024, 6, 15)).answer, "rideau-driving")
    assert (c.holds, c.rule) == (holds, "vcdr.32-1.waived-for-person"), c


def test_a_waiver_of_civil_jurisdiction_opens_neither_a_trial_nor_execution() -> None:
    data, _ = read_data(shipped_cases()["waiver"])
    changed = changed_case(data, ["requests.holm-waiver.scope=[civil_jurisdiction]"], None, "waiver")
    answer = evaluate(changed, dt.date(2024, 6, 15)).answer
    assert trial(answer, "elgin-assault").holds is False
    [hear] = answer.find("available_action", action="exercise civil jurisdiction over holm", act="elgin-assault")
    [execute] = answer.find("available_action", action="execute a judgment against holm", act="elgin-assault")
    assert (hear.holds, execute.holds, execute.rule) == (True, False, "vcdr.32-4.no-execution-waiver")


# --- the sending State's jurisdiction ----------------------------------------------------------

def test_art_31_4_never_answers_for_local_staff_family_outside_it_or_civil_claims() -> None:
    """Only members the Convention makes (or may make) immune, only for acts before a criminal
    proceeding; yes only where the sending State's own law gives a basis."""
    for name, day, ev in every_answer():
        cf = case(name)
        for c in ev.answer.find("sending_state_jurisdiction"):
            act = cf.find("acts", c.subject["act"])
            assert act.civil_matter is None, (name, day, c.id)
            if c.holds:
                assert c.rule == "vcdr.31-4.sending-state" or c.rule.startswith("kor-ca."), (name, day, c.id)
                assert "Korean Criminal Act art. 3" in c.cites, (name, day, c.id)
    embassy = evaluated("embassy", dt.date(2024, 5, 1)).answer
    assert {c.subject["person"] for c in embassy.find("sending_state_jurisdiction")} == {"costa"}


# --- unverified law, wherever an answer rests on it ------------------------------------------

def test_every_answer_carries_every_unverified_rule_and_term_its_derivation_rests_on() -> None:
    rules = rule_index()
    checked = 0
    for name, day, ev in every_answer():
        for c in ev.answer.conclusions:
            source = getattr(ev, "settled", {}).get(c.id, ev)
            keys = [k for k, f in source.derived.items()
                    if f["t"] == "conclusion" and _ident(f) == c.id and k not in source.dropped]
            below = {k for key in keys for k in _walk(key, source.derived)}
            needed = {source.derived[k]["rule"] for k in below if rules[source.derived[k]["rule"]].status.value == "unverified"}
            flagged = set(c.unverified)
            assert needed <= flagged, (name, day, c.id, needed - flagged)
            leaves = {b for k in below for b in source.derived[k]["because"] if b in source.inputs}
            for leaf in leaves:
                certainty = source.inputs[leaf].get("certainty", "verified")
                if certainty != "verified":
                    assert f"{leaf} ({certainty})" in flagged, (name, day, c.id, leaf)
            checked += bool(needed)
    assert checked > 50


def test_arrest_and_extradition_answers_resting_on_the_procedural_bar_say_so() -> None:
    answer = evaluated("kim", dt.date(2020, 8, 10)).answer
    [trial_nz] = answer.find("prosecutable", state="NZL")
    assert "vcdr.39-2.procedural" in trial_nz.unverified
    [arrest] = answer.find("available_action", state="NZL", action="arrest kim if he is found there")
    [extradition] = answer.find("available_action", state="NZL", action="request extradition from KOR")
    for c in (arrest, extradition):
        assert c.holds is True and "vcdr.39-2.procedural" in c.unverified, c


def test_the_mutual_assistance_treaty_terms_whose_articles_were_not_retrieved_are_unverified() -> None:
    [mla] = [t for t in load_treaties() if t.kind == "mutual_legal_assistance"]
    assert mla.terms and all(term.certainty.value == "unverified" for term in mla.terms.values())
    [request] = evaluated("kim", dt.date(2020, 8, 10)).answer.find(
        "available_action", action="request mutual legal assistance from KOR")
    assert "treaty:nzl-kor-mutual-assistance#assistance (unverified)" in request.unverified


def run(*args: str) -> str:
    result = RUNNER.invoke(app, list(args))
    assert result.exit_code == 0, result.stdout + result.stderr
    return result.stdout


def test_what_if_says_which_answers_rest_on_unverified_law_before_and_after() -> None:
    found = json.loads(run("what-if", "--set", GRANTED, "--at", "2019-10-01", "--json"))
    [entry] = found["differences"]
    assert entry["before"]["unverified"] == []
    assert entry["after"]["unverified"] == ["vcdr.22-1.consent-by-sending-state"]
    text = run("what-if", "--set", GRANTED, "--at", "2019-10-01")
    assert "Rests on law not verified: VCDR art. 22(1)." in text  # the rule's articles: its id is for --json
    # and the printed form is the renderer's, whatever the command around it
    data, _ = read_data(shipped_cases()["kim"])
    after = changed_case(data, [GRANTED], None, "kim")
    diffs = differences(evaluated("kim", dt.date(2019, 10, 1)).answer, evaluate(after, dt.date(2019, 10, 1)).answer)
    assert "Rests on law not verified: VCDR art. 22(1)." in differences_text(
        diffs, [GRANTED], None, "2019-10-01", after)


def test_why_not_says_which_answers_rest_on_unverified_law_the_one_asked_and_each_change() -> None:
    day = dt.date(2019, 10, 1)
    data, _ = read_data(shipped_cases()["kim"])
    answer = evaluated("kim", day).answer
    [entry] = answer.find("entry_permitted", request="waiver-2019-09")
    flips = why_not(data, case("kim"), entry, day)
    granted = [f for f in flips if f.changes == ("requests.waiver-2019-09.response.outcome=granted",)]
    assert granted and granted[0].unverified == ("vcdr.22-1.consent-by-sending-state",)
    assert granted[0].as_json()["unverified"] == ["vcdr.22-1.consent-by-sending-state"]
    text = flips_text([entry], {entry.id: flips}, case("kim"))
    assert "        Rests on law not verified: VCDR art. 22(1)." in text

    day = dt.date(2020, 8, 10)
    [trial_nz] = evaluated("kim", day).answer.find("prosecutable", state="NZL")
    flips = why_not(data, case("kim"), trial_nz, day)
    text = flips_text([trial_nz], {trial_nz.id: flips}, case("kim"))
    articles = "; ".join(rule_index()["vcdr.39-2.procedural"].cites)  # the rule's articles, not its id
    assert text.splitlines()[1] == f"  Rests on law not verified: {articles}."
    [record] = why_not_json([trial_nz], {trial_nz.id: flips})
    assert record["unverified"] == ["vcdr.39-2.procedural"] and record["flips"]
    assert all("unverified" in f for f in record["flips"])
    printed = json.loads(run("why-not", "prosecutable", "--subject", "person=kim,state=NZL,act=assault-2017",
                             "--at", "2020-08-10", "--json"))["answers"]
    assert printed and all("unverified" in f for t in printed for f in t["flips"])
