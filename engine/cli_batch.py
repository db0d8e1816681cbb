"""`immunity batch`: registered on the `immunity` app by engine.cli.

Many case files answered on one day, one JSON line each, for scripts and pipelines. Only
typer is imported at start-up; the engine is imported when the command runs, so no other
command starts slower for it.
"""

import json
import os
import sys
from pathlib import Path

import typer

EXIT_CODES = ("Exit codes: 0 every case answered; 2 at least one case file was bad (its line gives the "
              "error; every other case is still answered), or DIR|FILE.jsonl or --at is wrong; 1 the engine "
              "itself failed on a case (a bug, also given on that case's line).")


def register(app: typer.Typer) -> None:
    """Add this module's commands to `app`."""
    paragraphs = [" ".join(p.split()) for p in batch.__doc__.split("\n\n")]  # typer keeps line breaks
    app.command("batch", help="\n\n".join([*paragraphs, EXIT_CODES]))(batch)


def batch(
    target: Path = typer.Argument(..., metavar="DIR|FILE.jsonl", show_default=False,
                                  help="A directory (its *.yaml, *.yml and *.json files, in name order), or a "
                                       ".jsonl file (one case file as JSON per line)."),
    at_: str = typer.Option(..., "--at", metavar="DATE", help="The day to ask about, YYYY-MM-DD."),
    workers: int = typer.Option(1, "--workers", min=1, metavar="N",
                                help="Worker processes (1: evaluate in this process)."),
) -> None:
    """Answer many case files on one day: one JSON line per case, in input order.

    Each line is {"source": ..., "answer": {...}}, the answer exactly as `immunity at DATE FILE
    --json` prints it, or {"source": ..., "error": "..."} for a case file that cannot be used.
    A source is a file's path, or FILE.jsonl:LINE."""
    from concurrent.futures.process import BrokenProcessPool

    from engine import batch as runner
    from engine.cli import fail
    from engine.dates import parse_day

    try:
        day = parse_day(at_)
    except ValueError as exc:
        fail(f"--at: {exc}")
    try:
        cases = runner.items(target)
    except runner.BatchInputError as exc:
        fail(str(exc))
    except OSError as exc:  # e.g. a name too long for the file system
        fail(f"{target}: cannot be read: {exc.strerror or exc}")
    counts = {"answer": 0, "error": 0, "internal": 0}
    try:
        with _Output(len(cases)) as out:
            for line, status in runner.run(cases, day, workers, out.advance):
                counts[status] += 1
                out.write(json.dumps(line, ensure_ascii=False))
    except BrokenPipeError:  # the reader stopped (`| head`): stop too, without a traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(1)
    except BrokenProcessPool as exc:
        fail(f"internal error: a worker process stopped (please report it): {exc}", code=1)
    if not cases:
        typer.echo(f"immunity: {target}: no case files to answer", err=True)
    if counts["error"] or counts["internal"]:
        bad = counts["error"] + counts["internal"]
        typer.echo(f"immunity: {bad} of {len(cases)} cases not answered (see their \"error\" lines)", err=True)
    raise typer.Exit(1 if counts["internal"] else 2 if counts["error"] else 0)


class _Output:
    """The JSON lines on stdout, and a progress bar on stderr when stderr is a terminal."""

    def __init__(self, total: int):
        self.total, self.bar, self.task = total, None, None

    def __enter__(self) -> "_Output":
        if sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import Progress

            self.bar = Progress(console=Console(stderr=True), transient=True,
                                redirect_stdout=False, redirect_stderr=False)
            self.task = self.bar.add_task("cases", total=self.total)
            self.bar.start()
        return self

    def advance(self, n: int) -> None:
        if self.bar is not None:
            self.bar.advance(self.task, n)

    def write(self, line: str) -> None:
        if self.bar is not None and sys.stdout.isatty():
            # the same screen as the bar: printed by the bar's console, above it, unbroken
            self.bar.console.print(line, soft_wrap=True, markup=False, highlight=False, emoji=False)
            return
        sys.stdout.write(line + "\n")  # not typer.echo: one write per line, flushed for pipelines
        sys.stdout.flush()

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()
