"""Break one rule in a copy of the law, and run the engine on the copy.

A test that only ever runs the real rules cannot show it would notice a wrong one. These
helpers copy the `rules` package to a temporary directory, apply one exact text edit to one
of its modules (failing loudly if the text is not found exactly as often as expected, so a
mutation can never silently not happen), and return the environment in which a subprocess
imports the broken copy instead of the real package. A scenario, an exercise bank or any
other check run in that environment must then fail, or it was not checking that rule.

    env, cwd = mutated_rules(tmp_path, "vcdr.py", 'privileges(r, "ceased"', 'privileges(r, "in_force"')
    subprocess.run(immunity("at", "2020-08-10", "--json"), env=env, cwd=cwd, ...)

Run the subprocess in `cwd` (outside the repository): Python puts the working directory
first on sys.path, so a process started in the repository would import the real rules.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def copy_rules(into: Path) -> Path:
    """A copy of the `rules` package (treaty data included) under `into`; returns its folder."""
    target = into / "rules"
    shutil.copytree(ROOT / "rules", target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def edit(module: Path, old: str, new: str, count: int = 1) -> None:
    """Replace `old` by `new` in a module's source; `old` must occur exactly `count` times."""
    source = module.read_text(encoding="utf-8")
    found = source.count(old)
    if found != count:
        raise AssertionError(f"{module.name}: expected {count} occurrence(s) of {old!r}, found {found}")
    module.write_text(source.replace(old, new), encoding="utf-8")


def environment(parent: Path) -> dict[str, str]:
    """os.environ with `parent` (holding the broken `rules`) first on the import path, then the
    repository (for `engine`)."""
    path = [str(parent), str(ROOT)] + ([os.environ["PYTHONPATH"]] if os.environ.get("PYTHONPATH") else [])
    return dict(os.environ, PYTHONPATH=os.pathsep.join(path), PYTHONDONTWRITEBYTECODE="1")


def mutated_rules(tmp: Path, module: str, old: str, new: str, count: int = 1) -> tuple[dict[str, str], Path]:
    """Copy the rules into `tmp`, break `module` (e.g. "vcdr.py") by one edit, and return the
    environment and working directory in which subprocesses use the broken copy. Checks that
    the copy really is the `rules` such a subprocess imports."""
    package = copy_rules(tmp)
    edit(package / module, old, new, count)
    env = environment(tmp)
    where = subprocess.run([sys.executable, "-c", "import rules; print(rules.__file__)"], env=env, cwd=tmp,
                           capture_output=True, text=True, check=True).stdout.strip()
    if Path(where).resolve() != (package / "__init__.py").resolve():
        raise AssertionError(f"the subprocess imports {where}, not the broken copy in {package}")
    return env, tmp


def immunity(*args: str) -> list[str]:
    """The command line of `immunity ARGS...` run by this interpreter."""
    return [sys.executable, "-c", "from engine.cli import main; main()", *args]
