"""The `immunity` command: a thin layer that loads, evaluates and renders.

Exit codes: 0 answered; 2 the user's input is wrong (case file, date, option), with one
message naming the file and field; 1 the engine itself failed (a bug, reported as such).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import Optional

import typer

app = typer.Typer(
    add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
    help="What diplomatic and consular immunity rules apply to a case, on a given day, and why.",
)

CaseArg = typer.Argument(None, help="Case file (YAML or JSON). Default: the shipped Kim case.",
                         show_default=False)
JsonOpt = typer.Option(False, "--json", help="Print the decision record as JSON (the contract shape).")


def fail(message: str, code: int = 2) -> None:
    typer.echo(f"immunity: {message}", err=True)
    raise typer.Exit(code)


def load(case_path: Optional[Path]):
    from engine.loading import CaseFileError, load_case

    try:
        return load_case(case_path)
    except CaseFileError as exc:
        fail(exc.message)


def parse_date(text: str) -> dt.date:
    from engine.dates import parse_day

    try:
        return parse_day(text)
    except ValueError as exc:
        fail(f"DATE: {exc}")


def answer_for(case_path: Optional[Path], day: dt.date, as_json: bool) -> None:
    from engine.evaluation import evaluate
    from engine.host import EngineError
    from engine.render import human

    loaded = load(case_path)
    try:
        result = evaluate(loaded.case, day, case_sha256=loaded.sha256)
    except EngineError as exc:
        fail(f"internal error in the rules (please report it): {exc}", code=1)
    if as_json:
        typer.echo(json.dumps(result.answer.model_dump(mode="json"), indent=2, ensure_ascii=False))
    else:
        typer.echo(human(result.answer, loaded.case))


@app.command()
def now(case: Optional[Path] = CaseArg, as_json: bool = JsonOpt) -> None:
    """What applies today."""
    answer_for(case, dt.date.today(), as_json)


@app.command()
def at(date: str = typer.Argument(..., metavar="DATE", help="The day to ask about, YYYY-MM-DD."),
       case: Optional[Path] = CaseArg, as_json: bool = JsonOpt) -> None:
    """What applied on a given day."""
    answer_for(case, parse_date(date), as_json)


@app.command()
def schema() -> None:
    """Print the JSON Schema of a case file."""
    from engine.model import Case

    typer.echo(json.dumps(Case.model_json_schema(by_alias=True), indent=2))


def main() -> None:
    # The CLI uses no pydantic plugins; skipping their discovery (a scan of every installed
    # distribution's entry points) saves a noticeable part of each run.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover
        sys.exit(130)
