"""Notes at the foot of the page that carries their marker, whatever the layout."""

from __future__ import annotations

import pytest

from briefer.render.pdf import render_pdf
from briefer.tailor.brief import Brief, NoteMark, bblock_texts
from briefer.tailor.recipe import NotePlacement, PageSize
from tests.render.briefs import make_brief, with_layout
from tests.render.notecheck import assert_notes_at_foot, assert_notes_in_order_on_each_page, note_start
from tests.render.readback import ReadBack, read_back

LAYOUTS = {
    "a4": {},
    "letter": {"page_size": PageSize.LETTER},
    "large-print": {"large_print": True},
    "letter-large-no-cover": {"page_size": PageSize.LETTER, "large_print": True, "cover": False, "contents": False},
}


@pytest.fixture(scope="module", params=list(LAYOUTS))
def rendered(request: pytest.FixtureRequest, synthetic_brief: Brief) -> tuple[Brief, ReadBack]:
    brief = with_layout(synthetic_brief, **LAYOUTS[request.param])
    return brief, read_back(render_pdf(brief))


def test_every_note_is_at_the_foot_of_its_markers_page(rendered: tuple[Brief, ReadBack]) -> None:
    brief, doc = rendered
    assert_notes_at_foot(doc, brief)


def test_notes_on_a_page_run_in_number_order(rendered: tuple[Brief, ReadBack]) -> None:
    brief, doc = rendered
    assert_notes_in_order_on_each_page(doc, brief)


def test_a_note_longer_than_a_page_continues_marked_continued(rendered: tuple[Brief, ReadBack]) -> None:
    brief, doc = rendered
    longest = max(brief.notes, key=lambda n: len(n.text[0].text))
    marker = next(m for m in doc.markers if m.number == longest.number)
    assert note_start(brief, longest.number) in doc.foot_text(marker.page)
    assert f"{longest.number} (continued)" in doc.foot_text(marker.page + 1)
    # its last words are printed somewhere after its first page
    tail = " ".join(longest.text[0].text.split()[-4:])
    later = " ".join(doc.foot_text(p) for p in range(marker.page + 1, doc.page_count + 1))
    assert tail in later


def _carried_by(brief: Brief, kind: type) -> list[int]:
    numbers = []
    for part in brief.parts:
        texts = ()
        if isinstance(part, kind):
            if hasattr(part, "blocks"):
                texts = tuple(t for b in part.blocks for t in bblock_texts(b))
            elif hasattr(part, "messages"):
                texts = (part.introduction, *part.messages, *part.asks)
            else:
                texts = (*(r.status for r in part.instruments), *part.facts)
        numbers += [p.number for t in texts for p in t if isinstance(p, NoteMark)]
    return numbers


def test_notes_in_boxes_are_placed_like_any_other(rendered: tuple[Brief, ReadBack]) -> None:
    """Key messages, country boxes and sidebars carry markers; their notes obey the same rule."""
    from briefer.tailor.brief import CountryBox, KeyMessagesPart

    brief, doc = rendered
    boxed = set(_carried_by(brief, KeyMessagesPart)) | set(_carried_by(brief, CountryBox))
    assert len(boxed) >= 10
    pages = {m.number: m.page for m in doc.markers}
    for number in boxed:
        assert note_start(brief, number) in doc.foot_text(pages[number])


def test_a_paragraph_split_across_pages_keeps_its_notes_with_its_lines() -> None:
    """Markers late in a paragraph that starts near a page end: their notes go where the lines go."""
    brief = make_brief(sections=2, long_note=False, seed=11)
    doc = read_back(render_pdf(brief))
    assert_notes_at_foot(doc, brief)
    markers = {m.number: m.page for m in doc.markers}
    split_across = [
        (t[0], t[-1])
        for part in brief.sections
        for block in part.blocks
        for t in [[p.number for text in bblock_texts(block) for p in text if isinstance(p, NoteMark)]]
        if len(t) > 1
    ]
    assert any(markers[first] != markers[last] for first, last in split_across)


def test_endnotes_go_in_a_notes_section_before_the_sources(synthetic_brief: Brief) -> None:
    brief = with_layout(synthetic_brief, notes=NotePlacement.END)
    doc = read_back(render_pdf(brief))
    assert [title for title, _ in doc.outline[-2:]] == ["Notes", "Sources"]
    notes_page = doc.outline[-2][1]
    assert note_start(brief, 1) in doc.page_text(notes_page)
    assert all(doc.note_rule_y(p) is None for p in range(1, doc.page_count + 1))
    # markers still link to their notes, now in the Notes section
    assert {m.target_page for m in doc.markers} >= {notes_page}
