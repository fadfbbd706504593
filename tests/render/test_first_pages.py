"""render_first_pages: a brief's first pages alone, for the app's preview while the whole brief is
built. Each page laid out is the whole brief's page; only the totals the whole layout knows
(the footers' page count, the contents' later page numbers) read "…"."""

from __future__ import annotations

import re

import pytest

from briefer.render.pdf import UNKNOWN_YET, render_first_pages, render_pdf
from briefer.tailor.recipe import Recipe
from briefer.tailor.tailor import tailor
from tests.render.readback import ReadBack

_TOTALS = re.compile(r"\d+|" + re.escape(UNKNOWN_YET))


def masked(text: str) -> str:
    return _TOTALS.sub("#", text)


RECIPES = {
    "shipped default": Recipe(),
    "parliamentarians, boxes, watermark": Recipe(audience="parliamentarians", countries=("FI", "UA"), watermark="X"),
    "endnotes, no cover": Recipe(notes="end", cover=False),
}


@pytest.mark.parametrize("name", list(RECIPES))
def test_the_first_pages_are_the_whole_brief_s_pages(report, name: str) -> None:
    brief = tailor(report, RECIPES[name])
    whole = ReadBack(render_pdf(brief))
    count = whole.page_count
    for pages in (1, 3, count - 1):
        data, complete = render_first_pages(brief, pages)
        first = ReadBack(data)
        assert not complete and first.page_count == pages
        for page in range(1, pages + 1):
            assert masked(first.page_text(page)) == masked(whole.page_text(page)), (pages, page)
        if pages > 1:  # a body page (the cover has no footer)
            body = first.page_text(pages)
            assert f"of {UNKNOWN_YET}" in body and f"of {count}" not in body


def test_as_many_pages_as_the_brief_has_or_more_is_the_whole_brief_byte_for_byte(report) -> None:
    brief = tailor(report, Recipe(sections=("self-destruct", "conclusion")))
    whole = render_pdf(brief)
    count = ReadBack(whole).page_count
    for pages in (count, count + 5):
        assert render_first_pages(brief, pages) == (whole, True)


def test_a_report_with_tables_and_figures(gao_report) -> None:
    brief = tailor(gao_report, Recipe())
    whole = ReadBack(render_pdf(brief))
    first = ReadBack(render_first_pages(brief, 4)[0])
    assert first.page_count == 4
    assert [masked(first.page_text(p)) for p in range(1, 5)] == [masked(whole.page_text(p)) for p in range(1, 5)]
