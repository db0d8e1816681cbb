"""Every scenario binds to one step vocabulary, whatever feature file it comes from.

The step definitions live in tests/scenario_steps/; importing them here makes them visible
to every test module, so tests/test_features.py can collect any directory of .feature files.
Gherkin tags become pytest markers: a tag names an article the rules encode (`@vcdr-39-2`)
or one of a few kinds of scenario, and any other tag fails the run (pytest's --strict-markers),
so a misspelt article cannot pass unnoticed.
"""

from scenario_steps.claims import *  # noqa: F401,F403
from scenario_steps.commands import *  # noqa: F401,F403
from scenario_steps.story import *  # noqa: F401,F403
from scenario_steps.features import feature_dirs, register_tags


def pytest_addoption(parser):
    parser.addoption("--features", dest="feature_dirs", action="append", default=[], metavar="DIR",
                     help="also run the .feature files in DIR (repeatable), with the same step vocabulary")


def pytest_configure(config):
    feature_dirs.extend(config.getoption("feature_dirs"))
    register_tags(config)
