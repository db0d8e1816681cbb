"""The benchmark: one command prints the tables and writes them, with a plot, under bench/results/.

    python bench/run.py            # the full run (several minutes)
    python bench/run.py --quick    # a smoke test: fewer runs, scale up to 1,000 persons

Tables (bench/README.md says what each measures and what its floor is):
1. `immunity at 2020-08-10` against the import floor, and what the CLI's time is made of;
2. evaluations per second in one process (cached, uncached) against the durable-rules floor;
3. generated cases of 10 to 10,000 persons end to end: time, peak memory, complete answers;
4. `immunity batch` over a directory of small cases, with 1 and with 2 workers.
A measurement that fails is reported as such; the others still run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(1, str(ROOT))  # engine importable without an install too (bench/ itself is sys.path[0])

from big_case import big_case  # noqa: E402

DAY = "2020-08-10"
TIMEOUT = 900  # seconds for any one child process


@dataclass(frozen=True)
class Settings:
    cli_runs: int  # runs of each command in table 1
    phase_runs: int  # fresh processes timing the CLI's phases
    days: int  # days evaluated in table 2
    passes: int  # cached passes in table 2
    sizes: tuple[int, ...]  # persons in table 3
    batch_cases: int  # generated cases in table 4
    batch_runs: int
    quick: bool = False

    def reps(self, persons: int) -> int:
        """Runs per size in table 3."""
        if self.quick:
            return 1
        return 5 if persons <= 300 else 3 if persons <= 1000 else 2 if persons <= 5000 else 1


FULL = Settings(cli_runs=15, phase_runs=7, days=2000, passes=3,
                sizes=(10, 30, 100, 300, 1000, 3000, 5000, 10000), batch_cases=200, batch_runs=3)
QUICK = Settings(cli_runs=5, phase_runs=3, days=300, passes=1,
                 sizes=(10, 30, 100, 300, 1000), batch_cases=40, batch_runs=1, quick=True)

# Targets (issue 9)
CLI_RATIO = 1.6  # `immunity at` within this many times the import floor
CACHED_RATE = 2000  # evaluations/s, cached
UNCACHED_RATIO = 1.5  # uncached evaluation within this many times the durable-rules floor
SCALE_PERSONS, SCALE_SECONDS, SCALE_MB = 5000, 10.0, 600
EXPONENT = 1.1
FIT = (100, 5000)  # sizes the exponent is fitted over
UPPER = 1000  # from this size on, a second fit for information (start-up weighs little there)


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def verdict(met: bool | None, shown: str, target: str) -> str:
    if met is None:
        return f"not measured (target {target})"
    return f"{'met' if met else 'not met'}: {shown}, target {target}"


# ---------------------------------------------------------------------------------------------
# Child processes


def child_env() -> dict[str, str]:
    """This machine's environment without PYTHONDONTWRITEBYTECODE: bytecode is cached, as in a
    normal install (with it set, every run recompiles the project's sources)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def immunity() -> list[str]:
    """The installed `immunity` command, else the same entry point through this Python."""
    script = Path(sys.executable).parent / "immunity"
    if script.exists():
        return [str(script)]
    found = shutil.which("immunity")
    return [found] if found else [sys.executable, "-c", "from engine.cli import main; main()"]


@dataclass
class Ran:
    seconds: float
    code: int
    max_rss_kb: int | None
    stdout: Path
    stderr: Path

    def tail(self) -> str:
        text = self.stderr.read_text(errors="replace").strip().splitlines()
        return " | ".join(text[-3:]) if text else "(no message on stderr)"


# Runs a command and reports its wall time and peak memory. Peak memory needs a small parent: the
# kernel starts a process's ru_maxrss at its parent's resident size when it execs (measured here:
# 103 MB for a 50 MB CLI run started from this benchmark's process).
LAUNCHER = """
import json, os, subprocess, sys, time
report, command = sys.argv[1], sys.argv[2:]
t0 = time.perf_counter()
child = subprocess.Popen(command)
_, status, usage = os.wait4(child.pid, 0)
seconds = time.perf_counter() - t0
child.returncode = os.waitstatus_to_exitcode(status)
with open(report, "w") as out:
    json.dump({"seconds": seconds, "code": child.returncode, "max_rss_kb": usage.ru_maxrss}, out)
"""


def run_child(command: list[str], work: Path, name: str = "out", memory: bool = False) -> Ran:
    """Run `command` to completion in `work` (not the project's root, as a user would): its wall
    time and exit code, and with `memory` its peak resident memory (through LAUNCHER); stdout and
    stderr go to files in `work`."""
    out, err, report = work / f"{name}.stdout", work / f"{name}.stderr", work / f"{name}.report"
    argv = [sys.executable, "-c", LAUNCHER, str(report), *command] if memory else command
    with open(out, "wb") as o, open(err, "wb") as e:
        t0 = time.perf_counter()
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=o, stderr=e, env=child_env(), cwd=work,
                                start_new_session=True)
        timer = threading.Timer(TIMEOUT, os.killpg, (proc.pid, signal.SIGKILL))  # a hung child is stopped
        timer.start()
        try:
            _, status, _ = os.wait4(proc.pid, 0)  # blocking: returns as the child exits
        finally:
            timer.cancel()
        seconds = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode == -signal.SIGKILL and seconds >= TIMEOUT:
        raise TimeoutError(f"{' '.join(command)}: still running after {TIMEOUT} s, stopped")
    if not memory:
        return Ran(seconds, proc.returncode, None, out, err)
    if proc.returncode or not report.exists():
        raise RuntimeError(f"the memory-measuring launcher failed (exit {proc.returncode}): "
                           f"{Ran(0, 0, None, out, err).tail()}")
    got = json.loads(report.read_text())
    return Ran(got["seconds"], got["code"], got["max_rss_kb"], out, err)


