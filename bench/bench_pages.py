"""How well pages hold up over a random sample of briefs: the emptiest body page (the largest
gap between a page's last line of text and the notes or the foot of the text block), blank
trailing pages, and lines that run past the text block's right edge.

A measurement, not a test. Run from the repository root:
    .venv/bin/python bench/bench_pages.py [--briefs N] [--seed S] [--report DIR ...]
To measure another checkout of briefer (say, before a change), put it first on the path:
    PYTHONPATH=/tmp/old-briefer .venv/bin/python bench/bench_pages.py
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.append(str(ROOT))  # for tests.render.readback; briefer itself comes first on the path

from briefer.content.load import load_report  # noqa: E402
from briefer.render.pdf import render_pdf  # noqa: E402
from briefer.render.styles import build_metrics  # noqa: E402
from briefer.tailor.recipe import Recipe  # noqa: E402
from briefer.tailor.tailor import tailor  # noqa: E402
from tests.render.readback import ReadBack, read_back  # noqa: E402

REPORTS = [ROOT / "content", ROOT / "examples" / "gao-26-107955"]


@dataclass(frozen=True)
class PageGap:
    gap: float  # points of empty text block above the notes (or the foot of the block)
    brief: str
    page: int


def sample_recipes(report: object, count: int, rng: random.Random) -> list[tuple[str, Recipe]]:
    """Random briefs as a person might ask for them: sections, audience, countries, paper, print size."""
    sections = [s.id for s in report.sections]  # type: ignore[attr-defined]
    audiences = [a.id for a in report.audiences]  # type: ignore[attr-defined]
    countries = [c.code for c in report.countries]  # type: ignore[attr-defined]
    out = []
    for n in range(count):
        chosen = None if rng.random() < 0.4 else tuple(rng.sample(sections, rng.randint(1, len(sections))))
        recipe = Recipe(
            sections=chosen,
            audience=rng.choice([None, *audiences]),
            countries=tuple(rng.sample(countries, rng.randint(0, min(3, len(countries))))),
            page_size=rng.choice(["a4", "letter"]),
            large_print=rng.random() < 0.3,
            cover=rng.random() < 0.7,
            citations=rng.choice(["ibid", "short", "full", "see-note"]),
        )
        out.append((f"{n}", recipe))
    return out


def body_gaps(doc: ReadBack, recipe: Recipe) -> tuple[list[tuple[int, float]], bool, int]:
    """(page, gap) of every body page but the last, whether the last page is blank, and how many
    characters run past the right edge of the text block."""
    m = build_metrics_for(recipe)
    top = m.page_height - m.top
    right = m.page_width - m.right
    gaps = []
    past = 0
    blank_last = False
    first = 2 if recipe.cover else 1
    for page in range(first, doc.page_count + 1):
        boxes = doc.boxes(page)
        past += sum(1 for _, _, bottom, r, _ in boxes if r > right + 1.5 and m.bottom <= bottom <= top)
        rule = doc.note_rule_y(page)
        floor = rule if rule is not None else m.bottom
        body = [b for _, _, b, _, t in boxes if floor + 1 < b and t < top]
        body += [b for _, b, _, t in doc.images(page) if floor < b and t < top]
        if page == doc.page_count:
            blank_last = not body
            continue
        if not body or is_contents(doc, page):
            continue  # the contents end with a page break, whatever their length
        gaps.append((page, min(body) - floor))
    return gaps, blank_last, past


def is_contents(doc: ReadBack, page: int) -> bool:
    """A page of the contents: links to pages that span a line (a note marker's link is a figure wide)."""
    wide = 0
    for ref in doc.reader.pages[page - 1].get("/Annots") or ():
        annot = ref.get_object()
        left, _, right, _ = (float(v) for v in annot["/Rect"])
        wide += annot.get("/Dest") is not None and right - left > 200
    return wide >= 2


def build_metrics_for(recipe: Recipe) -> object:
    from briefer.tailor.brief import Layout

    return build_metrics(Layout(page_size=recipe.page_size, large_print=recipe.large_print))


def measure(folder: Path, count: int, seed: int) -> None:
    report = load_report(folder)
    rng = random.Random(seed)
    gaps: list[PageGap] = []
    blanks: list[str] = []
    past_total = 0
    pages = 0
    started = time.perf_counter()
    for name, recipe in sample_recipes(report, count, rng):
        doc = read_back(render_pdf(tailor(report, recipe)))
        pages += doc.page_count
        page_gaps, blank_last, past = body_gaps(doc, recipe)
        gaps += [PageGap(g, name, p) for p, g in page_gaps]
        past_total += past
        if blank_last:
            blanks.append(name)
    seconds = time.perf_counter() - started
    values = sorted(g.gap for g in gaps)
    worst = max(gaps, key=lambda g: g.gap)
    print(f"{folder.name}: {count} briefs, {pages} pages, {len(gaps)} body pages measured ({seconds:.0f} s)")
    print(f"  emptiest body page: {worst.gap:.0f} pt of empty text block (brief {worst.brief}, page {worst.page})")
    print(f"  gap median {statistics.median(values):.0f} pt, 95th percentile {values[int(len(values) * 0.95)]:.0f} pt")
    print(f"  body pages with more than 150 pt empty: {sum(1 for v in values if v > 150)}")
    print(f"  blank trailing pages: {len(blanks)} {blanks[:10]}")
    print(f"  characters past the text block's right edge: {past_total}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--briefs", type=int, default=40)
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--report", action="append", type=Path)
    args = parser.parse_args()
    for folder in args.report or REPORTS:
        if (folder / "report.yaml").is_file():
            measure(folder, args.briefs, args.seed)


if __name__ == "__main__":
    main()
