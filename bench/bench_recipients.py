"""Benchmark: personalised copies of a three-section brief, from the command line.

    python bench/bench_recipients.py [--combined N] [--separate N] [--jobs N] [--runs N] [--tree DIR]
                                     [--baseline DIR]

`briefer batch --recipients` for the brief of introduction, military-utility and conclusion for
parliamentarians: N recipients (default 200) joined into one combined print file, and N (default
1,000) as separate files, on --jobs processes (default 2). Each run is a fresh `python -m briefer`
process timed end to end; peak memory is the largest sum of the proportional set sizes (PSS:
shared pages counted once) of it and every process under it (the fork server and the workers),
sampled every 0.2 s, and "largest" the largest single process's max RSS (Linux /proc).
Recipients' names mix Latin, Polish, Cyrillic and Chinese letters. --tree runs the briefer of
another checkout (its root folder); --baseline runs a second checkout alternately with it, for a
side-by-side comparison in one run. Targets: 200 combined in 4 s, 1,000 separate in 20 s, peak
memory under 200 MB whatever the count. Always exits 0.
"""

from __future__ import annotations

import argparse
import compileall
import csv
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SECTIONS = "introduction,military-utility,conclusion"
NAMES = ("Łukasz Wójcik", "Олена Ковальчук", "Anna Virtanen", "王小明", "Jonas Petraitis", "Marie Dubois")
TARGETS = {"combined": 4.0, "separate": 20.0}
TARGET_PEAK_MB = 200.0


def write_recipients(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["name", "title", "organisation"])
        for n in range(count):
            writer.writerow([f"{NAMES[n % len(NAMES)]} {n}", "Member of Parliament", "Committee on Defence"])


def tree_pss_mb(root: int) -> tuple[float, float]:
    """(sum, largest) proportional set size in MB of process `root` and all its descendants: pages
    the fork server's children share are counted once in the sum (Linux /proc smaps_rollup)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as file:
                    parents[int(entry)] = int(file.read().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
    family, grown = {root}, True
    while grown:
        more = {pid for pid, parent in parents.items() if parent in family} - family
        family |= more
        grown = bool(more)
    sizes = [_pss_mb(pid) for pid in family]
    return sum(sizes), max(sizes, default=0.0)


def _pss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as file:
            for line in file:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class MemoryWatch(threading.Thread):
    """Samples the batch's process tree (the CLI, the fork server, the workers) every 0.2 s."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.total, self.largest = pid, 0.0, 0.0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.2):
            total, largest = tree_pss_mb(self.pid)
            self.total, self.largest = max(self.total, total), max(self.largest, largest)


def run_batch(tree: Path, recipients: Path, out: Path, jobs: int, combined: bool) -> tuple[float, float, float, int]:
    """(wall seconds, peak MB of the whole process tree, of its largest process, files written)."""
    argv = [sys.executable, "-m", "briefer", "batch", "--recipients", str(recipients), "--sections", SECTIONS]
    argv += ["--audience", "parliamentarians", "--jobs", str(jobs), "-o", str(out)]
    if combined:
        argv.append("--combined")
    started = time.perf_counter()
    # the batch's workers start from a fork server that leaves the working folder off sys.path:
    # PYTHONPATH makes them run the same checkout as the command
    env = {**os.environ, "PYTHONPATH": str(tree)}
    proc = subprocess.Popen(argv, cwd=tree, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    watch = MemoryWatch(proc.pid)
    watch.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    watch.done.set()
    watch.join()
    if status != 0:
        raise SystemExit(f"briefer batch failed: {proc.stderr.read().decode()[-2000:] if proc.stderr else ''}")
    return seconds, watch.total, max(watch.largest, usage.ru_maxrss / 1024), len(list(out.iterdir()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--combined", type=int, default=200, help="recipients joined into one file (0 skips)")
    parser.add_argument("--separate", type=int, default=1000, help="recipients as separate files (0 skips)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--runs", type=int, default=1, help="timed runs of each (median)")
    parser.add_argument("--tree", type=Path, default=ROOT, help="the checkout whose briefer runs")
    parser.add_argument("--baseline", type=Path, help="another checkout, run alternately with --tree, for comparison")
    args = parser.parse_args()
    trees = [args.tree] if args.baseline is None else [args.baseline, args.tree]
    for tree in trees:
        compileall.compile_dir(tree / "briefer", quiet=1)  # PYTHONDONTWRITEBYTECODE would compile every run
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}, briefer from {', '.join(map(str, trees))}")
    head = f"{'run':<10} {'copies':>6} {'jobs':>4} {'median s':>9} {'ms/copy':>8} {'peak MB':>8} {'largest':>8}"
    print(f"{head} {'files':>6}  tree")
    for kind, count in (("combined", args.combined), ("separate", args.separate)):
        if count:
            _measure(kind, count, trees, args.jobs, args.runs)
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    return 0


def _measure(kind: str, count: int, trees: list[Path], jobs: int, runs: int) -> None:
    """`runs` runs of each tree, interleaved (A B A B …), then a line per tree."""
    results: dict[Path, list[tuple[float, float, float, int]]] = {tree: [] for tree in trees}
    with tempfile.TemporaryDirectory() as folder:
        recipients = Path(folder) / "recipients.csv"
        write_recipients(recipients, count)
        for run in range(runs):
            for n, tree in enumerate(trees):
                out = Path(folder) / f"out-{run}-{n}"
                results[tree].append(run_batch(tree, recipients, out, jobs, kind == "combined"))
    for tree, measured in results.items():
        median = statistics.median(seconds for seconds, _, _, _ in measured)
        peak, largest, files = max(m[1] for m in measured), max(m[2] for m in measured), measured[-1][3]
        verdict = "met" if median <= TARGETS[kind] and peak <= TARGET_PEAK_MB else "MISSED"
        print(
            f"{kind:<10} {count:>6} {jobs:>4} {median:>9.2f} {1000 * median / count:>8.1f} {peak:>8.0f} "
            f"{largest:>8.0f} {files:>6}  {tree}  target ≤ {TARGETS[kind]:.0f} s, ≤ {TARGET_PEAK_MB:.0f} MB: {verdict}"
        )


if __name__ == "__main__":
    sys.exit(main())
