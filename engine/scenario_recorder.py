"""A pytest plugin that records, per Gherkin scenario, the law it exercised.

pytest-bdd's cucumber JSON says which steps passed; it cannot say which rules fired or which
articles a Then-step checked. This plugin adds both, written as JSON to the file named by
`--scenario-record PATH`. Without that option it does nothing, so it is safe to load always.

Load it with `-p engine.scenario_recorder`; `engine.scenario_run` does, and reads the file back.
"""

from __future__ import annotations

import json
from contextlib import ExitStack
from pathlib import Path

import pytest

from engine.atomic import write_atomically
from engine.evaluation import rules_fired

# The fixture in which step bindings keep the conclusion the latest Then-step checked.
FOCUS_FIXTURE = "focus"
# Longest error message kept for a step: the rest is in pytest's own output.
MESSAGE_LIMIT = 2000


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.getgroup("scenario record").addoption(
        "--scenario-record", dest="scenario_record_path", metavar="PATH", default=None,
        help="write, per Gherkin scenario, the rules fired and the articles each Then-step checked (JSON)")


def pytest_configure(config: pytest.Config) -> None:
    path = config.getoption("scenario_record_path", default=None)
    if path and not hasattr(config, "workerinput"):  # one writer, never an xdist worker
        config.pluginmanager.register(ScenarioRecorder(Path(path)), "scenario-recorder")


def short_message(exception: BaseException) -> str:
    """The exception as a reader wants it: its type and message, without the traceback."""
    text = str(exception).strip()
    named = f"{type(exception).__name__}: {text}" if text else type(exception).__name__
    return named[:MESSAGE_LIMIT]


def _focused_conclusion(request: pytest.FixtureRequest):
    """The conclusion the bindings are focused on, or None where they keep no `focus`."""
    try:
        focus = request.getfixturevalue(FOCUS_FIXTURE)
    except pytest.FixtureLookupError:
        return None
    return focus.get("conclusion") if isinstance(focus, dict) else None


class ScenarioRecorder:
    """Collects one record per scenario run, and writes them all when the session ends."""

    def __init__(self, path: Path):
        self.path = path
        self.records: list[dict] = []
        self.open: dict[str, tuple[dict, ExitStack, set[str]]] = {}  # by test node id
        self.focus_before: dict[str, object] = {}
        self.by_node: dict[str, dict] = {}
        self.outside_scenarios: list[dict] = []  # failures of tests before any scenario began

    # -- scenarios -------------------------------------------------------------------------

    @pytest.hookimpl
    def pytest_bdd_before_scenario(self, request, feature, scenario) -> None:
        node = request.node
        callspec = getattr(node, "callspec", None)
        example = dict(callspec.params.get("_pytest_bdd_example") or {}) if callspec else {}
        record = {
            "nodeid": node.nodeid, "test": node.name,
            "feature_file": str(Path(feature.filename).resolve()), "feature_uri": feature.rel_filename,
            "feature_name": feature.name, "feature_description": feature.description or "",
            "feature_tags": sorted(feature.tags), "feature_line": feature.line_number,
            "scenario": scenario.name, "line": scenario.line_number, "tags": sorted(scenario.tags),
            "example": example, "steps": [], "rules_fired": [], "status": "passed", "error": None,
        }
        stack = ExitStack()
        fired = stack.enter_context(rules_fired())
        self.open[node.nodeid] = (record, stack, fired)
        self.records.append(record)
        self.by_node[node.nodeid] = record

    @pytest.hookimpl
    def pytest_bdd_after_scenario(self, request, feature, scenario) -> None:
        record, stack, fired = self.open.pop(request.node.nodeid)
        stack.close()
        record["rules_fired"] = sorted(fired)

    # -- steps -----------------------------------------------------------------------------

    def _step(self, request, step, status: str) -> dict:
        entry = {"keyword": step.keyword.strip(), "text": step.name, "type": step.type,
                 "line": step.line_number, "status": status, "error": None, "articles": []}
        self.by_node[request.node.nodeid]["steps"].append(entry)
        return entry

    @pytest.hookimpl
    def pytest_bdd_before_step(self, request, feature, scenario, step, step_func) -> None:
        self._step(request, step, "running")
        if step.type == "then":
            self.focus_before[request.node.nodeid] = _focused_conclusion(request)

    def _finish_step(self, request, step, status: str, error: str | None = None) -> None:
        entry = self.by_node[request.node.nodeid]["steps"][-1]
        entry["status"], entry["error"] = status, error
        if step.type == "then":
            before = self.focus_before.pop(request.node.nodeid, None)
            after = _focused_conclusion(request)
            if after is not None and after is not before:
                entry["articles"] = list(getattr(after, "cites", []) or [])

    @pytest.hookimpl
    def pytest_bdd_after_step(self, request, feature, scenario, step, step_func, step_func_args) -> None:
        self._finish_step(request, step, "passed")

    @pytest.hookimpl
    def pytest_bdd_step_error(self, request, feature, scenario, step, step_func, step_func_args,
                              exception) -> None:
        self._finish_step(request, step, "failed", short_message(exception))
        self.by_node[request.node.nodeid]["status"] = "failed"

    @pytest.hookimpl
    def pytest_bdd_step_func_lookup_error(self, request, feature, scenario, step, exception) -> None:
        entry = self._step(request, step, "undefined")
        entry["error"] = short_message(exception)
        self.by_node[request.node.nodeid]["status"] = "failed"

    # -- outcomes and the file -------------------------------------------------------------

    @pytest.hookimpl
    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        """A failure outside the steps (a fixture, teardown) fails the scenario too."""
        record = self.by_node.get(report.nodeid)
        if report.skipped and record is not None and record["status"] == "passed":
            record["status"] = "skipped"
        if not report.failed:
            return
        if record is None:
            self.outside_scenarios.append({"nodeid": report.nodeid, "when": report.when,
                                           "error": report.longreprtext[-MESSAGE_LIMIT:]})
            return
        record["status"] = "failed"
        if not any(step["status"] in ("failed", "undefined") for step in record["steps"]):
            record["error"] = record["error"] or report.longreprtext[-MESSAGE_LIMIT:]

    @pytest.hookimpl
    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        for nodeid in list(self.open):  # a scenario interrupted before its end
            record, stack, fired = self.open.pop(nodeid)
            stack.close()
            record["rules_fired"] = sorted(fired)
        payload = {"scenarios": self.records, "outside_scenarios": self.outside_scenarios}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(self.path, json.dumps(payload, indent=1, ensure_ascii=False))

