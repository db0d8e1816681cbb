"""The case file's JSON Schema (`immunity schema`) is documentation and a contract for editors.

A person writing a case file in an editor sees the schema's descriptions, not engine/model.py,
so every field and every enum value must say what it means. And a standard validator, reading
the YAML as standard YAML (where an unquoted 2018-02-14 is a date, not text), must agree with the
engine on the files we ship and on the usual mistakes: otherwise the schema misleads.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from engine.dates import FuzzyDate
from engine.loading import CaseFileError, load_case

ROOT = Path(__file__).resolve().parent.parent
CASE_FILES = sorted((ROOT / "scenarios" / "cases").glob("*.yaml")) + sorted((ROOT / "tests" / "cases").glob("*.yaml"))


@pytest.fixture(scope="module")
def schema() -> dict:
    """The schema exactly as users get it: from the CLI."""
    out = subprocess.run([sys.executable, "-c", "from engine.cli import main; main()", "schema"],
                         capture_output=True, text=True, cwd=ROOT, check=True).stdout
    return json.loads(out)


@pytest.fixture(scope="module")
def validator(schema) -> Draft202012Validator:
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def nodes(node, path="#"):
    """Every schema object inside `node`, with a readable path."""
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from nodes(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from nodes(value, f"{path}/{i}")


# --- (a) every field and every enum value is described ----------------------------------------

def test_every_property_of_every_model_has_a_description(schema) -> None:
    undescribed, counted = [], 0
    for path, node in nodes(schema):
        if path.endswith("/examples") or "/examples/" in path:
            continue
        for name, prop in node.get("properties", {}).items():
            counted += 1
            if not str(prop.get("description", "")).strip():
                undescribed.append(f"{path}/properties/{name}")
    assert counted > 100  # the walk did reach the models in $defs
    assert undescribed == []


def test_every_model_and_enum_says_what_it_is(schema) -> None:
    assert "engine checks" in schema["description"]  # what the schema cannot say: references resolve
    assert [name for name, d in schema["$defs"].items() if not d.get("description", "").strip()] == []


def test_every_enum_value_is_described_as_a_const(schema) -> None:
    enums = [(path, node) for path, node in nodes(schema) if "enum" in node]
    assert len(enums) >= 10  # the enums of engine/model.py
    for path, node in enums:
        described = {choice["const"]: choice.get("description", "") for choice in node.get("oneOf", [])}
        assert list(described) == node["enum"], path
        assert all(text.strip() for text in described.values()), path


def test_dates_are_strings_with_a_pattern_and_examples(schema) -> None:
    arrived = schema["$defs"]["Posting"]["properties"]["arrived"]
    date = next(choice for choice in arrived["anyOf"] if choice.get("type") == "string")
    assert date["pattern"] and date["examples"] == ["2018-02-14", "2018-02", "2018"]
    assert schema["$defs"]["State"]["properties"]["code"]["examples"][0] == "NZL"


@pytest.mark.parametrize("text, valid", [
    ("2018", True), ("2018-02", True), ("2018-02-14", True), ("2020-02-29", True),
    ("2019-13", False), ("2019-00", False), ("2018-02-32", False), ("2018-2", False), ("18-02-14", False),
    ("2018-02-14T10:00", False), ("February 2018", False), ("", False),
])
def test_the_date_pattern_agrees_with_the_engine(schema, text: str, valid: bool) -> None:
    arrived = schema["$defs"]["Posting"]["properties"]["arrived"]
    pattern = Draft202012Validator(next(c for c in arrived["anyOf"] if c.get("type") == "string"))
    assert pattern.is_valid(text) is valid
    try:
        FuzzyDate(text)
        engine = True
    except ValueError:
        engine = False
    assert engine is valid


# --- (b) standard validators accept what we ship ----------------------------------------------

@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_each_shipped_case_file_is_valid_to_a_standard_validator(validator, path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))  # YAML 1.1: an unquoted 2018-02-14 is a date
    problems = [f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]
    assert problems == [], "a date left unquoted? write arrived: \"2018-02-14\""
    load_case(path)  # and the engine agrees


def test_the_case_files_are_found() -> None:
    assert len(CASE_FILES) >= 12


# --- (c) both refuse the usual mistakes ------------------------------------------------------

def good_case() -> dict:
    return yaml.safe_load((ROOT / "tests" / "cases" / "two_tours.yaml").read_text(encoding="utf-8"))


def wrong_category(data):
    data["postings"][0]["category"] = "ambassador"


def impossible_month(data):
    data["postings"][0]["arrived"] = "2019-13"


def misspelt_field(data):
    data["postings"][0]["arival"] = data["postings"][0].pop("arrived")


def date_in_words(data):
    data["acts"][0]["when"] = "14 March 2021"


@pytest.mark.parametrize("spoil, field", [
    (wrong_category, "category"), (impossible_month, "arrived"), (misspelt_field, "arival"),
    (date_in_words, "when"),
])
def test_both_refuse_a_bad_case_file(validator, tmp_path: Path, spoil, field: str) -> None:
    data = good_case()
    assert validator.is_valid(data)
    spoil(data)
    assert not validator.is_valid(data)
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    with pytest.raises(CaseFileError) as refused:
        load_case(path)
    assert field in str(refused.value)


def test_a_dangling_reference_passes_the_schema_but_not_the_engine(validator, tmp_path: Path) -> None:
    """What JSON Schema cannot express, and the schema's description says the engine checks."""
    data = good_case()
    data["postings"][0]["mission"] = "no-such-mission"
    assert validator.is_valid(data)
    path = tmp_path / "dangling.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    with pytest.raises(CaseFileError, match="postings\\[0\\].mission"):
        load_case(path)
