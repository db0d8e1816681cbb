"""Every command the README shows runs as printed.

The README is where a new reader starts; a command there that fails, or no longer exists,
costs that reader the most. This test takes every `immunity ...` command from the README
(inline code, and lines of shell blocks) and runs it, in a scratch folder that sees the
repository's `scenarios/`, expecting exit code 0. The two opening commands (install, and the
whole test suite) are what `.ci/run` runs; they are not run again here.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def readme_commands(text: str) -> list[str]:
    """`immunity ...` commands in inline code and in ```sh blocks, in order, each once."""
    found: list[str] = []
    blocks = re.findall(r"```(?:sh|shell|bash|console)\n(.*?)```", text, re.S)
    for block in blocks:
        for line in block.splitlines():
            line = line.strip().removeprefix("$ ")
            if line.startswith("immunity "):
                found.append(line)
    outside = re.sub(r"```.*?```", "", text, flags=re.S)
    for code in re.findall(r"`([^`\n]+)`", outside):
        if code.startswith("immunity ") and not code.endswith("…") and "…" not in code:
            found.append(code.replace("\\|", "|"))
    return list(dict.fromkeys(found))


COMMANDS = readme_commands(README)


def test_the_readme_shows_commands() -> None:
    assert len(COMMANDS) >= 15, COMMANDS


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    here = tmp_path_factory.mktemp("readme")
    for name in ("scenarios", "tests", "pyproject.toml"):  # coverage and docs run the scenarios of a checkout
        (here / name).symlink_to(ROOT / name)
    return here


@pytest.mark.parametrize("command", COMMANDS)
def test_a_readme_command_runs_as_printed(command: str, scratch: Path) -> None:
    words = shlex.split(command)
    program = shutil.which("immunity")
    argv = [program, *words[1:]] if program else [sys.executable, "-m", "engine.cli", *words[1:]]
    done = subprocess.run(argv, cwd=scratch, capture_output=True, text=True, timeout=600,
                          stdin=subprocess.DEVNULL, env={**os.environ, "COLUMNS": "100"})
    assert done.returncode == 0, f"{command}\nexit {done.returncode}\n{done.stderr[-2000:]}"
    assert "Traceback" not in done.stderr
    assert done.stdout.strip() or "saved" in done.stderr
