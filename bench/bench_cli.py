"""The command line's start-to-finish time beside the floor, and beside another checkout, in one run.

    python bench/bench_cli.py [--runs N] [--baseline DIR]

Runs, interleaved (floor, then each checkout's routes, run after run), N times (default 9) after
one warm-up: the floor `python -c "import reportlab.platypus"`, and `python -m briefer build` of
the whole report (audience parliamentarians, focus FI, LT, UA) and of one section
(`--sections self-destruct`). Prints each route's median wall time and its cost above the floor
of the same run. Targets (issue 16): whole ≤ 0.40 s and one section ≤ 0.28 s end to end; above
the floor under 0.2 s and 0.1 s. Each checkout is byte-compiled first (PYTHONDONTWRITEBYTECODE
would compile every module on every run). Always exits 0.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
WHOLE = ["--audience", "parliamentarians", "--country", "FI", "--country", "LT", "--country", "UA"]
ROUTES = {"whole report": WHOLE, "one section": ["--sections", "self-destruct"]}
TARGETS = {"whole report": (0.40, 0.2), "one section": (0.28, 0.1)}


def timed(argv: list[str], tree: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    started = time.perf_counter()
    subprocess.run(argv, cwd=tree, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--baseline", type=Path, help="another checkout, measured in the same run")
    args = parser.parse_args()
    trees = [ROOT] if args.baseline is None else [args.baseline.resolve(), ROOT]
    for tree in trees:
        compileall.compile_dir(tree / "briefer", quiet=1)
    floor_argv = [sys.executable, "-c", "import reportlab.platypus"]
    times: dict[tuple[Path, str], list[float]] = {(t, r): [] for t in trees for r in ROUTES}
    floor: list[float] = []
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as folder:
        for run in range(args.runs + 1):
            spent = timed(floor_argv, ROOT)
            for tree in trees:
                for route, options in ROUTES.items():
                    argv = [sys.executable, "-m", "briefer", "build", "--content", str(CONTENT), *options]
                    seconds = timed([*argv, "-o", str(Path(folder) / "brief.pdf")], tree)
                    if run:  # the first is a warm-up: the cache of checked content and fonts fills
                        times[(tree, route)].append(seconds)
            if run:
                floor.append(spent)
    base = statistics.median(floor)
    print(f"floor (python + import reportlab.platypus): {base:.3f} s")
    print(f"{'route':<14} {'median s':>9} {'above floor':>12}  target  tree")
    for (tree, route), measured in times.items():
        median = statistics.median(measured)
        whole, above = TARGETS[route]
        print(f"{route:<14} {median:>9.3f} {median - base:>12.3f}  ≤ {whole:.2f} / < {above:.1f}  {tree}")
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
