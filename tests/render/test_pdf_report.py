"""The real reports, tailored and rendered: notes, contents, outline and recipe hold there too."""

from __future__ import annotations

import re

import pytest

from briefer.render.embedded import read_embedded_recipe
from briefer.render.pdf import render_pdf
from briefer.tailor.brief import Brief
from briefer.tailor.recipe import PreparedFor, Recipe
from briefer.tailor.tailor import tailor
from tests.render.notecheck import assert_notes_at_foot, assert_notes_in_order_on_each_page, note_start
from tests.render.readback import ReadBack, read_back

PREPARED = PreparedFor(
    recipient="Ms Anna Virtanen MP",
    organisation="Defence Committee",
    meeting="Hearing on the Ottawa Convention",
    place="Helsinki",
    date="12 March 2026",
)
RECIPES = {
    "parliamentarians-a4-everything": Recipe(
        audience="parliamentarians",
        countries=("FI", "LT", "UA"),
        watermark="DRAFT",
        prepared_for=PREPARED,
        cover_note="Dear Ms Virtanen,\n\nAhead of the hearing, the evidence in brief.",
    ),
    "whole-report-letter-large": Recipe(page_size="letter", large_print=True),
    "defence-endnotes-grayscale": Recipe(audience="defence", countries=("LT",), notes="end", grayscale=True),
    # the second report: tables, lists, sub-headings and a figure
    "gao-legislators-a4-depth-2": Recipe(audience="legislators", prepared_for=PREPARED, contents_depth=2),
    "gao-whole-report-letter-large": Recipe(page_size="letter", large_print=True, citations="see-note"),
    "gao-acquisition-endnotes": Recipe(audience="acquisition-staff", notes="end", cover=False),
}


@pytest.fixture(scope="module", params=list(RECIPES))
def rendered(request: pytest.FixtureRequest, report: object, gao_report: object) -> tuple[Brief, ReadBack]:
    source = gao_report if request.param.startswith("gao-") else report
    brief = tailor(source, RECIPES[request.param])
    return brief, read_back(render_pdf(brief))


def test_notes_sit_with_their_markers(rendered: tuple[Brief, ReadBack]) -> None:
    brief, doc = rendered
    if brief.layout.notes == "end":
        pages = {m.number: m.target_page for m in doc.markers}
        notes_page = dict(doc.outline)["Notes"]
        assert sorted(pages) == [n.number for n in brief.notes]
        assert all(page >= notes_page for page in pages.values())
        assert note_start(brief, 1) in doc.page_text(notes_page)
        return
    assert_notes_at_foot(doc, brief)
    assert_notes_in_order_on_each_page(doc, brief)


def test_outline_and_contents_follow_the_brief(rendered: tuple[Brief, ReadBack]) -> None:
    brief, doc = rendered
    titles = [title for title, _ in doc.outline]
    assert [t for t in titles if t in {s.title for s in brief.sections}] == [s.title for s in brief.sections]
    # the contents open a page, or follow the title block of a brief without a cover
    contents = next(doc.page_text(p) for p in range(1, 5) if re.search(r"(^|\s)Contents\s", doc.page_text(p)))
    for title, page in doc.outline:
        assert re.search(re.escape(title) + rf"\s*{page}(?!\d)", contents), title
        assert title in doc.page_text(page)


def test_recipe_travels_with_the_pdf(rendered: tuple[Brief, ReadBack]) -> None:
    brief, doc = rendered
    assert read_embedded_recipe(doc.data) == brief.recipe_yaml


def test_report_credits_and_names_print_as_typed(rendered: tuple[Brief, ReadBack]) -> None:
    brief, doc = rendered
    first = doc.page_text(1)
    assert brief.authors_line in first
    everything = " ".join(doc.page_text(p) for p in range(1, doc.page_count + 1))
    for name in brief.country_names:
        assert name in everything