# ---------------------------------------------------------------------------------------------
# The machine


def machine(quick: bool) -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        from importlib.metadata import version
        durable = version("durable_rules")
    except Exception as exc:  # noqa: BLE001
        durable = f"unknown ({exc})"

    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=30,
                                  check=True).stdout.strip()
        except Exception:  # noqa: BLE001
            return ""

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    changed = [line for line in git("status", "--porcelain", "--untracked-files=no").splitlines() if line]
    return {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(),
        "durable_rules": durable, "platform": platform.platform(),
        "commit": commit, "uncommitted_files": len(changed),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "mode": "quick" if quick else "full",
    }


# ---------------------------------------------------------------------------------------------
# Table 1: the CLI against the import floor


def table_cli(settings: Settings, work: Path) -> dict:
    py = sys.executable
    commands = {
        "bare interpreter: `python -c pass`": [py, "-c", "pass"],
        "floor: `python -c \"import typer, durable.lang, pydantic, yaml\"`":
            [py, "-c", "import typer, durable.lang, pydantic, yaml"],
        "for reference, the floor and pydantic's models: `... yaml; from pydantic import BaseModel` "
        "(`import pydantic` alone loads them lazily)":
            [py, "-c", "import typer, durable.lang, pydantic, yaml; from pydantic import BaseModel"],
        "`python -c \"import engine.cli\"`": [py, "-c", "import engine.cli"],
        f"`immunity at {DAY}` (the Kim case)": [*immunity(), "at", DAY],
    }
    names = list(commands)
    floor_name, cli_name = names[1], names[-1]
    times: dict[str, list[float]] = {name: [] for name in names}
    failures: dict[str, list[str]] = {name: [] for name in names}

    def once(name: str, label: str) -> float | None:
        try:
            ran = run_child(commands[name], work, label)
        except Exception as exc:  # noqa: BLE001
            failures[name].append(f"{type(exc).__name__}: {exc}")
            return None
        if ran.code:
            failures[name].append(f"exit {ran.code}: {ran.tail()}")
            return None
        return ran.seconds

    for name in names:  # one warm-up each: bytecode written, files in the page cache
        once(name, "warm")
    for i in range(settings.cli_runs):  # interleaved, rotating, so background load hits all alike
        for name in names[i % len(names):] + names[:i % len(names)]:
            if len(failures[name]) > settings.cli_runs // 2:
                continue  # failing for good: give up on this command
            seconds = once(name, "cli")
            if seconds is not None:
                times[name].append(seconds)
    rows = []
    for name in names:
        t = times[name]
        rows.append({"command": name, "runs": len(t), "failed_runs": len(failures[name]),
                     "error": failures[name][0] if failures[name] else None,
                     "median_ms": 1000 * statistics.median(t) if t else None,
                     "min_ms": 1000 * min(t) if t else None, "max_ms": 1000 * max(t) if t else None})
    by = {r["command"]: r for r in rows}
    floor, cli = by[floor_name], by[cli_name]
    for r in rows:
        r["x_floor"] = r["median_ms"] / floor["median_ms"] if r["median_ms"] and floor["median_ms"] else None
    ratio = cli["x_floor"]
    ratio_min = cli["min_ms"] / floor["min_ms"] if cli["min_ms"] and floor["min_ms"] else None
    result = {
        "rows": rows, "ratio": ratio, "ratio_of_minima": ratio_min, "target": f"<= {CLI_RATIO}x",
        "met": None if ratio is None else ratio <= CLI_RATIO,
        "verdict": verdict(None if ratio is None else ratio <= CLI_RATIO,
                           f"{ratio:.2f}x" if ratio else "", f"{CLI_RATIO}x the floor"),
    }
    try:
        result["phases"] = cli_phases(settings, work, by)
    except Exception as exc:  # noqa: BLE001
        result["phases_error"] = f"{type(exc).__name__}: {exc}"
        log(f"table 1, phases: {result['phases_error']}")
    return result


