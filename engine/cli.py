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
    context_settings={"help_option_names": ["-h", "--help"]},
    help="What diplomatic and consular immunity rules apply to a case, on a given day, and why.",
)

CaseArg = typer.Argument(None, help="Case file (YAML or JSON), or a shipped case by name (kim, or an invented "
                         "one from scenarios/cases/, e.g. consular). "
                         "Default: the shipped Kim case.",
                         show_default=False)
JsonOpt = typer.Option(False, "--json", metavar="", help="Print the decision record as JSON (the contract shape).")


def _version(asked: bool) -> None:
    if asked:
        from engine.evaluation import engine_version

        typer.echo(f"immunity {engine_version()}")
        raise typer.Exit(0)


@app.callback()
def _options(version: bool = typer.Option(False, "--version", metavar="", callback=_version, is_eager=True,
                                          help="Print the engine's version and exit.")) -> None:
    """What diplomatic and consular immunity rules apply to a case, on a given day, and why."""


def fail(message: str, code: int = 2) -> None:
    typer.echo(f"immunity: {message}", err=True)
    raise typer.Exit(code)


def load(case_path: Optional[Path]):
    """The case file at `case_path`, or the shipped case of that name (`kim`, `consular`)."""
    from engine.loading import CaseFileError, load_case, shipped_case

    if case_path is not None and not os.path.exists(case_path) and shipped_case(str(case_path)):  # no OSError
        case_path = shipped_case(str(case_path))
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


def internal_errors():
    """Failures of the engine or its installed data, never of the user's input: exit 1."""
    from engine.host import EngineError
    from engine.treaties import TreatyDataError

    return (EngineError, TreatyDataError)


def evaluate_or_fail(loaded, day: dt.date):
    from engine.evaluation import evaluate

    try:
        return evaluate(loaded.case, day, case_sha256=loaded.sha256)
    except internal_errors() as exc:
        fail(f"internal error in the rules (please report it): {exc}", code=1)


def answer_record(answer) -> dict:
    """The decision record `--json` prints for an answer (`at` and `batch` print the same)."""
    return answer.model_dump(mode="json")


def answer_for(case_path: Optional[Path], day: dt.date, as_json: bool, question: Optional[str] = None,
               subject: Optional[str] = None, brief: bool = False, pager: Optional[bool] = None) -> None:
    from engine.render import answer_view, human

    loaded = load(case_path)
    answer = evaluate_or_fail(loaded, day).answer
    if question or subject:
        answer = answer.selected(question, subject_of(subject, loaded.case))
    if as_json:
        typer.echo(json.dumps(answer_record(answer), indent=2, ensure_ascii=False))
    elif sys.stdout.isatty():
        show(answer_view(answer, loaded.case, brief), pager)
    else:
        typer.echo(human(answer, loaded.case, brief))


def show(renderables: list, pager: Optional[bool]) -> None:
    """On a terminal: wrapped to its width, in colour (unless NO_COLOR is set), through a pager
    when longer than the screen (or when asked with --pager; never with --no-pager)."""
    import pydoc
    import shutil

    from engine.render import to_text

    size = shutil.get_terminal_size()
    text = to_text(renderables, width=size.columns, colour="NO_COLOR" not in os.environ)
    if pager is None:
        pager = text.count("\n") + 1 > size.lines - 1
    if pager:
        os.environ.setdefault("LESS", "-R")  # less shows the colours
        pydoc.pager(text)
    else:
        typer.echo(text)


QuestionOpt = typer.Option(None, "--question", metavar="QUESTION",
                           help="Only this question (see `immunity questions`), e.g. criminal_immunity.")
OnlySubjectOpt = typer.Option(None, "--subject", metavar="SUBJECT", help="Only answers about this: an id or a "
                              "name (kim, Hongkon Kim, NZL), or key=value pairs (person=kim,state=NZL).")
BriefOpt = typer.Option(False, "--brief", metavar="",
                        help="Only the short answers (immune? arrestable? triable? premises?).")
PagerOpt = typer.Option(None, "--pager/--no-pager", metavar="", show_default=False,
                        help="Page long output on a terminal (default: when longer than the screen).")


@app.command()
def now(case: Optional[Path] = CaseArg, as_json: bool = JsonOpt,
        question: Optional[str] = QuestionOpt, subject: Optional[str] = OnlySubjectOpt,
        brief: bool = BriefOpt, pager: Optional[bool] = PagerOpt) -> None:
    """What applies today."""
    answer_for(case, dt.date.today(), as_json, checked_question(question) if question else None, subject, brief,
               pager)


@app.command()
def at(date: str = typer.Argument(..., metavar="DATE", help="The day to ask about, YYYY-MM-DD."),
       case: Optional[Path] = CaseArg, as_json: bool = JsonOpt,
       question: Optional[str] = QuestionOpt, subject: Optional[str] = OnlySubjectOpt,
       brief: bool = BriefOpt, pager: Optional[bool] = PagerOpt) -> None:
    """What applied on a given day."""
    answer_for(case, parse_date(date), as_json, checked_question(question) if question else None, subject, brief,
               pager)


