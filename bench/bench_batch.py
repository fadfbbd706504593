"""Benchmark: the 30-brief matrix (5 audiences × 6 countries), serial and in parallel.

    python bench/bench_batch.py [--jobs N] [--countries EE,FI,LV,LT,PL,UA]

Builds into a temporary folder and prints one table: wall time, briefs per second, speed-up.
Target on a 2-core machine: the parallel run under 8 s.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefer.batch.plan import plan_matrix  # noqa: E402
from briefer.batch.runner import build_batch  # noqa: E402
from briefer.content.load import load_report  # noqa: E402
from briefer.tailor.recipe import Recipe  # noqa: E402

TARGET_SECONDS = 8.0


def run(report, plan, jobs: int) -> tuple[float, int, int]:
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        result = build_batch(report, plan, folder, jobs=jobs)
        seconds = time.perf_counter() - started
        size = sum(f.path.stat().st_size for f in result.files)
        pages = sum(f.pages for f in result.files)
    return seconds, size, pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2, help="processes for the parallel run (default 2)")
    parser.add_argument("--countries", default="EE,FI,LV,LT,PL,UA")
    args = parser.parse_args()

    report = load_report()
    plan = plan_matrix(report, Recipe(), None, args.countries.split(","))
    n = len(plan.jobs)
    print(
        f"{n} briefs: {len(report.audiences)} audiences × {len(args.countries.split(','))} countries, "
        f"{os.cpu_count()} cores"
    )
    rows = []
    for label, jobs in (("serial", 1), ("parallel", args.jobs)):
        seconds, size, pages = run(report, plan, jobs)
        rows.append((label, jobs, seconds, n / seconds, pages, size))
    serial = rows[0][2]
    print(f"{'run':<9} {'jobs':>4} {'seconds':>8} {'briefs/s':>9} {'pages':>6} {'MB':>6} {'speed-up':>9}")
    for label, jobs, seconds, rate, pages, size in rows:
        speedup = serial / seconds
        print(f"{label:<9} {jobs:>4} {seconds:>8.2f} {rate:>9.1f} {pages:>6} {size / 1e6:>6.1f} {speedup:>8.2f}×")
    parallel = rows[1][2]
    verdict = "within" if parallel < TARGET_SECONDS else "OVER"
    print(f"parallel run {verdict} the {TARGET_SECONDS:.0f} s target")
    return 0 if parallel < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
