"""Every scenario binds to one step vocabulary, whatever feature file it comes from.

The step definitions live in tests/scenario_steps/; importing them here makes them visible
to every test module, so tests/test_features.py can collect any directory of .feature files.
Gherkin tags become pytest markers: a tag names an article the rules encode (`@vcdr-39-2`)
or one of a few kinds of scenario, and any other tag fails the run (pytest's --strict-markers),
so a misspelt article cannot pass unnoticed.
"""

import pytest
from hypothesis import settings

from scenario_steps.claims import *  # noqa: F401,F403
from scenario_steps.commands import *  # noqa: F401,F403
from scenario_steps.story import *  # noqa: F401,F403
from scenario_steps.features import feature_dirs, register_tags

# `pytest --slow`: each hypothesis property test tries this many generated cases (its decorator
# asks for max(its own count, the profile's)); without --slow they keep their own, a few hundred.
SLOW_EXAMPLES = 10_000


def pytest_addoption(parser):
    parser.addoption("--features", dest="feature_dirs", action="append", default=[], metavar="DIR",
                     help="also run the .feature files in DIR (repeatable), with the same step vocabulary")
    parser.addoption("--slow", action="store_true", default=False,
                     help=f"run the hypothesis property tests on {SLOW_EXAMPLES:,} examples each")


@pytest.hookimpl(trylast=True)  # after hypothesis's own --hypothesis-profile, so that --slow adds to it
def pytest_configure(config):
    feature_dirs.extend(config.getoption("feature_dirs"))
    register_tags(config)
    if config.getoption("slow"):
        settings.register_profile("slow", parent=settings.default, max_examples=SLOW_EXAMPLES)
        settings.load_profile("slow")