def subject_of(text: Optional[str], case) -> dict[str, str]:
    """--subject read against the case: ids and State codes as they are, names and aliases
    resolved to ids; a bare word may name a thing of any kind."""
    from engine.glossary import COLLECTIONS, Glossary, UnknownName

    pairs = parse_subject(text)
    known = {kind: ({s.code for s in case.states} if kind == "state" else
                    {x.id for x in getattr(case, collection)}) for kind, collection in COLLECTIONS.items()}
    bare = "=" not in (text or "")
    for key, value in list(pairs.items()):
        if key not in COLLECTIONS or value in known[key]:
            continue
        try:
            kind, ident = Glossary(case).resolve(value, *(() if bare else (key,)))
        except UnknownName as exc:
            fail(f"--subject: {exc.message}")
        del pairs[key]
        pairs[kind] = ident
    return pairs


def parse_subject(text: Optional[str]) -> dict[str, str]:
    """`kim` (a person), or keys: `person=kim,state=NZL`."""
    if not text:
        return {}
    if "=" not in text:
        return {"person": text} if not text.isupper() else {"state": text}
    try:
        pairs = dict(part.split("=", 1) for part in text.split(","))
    except ValueError:
        fail(f"--subject: expected an id (kim) or key=value pairs (person=kim,state=NZL), got {text!r}")
    unknown = sorted(set(pairs) - set(SUBJECT_KEYS))
    if unknown:
        fail(f"--subject: expected keys among {', '.join(SUBJECT_KEYS)}, got {', '.join(unknown)}")
    return pairs


# The keys an answer's subject may have (see the README's "The JSON answer").
SUBJECT_KEYS = ("person", "state", "act", "mission", "request", "entry", "requesting", "requested", "action")


def no_answer(question: str, subject: Optional[str], day: dt.date, answer, as_json: bool) -> None:
    """Nothing answers the question for that subject on that day: say so, list the subjects
    that do have an answer, and end normally (exit 0): the question was well asked."""
    if as_json:
        typer.echo("[]")
        raise typer.Exit(0)
    having = [",".join(f"{k}={v}" for k, v in c.subject.items()) for c in answer.conclusions
              if c.question == question]
    said = f"No answer to {question} for {subject or 'any subject'} on {day.isoformat()}."
    if having:
        said += "\nSubjects with an answer to it that day:\n" + "\n".join(f"  --subject {h}" for h in having)
    else:
        said += f"\nOn that day the case has no answer to {question} for any subject."
    typer.echo(said)
    raise typer.Exit(0)


def checked_question(question: str) -> str:
    from engine.answer import QUESTIONS

    if question not in QUESTIONS:
        fail(f"QUESTION: expected one of {', '.join(QUESTIONS)}, got {question!r}")
    return question


def day_or_today(text: Optional[str]) -> dt.date:
    return parse_date(text) if text else dt.date.today()


QuestionArg = typer.Argument(..., help="A question name, e.g. criminal_immunity.", callback=checked_question)
AtOpt = typer.Option(None, "--at", metavar="DATE", help="The day to ask about, YYYY-MM-DD (default: today).")
SubjectOpt = typer.Option(None, "--subject", metavar="SUBJECT",
                          help="A person's id, or key=value pairs: person=kim,state=NZL.")


@app.command()
def explain(question: str = QuestionArg,
            subject: Optional[str] = SubjectOpt, at_: Optional[str] = AtOpt,
            case: Optional[Path] = CaseArg, as_json: bool = JsonOpt) -> None:
    """Why: the chain from article to fact to source behind an answer."""
    from engine.explain import explain as build
    from engine.render import Names, explanation

    loaded = load(case)
    day = day_or_today(at_)
    result = evaluate_or_fail(loaded, day)
    items = build(result, loaded.case, question, parse_subject(subject))
    if not items:
        no_answer(question, subject, day, result.answer, as_json)
    if as_json:
        typer.echo(json.dumps([i.model_dump(mode="json") for i in items], indent=2, ensure_ascii=False))
    else:
        typer.echo(explanation(items, Names(loaded.case)))


@app.command("what-if")
def what_if(case: Optional[Path] = CaseArg,
            sets: list[str] = typer.Option([], "--set", metavar="PATH=VALUE",
                                           help="Change one fact, e.g. requests.waiver-2019-09.response.outcome=granted."),
            patch: Optional[Path] = typer.Option(None, "--patch", help="A partial case file merged in by id."),
            at_: Optional[str] = AtOpt, as_json: bool = JsonOpt) -> None:
    """What if a fact were different: only the answers that change, before -> after."""
    from engine.loading import CaseFileError, read_data
    from engine.render import Names, differences_text
    from engine.whatif import ChangeError, changed_case, differences

    if not sets and patch is None:
        fail("what-if needs at least one --set PATH=VALUE or a --patch FILE")
    loaded = load(case)
    day = day_or_today(at_)
    data, _ = read_data(Path(loaded.path))
    try:
        patch_data = read_data(patch)[0] if patch is not None else None
        changed = changed_case(data, sets, patch_data, loaded.path)
    except ChangeError as exc:
        fail(f"{loaded.path}: {exc}")
    except CaseFileError as exc:
        fail(exc.message)
    before = evaluate_or_fail(loaded, day).answer
    after = evaluate_or_fail(type(loaded)(case=changed, path=loaded.path, sha256=None), day).answer
    found = differences(before, after)
    if as_json:
        typer.echo(json.dumps({"case": before.case, "as_of": before.as_of, "changes": sets,
                               "patch": str(patch) if patch else None,
                               "differences": [d.as_json() for d in found]}, indent=2, ensure_ascii=False))
    else:
        typer.echo(differences_text(found, sets, patch, before.as_of, Names(changed)))


