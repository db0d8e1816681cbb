"""Which feature files run, and which Gherkin tags they may carry."""

from __future__ import annotations

from pathlib import Path

# Every .feature under scenarios/features/ runs; `pytest --features DIR` adds more.
SHIPPED_FEATURES = Path(__file__).resolve().parents[2] / "scenarios" / "features"
feature_dirs: list[str] = []


def all_feature_dirs() -> list[Path]:
    return [SHIPPED_FEATURES, *(Path(d).resolve() for d in feature_dirs)]


def register_tags(config) -> None:
    """Register as pytest markers the tags a scenario may carry: one per article the rules
    encode, and the few that say what else a scenario is about."""
    from engine.coverage import NON_ARTICLE_TAGS, article_tag
    from rules import RULES

    articles = {article_tag(cite): cite for rule in RULES for cite in rule.cites}
    for tag, cite in sorted(articles.items()):
        config.addinivalue_line("markers", f"{tag}: exercises {cite}")
    for tag in sorted(NON_ARTICLE_TAGS):
        config.addinivalue_line("markers", f"{tag}: a scenario about {tag.replace('-', ' ')}")
