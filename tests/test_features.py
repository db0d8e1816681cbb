"""The Gherkin scenarios: every .feature file under scenarios/features/ (and any directory
given with `pytest --features DIR`), bound to the one step vocabulary in tests/scenario_steps/."""

from pytest_bdd import scenarios

from scenario_steps.features import all_feature_dirs

for directory in all_feature_dirs():
    scenarios(str(directory))
