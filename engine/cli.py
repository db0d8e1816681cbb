"""The `immunity` command: a thin layer that loads, evaluates and renders.

Exit codes: 0 answered; 2 the user's input is wrong (case file, date, option), with one
message naming the file and field; 1 the engine itself failed (a bug, reported as such).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
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
        period = re.fullmatch(r"\d{4}(-\d{2})?", text)
        fail(f"DATE: {exc}" + (f"; this command takes one day (`immunity at {text}` answers for a whole month "
                                "or year)" if period else ""))


def parse_day_or_period(text: str):
    """A day (a date), or a month or a year (a FuzzyDate standing for all its days)."""
    from engine.dates import FuzzyDate, parse_day

    if re.fullmatch(r"\d{4}(-\d{2})?", text):
        try:
            return FuzzyDate(text)
        except ValueError as exc:
            fail(f"DATE: {exc}; expected a day YYYY-MM-DD, a month YYYY-MM or a year YYYY")
    try:
        return parse_day(text)
    except ValueError as exc:
        fail(f"DATE: {exc}; or a month YYYY-MM, or a year YYYY")


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


def answer_for(case_path: Optional[Path], day, as_json: bool, question: Optional[str] = None,
               subject: Optional[str] = None, brief: bool = False, pager: Optional[bool] = None) -> None:
    """Print what applied on `day` (a date), or over a month or year (a FuzzyDate)."""
    from engine.render import answer_view, human, styled

    loaded = load(case_path)
    if isinstance(day, dt.date):
        answer = evaluate_or_fail(loaded, day).answer
    else:
        from engine.period import evaluate_period

        try:
            answer = evaluate_period(loaded.case, day, loaded.sha256)
        except internal_errors() as exc:
            fail(f"internal error in the rules (please report it): {exc}", code=1)
    if question or subject:
        answer = answer.selected(question, subject_of(subject, loaded.case))
    if as_json:
        from engine.outputs import emit

        typer.echo(emit(answer))
    elif sys.stdout.isatty():
        show(styled(answer_view(answer, loaded.case, brief)), pager)
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
def at(date: str = typer.Argument(..., metavar="DATE", help="The day to ask about, YYYY-MM-DD; or a month "
                                  "(YYYY-MM) or year (YYYY), answered for all of it, uncertain where it changes."),
       case: Optional[Path] = CaseArg, as_json: bool = JsonOpt,
       question: Optional[str] = QuestionOpt, subject: Optional[str] = OnlySubjectOpt,
       brief: bool = BriefOpt, pager: Optional[bool] = PagerOpt) -> None:
    """What applied on a given day, or over a month or a year."""
    answer_for(case, parse_day_or_period(date), as_json, checked_question(question) if question else None, subject, brief,
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


def no_answer(question: str, subject: Optional[str], day: dt.date, answer) -> None:
    """Nothing answers the question for that subject on that day: say so, list the subjects
    that do have an answer, and end normally (exit 0): the question was well asked. (With
    --json the output's list of answers is simply empty.)"""
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
    from engine.render import explanation

    loaded = load(case)
    day = day_or_today(at_)
    result = evaluate_or_fail(loaded, day)
    items = build(result, loaded.case, question, parse_subject(subject))
    if not items and not as_json:
        no_answer(question, subject, day, result.answer)
    if as_json:
        from engine.outputs import Explanations, emit

        typer.echo(emit(Explanations(engine=result.answer.engine, case=loaded.case.id, case_sha256=loaded.sha256,
                                     as_of=day.isoformat(), question=question, subject=parse_subject(subject),
                                     explanations=items)))
    else:
        typer.echo(explanation(items, loaded.case, result))


@app.command("what-if")
def what_if(case: Optional[Path] = CaseArg,
            sets: list[str] = typer.Option([], "--set", metavar="PATH=VALUE",
                                           help="Change one fact, e.g. requests.waiver-2019-09.response.outcome=granted."),
            patch: Optional[Path] = typer.Option(None, "--patch", help="A partial case file merged in by id."),
            at_: Optional[str] = AtOpt, as_json: bool = JsonOpt) -> None:
    """What if a fact were different: only the answers that change, before -> after."""
    from engine.loading import CaseFileError, read_data
    from engine.render import differences_text
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
        from engine.outputs import WhatIf, emit

        typer.echo(emit(WhatIf(engine=before.engine, case=before.case, case_sha256=loaded.sha256, as_of=before.as_of,
                               changes=sets, patch=str(patch) if patch else None,
                               differences=[d.as_json() for d in found])))
    else:
        typer.echo(differences_text(found, sets, patch, before.as_of, changed))


@app.command()
def timeline(case: Optional[Path] = CaseArg, as_json: bool = JsonOpt,
             svg: Optional[Path] = typer.Option(None, "--svg", metavar="FILE",
                                                help="Also save the timeline as a picture (SVG, 1920x1080)."),
             png: Optional[Path] = typer.Option(None, "--png", metavar="FILE",
                                                help="Also save the timeline as a picture (PNG, 1920x1080)."),
             question: Optional[str] = typer.Option(None, "--question", help="Only this question.",
                                                    callback=lambda q: q if q is None else checked_question(q)),
             subject: Optional[str] = SubjectOpt, pager: Optional[bool] = PagerOpt) -> None:
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
        from engine.evaluation import engine_version
        from engine.outputs import Timeline, emit

        typer.echo(emit(Timeline(engine=engine_version(), case=loaded.case.id, case_sha256=loaded.sha256,
                                 checkpoints=[d.isoformat() for d in days], rows=[r.as_json() for r in rows])))
    else:
        from engine.render import timeline_table, to_text

        if sys.stdout.isatty():  # as `now` and `at`: the terminal's width, in colour, paged when long
            show([timeline_table(loaded.case, rows)], pager)
        else:  # unwrapped and plain, for a pipe or a file
            typer.echo(to_text([timeline_table(loaded.case, rows, boxed=False)]).rstrip())
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
    from engine.render import flips_text
    from engine.whynot import as_json as whynot_json
    from engine.whynot import why_not as search

    loaded = load(case)
    day = day_or_today(at_)
    answer = evaluate_or_fail(loaded, day).answer
    targets = answer.find(question, **parse_subject(subject))
    if not targets and not as_json:
        no_answer(question, subject, day, answer)
    data, _ = read_data(Path(loaded.path))
    try:
        found = {t.id: search(data, loaded.case, t, day) for t in targets}
    except internal_errors() as exc:
        fail(f"internal error in the rules (please report it): {exc}", code=1)
    if as_json:
        from engine.outputs import WhyNot, emit

        typer.echo(emit(WhyNot(engine=answer.engine, case=answer.case, case_sha256=loaded.sha256, as_of=answer.as_of,
                               question=question, subject=parse_subject(subject),
                               answers=whynot_json(targets, found))))
    else:
        typer.echo(flips_text(targets, found, loaded.case))


@app.command()
def schema(output: str = typer.Option("case", "--output", metavar="NAME",
                                      help="Which shape: case (a case file), bank (an exercise bank), or an output: "
                                           "answer, explanations, what-if, timeline, why-not, batch-line.")) -> None:
    """Print the JSON Schema of a case file, an exercise bank, or a --json output."""
    from engine.outputs import shapes

    known = shapes()
    if output not in known:
        fail(f"--output: expected one of {', '.join(known)}, got {output!r}")
    typer.echo(json.dumps(known[output].model_json_schema(by_alias=True), indent=2))


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
        code = 0
    except SystemExit as exc:  # how typer ends every command
        code = exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
        if isinstance(exc.code, str):
            print(exc.code, file=sys.stderr)
    except KeyboardInterrupt:  # pragma: no cover
        code = 130
    exit_now(code)


def exit_now(code: int) -> None:
    """End the process once the output is flushed, skipping the interpreter's teardown: freeing
    every object of the engine one by one took about a fifth of a short command's time (measured),
    and the operating system frees them at once. Nothing of ours waits for teardown: files are
    written and closed by then, and no atexit handler is registered."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`| head`): nothing more to say
            pass
    os._exit(code)
