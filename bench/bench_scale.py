"""Benchmark: how load, tailor and build times grow with the size of the report.

    python bench/bench_scale.py [--factors 1,10,50] [--runs N]

Makes reports 10× and 50× the shipped one in a temporary folder by repeating every section
file with new ids (`introduction` → `introduction-r2`, its notes' and blocks' ids too; the translations are left out),
then times, in this process, median of --runs (default 5; 3 for the largest):
  load    check_report with briefer's cache off (reading and checking every YAML file)
  cached  check_report from briefer's cache (the key: every file's stats)
  tailor  tailor() of every section for parliamentarians with FI, LT and UA
  build   build_bytes() of the same brief: tailor, layout and PDF
and prints each time per 1× of content beside the 1× figure: growth at most linear means that
column stays flat (a rising one means some step costs more per section as reports grow).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefer import cache  # noqa: E402
from briefer.build import build_bytes  # noqa: E402
from briefer.content import load_cache  # noqa: E402
from briefer.content.load import check_report  # noqa: E402
from briefer.content.model import Report  # noqa: E402
from briefer.content.resources import shipped_content_dir  # noqa: E402
from briefer.tailor.recipe import Recipe  # noqa: E402
from briefer.tailor.tailor import tailor  # noqa: E402

BASE = Recipe(audience="parliamentarians", countries=("FI", "LT", "UA"))
_ID = re.compile(r'^(\s*(?:- )?id: )"?([^"\s]+)"?$', re.MULTILINE)  # a section's, block's or note's id
_MARKER = re.compile(r"\[\^([^\]]+)\]")  # a note's marker in the text


def renamed(text: str, copy: int) -> str:
    """A section file's text with every id (and note marker) made unique to copy number `copy`."""
    text = _ID.sub(lambda m: f'{m.group(1)}"{m.group(2)}-r{copy}"', text)
    return _MARKER.sub(lambda m: f"[^{m.group(1)}-r{copy}]", text)


def scaled_report(folder: Path, factor: int) -> Path:
    """The shipped report with every section file present `factor` times, each copy with new ids."""
    target = folder / f"report-x{factor}"
    shutil.copytree(shipped_content_dir(), target, ignore=shutil.ignore_patterns("translations"))
    sections = sorted((target / "sections").glob("*.yaml"))
    for copy in range(2, factor + 1):
        for path in sections:
            text = renamed(path.read_text(encoding="utf-8"), copy)
            (target / "sections" / f"{path.stem}-r{copy:03d}.yaml").write_text(text, encoding="utf-8")
    time.sleep(load_cache.SETTLED_NS / 1e9)  # briefer's cache stores only files settled this long
    return target


def median_ms(fn: Callable[[], object], runs: int) -> float:
    fn()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def load_uncached(folder: Path) -> Report:
    os.environ[cache.OFF_ENV] = "1"
    try:
        report, problems = check_report(folder)
    finally:
        del os.environ[cache.OFF_ENV]
    if report is None:
        raise SystemExit("\n".join(str(p) for p in problems[:10]))
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factors", default="1,10,50")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    factors = [int(f) for f in args.factors.split(",")]
    rows: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        os.environ[cache.DIR_ENV] = str(Path(folder) / "cache")
        for factor in factors:
            content = scaled_report(Path(folder), factor)
            runs = args.runs if factor < 50 else max(1, min(args.runs, 3))
            report = load_uncached(content)
            sections = len(report.sections)
            recipe = dataclasses.replace(BASE, sections=tuple(s.id for s in report.sections))
            rows[factor] = {
                "sections": sections,
                "load": median_ms(lambda c=content: load_uncached(c), runs),
                "cached": median_ms(lambda c=content: check_report(c), runs),
                "tailor": median_ms(lambda r=report, c=recipe: tailor(r, c), runs),
                "build": median_ms(lambda r=report, c=recipe: build_bytes(r, c), runs),
            }
            print(f"×{factor}: {sections} sections done", file=sys.stderr)
    steps = ("load", "cached", "tailor", "build")
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; medians in ms (per 1× of content)")
    print(f"{'report':<8} {'sections':>8} " + " ".join(f"{s:>18}" for s in steps))
    base = rows[factors[0]]
    for factor, row in rows.items():
        cells = []
        for step in steps:
            per = row[step] / factor * factors[0]
            cells.append(f"{row[step]:>8.1f} ({per:>6.1f})")
        print(f"×{factor:<7} {row['sections']:>8.0f} " + " ".join(f"{c:>18}" for c in cells))
    worst = max(rows[f][s] / f / (base[s] / factors[0]) for f in factors[1:] for s in steps) if len(factors) > 1 else 1
    print(f"largest growth per 1× of content against ×{factors[0]}: {worst:.2f} (at most linear: ≤ about 1)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
