"""PDF render timings and memory: median of repeated in-process renders, side by side.

Target (the PDF renderer issue): the full report well under 300 ms once fonts are loaded.
Run: .venv/bin/python bench/bench_render.py
"""

from __future__ import annotations

import resource
import time
import tracemalloc
from collections.abc import Callable

from timing import measure

from briefer.content.load import default_content_dir, load_report
from briefer.content.model import Report
from briefer.render.fonts import register_fonts
from briefer.render.pdf import render_pdf
from briefer.tailor.brief import Brief
from briefer.tailor.recipe import PreparedFor, Recipe
from briefer.tailor.tailor import tailor


def peak_traced_mib(fn: Callable[[], object]) -> float:
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def sample_briefs(report: Report) -> dict[str, Brief]:
    """The three briefs the render benchmarks time (bench_tagging.py too)."""
    everything = Recipe(
        audience="parliamentarians",
        countries=("FI", "LT", "UA"),
        watermark="DRAFT",
        prepared_for=PreparedFor("Ms Anna Virtanen MP", "Hearing", "Helsinki", "12 March 2026", "Defence Committee"),
        cover_note="Dear Ms Virtanen,\n\nAhead of the hearing, the evidence in brief.",
    )
    return {
        "full report, A4, parliamentarians FI+LT+UA, all": tailor(report, everything),
        "full report, Letter, large print, endnotes": tailor(
            report, Recipe(page_size="letter", large_print=True, notes="end")
        ),
        "one section, no cover": tailor(report, Recipe(sections=("self-destruct",), cover=False)),
    }


def main() -> None:
    start = time.perf_counter()
    register_fonts()
    fonts_ms = (time.perf_counter() - start) * 1000
    briefs = sample_briefs(load_report(default_content_dir()))
    print(f"fonts registered once in {fonts_ms:.1f} ms")
    print(f"{'what':<52} {'pages':>5} {'median ms':>10} {'max ms':>8} {'peak MiB':>9}")
    for name, brief in briefs.items():
        data = render_pdf(brief)
        pages = data.count(b"/Type /Page\n")
        timing = measure(lambda b=brief: render_pdf(b), 9)
        median, worst = timing.median_ms, timing.worst_ms
        peak = peak_traced_mib(lambda b=brief: render_pdf(b))
        print(f"{name:<52} {pages:>5} {median:>10.1f} {worst:>8.1f} {peak:>9.1f}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak RSS {rss:.0f} MiB (Python, ReportLab, content and all renders)")


if __name__ == "__main__":
    main()
