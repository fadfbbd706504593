"""A box split across pages never leaves a sub-heading ("Facts") as the last thing of its first part."""

from __future__ import annotations

from briefer.render.boxes import Box, BoxStyle, mark_box_heading
from briefer.render.flowtags import tags
from briefer.render.paragraph import Paragraph
from briefer.render.styles import build_styles
from briefer.tailor.brief import Layout


def test_a_sub_heading_goes_over_with_what_it_heads() -> None:
    s = build_styles(Layout())
    words = " ".join(["Finland deposited its instrument of accession."] * 6)
    title = mark_box_heading(Paragraph("Country focus: Finland", s.box_title))
    facts = mark_box_heading(Paragraph("Facts", s.subheading))
    box = Box([title, Paragraph(words, s.box_text), facts, Paragraph(words, s.box_text)], BoxStyle())
    box.wrap(400, 1e9)
    heights = box._sizes
    # room for the title, the first paragraph and the heading, but not a line of what it heads
    room = sum(heights[:3]) + 2 * s.box_text.leading * 0.5 + facts.getSpaceBefore()
    first, rest = box.split(400, room)
    assert not tags(first.content[-1]).box_heading
    assert [p.text for p in rest.content[:1]] == ["Facts"]
    assert [p.text for p in first.content] == ["Country focus: Finland", words]
