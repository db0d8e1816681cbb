"""Commands that say what the engine knows: its questions, shipped cases, rules and sources.

A reader should not have to open the source to learn the names `--question` takes, the cases
that can be named, the rules and their articles, or what a source label such as "A1" is.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer


def register(app: typer.Typer) -> None:
    """Add this module's commands to `app`."""
    app.command("questions")(questions)
    app.command("cases")(cases)
    app.command("rules")(rules)
    app.command("sources")(sources)


def _print(lines: list[str]) -> None:
    from engine.cli import show
    import sys

    from rich.text import Text

    if sys.stdout.isatty():
        show([Text(line) for line in lines], None)
    else:
        typer.echo("\n".join(lines))


def question_words(question: str) -> str:
    """A question in plain words, its subject's names left general."""
    from engine.render import PHRASES

    general = {"state": "the State", "act": "the act", "requesting": "the requesting State",
               "requested": "the requested State", "request": "a request", "entry": "", "action": "an action open to a State"}
    return PHRASES.get(question, question.replace("_", " ")).format(**general).replace("( ", "(").replace(" )", ")")


def questions() -> None:
    """The questions the engine answers (the names --question takes), in plain words."""
    from engine.answer import QUESTIONS

    width = max(map(len, QUESTIONS))
    _print([f"{q:{width}}  {question_words(q)}" for q in QUESTIONS])


def cases() -> None:
    """The case files shipped with the engine, by the name `now`, `at` and the rest accept."""
    from engine.loading import load_case, shipped_cases

    found = shipped_cases()
    width = max(map(len, found))
    _print([f"{name:{width}}  {load_case(path).case.title}" for name, path in found.items()])


def rules(instrument: Optional[str] = typer.Option(None, "--instrument", metavar="NAME",
                                                   help="Only this instrument's rules, e.g. VCDR.")) -> None:
    """Every rule: its id, the article(s) it rests on, what it says, and whether that law is verified."""
    from engine.evaluation import all_rules

    chosen = [r for r in all_rules() if instrument is None or r.instrument.casefold() == instrument.casefold()]
    if not chosen:
        known = sorted({r.instrument for r in all_rules()})
        typer.echo(f"immunity: --instrument: expected one of {', '.join(known)}, got {instrument!r}", err=True)
        raise typer.Exit(2)
    lines = []
    for r in chosen:
        lines += [f"{r.id}  [{'; '.join(r.cites)}]  {r.status.value}", f"    {r.says}"]
    _print(lines)


def sources(case: Optional[Path] = typer.Argument(None, help="Case file or shipped case name (default: kim).",
                                                  show_default=False)) -> None:
    """The reports a case cites: each label (A1, P3, ...) with its title, publisher and date."""
    from engine.cli import load
    from engine.render import source_lines

    loaded = load(case)
    _print(source_lines(loaded.case) or [f"{loaded.path}: the case file lists no sources"])
