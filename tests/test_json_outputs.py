"""Every --json output is a documented, versioned shape: it names itself, the engine and the
case file, validates against the JSON Schema `immunity schema --output NAME` prints, and is
byte-identical when the same command is run again."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from engine.evaluation import engine_version

ROOT = Path(__file__).resolve().parents[1]
KIM = ROOT / "scenarios" / "cases" / "kim.yaml"
IMMUNITY = ["immunity"] if shutil.which("immunity") else [sys.executable, "-m", "engine.cli"]

OUTPUTS = {
    "answer": ["at", "2020-08-10"],
    "explanations": ["explain", "criminal_immunity", "--subject", "kim", "--at", "2020-08-10"],
    "what-if": ["what-if", "--set", "requests.waiver-2019-09.response.outcome=granted", "--at", "2019-10-01"],
    "timeline": ["timeline", "--subject", "kim", "--question", "criminal_immunity"],
    "why-not": ["why-not", "criminal_immunity", "--subject", "person=kim,state=NZL", "--at", "2020-08-10"],
}


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*IMMUNITY, *args], capture_output=True, cwd=ROOT, timeout=300,
                          env={**os.environ, "COLUMNS": "100"})


def schema(name: str) -> dict:
    done = run("schema", "--output", name)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.parametrize("shape", sorted(OUTPUTS))
def test_an_output_names_itself_validates_and_repeats_byte_for_byte(shape: str) -> None:
    first, second = run(*OUTPUTS[shape], "--json"), run(*OUTPUTS[shape], "--json")
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout  # byte-identical
    data = json.loads(first.stdout)
    assert data["shape"] == shape and data["shape_version"] == 1
    assert data["engine"] == engine_version() and data["case"] == "kim"
    assert data["case_sha256"] == hashlib.sha256(KIM.read_bytes()).hexdigest()
    jsonschema.Draft202012Validator(schema(shape)).validate(data)


def test_a_batch_line_validates_against_its_schema(tmp_path: Path) -> None:
    shutil.copy(KIM, tmp_path / "kim.yaml")
    (tmp_path / "bad.yaml").write_text("id: bad\n", encoding="utf-8")
    done = run("batch", str(tmp_path), "--at", "2020-08-10")
    lines = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert [line["shape"] for line in lines] == ["batch-line", "batch-line"]
    validator = jsonschema.Draft202012Validator(schema("batch-line"))
    for line in lines:
        validator.validate(line)
    assert "error" in lines[0] and "answer" in lines[1]


def test_a_schema_rejects_what_its_shape_does_not_allow() -> None:
    data = json.loads(run(*OUTPUTS["answer"], "--json").stdout)
    data["surprise"] = 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema("answer")).validate(data)
    data = json.loads(run(*OUTPUTS["why-not"], "--json").stdout)
    data["shape_version"] = 2
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema("why-not")).validate(data)


def test_nothing_to_explain_is_an_empty_list_in_the_same_shape() -> None:
    data = json.loads(run("explain", "criminal_immunity", "--subject", "nobody", "--at", "2020-08-10", "--json").stdout)
    assert data["shape"] == "explanations" and data["explanations"] == []


def test_the_answer_key_and_the_coverage_are_versioned_shapes_too() -> None:
    args = ["exercise", "--rounds", "3", "--seed", "2", "--json"]
    first, second = run(*args), run(*args)
    assert first.returncode == 0 and first.stdout == second.stdout
    key = json.loads(first.stdout)
    assert key["shape"] == "exercise-key" and key["engine"] == engine_version() and len(key["exercises"]) == 3
    jsonschema.Draft202012Validator(schema("exercise-key")).validate(key)
    done = run("coverage", "--json")
    assert done.returncode == 0, done.stderr[-2000:]
    coverage = json.loads(done.stdout)
    assert coverage["shape"] == "coverage" and coverage["scenarios"] > 100
    jsonschema.Draft202012Validator(schema("coverage")).validate(coverage)
