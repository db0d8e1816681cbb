"""Whose family: a family member's posting names the member whose household it belongs to
(`household_of`), the case file is refused when that name does not lead to one, and the
answers follow the household (VCDR art. 37; VCCR arts. 41, 43, 44).

The scenarios (scenarios/features/whose-family.feature) show the law; these tests hold the
case-file contract and the edges a scenario would not reach."""

from __future__ import annotations

import copy
import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from engine.evaluation import evaluate
from engine.loading import CaseFileError, parse_case, read_data
from engine.model import Case

ROOT = Path(__file__).resolve().parents[1]
HOUSEHOLD = ROOT / "scenarios" / "cases" / "household.yaml"
DAY = dt.date(2025, 6, 1)
CASE_FILES = sorted((ROOT / "scenarios" / "cases").glob("*.yaml")) + sorted((ROOT / "tests" / "cases").glob("*.yaml"))


def household_data() -> dict:
    data, _ = read_data(HOUSEHOLD)
    return copy.deepcopy(data)


def posting(data: dict, ident: str) -> dict:
    return next(p for p in data["postings"] if p["id"] == ident)


def index(data: dict, ident: str) -> int:
    return [p["id"] for p in data["postings"]].index(ident)


def refusal(data: dict) -> str:
    with pytest.raises(CaseFileError) as caught:
        parse_case(data, "household.yaml")
    return caught.value.message


def answers(case: Case, day: dt.date = DAY) -> dict:
    return {c.id: c for c in evaluate(case, day).answer.conclusions}


# --- the shipped case files are migrated -----------------------------------------------------

@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: p.name)
def test_every_family_member_in_a_shipped_case_file_says_whose_household(path: Path) -> None:
    data, _ = read_data(path)
    case = parse_case(data, path)
    unsaid = [p.id for p in case.postings if p.category and p.category.value == "family_member"
              and p.household_of is None and "not reported" not in (p.note or "")]
    assert unsaid == [], f"{path.name}: family members with no household_of (and no note saying why): {unsaid}"
    for p in case.postings:
        if p.household_of is not None:
            head = case.household(p)
            assert head is not None and head.mission == p.mission and head.category.value != "family_member"


def test_the_schema_documents_the_field() -> None:
    schema = Case.model_json_schema()
    field = schema["$defs"]["Posting"]["properties"]["household_of"]
    assert "household" in field["description"] and "not reported" in field["description"]


# --- a household that does not lead to a member of the same mission is refused ---------------

def test_a_dangling_household_is_refused_naming_the_field_and_the_choices() -> None:
    data = household_data()
    posting(data, "laura-canberra")["household_of"] = "the-ambassador"
    message = refusal(data)
    i = index(data, "laura-canberra")
    assert message.startswith(f"household.yaml: postings[{i}].household_of: expected the posting (or person) "
                              "of a member of fin-embassy-canberra who is not a family member"), message
    assert "aino-canberra" in message and "jussi-canberra" in message and "'the-ambassador'" in message
    assert "mikko-canberra" not in message.split("got")[0]  # family members are not offered


@pytest.mark.parametrize("ref, why", [
    ("erik-sydney", "a posting at fin-consulate-sydney"),
    ("mikko-canberra", "another family member's posting"),
    ("laura-canberra", "the family member's own posting"),
    ("erik", "who has no such posting there"),
    ("mikko", "who has no such posting there"),
])
def test_a_household_elsewhere_or_of_a_family_member_is_refused(ref: str, why: str) -> None:
    data = household_data()
    posting(data, "laura-canberra")["household_of"] = ref
    message = refusal(data)
    assert f"postings[{index(data, 'laura-canberra')}].household_of" in message and why in message, message


def test_a_person_with_two_postings_at_the_mission_must_be_named_by_posting() -> None:
    data = household_data()
    second = dict(posting(data, "jussi-canberra"), id="jussi-canberra-2", aliases=[], arrived="2025-01-06")
    data["postings"].append(second)
    message = refusal(data)
    assert "'jussi' has several at fin-embassy-canberra (jussi-canberra, jussi-canberra-2): name the posting" in message


