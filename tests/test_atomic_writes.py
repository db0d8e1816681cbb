"""Every file the engine writes is written atomically (engine/atomic.py).

The timeline picture (`immunity timeline --svg/--png`), the living documentation
(`immunity docs --out DIR`), the exercise worksheet (`immunity exercise --html`) and the
scenario record are written to a temporary file beside the target and renamed onto it. These
tests fill the disk halfway through a write and check that the file already there is left
whole, that no temporary file is left behind, and that the commands still write their files.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

import engine.atomic
from engine.atomic import atomic_file, write_atomically
from engine.cli import app

OLD = "the file that was there before"
DISK_FULL = os.strerror(errno.ENOSPC)


def run(*args: str, code: int = 0):
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == code, (result.exit_code, result.output, result.exception)
    return result


def names(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


class DiskFullHalfway:
    """An open file that takes half of the first write, then fails as a full disk does."""

    def __init__(self, real, partial: list[int]):
        self.real, self.partial = real, partial

    def write(self, data):
        self.real.write(data[:len(data) // 2])
        self.real.flush()
        self.partial.append(os.path.getsize(self.real.name))  # half a file really is on disk
        raise OSError(errno.ENOSPC, DISK_FULL)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.real.close()

    def __getattr__(self, name):
        return getattr(self.real, name)


@pytest.fixture
def disk_full_halfway(monkeypatch) -> list[int]:
    """Every file engine.atomic opens fails halfway through; returns the sizes written by then."""
    partial: list[int] = []
    real_open = open
    monkeypatch.setattr(engine.atomic, "open",
                        lambda *args, **kwargs: DiskFullHalfway(real_open(*args, **kwargs), partial), raising=False)
    return partial


# ---------------------------------------------------------------------------------------
# The helper.
# ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("data", ["text, é and all", b"\x89PNG bytes"])
def test_a_write_replaces_the_file_by_renaming_and_leaves_nothing_else(tmp_path, data) -> None:
    target = tmp_path / "out"
    target.write_text(OLD)
    before = target.stat().st_ino
    write_atomically(target, data)
    assert (target.read_bytes() if isinstance(data, bytes) else target.read_text(encoding="utf-8")) == data
    assert target.stat().st_ino != before, "written in place, not renamed onto the old file"
    assert names(tmp_path) == ["out"]


def test_a_new_file_gets_the_users_umask_like_any_saved_file(tmp_path) -> None:
    old = os.umask(0o022)
    try:
        write_atomically(tmp_path / "page.html", "<p>")
    finally:
        os.umask(old)
    assert (tmp_path / "page.html").stat().st_mode & 0o777 == 0o644  # not mkstemp's 0600


def test_a_write_that_fails_halfway_leaves_the_old_file_whole(tmp_path, disk_full_halfway) -> None:
    target = tmp_path / "page.html"
    target.write_text(OLD)
    with pytest.raises(OSError, match=DISK_FULL):
        write_atomically(target, "<html>" + "x" * 10_000)
    assert disk_full_halfway and disk_full_halfway[0] > 0
    assert target.read_text() == OLD
    assert names(tmp_path) == ["page.html"]


@pytest.mark.parametrize("failure", [RuntimeError("the renderer broke"), KeyboardInterrupt()])
def test_an_exception_while_writing_removes_the_temporary_file(tmp_path, failure) -> None:
    target = tmp_path / "t.svg"
    target.write_text(OLD)
    with pytest.raises(type(failure)):
        with atomic_file(target, binary=True) as out:
            out.write(b"<svg>half a picture")
            assert len(names(tmp_path)) == 2  # the temporary file, beside the target
            raise failure
    assert target.read_text() == OLD
    assert names(tmp_path) == ["t.svg"]


def test_a_rename_that_fails_removes_the_temporary_file(tmp_path, monkeypatch) -> None:
    target = tmp_path / "index.md"
    target.write_text(OLD)

    def refuse(src, dst):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(engine.atomic.os, "replace", refuse)
    with pytest.raises(PermissionError):
        write_atomically(target, "# new")
    assert target.read_text() == OLD
    assert names(tmp_path) == ["index.md"]


def test_a_missing_directory_is_an_error_and_creates_nothing(tmp_path) -> None:
    with pytest.raises(FileNotFoundError):
        write_atomically(tmp_path / "missing" / "out.json", "{}")
    assert names(tmp_path) == []


def test_no_module_writes_a_file_any_other_way() -> None:
    """One way to write: only engine/atomic.py opens files for writing or renames them."""
    import re

    writing = re.compile(r"write_text\(|write_bytes\(|savefig\(\s*(?!buffer)|os\.replace\(|mkstemp\(|"
                         r"open\([^)]*['\"][wax]b?['\"]")
    offenders = [f"{path.name}: {line.strip()}" for path in sorted(Path(engine.atomic.__file__).parent.glob("*.py"))
                 if path.name != "atomic.py"
                 for line in path.read_text(encoding="utf-8").splitlines() if writing.search(line)]
    assert offenders == []


# ---------------------------------------------------------------------------------------
# The commands: they still write their files, and a failed write keeps the old ones.
# ---------------------------------------------------------------------------------------

def test_timeline_writes_the_svg_and_the_png(tmp_path) -> None:
    svg, png = tmp_path / "t.svg", tmp_path / "t.png"
    svg.write_text(OLD)
    out = run("timeline", "--svg", str(svg), "--png", str(png)).stdout
    assert f"saved {svg}" in out and f"saved {png}" in out
    assert svg.read_bytes().startswith(b"<svg") and png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert names(tmp_path) == ["t.png", "t.svg"]


def test_timeline_keeps_the_old_picture_when_the_disk_fills(tmp_path, disk_full_halfway) -> None:
    svg = tmp_path / "t.svg"
    svg.write_text(OLD)
    result = run("timeline", "--svg", str(svg), code=2)
    assert f"immunity: {svg}: {DISK_FULL}" in result.stderr
    assert disk_full_halfway and svg.read_text() == OLD
    assert names(tmp_path) == ["t.svg"]


def test_the_exercise_worksheet_is_written(tmp_path) -> None:
    sheet = tmp_path / "worksheet.html"
    sheet.write_text(OLD)
    run("exercise", "--seed", "7", "--rounds", "2", "--html", str(sheet))
    assert sheet.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert names(tmp_path) == ["worksheet.html"]


def test_the_exercise_worksheet_is_kept_whole_when_the_disk_fills(tmp_path, disk_full_halfway) -> None:
    sheet = tmp_path / "worksheet.html"
    sheet.write_text(OLD)
    result = run("exercise", "--seed", "7", "--rounds", "2", "--html", str(sheet), code=2)
    assert f"--html: cannot write {sheet}: {DISK_FULL}" in result.stderr
    assert disk_full_halfway and sheet.read_text() == OLD
    assert names(tmp_path) == ["worksheet.html"]


@pytest.fixture
def one_scenario(monkeypatch) -> None:
    """`immunity docs` on a report of one passed scenario: the pages are written for real, without
    running the whole suite (tests/test_living_docs.py runs `immunity docs` on every scenario)."""
    from engine import cli_docs
    from engine.coverage import coverage
    from engine.scenario_run import FeatureResult, ScenarioReport, ScenarioResult, StepResult

    scenario = ScenarioResult(name="Immunity ends on departure", line=3, status="passed",
                              steps=[StepResult(keyword="Given", text="the Kim case", status="passed")])
    report = ScenarioReport(features=[FeatureResult(name="Atomic pages", file="scenarios/features/a.feature",
                                                    description="One scenario.", scenarios=[scenario])])
    monkeypatch.setattr(cli_docs, "_run", lambda features: (report, coverage(report)))


def test_docs_writes_its_pages(tmp_path, one_scenario) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(OLD)
    run("docs", "--out", str(site))
    assert "Immunity ends on departure" in (site / "index.html").read_text(encoding="utf-8")
    assert "Immunity ends on departure" in (site / "index.md").read_text(encoding="utf-8")
    assert (site / "timeline.svg").read_bytes().startswith(b"<svg")
    assert names(site) == ["index.html", "index.md", "timeline.svg"]


def test_docs_keeps_the_old_pages_when_the_disk_fills(tmp_path, one_scenario, disk_full_halfway) -> None:
    site = tmp_path / "site"
    site.mkdir()
    for name in ("index.html", "index.md", "timeline.svg"):
        (site / name).write_text(OLD)
    result = run("docs", "--out", str(site), code=2)
    assert f"--out: cannot write {site / 'index.html'}: {DISK_FULL}" in result.stderr
    assert "Traceback" not in result.output
    assert all((site / name).read_text() == OLD for name in ("index.html", "index.md", "timeline.svg"))
    assert names(site) == ["index.html", "index.md", "timeline.svg"]
