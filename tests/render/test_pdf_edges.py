"""Briefs at the edges render: nothing in them, empty parts, no audience, no notes."""

from __future__ import annotations

import dataclasses

import pytest

from briefer.content.model import Span
from briefer.render.pdf import render_pdf
from briefer.tailor.brief import (
    BParagraph,
    Brief,
    ComparisonTable,
    CountryBox,
    KeyMessagesPart,
    Layout,
    SectionPart,
)
from briefer.tailor.recipe import NotePlacement, PreparedFor
from tests.render.briefs import make_brief
from tests.render.readback import read_back

BASE = make_brief(sections=1, long_note=False)
EDGES: dict[str, Brief] = {
    "nothing at all": dataclasses.replace(
        BASE, parts=(), notes=(), sources=(), audience_name="", country_names=(), prepared_for=PreparedFor()
    ),
    "nothing, no cover": dataclasses.replace(
        BASE, parts=(), notes=(), sources=(), layout=Layout(cover=False), recipe_yaml=""
    ),
    "empty parts": dataclasses.replace(
        BASE,
        parts=(
            SectionPart("empty", "A section without blocks", ()),
            KeyMessagesPart("key-messages", "Key messages", "public", "", (), ()),
            CountryBox("country-XK", "Country focus: Kosovo", "XK", "Kosovo", (), (), ("", "", ""), ""),
            ComparisonTable("country-comparison", "", (), ()),
        ),
        notes=(),
    ),
    "endnotes without notes": dataclasses.replace(BASE, layout=Layout(notes=NotePlacement.END), notes=()),
    "one line sections": dataclasses.replace(
        BASE,
        parts=tuple(SectionPart(f"s{i}", f"Section {i}", (BParagraph("p", (Span("One line."),)),)) for i in range(40)),
        notes=(),
    ),
}


@pytest.mark.parametrize("name", list(EDGES))
def test_edge_brief_renders(name: str) -> None:
    brief = EDGES[name]
    doc = read_back(render_pdf(brief))
    assert doc.page_count >= 1
    assert brief.title in doc.page_text(1)
    for part in brief.sections:
        assert part.title in " ".join(doc.page_text(p) for p in range(1, doc.page_count + 1))
