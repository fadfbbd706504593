"""Text prints as typed: escaping of every brief string, and the fonts' coverage of Latin
Extended and Cyrillic."""

from __future__ import annotations

import dataclasses

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.pdfbase import pdfmetrics

from briefer.content.model import Span
from briefer.render.fonts import register_fonts
from briefer.render.markup import escape, inline_markup
from briefer.render.pdf import render_pdf
from briefer.tailor.brief import (
    BDefinition,
    BParagraph,
    Brief,
    BriefNote,
    BSidebar,
    Layout,
    NoteMark,
    SectionPart,
    SourceEntry,
)
from tests.render.briefs import UNICODE_NAMES, make_brief
from tests.render.readback import read_back, squash

MARKUP_LIKE = '<b>&amp; R&D</b> <i> "quoted" & \'single\' <a href="#x">link</a> <super>1</super> &lt;'

# characters a report may contain: markup's own, Latin with diacritics, Cyrillic, typography
ALPHABET = st.sampled_from(
    list("abcXYZ019 &<>\"'#;/=!?()[]{}*_\\")
    + list("ÀÉÎõüßæøåÅŁłÓóŹźŻżĄąĘęŠšŽžČčĖėĮįŲųŪū")
    + list("АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЬЮЯабвгдеєжзиіїйклмнопрстуфхцчшщьюяґ")
    + list("“”‘’–—…€§°")
)
WORD = st.text(ALPHABET, min_size=1, max_size=12).map(lambda s: s.strip() or "x")
PHRASE = st.lists(WORD, min_size=1, max_size=5).map(" ".join)


def _brief_with(strings: dict[str, str]) -> Brief:
    """A one-section brief whose every field under test holds one of `strings`."""
    text = (Span(strings["plain"]), Span(" " + strings["bold"], bold=True), Span(" " + strings["italic"], italic=True))
    blocks = (
        BParagraph("p", (*text, NoteMark(1))),
        BDefinition("d", (Span(strings["term"]),), (Span("defined."),)),
        BSidebar("s", (Span(strings["sidebar"]),), ((Span("Sidebar text."),),)),
    )
    base = make_brief(Layout(cover=False, contents=False), sections=1, long_note=False)
    return dataclasses.replace(
        base,
        title=strings["title"],
        short_title=strings["title"],
        parts=(SectionPart("only", strings["section"], blocks, strings["attribution"]),),
        notes=(BriefNote(1, (Span(strings["note"]),), "p", (), "1"),),
        sources=(SourceEntry("s", (Span(strings["source"]),)),),
    )


FIELDS = ("plain", "bold", "italic", "term", "sidebar", "title", "section", "attribution", "note", "source")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.fixed_dictionaries({name: PHRASE for name in FIELDS}))
def test_every_string_prints_exactly_as_typed(strings: dict[str, str]) -> None:
    doc = read_back(render_pdf(_brief_with(strings)))
    text = " ".join(doc.page_text(p) for p in range(1, doc.page_count + 1))
    for name, value in strings.items():
        assert squash(value) in text, name


def test_markup_like_text_and_unicode_names_print_as_typed() -> None:
    strings = dict.fromkeys(FIELDS, MARKUP_LIKE)
    strings["plain"] = " ".join(UNICODE_NAMES)
    strings["title"] = "Łódź, Vilnius & Київ <b>"
    doc = read_back(render_pdf(_brief_with(strings)))
    text = " ".join(doc.page_text(p) for p in range(1, doc.page_count + 1))
    assert text.count(MARKUP_LIKE) >= len(FIELDS) - 2
    assert "Łódź Vilnius Київ Løvold" in text
    assert "Łódź, Vilnius & Київ <b>" in text


def test_escape_leaves_no_tag_or_entity_for_the_parser() -> None:
    assert escape(MARKUP_LIKE).count("<") == 0
    assert escape("a\x00b\x1fc") == "a b c"
    markup = inline_markup((Span("<b>", bold=True), Span("&amp;", italic=True)))
    assert markup == "<b>&lt;b&gt;</b><i>&amp;amp;</i>"


def test_fonts_cover_the_names_in_every_face() -> None:
    fonts = register_fonts()
    faces = [
        getattr(family, face)
        for family in (fonts.serif, fonts.sans)
        for face in ("regular", "bold", "italic", "bold_italic")
    ]
    needed = set("".join(UNICODE_NAMES) + "“”‘’–—…ҐґЄєІіЇї")
    for face in faces:
        widths = pdfmetrics.getFont(face).face.charWidths
        assert needed <= {chr(c) for c in widths}, face


def test_fonts_are_registered_once() -> None:
    assert register_fonts() is register_fonts()
