"""Table rows stay whole across a page break (a treaty-status row once ended a page with
"withdrawn (effective 10 January" and went on with "2026)"), unless a row is too tall to move."""

from __future__ import annotations

import pytest
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph

from briefer.content.load import load_report
from briefer.render.pdf import render_pdf
from briefer.render.whole_rows import whole_rows_table
from briefer.tailor.brief import brief_plain
from briefer.tailor.recipe import PageSize, Recipe
from briefer.tailor.tailor import tailor
from tests.render.readback import read_back, squash

from ..conftest import CONTENT

STYLE = getSampleStyleSheet()["BodyText"]
FRAME = 700.0  # rows up to a third of this move whole


def table(cells: list[str]):  # type: ignore[no-untyped-def]
    rows = [[Paragraph("HEAD", STYLE)]] + [[Paragraph(text, STYLE)] for text in cells]
    return whole_rows_table(rows, FRAME, colWidths=[200], repeatRows=1)


def body_texts(part) -> list[str]:  # type: ignore[no-untyped-def]
    """Each body row's text; a cell split inside its row holds a tuple of paragraph pieces."""
    cells = [row[0] if isinstance(row[0], list | tuple) else [row[0]] for row in part._cellvalues[1:]]
    return [" ".join(" ".join(p.getPlainText() for p in cell).split()) for cell in cells]


def test_a_page_break_falls_between_rows_when_each_row_fits_a_page() -> None:
    three_lines = "word " * 30
    rows = [f"row {n} {three_lines}" for n in range(6)]
    whole = table(rows)
    whole.wrap(200, FRAME)
    heights = whole._rowHeights
    cut = sum(heights[:3]) + heights[3] / 2  # the page ends in the middle of the third body row
    first, rest = whole.split(200, cut)
    assert len(body_texts(first)) == 2
    assert body_texts(first) + body_texts(rest) == [" ".join(r.split()) for r in rows]


def test_a_row_taller_than_a_third_of_the_page_may_split_inside() -> None:
    tall = "long " * 1500  # far taller than a page, let alone FRAME / 3
    whole = table(["short row", tall])
    whole.wrap(200, FRAME)
    first, rest = whole.split(200, whole._rowHeights[0] + whole._rowHeights[1] + 100)
    assert body_texts(first) == ["short row"]  # a whole row first, where one fits
    tall_height = rest._rowHeights[1]
    assert tall_height > FRAME
    top, overleaf = rest.split(200, FRAME)  # a full page, and still the tall row does not fit
    top.wrap(200, FRAME)
    overleaf.wrap(200, FRAME)
    assert top._rowHeights[1] > FRAME * 0.8  # the page is filled with the first part of the row
    assert abs(top._rowHeights[1] + overleaf._rowHeights[1] - tall_height) < 20  # and the rest goes on


@pytest.mark.parametrize("page_size", list(PageSize))
@pytest.mark.parametrize("large_print", [False, True])
@pytest.mark.parametrize("countries", [("FI", "LT", "UA"), ("EE", "LV", "PL", "UA"), ("UA", "LT", "FI", "EE", "LV")])
def test_no_status_row_is_cut_across_pages(countries: tuple[str, ...], page_size: PageSize, large_print: bool) -> None:
    report = load_report(CONTENT)
    recipe = Recipe(audience="parliamentarians", countries=countries, page_size=page_size, large_print=large_print)
    brief = tailor(report, recipe)
    back = read_back(render_pdf(brief))
    pages = [squash(back.page_text(n)) for n in range(1, back.page_count + 1)]
    statuses = {squash(brief_plain(r.status)) for p in brief.parts for r in getattr(p, "instruments", ())}
    long_ones = [s for s in statuses if len(s) >= 20]  # short ones ("not party") also begin other text
    assert long_ones
    for status in long_ones:
        start = status[: len(status) - 6]  # cut before its last word or two
        for number, page in enumerate(pages, start=1):
            for at in (i for i in range(len(page)) if page.startswith(start, i)):
                assert page.startswith(status, at), (number, page[at : at + len(status) + 20])
