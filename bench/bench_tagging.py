"""What tagging (PDF/UA-1) costs: the same briefs rendered tagged and untagged, side by side in
one run (interleaved, so drift hits both alike): median render time and file size of each.

Targets (issue 14): tagging adds under 15 % to the build time; the PDF grows under 25 %.
The untagged path exists only for this measurement (render_pdf(..., tagged=False)).
Run: .venv/bin/python bench/bench_tagging.py [--runs N]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from collections.abc import Callable

from bench_render import sample_briefs

from briefer.content.load import default_content_dir, load_report
from briefer.render.fonts import register_fonts
from briefer.render.glance import render_glance
from briefer.render.pdf import render_pdf
from briefer.tailor.brief import Brief
from briefer.tailor.glance import glance_recipe
from briefer.tailor.recipe import Recipe
from briefer.tailor.tailor import tailor

TIME_TARGET, SIZE_TARGET = 15.0, 25.0


def _timed(fn: Callable[[], bytes]) -> tuple[float, bytes]:
    """CPU time of this process (other work on a shared machine skews wall time), with the cyclic
    collector paused as briefer's builds pause it (build._collector_paused) and run in between."""
    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        data = fn()
        return (time.process_time() - start) * 1000, data
    finally:
        gc.enable()


def side_by_side(brief: Brief, runs: int, glance: bool = False) -> tuple[float, float, float, int, int]:
    """(median ms untagged, median ms tagged, median of the paired ratios tagged/untagged,
    bytes untagged, bytes tagged). Each run renders both, in turns, and the ratio of the
    pair is taken, so a slow spell of a shared machine cancels out instead of landing on one side."""

    def make(tagged: bool) -> bytes:
        return render_glance(brief, tagged=tagged).pdf if glance else render_pdf(brief, tagged=tagged)

    make(True), make(False)  # warm caches for both paths
    plain: list[float] = []
    tagged: list[float] = []
    sizes = {}
    for run in range(runs):
        order = ((False, plain), (True, tagged))
        for flag, times in order if run % 2 else reversed(order):  # each goes first half the time
            ms, data = _timed(lambda f=flag: make(f))
            times.append(ms)
            sizes[flag] = len(data)
    ratio = statistics.median(t / p for t, p in zip(tagged, plain, strict=True))
    return statistics.median(plain), statistics.median(tagged), ratio, sizes[False], sizes[True]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs
    register_fonts()
    report = load_report(default_content_dir())
    briefs = list(sample_briefs(report).items())
    glance = tailor(report, glance_recipe(Recipe(audience="defence", countries=("FI",))))
    cases = [(name, brief, False) for name, brief in briefs] + [("at a glance, defence, FI", glance, True)]
    print(f"{runs} pairs of renders (tagged and untagged, in turns) each; CPU time, medians;")
    print("time +% is the median of the pairs' ratios")
    columns = ("untagged ms", "tagged ms", "time +%", "untagged KB", "tagged KB", "size +%")
    print(f"{'what':<46} " + " ".join(f"{c:>{max(len(c), 7)}}" for c in columns))
    worst_time = worst_size = 0.0
    for name, brief, glance in cases:
        plain_ms, tagged_ms, ratio, plain_size, tagged_size = side_by_side(brief, runs, glance)
        time_pct = (ratio - 1) * 100
        size_pct = (tagged_size / plain_size - 1) * 100
        worst_time, worst_size = max(worst_time, time_pct), max(worst_size, size_pct)
        print(
            f"{name:<46} {plain_ms:>11.1f} {tagged_ms:>9.1f} {time_pct:>+7.1f} "
            f"{plain_size / 1024:>11.1f} {tagged_size / 1024:>9.1f} {size_pct:>+7.1f}"
        )
    print(
        f"worst: time {worst_time:+.1f} % (target < {TIME_TARGET:.0f} %), size {worst_size:+.1f} % "
        f"(target < {SIZE_TARGET:.0f} %)"
    )


if __name__ == "__main__":
    main()