def test_household_of_on_a_member_who_is_not_a_family_member_is_refused() -> None:
    data = household_data()
    posting(data, "jussi-canberra")["household_of"] = "aino-canberra"
    message = refusal(data)
    assert f"postings[{index(data, 'jussi-canberra')}].household_of: expected household_of only on a family " \
           "member's posting (category family_member), but this posting's category is administrative_technical" \
           in message, message


def test_household_of_with_the_category_not_reported_is_accepted() -> None:
    data = household_data()
    posting(data, "ville-canberra")["household_of"] = "aino-canberra"
    posting(data, "ville-canberra")["category"] = None
    parse_case(data)


def test_the_command_line_refuses_it_with_exit_code_2(tmp_path: Path) -> None:
    data = household_data()
    posting(data, "satu-canberra")["household_of"] = "nobody"
    broken = tmp_path / "broken.yaml"
    broken.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", "from engine.cli import main; main()", "at", "2025-06-01",
                           str(broken)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and done.stdout == "" and "Traceback" not in done.stderr, done.stderr
    assert f"postings[{index(data, 'satu-canberra')}].household_of: expected the posting (or person)" in done.stderr


# --- the answers follow the household -------------------------------------------------------

def test_naming_the_person_or_the_posting_gives_the_same_answers() -> None:
    by_person = household_data()
    by_posting = household_data()
    posting(by_posting, "laura-canberra")["household_of"] = "jussi-canberra"
    first, second = answers(parse_case(by_person)), answers(parse_case(by_posting))
    assert {k: (c.holds, c.rule, c.cites) for k, c in first.items()} == \
           {k: (c.holds, c.rule, c.cites) for k, c in second.items()}
    assert first["criminal_immunity:laura/AUS/laura-collision"].holds is True
    assert "posting:jussi-canberra" in first["criminal_immunity:laura/AUS/laura-collision"].because


def test_a_household_not_reported_leaves_every_answer_about_him_open_never_silent() -> None:
    found = answers(parse_case(household_data()))
    for question in ("criminal_immunity", "civil_immunity", "prosecutable"):
        c = found[f"{question}:ville/AUS/ville-fight"]
        assert c.holds is None and "whose household Ville Lehtonen forms part of" in c.needs, c
    for question in ("personal_inviolability", "must_give_evidence"):
        c = found[f"{question}:ville/AUS"]
        assert c.holds is None and "whose household" in c.needs, c


def test_a_national_of_the_receiving_state_needs_no_household_to_be_answered() -> None:
    data = household_data()
    next(p for p in data["persons"] if p["id"] == "ville")["nationalities"] = ["AUS"]
    found = answers(parse_case(data))
    c = found["criminal_immunity:ville/AUS/ville-fight"]
    assert c.holds is False and c.rule == "vcdr.37-4.no-immunity" and "VCDR art. 37(2)" in c.cites


def test_a_family_member_of_unreported_nationality_in_an_unreported_household_needs_both() -> None:
    data = household_data()
    next(p for p in data["persons"] if p["id"] == "ville")["nationalities"] = None
    c = answers(parse_case(data))["personal_inviolability:ville/AUS"]
    assert c.holds is None and "whose household" in c.needs and "whether he is a national of Australia" in c.needs


@pytest.mark.parametrize("nationalities, resident", [(["FIN"], []), (None, None), (["FIN"], None)])
def test_the_family_of_a_consular_officer_has_no_immunity_whatever_is_not_reported(nationalities, resident) -> None:
    data = household_data()
    helena = next(p for p in data["persons"] if p["id"] == "helena")
    helena["nationalities"], helena["permanent_resident_of"] = nationalities, resident
    del posting(data, "helena-sydney")["household_of"]
    found = answers(parse_case(data))
    assert found["criminal_immunity:helena/AUS/helena-assault"].holds is False
    assert found["personal_inviolability:helena/AUS"].holds is False
    assert found["must_give_evidence:helena/AUS"].holds is True
    assert found["criminal_immunity:helena/AUS/helena-assault"].rule == "vccr.43-1.not-covered"


