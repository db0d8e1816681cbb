"""Scenario coverage by provision: for every article the rules encode, which scenarios reach it.

A scenario *exercises* an article when a rule citing that article fired in one of its
evaluations; it *checks* the article when one of its Then-steps asserted an answer citing
it. A rule no scenario fires is law that no scenario puts to the test.

Gherkin tags name articles by `article_tag`, so a feature can say what law it is about; a
tag that names no encoded article (and is not one of `NON_ARTICLE_TAGS`) is an error, most
often a typo or an article the rules do not (yet) encode.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Iterable

from engine.rulebook import Rule
from engine.scenario_run import FeatureResult, ScenarioReport, ScenarioResult

# Tags that say what a scenario is about other than an article: the case, or the command.
NON_ARTICLE_TAGS = frozenset({
    "kim", "invented", "command", "what-if", "timeline", "explain", "why-not", "open-questions",
})


def article_tag(cite: str) -> str:
    """The Gherkin tag (without "@") naming an article: "VCDR art. 39(2)" -> "vcdr-39-2"."""
    words = re.sub(r"\barts?\.", " ", cite.lower())
    return re.sub(r"[^a-z0-9]+", "-", words).strip("-")


@dataclass
class ScenarioRef:
    scenario: str  # its title, with an outline's example row
    feature: str
    test: str  # pytest's node id: unique


@dataclass
class ArticleCoverage:
    article: str
    tag: str
    rules: list[str]
    law: str  # verified, unverified, or partly unverified (some of its rules are)
    exercised_by: list[ScenarioRef] = field(default_factory=list)
    checked_by: list[ScenarioRef] = field(default_factory=list)
    tagged_in: list[ScenarioRef] = field(default_factory=list)


@dataclass
class Coverage:
    articles: list[ArticleCoverage]
    unfired_rules: list[str]
    tag_errors: list[str]
    failed_scenarios: list[ScenarioRef]
    scenario_count: int

    def to_dict(self) -> dict:
        return asdict(self)


def law_status(rules: list[Rule]) -> str:
    unverified = [r for r in rules if r.status.value == "unverified"]
    if not unverified:
        return "verified"
    return "unverified" if len(unverified) == len(rules) else "partly unverified"


def encoded_articles(rules: Iterable[Rule]) -> dict[str, list[Rule]]:
    """Every article some rule cites, in the rules' order, with the rules citing it."""
    articles: dict[str, list[Rule]] = {}
    for rule in rules:
        for cite in rule.cites:
            articles.setdefault(cite, []).append(rule)
    return articles


def _ref(feature: FeatureResult, scenario: ScenarioResult) -> ScenarioRef:
    return ScenarioRef(scenario=scenario.title, feature=feature.name, test=scenario.test)


def coverage(report: ScenarioReport, rules: Iterable[Rule] | None = None) -> Coverage:
    if rules is None:
        from rules import RULES as rules
    rules = list(rules)
    articles = encoded_articles(rules)
    entries = {cite: ArticleCoverage(article=cite, tag=article_tag(cite), rules=[r.id for r in cited],
                                     law=law_status(cited))
               for cite, cited in articles.items()}
    by_tag = {entry.tag: entry for entry in entries.values()}
    fired_anywhere: set[str] = set()
    tag_errors: list[str] = []
    for feature in report.features:
        tag_errors += _unknown_tags(feature.tags, by_tag, f"{feature.file}: the feature")
        for scenario in feature.scenarios:
            ref = _ref(feature, scenario)
            fired = set(scenario.rules_fired)
            fired_anywhere |= fired
            checked = {a for step in scenario.steps for a in step.articles}
            for entry in entries.values():
                if fired & set(entry.rules):
                    entry.exercised_by.append(ref)
                if entry.article in checked:
                    entry.checked_by.append(ref)
            for tag in dict.fromkeys(feature.tags + scenario.tags):
                if tag in by_tag:
                    by_tag[tag].tagged_in.append(ref)
            tag_errors += _unknown_tags(scenario.tags, by_tag,
                                        f"{feature.file}:{scenario.line}: the scenario {scenario.name!r}")
    return Coverage(
        articles=list(entries.values()),
        unfired_rules=[r.id for r in rules if r.id not in fired_anywhere],
        tag_errors=list(dict.fromkeys(tag_errors)),
        failed_scenarios=[_ref(f, s) for f, s in report.failed],
        scenario_count=len(report.scenarios),
    )


def _unknown_tags(tags: list[str], known: dict, where: str) -> list[str]:
    return [f"{where} is tagged @{tag}, which names no article the rules encode"
            for tag in tags if tag not in known and tag not in NON_ARTICLE_TAGS]
