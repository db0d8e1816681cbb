"""The living documentation: `immunity docs` and `immunity coverage`, checked as a reader sees them.

The pages are opened in a real headless browser (Debian's chromium), because what matters
is the text a lawyer reads, not the HTML we meant to write. The scenario suite is run twice
for the whole module, not per test: once in process (the report), once by `immunity docs`.
Both runs add a feature file with a scenario that must fail, to see a failure reported.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engine.cli import app
from engine.coverage import NON_ARTICLE_TAGS, article_tag, coverage, encoded_articles
from engine.scenario_run import (FeatureResult, ScenarioReport, ScenarioResult, ScenarioRunError, StepResult,
                                 find_checkout, run_scenarios)
from rules import RULES

CHROMIUM = "/usr/bin/chromium"
INSTALL_CHROMIUM = "apt-get update && apt-get install -y chromium (Debian's package; .ci/run does it)"
CHECKOUT = Path(__file__).resolve().parents[1]

FAILING_FEATURE = """\
Feature: A deliberately failing scenario
  Written by tests/test_living_docs.py, to see a failure reported as one.

  Scenario: A claim the engine contradicts
    Given the Kim case as the reports tell it
    When we ask what applied on 15 June 2017
    Then Kim is not immune from New Zealand's criminal jurisdiction for the 2017 assaults
    And the answer cites VCDR art. 31(1)
