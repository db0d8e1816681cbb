"""What one `immunity at 2020-08-10` is made of, phase by phase, in a fresh process.

Run by bench/run.py as a child process (the way the CLI runs), never imported by it. Prints one
JSON object: milliseconds per phase, in the order the CLI goes through them. The libraries of
the import floor are imported first, so each later phase is the project's own work on top. The
last phase runs `at` through the typer app with a day it refuses at once, everything else being
imported by then: what is left is typer's own work per call (parsing, its parameter adapters).
"""

from __future__ import annotations

import time

T0 = time.perf_counter()

import io  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from contextlib import redirect_stderr, redirect_stdout  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(1, str(Path(__file__).resolve().parent.parent))  # engine without an install too
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")  # as engine.cli.main does

DAY = "2020-08-10"


def main() -> None:
    phases: dict[str, float] = {}
    last = T0

    def lap(name: str) -> None:
        nonlocal last
        now = time.perf_counter()
        phases[name] = 1000 * (now - last)
        last = now

    import durable.lang  # noqa: F401
    import pydantic  # noqa: F401
    import typer  # noqa: F401
    import yaml  # noqa: F401
    lap("import typer, durable.lang, pydantic, yaml (the floor's libraries)")

    import engine.cli  # noqa: F401  (the typer app and its commands)
    lap("import engine.cli (the app and its commands)")

    from engine.loading import load_case
    lap("import engine.loading (the case-file model)")

    loaded = load_case()
    lap("load and validate the Kim case")

    from engine.dates import parse_day
    from engine.evaluation import all_rules
    day = parse_day(DAY)
    rules = all_rules()
    lap("import the rules")

    from engine.host import session
    session(list(rules))
    lap("compile the ruleset (durable-rules)")

    from engine.evaluation import evaluate
    result = evaluate(loaded.case, day, case_sha256=loaded.sha256)
    lap("evaluate (rule runs and reading the answer)")

    from engine.render import human
    with redirect_stdout(io.StringIO()):
        typer.echo(human(result.answer, loaded.case))
    lap("render the answer")

    with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
        try:  # a day it refuses at once: only typer's own work is left to time
            engine.cli.app(["at", "no-such-day"], standalone_mode=False)
        except (SystemExit, Exception):
            pass
    lap("typer's own work per call (`at` run through the app, with a day refused at once)")

    print(json.dumps(phases))


if __name__ == "__main__":
    main()