def test_the_family_of_a_consular_officer_who_is_an_australian_national_has_what_australia_grants() -> None:
    data = household_data()
    next(p for p in data["persons"] if p["id"] == "helena")["nationalities"] = ["FIN", "AUS"]
    c = answers(parse_case(data))["criminal_immunity:helena/AUS/helena-assault"]
    assert c.holds is False and c.rule == "vccr.71-2.no-immunity"


def test_the_household_changes_the_answer_in_what_if() -> None:
    from engine.whatif import apply_set

    data = apply_set(household_data(), "postings.satu-canberra.household_of=aino-canberra")
    assert answers(parse_case(data))["criminal_immunity:satu/AUS/satu-shoplifting"].holds is True
    data = apply_set(household_data(), "postings.satu-canberra.household_of=null")
    assert answers(parse_case(data))["criminal_immunity:satu/AUS/satu-shoplifting"].holds is None


# --- every combination is answered, none silently -------------------------------------------

EMBASSY_HEADS = ("diplomatic_agent", "administrative_technical", "service_staff", "private_servant", None)
CONSULAR_HEADS = ("consular_officer", "consular_employee", "service_staff", "private_servant", None)
THREE = {"yes": ["AUS"], "no": ["FIN"], "unknown": None}


def family_case(kind: str, head: str | None, reported: bool, national: str, resident: str) -> dict:
    data = {
        "id": "family", "title": "a family member, every way",
        "states": [{"code": "FIN", "name": "Finland"}, {"code": "AUS", "name": "Australia"}],
        "persons": [{"id": "member", "name": "the member", "nationalities": ["FIN"], "permanent_resident_of": []},
                    {"id": "kin", "name": "the relative", "nationalities": THREE[national],
                     "permanent_resident_of": [] if resident == "no" else THREE[resident]}],
        "missions": [{"id": "m", "kind": kind, "sending_state": "FIN", "receiving_state": "AUS"}],
        "postings": [{"id": "member-m", "person": "member", "mission": "m", "category": head, "arrived": "2020-01-01"},
                     {"id": "kin-m", "person": "kin", "mission": "m", "category": "family_member",
                      "arrived": "2020-01-01", **({"household_of": "member-m"} if reported else {})}],
        "acts": [{"id": "act", "person": "kin", "when": "2024-01-01", "place": "a street", "state": "AUS",
                  "description": "an act", "official": False}],
    }
    return data


COMBINATIONS = [(kind, head, reported, national, resident)
                for kind, heads in (("embassy", EMBASSY_HEADS), ("consular_post", CONSULAR_HEADS))
                for head in heads for reported in (True, False)
                for national in THREE for resident in THREE]


@pytest.mark.parametrize("kind, head, reported, national, resident", COMBINATIONS)
def test_a_family_member_is_always_answered(kind, head, reported, national, resident) -> None:
    found = answers(parse_case(family_case(kind, head, reported, national, resident)), dt.date(2024, 6, 1))
    asked = ["personal_inviolability:kin/AUS", "must_give_evidence:kin/AUS",
             "criminal_immunity:kin/AUS/act", "civil_immunity:kin/AUS/act"]
    missing = [a for a in asked if a not in found]
    assert missing == [], missing
    for a in asked:
        c = found[a]
        assert c.holds is not None or c.needs, (a, c.text)
    criminal = found["criminal_immunity:kin/AUS/act"]
    if national == "yes" or kind == "consular_post":
        assert criminal.holds is False, criminal.text  # nothing, whatever else is unreported
    elif not reported:
        assert criminal.holds is None and "whose household" in criminal.needs
    elif head in ("service_staff", "private_servant"):
        assert criminal.holds is False, criminal.text  # art. 37(3)-(4): nothing for their families
    elif head is None:
        assert criminal.holds is None and "category of staff" in criminal.needs
    elif head == "diplomatic_agent":
        assert criminal.holds is {"no": True, "unknown": None}[national]  # art. 37(1): nationality only
    else:  # administrative and technical staff: art. 37(2), nationality and residence
        expected = False if resident == "yes" else True if (national, resident) == ("no", "no") else None
        assert criminal.holds is expected, (national, resident, criminal.text)
