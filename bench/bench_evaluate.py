"""Benchmark: batch evaluation and CLI latency (figures go in the README).

    python bench/bench_evaluate.py            # defaults: 2,000 evaluations, 15 CLI runs

Batch: the Kim case and variants of it (act official or not, waiver granted or declined,
Kim a New Zealand national), each evaluated at days spread over 2016-2026, in one process.
CLI: wall time of `immunity at 2020-08-10` as a fresh process, the way a user runs it.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import statistics
import subprocess
import sys
import time

from engine.evaluation import evaluate
from engine.loading import DEFAULT_CASE, parse_case, read_data


def variants():
    data, _ = read_data(DEFAULT_CASE)
    yield parse_case(data)
    official = copy.deepcopy(data)
    official["acts"][0]["official"] = True
    yield parse_case(official)
    granted = copy.deepcopy(data)
    granted["requests"][0]["response"]["outcome"] = "granted"
    granted["requests"][0]["response"]["express"] = True
    yield parse_case(granted)
    national = copy.deepcopy(data)
    national["persons"][0]["nationalities"] = ["KOR", "NZL"]
    yield parse_case(national)


def batch(n: int) -> None:
    cases = list(variants())
    start = dt.date(2016, 1, 1)
    days = [start + dt.timedelta(days=(i * 37) % 3900) for i in range(n)]
    evaluate(cases[0], days[0])  # compile the ruleset once, outside the timing
    t0 = time.perf_counter()
    conclusions = 0
    for i, day in enumerate(days):
        conclusions += len(evaluate(cases[i % len(cases)], day).answer.conclusions)
    elapsed = time.perf_counter() - t0
    print(f"batch: {n} evaluations in {elapsed:.2f} s = {n / elapsed:,.0f} evaluations/s, "
          f"{1000 * elapsed / n:.2f} ms each ({conclusions / n:.1f} conclusions on average)")


def cli(runs: int) -> None:
    command = [sys.executable, "-c", "from engine.cli import main; main()", "at", "2020-08-10"]
    subprocess.run(command, check=True, capture_output=True)  # warm the file cache
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    print(f"cli: `immunity at 2020-08-10` median {1000 * statistics.median(times):.0f} ms, "
          f"min {1000 * min(times):.0f} ms, max {1000 * max(times):.0f} ms over {runs} runs")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--evaluations", type=int, default=2000)
    parser.add_argument("--cli-runs", type=int, default=15)
    args = parser.parse_args()
    batch(args.evaluations)
    cli(args.cli_runs)