def cli_phases(settings: Settings, work: Path, by: dict) -> dict:
    """Median ms of each phase of the CLI's work, over fresh processes (bench/phases.py)."""
    command = [sys.executable, str(BENCH / "phases.py")]
    runs: list[dict[str, float]] = []
    for i in range(settings.phase_runs + 1):  # the first is a warm-up
        ran = run_child(command, work, "phases")
        if ran.code:
            raise RuntimeError(f"bench/phases.py: exit {ran.code}: {ran.tail()}")
        if i:
            runs.append(json.loads(ran.stdout.read_text()))
    phases = {name: statistics.median(r[name] for r in runs) for name in runs[0]}
    bare = next((r for name, r in by.items() if name.startswith("bare")), {}).get("median_ms")
    cli = next((r for name, r in by.items() if name.startswith("`immunity")), {}).get("median_ms")
    return {"runs": len(runs), "median_ms": phases, "interpreter_ms": bare, "cli_ms": cli}


# ---------------------------------------------------------------------------------------------
# Table 2: throughput in one process


def table_throughput(settings: Settings) -> dict:
    from engine import host, situations
    from engine.evaluation import all_rules, evaluate
    from engine.facts import case_facts
    from engine.loading import load_case

    from floor import Floor, Recorder

    case = load_case().case
    rng = random.Random(20200810)
    first, span = dt.date(2016, 1, 1), (dt.date(2026, 12, 31) - dt.date(2016, 1, 1)).days + 1
    days = [first + dt.timedelta(days=rng.randrange(span)) for _ in range(settings.days)]
    distinct = sorted(set(days))
    rules = list(all_rules())
    evaluate(case, days[0], cache=False)  # compile the engine's ruleset outside the timing
    out: dict = {"days": len(days), "distinct_days": len(distinct), "rules": len(rules),
                 "span": "2016-01-01..2026-12-31", "seed": 20200810}

    # (a) cached: the per-situation cache, emptied first so its misses are counted
    passes = []
    for _ in range(settings.passes):
        situations.clear()
        before = dict(situations.stats)
        conclusions = 0
        t0 = time.perf_counter()
        for day in days:
            conclusions += len(evaluate(case, day).answer.conclusions)
        seconds = time.perf_counter() - t0
        passes.append({"seconds": seconds, "hits": situations.stats["hits"] - before["hits"],
                       "misses": situations.stats["misses"] - before["misses"], "conclusions": conclusions})
    passes.sort(key=lambda p: p["seconds"])
    cached = passes[len(passes) // 2]  # the median pass
    out["cached"] = {**cached, "passes": len(passes), "per_s": len(days) / cached["seconds"],
                     "ms": 1000 * cached["seconds"] / len(days)}
    log(f"table 2: cached {out['cached']['per_s']:,.0f} evaluations/s")

    # the floor's inputs and firing tables, recorded from the real rules (untimed)
    t0 = time.perf_counter()
    inputs = {day: case_facts(case, day) for day in distinct}
    facts_ms = 1000 * (time.perf_counter() - t0) / len(distinct)
    recorder, floor = Recorder(rules), Floor(rules)
    tables = {}
    for day in distinct:
        tables[day] = recorder.record(inputs[day])[0]
    recorder.close()
    asserted = {day: sum(len(v) for v in table.values()) for day, table in tables.items()}
    mismatched = sum(floor.replay(inputs[day], tables[day]) != asserted[day] for day in distinct)  # check, untimed
    out["floor_check"] = {"days_whose_derived_facts_differ": mismatched, "unrecorded_firings": floor.unrecorded,
                          "firings_per_run": statistics.mean(len(t) for t in tables.values()),
                          "derived_asserted_per_run": statistics.mean(asserted.values()),
                          "input_facts_per_run": statistics.mean(len(f) for f in inputs.values())}
    out["case_facts_ms"] = facts_ms

    # (b) uncached and (c) the floor, in alternating chunks of days so background load hits both
    engine_session = host.session(rules)
    real_run = engine_session.run
    rule_runs = 0

    def counted(facts):
        nonlocal rule_runs
        rule_runs += 1
        return real_run(facts)

    uncached_s = floor_s = 0.0
    chunk = 50
    try:
        engine_session.run = counted  # counts the rule runs `evaluate` makes (window placements too)
        for i in range(0, len(days), chunk):
            part = days[i:i + chunk]
            for which in ((0, 1) if (i // chunk) % 2 == 0 else (1, 0)):
                t0 = time.perf_counter()
                if which == 0:
                    for day in part:
                        evaluate(case, day, cache=False)
                    uncached_s += time.perf_counter() - t0
                else:
                    for day in part:
                        floor.replay(inputs[day], tables[day])
                    floor_s += time.perf_counter() - t0
    finally:
        del engine_session.run
        floor.close()
    n = len(days)
    out["uncached"] = {"seconds": uncached_s, "per_s": n / uncached_s, "ms": 1000 * uncached_s / n,
                       "rule_runs": rule_runs, "runs_per_evaluation": rule_runs / n,
                       "ms_per_rule_run": 1000 * uncached_s / rule_runs}
    out["floor"] = {"seconds": floor_s, "per_s": n / floor_s, "ms": 1000 * floor_s / n,
                    "rule_runs": n, "ms_per_rule_run": 1000 * floor_s / n}
    floor_ms = out["floor"]["ms"]
    out["ratio_uncached_per_evaluation"] = out["uncached"]["ms"] / floor_ms
    out["ratio_uncached_per_rule_run"] = out["uncached"]["ms_per_rule_run"] / floor_ms
    out["ratio_cached"] = out["cached"]["ms"] / floor_ms
    rate, ratio = out["cached"]["per_s"], out["ratio_uncached_per_evaluation"]
    out["verdict_cached"] = verdict(rate >= CACHED_RATE, f"{rate:,.0f} evaluations/s", f">= {CACHED_RATE:,}/s")
    out["verdict_uncached"] = verdict(ratio <= UNCACHED_RATIO, f"{ratio:.2f}x per evaluation",
                                      f"{UNCACHED_RATIO}x the floor")
    out["verdict_uncached_per_run"] = verdict(out["ratio_uncached_per_rule_run"] <= UNCACHED_RATIO,
                                              f"{out['ratio_uncached_per_rule_run']:.2f}x per rule run",
                                              f"{UNCACHED_RATIO}x the floor")
    out["met"] = rate >= CACHED_RATE and ratio <= UNCACHED_RATIO
    return out


# ---------------------------------------------------------------------------------------------
# Table 3: scale


def fit_power(points: list[tuple[int, float]]) -> tuple[float, float] | None:
    """Least squares of log(time) on log(n): (exponent, log of the factor), so time ~ e^b * n^k."""
    pts = [(math.log(n), math.log(t)) for n, t in points if t > 0]
    if len(pts) < 2:
        return None
    mx, my = statistics.mean(x for x, _ in pts), statistics.mean(y for _, y in pts)
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    if not sxx:
        return None
    k = sum((x - mx) * (y - my) for x, y in pts) / sxx
    return k, my - k * mx


def completeness(output: Path, persons: int) -> dict:
    answer = json.loads(output.read_text(encoding="utf-8"))
    conclusions = answer.get("conclusions", [])
    answered = {c["subject"]["person"] for c in conclusions if "person" in c.get("subject", {})}
    wanted = {f"p{i}" for i in range(persons)}
    return {"conclusions": len(conclusions), "persons_answered": len(answered & wanted),
            "complete": wanted <= answered, "unknowns": len(answer.get("unknowns", []))}


def table_scale(settings: Settings, work: Path) -> dict:
    rows = []
    command = immunity()
    run_child([*command, "at", DAY], work, "warm")  # bytecode written, files cached
    for persons in settings.sizes:
        row: dict = {"persons": persons, "runs": 0}
        rows.append(row)
        try:
            path = work / f"case-{persons}.json"
            path.write_text(json.dumps(big_case(persons)), encoding="utf-8")
            row["file_mb"] = path.stat().st_size / 1e6
            times, rss = [], []
            for _ in range(settings.reps(persons)):
                ran = run_child([*command, "at", DAY, str(path), "--json"], work, f"scale-{persons}",
                                memory=True)
                if ran.code:
                    raise RuntimeError(f"exit {ran.code}: {ran.tail()}")
                times.append(ran.seconds)
                rss.append(ran.max_rss_kb)
            row.update(runs=len(times), seconds=statistics.median(times), min_seconds=min(times),
                       peak_mb=max(rss) / 1024)
            row.update(completeness(ran.stdout, persons))
            log(f"table 3: {persons} persons: {row['seconds']:.2f} s, {row['peak_mb']:.0f} MB, "
                f"{row['conclusions']} conclusions, {'complete' if row['complete'] else 'INCOMPLETE'}")
        except Exception as exc:  # noqa: BLE001
            row["error"] = f"{type(exc).__name__}: {exc}"
            log(f"table 3: {persons} persons: {row['error']}")
    fitted = [(r["persons"], r["seconds"]) for r in rows if "seconds" in r and FIT[0] <= r["persons"] <= FIT[1]]
    fit = fit_power(fitted) if len(fitted) >= 3 else None
    exponent = fit[0] if fit else None
    target_row = next((r for r in rows if r["persons"] == SCALE_PERSONS and "seconds" in r), None)
    out = {"rows": rows, "exponent": exponent, "log_factor": fit[1] if fit else None,
           "fitted_over": [n for n, _ in fitted]}
    if target_row:
        out["verdict_time"] = verdict(target_row["seconds"] < SCALE_SECONDS, f"{target_row['seconds']:.1f} s",
                                      f"< {SCALE_SECONDS:g} s for {SCALE_PERSONS:,} persons")
        out["verdict_memory"] = verdict(target_row["peak_mb"] < SCALE_MB, f"{target_row['peak_mb']:.0f} MB",
                                        f"< {SCALE_MB} MB for {SCALE_PERSONS:,} persons")
    else:
        why = "--quick stops at 1,000 persons" if SCALE_PERSONS not in settings.sizes else "that size failed"
        out["verdict_time"] = f"not measured ({why}; target < {SCALE_SECONDS:g} s for {SCALE_PERSONS:,} persons)"
        out["verdict_memory"] = f"not measured ({why}; target < {SCALE_MB} MB for {SCALE_PERSONS:,} persons)"
    # The fit above includes the start-up, the same at every size, which flattens it: two more
    # readings of how the work grows at the large end, for information.
    large = [(r["persons"], r["seconds"]) for r in rows if "seconds" in r and r["persons"] >= UPPER]
    got = fit_power(large) if len(large) >= 3 else None
    out["exponent_upper"] = {"value": got[0], "over": [n for n, _ in large]} if got else None
    measured = [r for r in rows if "seconds" in r]
    if len(measured) >= 2:
        a, b = measured[-2], measured[-1]
        out["local_exponent"] = {"from": a["persons"], "to": b["persons"],
                                 "value": math.log(b["seconds"] / a["seconds"]) / math.log(b["persons"] / a["persons"])}
    over = f"{fitted[0][0]:,}..{fitted[-1][0]:,}" if fitted else "no sizes"
    short = " only" if not fitted or fitted[-1][0] < FIT[1] else ""
    out["verdict_exponent"] = verdict(None if exponent is None else exponent <= EXPONENT,
                                      f"{exponent:.2f} over {over} persons{short}" if exponent is not None else "",
                                      f"<= {EXPONENT} over {FIT[0]:,}..{FIT[1]:,}")
    upper = out["exponent_upper"]
    if upper and exponent is not None and upper["value"] > EXPONENT:
        out["verdict_exponent"] += (f" (start-up flattens it: over {upper['over'][0]:,}..{upper['over'][-1]:,} "
                                    f"persons the slope is {upper['value']:.2f})")
    complete = [r.get("complete") for r in rows if "complete" in r]
    out["verdict_complete"] = verdict(all(complete) if complete else None,
                                      f"{sum(complete)} of {len(complete)} sizes complete",
                                      "every person answered at every size")
    return out


def plot_scale(scale: dict, path: Path, machine_info: dict) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = [r for r in scale["rows"] if "seconds" in r]
    if not rows:
        raise RuntimeError("no size was measured")
    n = [r["persons"] for r in rows]
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.8))
    left.loglog(n, [r["seconds"] for r in rows], "o-", label="immunity at DAY FILE --json, median")
    over = scale.get("fitted_over", [])
    if over and scale.get("exponent") is not None:
        k, b = scale["exponent"], scale["log_factor"]
        xs = [over[0], over[-1]]
        left.loglog(xs, [math.exp(b) * x ** k for x in xs], "--",
                    label=f"least squares over {over[0]:,}..{over[-1]:,}: time ~ n^{k:.2f}")
    right.loglog(n, [r["peak_mb"] for r in rows], "s-", color="tab:red", label="peak RSS of the process")
    for ax, target, said, ylabel, title in (
            (left, SCALE_SECONDS, f"{SCALE_SECONDS:g} s", "wall time, s (log)", "Time to answer one case, end to end"),
            (right, SCALE_MB, f"{SCALE_MB} MB", "peak memory, MB (log)", "Peak memory")):
        ax.axhline(target, color="grey", linestyle=":", label=f"target: {said} at {SCALE_PERSONS:,}")
        ax.axvline(SCALE_PERSONS, color="grey", linestyle=":")
        ax.set_xlabel("persons in the case")
        ax.set_ylabel(ylabel)
        ax.set_title(title)
        ax.legend(fontsize=8)
    from matplotlib.ticker import FuncFormatter

    plain = FuncFormatter(lambda v, _: f"{v:,.0f}" if v >= 1 else f"{v:g}")
    some = FuncFormatter(lambda v, _: (f"{v:,.0f}" if v >= 1 else f"{v:g}") if f"{v:e}"[0] in "25" else "")
    for ax in (left, right):
        ax.grid(True, which="both", alpha=0.3)
        ax.xaxis.set_major_formatter(plain)
        ax.yaxis.set_major_formatter(plain)
        ax.yaxis.set_minor_formatter(some)
    fig.suptitle(f"bench/run.py ({machine_info['mode']}) {machine_info['date'][:10]}, "
                 f"{machine_info['cpu']}, {machine_info['cores']} cores, commit {machine_info['commit']}",
                 fontsize=9)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


# ---------------------------------------------------------------------------------------------
# Table 4: batch


def table_batch(settings: Settings, work: Path) -> dict:
    from engine.loading import shipped_cases

    folder = work / "batch"
    folder.mkdir()
    for i in range(settings.batch_cases):
        (folder / f"generated-{i:04d}.json").write_text(json.dumps(big_case(5 + i % 16)), encoding="utf-8")
    for name, path in shipped_cases().items():
        shutil.copy(path, folder / f"shipped-{name}{path.suffix}")
    total = len(list(folder.iterdir()))
    rows = []
    for workers in (1, 2):
        row: dict = {"workers": workers, "cases": total}
        rows.append(row)
        try:
            times = []
            for _ in range(settings.batch_runs):
                ran = run_child([*immunity(), "batch", str(folder), "--at", DAY, "--workers", str(workers)],
                                work, f"batch-{workers}")
                lines = [json.loads(line) for line in ran.stdout.read_text(encoding="utf-8").splitlines() if line]
                answered = sum("answer" in line for line in lines)
                if ran.code or answered != total:
                    raise RuntimeError(f"exit {ran.code}, {answered} of {total} cases answered: {ran.tail()}")
                times.append(ran.seconds)
            row.update(runs=len(times), seconds=statistics.median(times), min_seconds=min(times),
                       per_s=total / statistics.median(times), answered=answered)
            log(f"table 4: --workers {workers}: {row['seconds']:.2f} s, {row['per_s']:.0f} cases/s")
        except Exception as exc:  # noqa: BLE001
            row["error"] = f"{type(exc).__name__}: {exc}"
            log(f"table 4: --workers {workers}: {row['error']}")
    out = {"rows": rows, "generated": settings.batch_cases, "shipped": total - settings.batch_cases}
    one, two = rows
    if "seconds" in one and "seconds" in two:
        out["speedup"] = one["seconds"] / two["seconds"]
        out["verdict"] = verdict(out["speedup"] > 1, f"--workers 2 is {out['speedup']:.2f}x --workers 1",
                                 "none set by issue 9; checked: 2 workers faster than 1")
    else:
        out["verdict"] = "not measured (see the errors below)"
    return out


# ---------------------------------------------------------------------------------------------
# The report


def fmt(value, spec: str = ".0f", missing: str = "-") -> str:
    return missing if value is None else format(value, spec)


def report(results: dict) -> str:
    m = results["machine"]
    lines = [
        "# Benchmark results",
        "",
        f"`python bench/run.py{' --quick' if m['mode'] == 'quick' else ''}` — {m['mode']} run, {m['date']}.",
        "",
        "| machine | |",
        "|---|---|",
        f"| CPU | {m['cpu']} ({m['cores']} cores) |",
        f"| Python | {m['python']} ({m['platform']}) |",
        f"| durable-rules | {m['durable_rules']} |",
        f"| commit | {m['commit']}" + (f" plus uncommitted changes to {m['uncommitted_files']} tracked files"
                                       if m["uncommitted_files"] else "") + " |",
        f"| load average (1, 5, 15 min) | at start {m['load_average_at_start']}, "
        f"at end {m.get('load_average_at_end', '-')} |",
        f"| wall time of this run | {m.get('run_seconds', 0):.0f} s |",
        "",
        "Figures depend on the machine and on what else runs on it; compare runs made on the same machine.",
        "",
    ]
    tables = results["tables"]
    sections = (("1. `immunity at` against the import floor", "cli", report_cli),
                ("2. Throughput in one process (the Kim case)", "throughput", report_throughput),
                ("3. Scale: generated cases, end to end", "scale", report_scale),
                ("4. Batch: `immunity batch` with 1 and 2 workers", "batch", report_batch))
    for title, key, render in sections:
        lines += [f"## {title}", ""]
        table = tables.get(key)
        if table is None:
            lines += ["Not run this time (`--only`).", ""]
            continue
        if "error" in table:
            lines += [f"**Could not measure:** {table['error']}", ""]
            continue
        try:
            lines += render(table)
        except Exception as exc:  # noqa: BLE001
            lines += [f"**Could not report:** {type(exc).__name__}: {exc}", ""]
    return "\n".join(lines).rstrip() + "\n"


def report_cli(t: dict) -> list[str]:
    lines = [f"Target: `immunity at {DAY}` within {CLI_RATIO}x of the import floor (medians) — "
             f"**{t['verdict']}**" + (f" (ratio of the fastest runs: {t['ratio_of_minima']:.2f}x)"
                                      if t.get("ratio_of_minima") else "") + ".", "",
             "| command | runs | median ms | min ms | max ms | x floor |", "|---|---:|---:|---:|---:|---:|"]
    failed = []
    for r in t["rows"]:
        if r["error"] and not r["runs"]:
            lines.append(f"| {r['command']} | 0 | could not measure: {r['error']} | | | |")
            continue
        lines.append(f"| {r['command']} | {r['runs']} | {fmt(r['median_ms'])} | {fmt(r['min_ms'])} | "
                     f"{fmt(r['max_ms'])} | {fmt(r['x_floor'], '.2f')}x |")
        if r["error"]:
            failed.append(f"{r['command']}: {r['failed_runs']} run(s) failed and are left out, the first with "
                          f"{r['error']}")
    lines += [""] + [f"**Failed runs:** {f}" for f in failed] + ([""] if failed else [])
    lines += ["Each command is a fresh process, run once to warm up and then in rotating order with the "
              "others. This machine's environment sets `PYTHONDONTWRITEBYTECODE=1`, which makes every run "
              "recompile the project's sources; every command here runs with it removed, so bytecode is "
              "cached as in a normal install.", ""]
    phases = t.get("phases")
    if phases:
        cli = phases.get("cli_ms")
        lines += ["What the CLI's time is made of: each phase timed inside a fresh process "
                  f"(`bench/phases.py`, median of {phases['runs']}; the floor's libraries are imported first, "
                  "so every later phase is the project's own work):", "",
                  "| phase | median ms | share of the CLI's median |", "|---|---:|---:|"]
        rows = []
        if phases.get("interpreter_ms"):
            rows.append(("start the interpreter (`python -c pass`, from the table above)", phases["interpreter_ms"]))
        rows += list(phases["median_ms"].items())
        for name, ms in rows:
            share = f"{100 * ms / cli:.0f}%" if cli else "-"
            lines.append(f"| {name} | {ms:.0f} | {share} |")
        if cli:
            accounted = sum(ms for _, ms in rows)
            rest = cli - accounted
            lines.append(f"| the rest (the process's exit, noise) | {rest:.0f} | {100 * rest / cli:.0f}% |" if rest >= 0
                         else f"| the rest | - | the phases, timed in other processes, add up to "
                              f"{-rest:.0f} ms more than the CLI's median: noise |")
        lines.append("")
    elif t.get("phases_error"):
        lines += [f"Phases could not be measured: {t['phases_error']}", ""]
    return lines


def report_throughput(t: dict) -> list[str]:
    c, u, f, chk = t["cached"], t["uncached"], t["floor"], t["floor_check"]
    passes = f"median of {c['passes']} passes" if c["passes"] > 1 else "one pass"
    lines = [f"Targets: cached >= {CACHED_RATE:,} evaluations/s — **{t['verdict_cached']}**; "
             f"uncached within {UNCACHED_RATIO}x of the durable-rules floor — **{t['verdict_uncached']}** "
             f"({t['verdict_uncached_per_run']}).", "",
             f"{t['days']:,} random days over {t['span'].replace('..', ' to ')} (seed {t['seed']}, "
             f"{t['distinct_days']:,} distinct), {t['rules']} rules.", "",
             "| mode | evaluations/s | ms per evaluation | rule runs per evaluation | ms per rule run | x floor |",
             "|---|---:|---:|---:|---:|---:|",
             f"| (a) cached: `evaluate(case, day)` ({passes}; {c['misses']} misses, "
             f"{c['hits']:,} hits) | {c['per_s']:,.0f} | {c['ms']:.3f} | - | - | {t['ratio_cached']:.2f}x |",
             f"| (b) uncached: `evaluate(case, day, cache=False)` | {u['per_s']:,.0f} | {u['ms']:.2f} | "
             f"{u['runs_per_evaluation']:.2f} ({u['rule_runs']:,} runs) | {u['ms_per_rule_run']:.2f} | "
             f"{t['ratio_uncached_per_evaluation']:.2f}x per evaluation, "
             f"{t['ratio_uncached_per_rule_run']:.2f}x per rule run |",
             f"| (c) floor: the same conditions and inputs, actions that only assert | {f['per_s']:,.0f} | "
             f"{f['ms']:.2f} | 1 | {f['ms_per_rule_run']:.2f} | 1.00x |",
             "",
             "The floor (bench/floor.py) is a separate durable-rules ruleset with the same rules' conditions and "
             "the same sink, whose actions only assert the facts the real rules derived for that firing "
             "(recorded beforehand from a real rule run of the same day, keyed by rule and the keys of the facts "
             "it joined), driven through the same C API calls as `engine.host.Session`. It runs once per day on "
             f"`case_facts(case, day)` ({chk['input_facts_per_run']:.0f} input facts, "
             f"{chk['firings_per_run']:.0f} firings, {chk['derived_asserted_per_run']:.0f} derived facts asserted "
             "per run on average), precomputed outside the timing (building them takes "
             f"{t['case_facts_ms']:.2f} ms a day). Check: {chk['days_whose_derived_facts_differ']} days whose "
             f"derived facts differ from the recording, {chk['unrecorded_firings']} firings not in the recording.",
             "",
             "`evaluate` may run the rules more than once a day: on a day inside an imprecise date's window it "
             "tries each placement of that window's dates (engine/evaluation.py `_evaluate`). \"Per evaluation\" "
             "compares one answer with one floor run; \"per rule run\" divides the engine's time by the rule runs "
             "it made. Uncached and floor ran in alternating chunks of 50 days so background load hits both alike.",
             ""]
    return lines


def report_scale(t: dict) -> list[str]:
    lines = [f"Targets: {SCALE_PERSONS:,} persons in < {SCALE_SECONDS:g} s — **{t['verdict_time']}**; "
             f"in < {SCALE_MB} MB — **{t['verdict_memory']}**; fitted exponent <= {EXPONENT} — "
             f"**{t['verdict_exponent']}**; answers complete — **{t['verdict_complete']}**.", "",
             "| persons | case file MB | runs | median s | min s | peak MB | conclusions | persons answered |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in t["rows"]:
        if "error" in r:
            lines.append(f"| {r['persons']:,} | {fmt(r.get('file_mb'), '.2f')} | {r['runs']} | "
                         f"could not measure: {r['error']} | | | | |")
            continue
        lines.append(f"| {r['persons']:,} | {r['file_mb']:.2f} | {r['runs']} | {r['seconds']:.2f} | "
                     f"{r['min_seconds']:.2f} | {r['peak_mb']:.0f} | {r['conclusions']:,} | "
                     f"{r['persons_answered']:,} of {r['persons']:,}{'' if r['complete'] else ' (INCOMPLETE)'} |")
    lines += ["", f"Each run is `immunity at {DAY} FILE.json --json` as a fresh process (bytecode cached), on a case "
              "from `bench/big_case.py` written to a temporary directory, its answer written to a file and read "
              "back; time is wall time from start to exit, peak memory the process's own maximum resident set "
              "(ru_maxrss from wait4, read by a small launcher process: started from the benchmark's own large "
              "process, a child's ru_maxrss would begin at the parent's size)."]
    lines += ["", "The exponent is the least-squares slope of log(median time) on log(persons) over "
              f"{', '.join(f'{n:,}' for n in t['fitted_over']) or 'no sizes'} persons. It includes the start-up, "
              "the same at every size, which flattens it."]
    readings = []
    upper = t.get("exponent_upper")
    if upper:
        readings.append(f"the same fit over {', '.join(f'{n:,}' for n in upper['over'])} persons, where start-up "
                        f"weighs little, gives **{upper['value']:.2f}**")
    local = t.get("local_exponent")
    if local:
        readings.append(f"between the two largest sizes measured ({local['from']:,} and {local['to']:,} persons) "
                        f"the slope is **{local['value']:.2f}**")
    if readings:
        lines[-1] += " For information: " + "; ".join(readings) + "."
    lines += ["", "Plot: `scale.png` (time and peak memory against persons, log-log, with the targets).", ""]
    return lines


def report_batch(t: dict) -> list[str]:
    lines = [f"Target: **{t['verdict']}**.", "",
             f"A directory of {t['generated']} generated cases (`big_case(5..20)`, 5 to 20 persons each) and the "
             f"{t['shipped']} shipped cases, answered on {DAY}; median over the runs.", "",
             "| command | cases | runs | median s | min s | cases/s |", "|---|---:|---:|---:|---:|---:|"]
    for r in t["rows"]:
        name = f"`immunity batch DIR --at {DAY} --workers {r['workers']}`"
        if "error" in r:
            lines.append(f"| {name} | {r['cases']} | - | could not measure: {r['error']} | | |")
            continue
        lines.append(f"| {name} | {r['cases']} | {r['runs']} | {r['seconds']:.2f} | {r['min_seconds']:.2f} | "
                     f"{r['per_s']:.0f} |")
    lines.append("")
    return lines


# ---------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="a smoke test: fewer runs and days, scale up to 1,000 persons")
    parser.add_argument("--out", type=Path, default=BENCH / "results",
                        help="where to write results.md, results.json and scale.png (default: bench/results)")
    parser.add_argument("--only", choices=("cli", "throughput", "scale", "batch"), action="append",
                        help="run only this table (may be repeated)")
    args = parser.parse_args(argv)
    settings = QUICK if args.quick else FULL
    started = time.perf_counter()
    info = machine(args.quick)
    log(f"{info['mode']} run on {info['cpu']}, {info['cores']} cores, Python {info['python']}, "
        f"durable-rules {info['durable_rules']}, commit {info['commit']}")
    results: dict = {"machine": info, "tables": {}}
    wanted = args.only or ["cli", "throughput", "scale", "batch"]
    with tempfile.TemporaryDirectory(prefix="immunity-bench-") as tmp:
        work = Path(tmp)
        steps = {"cli": lambda: table_cli(settings, work),
                 "throughput": lambda: table_throughput(settings),
                 "scale": lambda: table_scale(settings, work),
                 "batch": lambda: table_batch(settings, work)}
        for key in wanted:
            log(f"table {key} ...")
            t0 = time.perf_counter()
            try:
                results["tables"][key] = steps[key]()
            except Exception as exc:  # noqa: BLE001  (one failing measurement must not stop the others)
                results["tables"][key] = {"error": f"{type(exc).__name__}: {exc}",
                                          "traceback": traceback.format_exc()}
                log(f"table {key} failed: {type(exc).__name__}: {exc}")
            results["tables"][key]["seconds_taken"] = time.perf_counter() - t0
    info["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    info["run_seconds"] = time.perf_counter() - started
    args.out.mkdir(parents=True, exist_ok=True)
    if "scale" in results["tables"] and "error" not in results["tables"]["scale"]:
        try:
            plot_scale(results["tables"]["scale"], args.out / "scale.png", info)
            results["plot"] = str(args.out / "scale.png")
        except Exception as exc:  # noqa: BLE001
            results["plot_error"] = f"{type(exc).__name__}: {exc}"
            log(f"plot failed: {results['plot_error']}")
    text = report(results)
    if results.get("plot_error"):
        text += f"\nThe plot could not be drawn: {results['plot_error']}\n"
    (args.out / "results.md").write_text(text, encoding="utf-8")
    (args.out / "results.json").write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    print(text)
    log(f"written: {args.out / 'results.md'}, {args.out / 'results.json'}"
        + (f", {args.out / 'scale.png'}" if results.get("plot") else ""))
    return 1 if failed(results["tables"]) else 0


def failed(node) -> bool:
    """Whether any measurement in the results failed (a table, a row, a phase)."""
    if isinstance(node, dict):
        return any((key.endswith("error") and value) or failed(value) for key, value in node.items())
    if isinstance(node, list):
        return any(failed(item) for item in node)
    return False


if __name__ == "__main__":
    raise SystemExit(main())
