"""Run the Gherkin scenarios and read back what happened, as one structured report.

The scenarios run in a pytest subprocess, exactly as `pytest` runs them, so the report
describes the real suite and the engine's state in this process is untouched. Two files
come back: pytest-bdd's cucumber JSON (features, scenarios, steps, pass or fail) and the
record of `engine.scenario_recorder` (rules fired, articles each Then-step checked).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from collections import defaultdict, deque
from dataclasses import asdict, dataclass, field
from pathlib import Path

import engine

# The pytest modules that bind the Gherkin features (this one collects every feature file).
SCENARIO_MODULES: tuple[str, ...] = ("tests/test_features.py",)
# The pytest option of the binding module that adds a directory of feature files.
FEATURES_OPTION = "--features"
# pytest's exit codes: 0 all passed, 1 some failed; 4 a usage error, 5 nothing collected.
PYTEST_USAGE_ERROR, PYTEST_NOTHING_COLLECTED = 4, 5


class ScenarioRunError(Exception):
    """The scenarios could not be run at all; `exit_code` is the command's (2: the user's call)."""

    def __init__(self, message: str, exit_code: int = 2):
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code


@dataclass
class StepResult:
    keyword: str
    text: str
    status: str  # passed, failed, undefined (no binding), skipped (not reached)
    error: str | None = None
    articles: list[str] = field(default_factory=list)  # those the Then-step checked


@dataclass
class ScenarioResult:
    name: str
    line: int
    status: str  # passed, failed or skipped
    tags: list[str] = field(default_factory=list)
    example: dict[str, str] = field(default_factory=dict)  # an outline's row
    steps: list[StepResult] = field(default_factory=list)
    rules_fired: list[str] = field(default_factory=list)
    error: str | None = None  # a failure outside the steps
    test: str = ""  # pytest's node id

    @property
    def title(self) -> str:
        """The name, with an outline's example row: outlines repeat the same name."""
        if not self.example:
            return self.name
        return f"{self.name} ({', '.join(f'{k}: {v}' for k, v in self.example.items())})"


@dataclass
class FeatureResult:
    name: str
    file: str  # relative to the checkout when inside it
    description: str  # the opening paragraph
    tags: list[str] = field(default_factory=list)
    scenarios: list[ScenarioResult] = field(default_factory=list)


@dataclass
class ScenarioReport:
    features: list[FeatureResult]
    other_failures: list[dict] = field(default_factory=list)  # failed tests that are no scenario
    seconds: float = 0.0

    @property
    def scenarios(self) -> list[ScenarioResult]:
        return [s for f in self.features for s in f.scenarios]

    @property
    def failed(self) -> list[tuple[FeatureResult, ScenarioResult]]:
        return [(f, s) for f in self.features for s in f.scenarios if s.status == "failed"]

    def to_dict(self) -> dict:
        data = asdict(self)
        for feature, scenarios in zip(data["features"], self.features):
            for plain, scenario in zip(feature["scenarios"], scenarios.scenarios):
                plain["title"] = scenario.title
        return data


# ---------------------------------------------------------------------------------------
# Where the scenarios are.
# ---------------------------------------------------------------------------------------

def is_checkout(directory: Path) -> bool:
    pyproject = directory / "pyproject.toml"
    return (pyproject.is_file() and (directory / "tests").is_dir() and (directory / "scenarios").is_dir()
            and 'name = "immunity"' in pyproject.read_text(encoding="utf-8", errors="replace"))


def find_checkout(start: Path | None = None) -> Path:
    """The project's source checkout: from `start` (or the current directory) upward, else
    from where the engine package was imported. Installed without its source, there is none."""
    starts = [Path(start or Path.cwd()).resolve(), Path(engine.__file__).resolve().parent]
    for origin in starts:
        for directory in (origin, *origin.parents):
            if is_checkout(directory):
                return directory
    raise ScenarioRunError(
        "this command needs a source checkout of the project (pyproject.toml, tests/ and scenarios/), where "
        "the scenarios live; none was found above the current directory or the installed package")


# ---------------------------------------------------------------------------------------
# Running them.
# ---------------------------------------------------------------------------------------

def run_scenarios(feature_dirs: list[Path] | tuple = (), root: Path | None = None,
                  modules: tuple[str, ...] = SCENARIO_MODULES) -> ScenarioReport:
    """Run every scenario once (plus those under `feature_dirs`) and report on each."""
    root = root or find_checkout()
    missing = [m for m in modules if not (root / m).is_file()]
    if missing:
        raise ScenarioRunError(f"{root}: the scenario module {', '.join(missing)} is missing")  # a partial checkout
    extra = []
    for directory in feature_dirs:
        if not Path(directory).is_dir():
            raise ScenarioRunError(f"--features {directory}: not a directory")
        extra += [FEATURES_OPTION, str(Path(directory).resolve())]
    with tempfile.TemporaryDirectory(prefix="immunity-scenarios-") as work:
        cucumber, record = Path(work) / "cucumber.json", Path(work) / "record.json"
        command = [sys.executable, "-m", "pytest", *modules, *extra,
                   "-p", "engine.scenario_recorder", f"--scenario-record={record}",
                   f"--cucumberjson={cucumber}", "-q", "--tb=short", "-p", "no:cacheprovider"]
        started = time.monotonic()
        done = subprocess.run(command, cwd=root, capture_output=True, text=True)
        seconds = time.monotonic() - started
        if done.returncode not in (0, 1) or not cucumber.is_file() or not record.is_file():
            raise _run_failed(done, extra)
        report = read_report(json.loads(cucumber.read_text(encoding="utf-8")),
                             json.loads(record.read_text(encoding="utf-8")), root)
    report.seconds = round(seconds, 1)
    return report