@app.command()
def timeline(case: Optional[Path] = CaseArg, as_json: bool = JsonOpt,
             svg: Optional[Path] = typer.Option(None, "--svg", metavar="FILE",
                                                help="Also save the timeline as a picture (SVG, 1920x1080)."),
             png: Optional[Path] = typer.Option(None, "--png", metavar="FILE",
                                                help="Also save the timeline as a picture (PNG, 1920x1080)."),
             question: Optional[str] = typer.Option(None, "--question", help="Only this question.",
                                                    callback=lambda q: q if q is None else checked_question(q)),
             subject: Optional[str] = SubjectOpt) -> None:
    """The case replayed over time: when each answer changed, and which event changed it."""
    from engine.timeline import timeline as replay

    pictures = [p for p in (svg, png) if p is not None]
    if as_json and pictures:
        fail("--svg and --png draw the timeline; use them without --json")
    for option, picture in (("--svg", svg), ("--png", png)):
        if picture is not None and picture.suffix.lower() != option.replace("--", "."):
            fail(f"{picture}: {option} saves a {option[2:].upper()} picture; give a file name ending in "
                 f"{option.replace('--', '.')}")
    loaded = load(case)
    wanted = parse_subject(subject)
    try:
        days, rows = replay(loaded.case)
    except internal_errors() as exc:
        fail(f"internal error in the rules (please report it): {exc}", code=1)
    rows = [r for r in rows if (question is None or r.question == question)
            and all(r.subject.get(k) == v for k, v in wanted.items())]
    if as_json:
        typer.echo(json.dumps({"case": loaded.case.id, "checkpoints": [d.isoformat() for d in days],
                               "rows": [r.as_json() for r in rows]}, indent=2, ensure_ascii=False))
    else:
        from rich.console import Console

        from engine.render import timeline_table

        Console(width=150).print(timeline_table(loaded.case, rows))
        if pictures:
            from engine.timeline_picture import save_timeline_picture  # imports matplotlib: only now

            for picture in pictures:
                try:
                    save_timeline_picture(loaded.case, picture, rows=rows, days=days)
                except OSError as exc:
                    fail(f"{picture}: {exc.strerror or exc}")
                typer.echo(f"saved {picture}")


@app.command("why-not")
def why_not(question: str = QuestionArg,
            subject: Optional[str] = SubjectOpt, at_: Optional[str] = AtOpt,
            case: Optional[Path] = CaseArg, as_json: bool = JsonOpt) -> None:
    """The smallest changes of fact that would change an answer (found by running the engine)."""
    from engine.loading import read_data
    from engine.render import Names, flips_text
    from engine.whynot import as_json as whynot_json
    from engine.whynot import why_not as search

    loaded = load(case)
    day = day_or_today(at_)
    answer = evaluate_or_fail(loaded, day).answer
    targets = answer.find(question, **parse_subject(subject))
    if not targets:
        no_answer(question, subject, day, answer, as_json)
    data, _ = read_data(Path(loaded.path))
    try:
        found = {t.id: search(data, loaded.case, t, day) for t in targets}
    except internal_errors() as exc:
        fail(f"internal error in the rules (please report it): {exc}", code=1)
    if as_json:
        typer.echo(json.dumps(whynot_json(targets, found), indent=2, ensure_ascii=False))
    else:
        typer.echo(flips_text(targets, found, Names(loaded.case)))


@app.command()
def schema(output: str = typer.Option("case", "--output", metavar="case|bank",
                                      help="Which file: a case file (case) or an exercise bank (bank).")) -> None:
    """Print the JSON Schema of a case file, or of an exercise bank (--output bank)."""
    if output == "case":
        from engine.model import Case as model
    elif output == "bank":
        from engine.exercise import Bank as model
    else:
        fail(f"--output: expected case or bank, got {output!r}")
    typer.echo(json.dumps(model.model_json_schema(by_alias=True), indent=2))


def _register_commands_from_other_modules() -> None:
    """Commands that live in their own modules (each module's top level imports only typer)."""
    from engine import cli_batch, cli_docs, cli_exercise, cli_reference

    for module in (cli_docs, cli_exercise, cli_batch, cli_reference):
        module.register(app)


_register_commands_from_other_modules()


def main() -> None:
    # The CLI uses no pydantic plugins; skipping their discovery (a scan of every installed
    # distribution's entry points) saves a noticeable part of each run.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover
        sys.exit(130)
