"""Long text under the hostile-input issue: render time of the cases that were quadratic, side by side.

An 800,000-character paragraph (195 pages), a 40,000-character running title, a 3,000-character
box title and, for scale, the whole shipped report. Target: each well under the 5 s the issue
allows a case without a progress display. Run: .venv/bin/python bench/bench_hostile.py
"""

from __future__ import annotations

import dataclasses
import random

from timing import measure

from briefer.build import build_bytes, page_count
from briefer.content.load import default_content_dir, load_report
from briefer.content.model import Paragraph, Report, Sidebar, Span
from briefer.tailor.recipe import Recipe


def with_paragraph(report: Report, text: str) -> Report:
    first = report.sections[0]
    section = dataclasses.replace(first, blocks=(Paragraph("long", (Span(text),)), *first.blocks))
    return dataclasses.replace(report, sections=(section, *report.sections[1:]))


def with_sidebar_title(report: Report, title: str) -> Report:
    sections = []
    for section in report.sections:
        blocks = tuple(dataclasses.replace(b, title=title) if isinstance(b, Sidebar) else b for b in section.blocks)
        sections.append(dataclasses.replace(section, blocks=blocks))
    return dataclasses.replace(report, sections=tuple(sections))


def main() -> None:
    report = load_report(default_content_dir())
    rnd = random.Random(8)
    words = ["water", "river", "basin", "states", "share", "the", "of", "and", "convention", "cooperation"]
    paragraph = " ".join(rnd.choice(words) for _ in range(150_000))[:800_000]
    # made one at a time, just before each build: dataclasses.replace() on a Report shares its
    # id index with the original, so a later replace would change an earlier copy's sections
    cases = {
        "whole report": lambda: (report, Recipe()),
        "800,000-character paragraph": lambda: (
            with_paragraph(report, paragraph),
            Recipe(sections=(report.sections[0].id,)),
        ),
        "40,000-character running title": lambda: (dataclasses.replace(report, short_title="word " * 8000), Recipe()),
        "3,000-character box titles": lambda: (with_sidebar_title(report, "word " * 600), Recipe()),
    }
    print(f"{'case':34} {'pages':>6} {'median':>10} {'worst':>10}")
    for name, make in cases.items():
        rep, recipe = make()
        pages = page_count(build_bytes(rep, recipe))
        timing = measure(lambda rep=rep, recipe=recipe: build_bytes(rep, recipe), runs=3)
        print(f"{name:34} {pages:>6} {timing.median_ms / 1000:>9.2f}s {timing.worst_ms / 1000:>9.2f}s")


if __name__ == "__main__":
    main()