def _run_failed(done: subprocess.CompletedProcess, extra: list[str]) -> ScenarioRunError:
    output = "\n".join((done.stdout + "\n" + done.stderr).strip().splitlines()[-25:])
    if done.returncode == PYTEST_USAGE_ERROR and extra and FEATURES_OPTION in output:
        return ScenarioRunError(f"the scenario modules ({', '.join(SCENARIO_MODULES)}) do not take "
                                f"{FEATURES_OPTION} yet:\n{output}")
    if done.returncode == PYTEST_NOTHING_COLLECTED:
        return ScenarioRunError(f"no scenario was found:\n{output}")
    return ScenarioRunError(f"the scenarios could not be run (pytest exit code {done.returncode}):\n{output}",
                            exit_code=1 if done.returncode != PYTEST_USAGE_ERROR else 2)


# ---------------------------------------------------------------------------------------
# Reading back: cucumber JSON for what ran, the record for the law it touched.
# ---------------------------------------------------------------------------------------

def opening_paragraph(description: str) -> str:
    """The first paragraph of a feature's description, as one line."""
    paragraph = []
    for line in (description or "").strip().splitlines():
        if not line.strip():
            break
        paragraph.append(line.strip())
    return " ".join(paragraph)


def short_error(text: str | None) -> str | None:
    """pytest's report of a failure, cut to the lines that say what went wrong ("E   ...")."""
    if not text:
        return None
    said = [line[1:].strip() for line in text.splitlines() if line.startswith("E ")]
    return "\n".join(said) if said else text.strip().splitlines()[-1]


def _key(uri: str, test: str, line: int) -> tuple:
    return uri, test, line


def read_report(cucumber: list[dict], recorded: dict, root: Path) -> ScenarioReport:
    """Join the two files scenario by scenario (same feature, test and line)."""
    records: dict[tuple, deque] = defaultdict(deque)
    for record in recorded.get("scenarios", []):
        records[_key(record["feature_uri"], record["test"], record["line"])].append(record)
    features: dict[str, FeatureResult] = {}

    def feature_for(file: str, name: str, description: str, tags: list[str]) -> FeatureResult:
        if file not in features:
            features[file] = FeatureResult(name=name, file=file, description=opening_paragraph(description),
                                           tags=sorted(tags))
        return features[file]

    for feature in cucumber:
        for element in feature.get("elements", []):
            queue = records.get(_key(feature["uri"], element["id"], element["line"]))
            record = queue.popleft() if queue else None
            file = _relative(record["feature_file"], root) if record else feature["uri"]
            owner = feature_for(file, feature["name"], feature.get("description", ""),
                                [t["name"] for t in feature.get("tags", [])])
            owner.scenarios.append(_scenario(element, record))
    for queue in records.values():  # recorded, yet absent from cucumber JSON (no steps, say)
        for record in queue:
            owner = feature_for(_relative(record["feature_file"], root), record["feature_name"],
                                record["feature_description"], record["feature_tags"])
            owner.scenarios.append(_scenario(None, record))
    return ScenarioReport(features=list(features.values()),
                          other_failures=[{"test": f["nodeid"], "error": short_error(f["error"])}
                                          for f in recorded.get("outside_scenarios", [])])


def _relative(file: str, root: Path) -> str:
    path = Path(file)
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _scenario(element: dict | None, record: dict | None) -> ScenarioResult:
    written = (element or {}).get("steps", [])
    ran = (record or {}).get("steps", [])
    steps = []
    for index in range(max(len(written), len(ran))):
        if index < len(ran):
            step = ran[index]
            fallback = written[index]["result"].get("error_message") if index < len(written) else None
            steps.append(StepResult(keyword=step["keyword"], text=step["text"], status=step["status"],
                                    error=step["error"] or short_error(fallback), articles=step["articles"]))
            continue
        step = written[index]
        status = step["result"]["status"]
        if record is not None:
            status = "skipped"  # the recorder saw no start: an earlier step failed
        steps.append(StepResult(keyword=step["keyword"].strip(), text=step["name"], status=status,
                                error=short_error(step["result"].get("error_message"))))
    if record is not None:
        status = record["status"]
    else:
        status = "failed" if any(s.status == "failed" for s in steps) else "passed"
    name = record["scenario"] if record else element["name"]
    line = record["line"] if record else element["line"]
    tags = record["tags"] if record else sorted(t["name"] for t in element.get("tags", []))
    return ScenarioResult(name=name, line=line, status=status, tags=tags,
                          example=(record or {}).get("example", {}), steps=steps,
                          rules_fired=(record or {}).get("rules_fired", []),
                          error=short_error((record or {}).get("error")),
                          test=(record or {}).get("nodeid", element["id"] if element else ""))
