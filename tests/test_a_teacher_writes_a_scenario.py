"""A teacher's own case file and feature, in a folder of their own, run with no Python edits.

The feature uses only the sentences of scenarios/STEPS.md and names things by the case file's
own names and aliases. `pytest --features DIR` runs it; a claim the engine does not make fails.
"""

import subprocess
import sys

from mutation import ROOT

CASE = """\
id: class-case
title: A teacher's invented case
sources: [{label: T1, title: Invented for a class}]
states: [{code: FRA, name: France}, {code: ITA, name: Italy}]
persons:
  - {id: dupont, name: Jean Dupont, aliases: [the ambassador], nationalities: [FRA],
     permanent_resident_of: [], sources: [T1]}
missions:
  - {id: fra-rome, kind: embassy, sending_state: FRA, receiving_state: ITA, city: Rome, sources: [T1]}
postings:
  - {id: dupont-rome, person: dupont, mission: fra-rome, category: diplomatic_agent,
     arrived: "2020-01-15", sources: [T1]}
acts:
  - {id: crash, aliases: [the crash], person: dupont, when: "2021-03-02", place: a street in Rome,
     state: ITA, description: a car crash on a private outing, official: false, sources: [T1]}
"""

FEATURE = """\
Feature: A class's own case
  Scenario: In post, the ambassador is immune even for a private act
    Given the case in "class-case.yaml"
    When we ask what applied on 1 June 2021
    Then the ambassador {verdict} immune from Italy's criminal jurisdiction for the crash
    And the answer cites VCDR art. 31(1)
"""


def run(tmp_path, verdict: str) -> subprocess.CompletedProcess:
    (tmp_path / "class-case.yaml").write_text(CASE, encoding="utf-8")
    (tmp_path / "class.feature").write_text(FEATURE.format(verdict=verdict), encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "pytest", str(ROOT / "tests" / "test_features.py"), "-q",
                           "-p", "no:cacheprovider", "--features", str(tmp_path), "-k", "private_act"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_a_true_claim_in_a_new_case_and_feature_passes(tmp_path):
    done = run(tmp_path, "is")
    assert done.returncode == 0, done.stdout[-3000:]
    assert done.stdout.splitlines()[-1].startswith("1 passed"), done.stdout[-500:]


def test_a_false_claim_fails_the_run(tmp_path):
    done = run(tmp_path, "is not")
    assert done.returncode == 1, done.stdout[-3000:]
    assert "criminal_immunity:dupont/ITA/crash" in done.stdout and "expected False, got True" in done.stdout
