"""Pages that hold up with any content, read back from a seeded random sample of briefs of both
reports: no line past the text block, no heading last on a page, no blank trailing page."""

from __future__ import annotations

import dataclasses
import random

import pytest

from briefer.content.load import load_report
from briefer.content.model import Report
from briefer.render.pdf import render_pdf
from briefer.render.styles import build_metrics
from briefer.tailor.brief import BHeading, Brief, CountryBox, KeyMessagesPart, Layout, SectionPart, brief_plain
from briefer.tailor.recipe import CitationStyle, PageSize, Recipe
from briefer.tailor.tailor import tailor
from tests.render.briefs import make_brief
from tests.render.readback import ReadBack, read_back

from ..conftest import CONTENT, GAO

OVERHANG = 1.5  # points an italic glyph's ink may reach past its advance: not a line running past


def sample(report: Report, count: int, seed: int) -> list[Recipe]:
    rng = random.Random(seed)
    sections = [s.id for s in report.sections]
    recipes = []
    for _ in range(count):
        chosen = None if rng.random() < 0.4 else tuple(rng.sample(sections, rng.randint(1, len(sections))))
        countries = [c.code for c in report.countries]
        recipes.append(
            Recipe(
                sections=chosen,
                audience=rng.choice([None, *(a.id for a in report.audiences)]),
                countries=tuple(rng.sample(countries, rng.randint(0, min(3, len(countries))))),
                page_size=rng.choice(list(PageSize)),
                large_print=rng.random() < 0.4,
                cover=rng.random() < 0.7,
                citations=rng.choice(list(CitationStyle)),
                contents_depth=rng.choice([1, 2, 3]),
            )
        )
    return recipes


def headings(brief: Brief) -> set[str]:
    """Every heading a brief prints, without spaces (text read back has none)."""
    found = {brief.words.notes, brief.words.sources, brief.words.about_publisher}
    for part in brief.parts:
        found.add(part.title)
        if isinstance(part, SectionPart):
            found.update(brief_plain(b.text) for b in part.blocks if isinstance(b, BHeading))
        elif isinstance(part, KeyMessagesPart) and part.asks:
            found.add(part.asks_title)
        elif isinstance(part, CountryBox) and part.facts:
            found.add(part.facts_title)
    return {h.replace(" ", "") for h in found}


def assert_pages_hold_up(brief: Brief, doc: ReadBack) -> None:
    m = build_metrics(brief.layout)
    top, right = m.page_height - m.top, m.page_width - m.right
    heads = headings(brief)
    first_body = 2 if brief.layout.cover else 1
    for page in range(first_body, doc.page_count + 1):
        for char, left, bottom, char_right, _ in doc.boxes(page):
            if m.bottom <= bottom <= top:
                assert m.left - OVERHANG <= left and char_right <= right + OVERHANG, (page, char, char_right - right)
        floor = doc.note_rule_y(page) or m.bottom
        body = [t.replace(" ", "") for y, _, _, t in doc.lines(page) if floor + 2 < y < top - 2]
        assert body, f"page {page} of {doc.page_count} has nothing in its text block"
        if page < doc.page_count:
            last = body[-1]
            assert not any(h.endswith(last) and len(last) > 3 for h in heads), f"heading last on page {page}: {last}"


REPORTS = {"withdrawal-symptoms": CONTENT, "gao-26-107955": GAO}


@pytest.fixture(scope="module", params=list(REPORTS))
def report(request: pytest.FixtureRequest) -> Report:
    return load_report(REPORTS[request.param])


@pytest.mark.parametrize("index", range(5))
def test_a_random_brief_holds_up(report: Report, index: int) -> None:
    recipe = sample(report, 5, seed=20260312)[index]
    brief = tailor(report, recipe)
    assert_pages_hold_up(brief, read_back(render_pdf(brief)))


@pytest.mark.parametrize("size", list(PageSize))
@pytest.mark.parametrize("large", [False, True])
def test_the_whole_report_holds_up(report: Report, size: PageSize, large: bool) -> None:
    brief = tailor(report, Recipe(page_size=size, large_print=large, contents_depth=3))
    assert_pages_hold_up(brief, read_back(render_pdf(brief)))


def test_no_blank_page_when_the_last_line_fills_the_page() -> None:
    """The end of a brief whose last line's space after runs past the foot of the text block
    (found by search): the notes flush once started a page of its own there."""
    brief = make_brief(Layout(page_size=PageSize.LETTER, cover=False), sections=2, seed=0)
    brief = dataclasses.replace(brief, sources=brief.sources[:3])
    doc = read_back(render_pdf(brief))
    assert "Author 2, A Work, 2024." in doc.page_text(doc.page_count)
    assert_pages_hold_up(brief, doc)
