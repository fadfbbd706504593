"""Benchmark: personalised copies of a three-section brief, from the command line.

    python bench/bench_recipients.py [--combined N] [--separate N] [--jobs N] [--runs N] [--tree DIR]

`briefer batch --recipients` for the brief of introduction, military-utility and conclusion for
parliamentarians: N recipients (default 200) joined into one combined print file, and N (default
1,000) as separate files, on --jobs processes (default 2). Each run is a fresh `python -m briefer`
process timed end to end; peak memory is the largest sum of the proportional set sizes (PSS:
shared pages counted once) of it and every process under it (the fork server and the workers),
sampled every 0.2 s, and "largest" the largest single process's max RSS (Linux /proc).
Recipients' names mix Latin, Polish, Cyrillic and Chinese letters. --tree runs the briefer of
another checkout (its root folder) for a side-by-side comparison. Targets: 200 combined in 4 s,
1,000 separate in 20 s, peak memory under 200 MB whatever the count. Always exits 0.
"""

from __future__ import annotations

import argparse
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
    proc = subprocess.Popen(argv, cwd=tree, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
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
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}, briefer from {args.tree}")
    head = f"{'run':<10} {'copies':>6} {'jobs':>4} {'median s':>9} {'ms/copy':>8} {'peak MB':>8} {'largest':>8}"
    print(f"{head} {'files':>6}")
    for kind, count in (("combined", args.combined), ("separate", args.separate)):
        if not count:
            continue
        times, peaks, largest, files = [], [], [], 0
        with tempfile.TemporaryDirectory() as folder:
            recipients = Path(folder) / "recipients.csv"
            write_recipients(recipients, count)
            for run in range(args.runs):
                seconds, peak, biggest, files = run_batch(
                    args.tree, recipients, Path(folder) / f"out-{run}", args.jobs, kind == "combined"
                )
                times.append(seconds)
                peaks.append(peak)
                largest.append(biggest)
        median = statistics.median(times)
        verdict = "met" if median <= TARGETS[kind] and max(peaks) <= TARGET_PEAK_MB else "MISSED"
        print(
            f"{kind:<10} {count:>6} {args.jobs:>4} {median:>9.2f} {1000 * median / count:>8.1f} {max(peaks):>8.0f} "
            f"{max(largest):>8.0f} {files:>6}  target ≤ {TARGETS[kind]:.0f} s, ≤ {TARGET_PEAK_MB:.0f} MB: {verdict}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