"""
FAILING_SCENARIO = "A claim the engine contradicts"


@pytest.fixture(scope="module")
def failing_features(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("failing-features")
    (directory / "deliberately-failing.feature").write_text(FAILING_FEATURE, encoding="utf-8")
    return directory


@pytest.fixture(scope="module")
def report(failing_features) -> ScenarioReport:
    """Every shipped scenario, and the deliberately failing one."""
    return run_scenarios([failing_features])


def shipped_only(report: ScenarioReport) -> ScenarioReport:
    return ScenarioReport(features=[f for f in report.features if f.file.startswith("scenarios/")],
                          other_failures=report.other_failures)


@pytest.fixture(scope="module")
def docs(tmp_path_factory, failing_features) -> tuple[subprocess.CompletedProcess, Path]:
    """`immunity docs`, as a user runs it, from the checkout."""
    out = tmp_path_factory.mktemp("docs") / "site"
    done = subprocess.run([sys.executable, "-c", "from engine.cli import main; main()", "docs",
                           "--out", str(out), "--features", str(failing_features)],
                          cwd=CHECKOUT, capture_output=True, text=True, timeout=600)
    return done, out


def chromium() -> str:
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"{CHROMIUM} is missing: these tests open the pages in a real browser. Install it: "
                    f"{INSTALL_CHROMIUM}")
    return CHROMIUM


def browse(url: str, profile: Path, *flags: str) -> str:
    """The DOM of `url` once loaded, from headless chromium with nothing fetched from the network."""
    done = subprocess.run(
        [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={profile}", *flags, "--dump-dom", url],
        capture_output=True, text=True, timeout=180)
    assert done.returncode == 0 and done.stdout.strip(), f"chromium failed ({done.returncode}): {done.stderr[-2000:]}"
    return done.stdout


PROBE = """<!DOCTYPE html><html><body><pre id="image">not loaded</pre><pre id="text">not loaded</pre>
<iframe id="page" src="{url}" style="width:1280px;height:900px"></iframe>
<script>
document.getElementById('page').addEventListener('load', function () {{
  var page = this.contentDocument;
  var picture = page.querySelector('img[src="timeline.svg"]');
  document.getElementById('image').textContent =
    picture ? (picture.complete ? 'loaded ' : 'loading ') + picture.naturalWidth + 'x' + picture.naturalHeight : 'none';
  document.getElementById('text').textContent = page.body.innerText;
}});
</script></body></html>
"""


@pytest.fixture(scope="module")
def rendered(docs, tmp_path_factory) -> dict[str, str]:
    """What the browser shows of index.html: its text (innerText), and the timeline image's size.
    A probe page (test code, not part of the docs) frames it and reads both out."""
    _, out = docs
    work = tmp_path_factory.mktemp("browser")
    probe = work / "probe.html"
    probe.write_text(PROBE.format(url=(out / "index.html").as_uri()), encoding="utf-8")
    dom = browse(probe.as_uri(), work / "profile", "--allow-file-access-from-files", "--virtual-time-budget=15000")
    found = {name: html.unescape(m) for name, m in re.findall(r'<pre id="(\w+)">(.*?)</pre>', dom, re.S)}
    assert found.get("text", "not loaded") != "not loaded", f"the page did not load in the probe: {dom[:500]}"
    return found


# ---------------------------------------------------------------------------------------
# (a) `immunity docs` writes both pages, and a browser shows what they should.
# ---------------------------------------------------------------------------------------

def test_docs_writes_the_pages_and_fails_for_the_failed_scenario(docs):
    done, out = docs
    assert done.returncode == 1, f"a scenario failed, so exit 1; got {done.returncode}: {done.stderr[-2000:]}"
    assert f"scenario failed: {FAILING_SCENARIO}" in done.stderr
    for name in ("index.html", "index.md", "timeline.svg"):
        assert (out / name).is_file() and (out / name).stat().st_size > 0, name
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")], "a temporary file was left behind"


def test_every_scenario_appears_with_its_status(rendered, report):
    headings = Counter(re.findall(r"^\d+\. (.+) (PASSED|FAILED|SKIPPED)$", rendered["text"], re.M))
    expected = Counter((s.name, s.status.upper()) for s in report.scenarios)
    assert headings == expected
    assert headings[(FAILING_SCENARIO, "FAILED")] == 1


def test_the_failing_step_and_its_message_are_shown(rendered):
    text = rendered["text"]
    failing = text[text.index(FAILING_SCENARIO):]
    assert re.search(r"Then Kim is not immune from New Zealand's criminal jurisdiction for the 2017 "
                     r"assaults FAILED", failing)
    assert "AssertionError" in failing and "expected False, got True" in failing
    assert re.search(r"And the answer cites VCDR art\. 31\(1\) NOT RUN", failing)


def test_then_steps_show_the_articles_they_check(rendered, report):
    text = rendered["text"]
    failing = text[text.index(FAILING_SCENARIO):]
    assert re.search(r"assaults FAILED\nchecks [^\n]*VCDR art\. 31\(1\)", failing)
    checking = [step for s in report.scenarios for step in s.steps if step.articles]
    assert len(checking) > len(report.scenarios), "few Then-steps record the articles they check"
    assert len(re.findall(r"^checks ", text, re.M)) == len(checking)


def test_command_then_steps_record_the_articles_they_check(report):
    """explain, what-if and why-not steps say which articles they checked, as claims do."""
    steps = [(st.text, st.articles) for sc in report.scenarios for st in sc.steps]
    applies = [a for text, a in steps if text.startswith("the reasoning applies VCDR art. 39(2)")]
    assert applies and all(a == ["VCDR art. 39(2)"] for a in applies)
    assert any(text.startswith("entry to") and "VCDR art. 22(1)" in a for text, a in steps)
    assert any(text.startswith("with that change the answer would turn") and "VCDR art. 39(2)" in a
               for text, a in steps)
    assert any(text.startswith("the explanation answers") and a for text, a in steps)


def test_the_coverage_table_lists_every_encoded_article(rendered):
    table = rendered["text"][rendered["text"].index("Coverage by article\n"):]
    for article in encoded_articles(RULES):
        assert re.search(rf"^{re.escape(article)}\t", table, re.M), f"{article} is not in the coverage table"


def test_the_timeline_picture_is_shown(rendered, docs):
    _, out = docs
    assert re.fullmatch(r"loaded [1-9]\d*x[1-9]\d*", rendered["image"]), f"timeline image: {rendered['image']}"
    assert (out / "timeline.svg").read_text(encoding="utf-8").lstrip().startswith(("<?xml", "<svg"))


def test_the_page_is_self_contained(docs):
    page = (docs[1] / "index.html").read_text(encoding="utf-8")
    assert "<script" not in page.lower()
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page, re.I), "something is fetched from the network"
    assert not re.search(r"@import|url\(", page), "the CSS loads something"


def test_the_markdown_page_has_every_scenario_and_article(docs, report):
    page = (docs[1] / "index.md").read_text(encoding="utf-8")
    statuses = Counter(re.findall(r"^### \d+\. .+: (passed|failed|skipped)$", page, re.M))
    assert statuses == Counter(s.status for s in report.scenarios)
    assert "## Coverage by article" in page and "](timeline.svg)" in page
    rows = [line.replace("\\", "") for line in page.splitlines() if line.startswith("| ")]
    for article in encoded_articles(RULES):
        assert any(row.startswith(f"| {article} |") for row in rows), f"{article} is not in the coverage table"


# ---------------------------------------------------------------------------------------
# (b) Coverage of the shipped scenarios.
# ---------------------------------------------------------------------------------------

def test_coverage_lists_every_article_the_rules_encode(report):
    found = coverage(shipped_only(report))
    assert [a.article for a in found.articles] == list(encoded_articles(RULES))
    assert isinstance(found.unfired_rules, list)
    assert set(found.unfired_rules) <= {r.id for r in RULES}
    assert found.tag_errors == []
    exercised = [a for a in found.articles if a.exercised_by]
    assert exercised, "no article is exercised: the recorder saw no rule fire"


def test_every_rule_is_fired_by_a_scenario(report):
    """Law no scenario puts to the test is law nobody has checked reads as intended."""
    unfired = coverage(shipped_only(report)).unfired_rules
    assert unfired == [], f"{len(unfired)} rules fire in no scenario: {', '.join(unfired)}"


def test_command_scenarios_record_the_rules_they_fire(report):
    """The command scenarios run the CLI in process: its evaluations are recorded too. (Some
    what-if scenarios are refused before any evaluation, so they are not taken here.)"""
    commands = [s for f in report.features if f.file.endswith(("explain.feature", "timeline.feature"))
                for s in f.scenarios]
    assert commands and all(s.rules_fired for s in commands)


# ---------------------------------------------------------------------------------------
# (c) A feature directory given with --features, whose scenario fails.
# ---------------------------------------------------------------------------------------

def test_a_failing_scenario_is_reported_as_failed(report, failing_features):
    [feature] = [f for f in report.features if f.name == "A deliberately failing scenario"]
    assert feature.file == str(failing_features / "deliberately-failing.feature")
    assert feature.description == "Written by tests/test_living_docs.py, to see a failure reported as one."
    [scenario] = feature.scenarios
    assert scenario.status == "failed"
    assert [(s.keyword, s.status) for s in scenario.steps] == [
        ("Given", "passed"), ("When", "passed"), ("Then", "failed"), ("And", "skipped")]
    then = scenario.steps[2]
    assert then.error.startswith("AssertionError") and "expected False, got True" in then.error
    assert "VCDR art. 31(1)" in then.articles, "the failed Then-step still names what it checked"
    assert "vcdr.31-1.criminal" in scenario.rules_fired
    assert (feature, scenario) in report.failed


# ---------------------------------------------------------------------------------------
# Cheap checks: tags, the checkout, bad arguments.
# ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("cite, tag", [
    ("VCDR art. 39(2)", "vcdr-39-2"),
    ("NZ Extradition Act 1999 s 61", "nz-extradition-act-1999-s-61"),
    ("VCDR arts. 31(1)(a)", "vcdr-31-1-a"),
    ("Extradition treaty (dual criminality)", "extradition-treaty-dual-criminality"),
    ("Korean Extradition Act art. 3-2", "korean-extradition-act-3-2"),
])
def test_article_tag(cite, tag):
    assert article_tag(cite) == tag


def test_every_encoded_article_has_its_own_tag():
    tags = [article_tag(cite) for cite in encoded_articles(RULES)]
    assert len(set(tags)) == len(tags)
    assert not set(tags) & NON_ARTICLE_TAGS


def _one_scenario_report(feature_tags: list[str], scenario_tags: list[str]) -> ScenarioReport:
    scenario = ScenarioResult(name="s", line=3, status="passed", tags=scenario_tags, test="t::s",
                              steps=[StepResult("Given", "x", "passed")], rules_fired=["vcdr.29.inviolable"])
    return ScenarioReport(features=[FeatureResult("f", "f.feature", "", feature_tags, [scenario])])


def test_a_tag_naming_no_encoded_article_is_an_error():
    found = coverage(_one_scenario_report(["vcdr-29", "kim"], ["vcdr-99-9", "command"]))
    assert found.tag_errors == ["f.feature:3: the scenario 's' is tagged @vcdr-99-9, "
                                "which names no article the rules encode"]
    [art29] = [a for a in found.articles if a.article == "VCDR art. 29"]
    assert [r.scenario for r in art29.tagged_in] == ["s"] and [r.scenario for r in art29.exercised_by] == ["s"]


def test_without_a_source_checkout_the_commands_say_so(tmp_path, monkeypatch):
    import engine

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(engine, "__file__", str(tmp_path / "site-packages" / "engine" / "__init__.py"))
    with pytest.raises(ScenarioRunError) as raised:
        find_checkout()
    assert raised.value.exit_code == 2
    result = CliRunner().invoke(app, ["coverage"])
    assert result.exit_code == 2 and "source checkout" in result.output


def test_a_features_option_that_is_no_directory_is_a_bad_argument(tmp_path):
    result = CliRunner().invoke(app, ["coverage", "--features", str(tmp_path / "missing")])
    assert result.exit_code == 2 and "not a directory" in result.output
    (tmp_path / "file").write_text("")
    result = CliRunner().invoke(app, ["docs", "--out", str(tmp_path / "file")])
    assert result.exit_code == 2 and "not a directory" in result.output


RECORDER_PROBE = """\
import os

def test_recorder_is_registered_only_with_its_option(request):
    expected = os.environ["EXPECT_RECORDER"] == "yes"
    assert request.config.pluginmanager.has_plugin("scenario-recorder") is expected
"""


@pytest.mark.parametrize("option", [False, True])
def test_the_recorder_does_nothing_without_its_option(tmp_path, option):
    (tmp_path / "test_probe.py").write_text(RECORDER_PROBE)
    record = tmp_path / "out" / "record.json"
    command = [sys.executable, "-m", "pytest", "-q", "-p", "engine.scenario_recorder", "-p", "no:cacheprovider",
               "-c", "/dev/null", "--rootdir", str(tmp_path), str(tmp_path / "test_probe.py")]
    done = subprocess.run(command + ([f"--scenario-record={record}"] if option else []), cwd=CHECKOUT,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "EXPECT_RECORDER": "yes" if option else "no"})
    assert done.returncode == 0, done.stdout + done.stderr
    assert record.is_file() is option
    if option:  # no scenario ran: an empty record, still well formed
        assert json.loads(record.read_text()) == {"scenarios": [], "outside_scenarios": []}
