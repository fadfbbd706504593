"""Translation units: every text a translator translates, its fingerprint, and translated texts
put back where they stand; inline markup written back exactly as it reads."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.content.inline import inline_source, parse_inline
from briefer.content.model import (
    Cite,
    Definition,
    NoteRef,
    Paragraph,
    PullQuote,
    Report,
    Sidebar,
    Span,
    block_texts,
)
from briefer.content.units import fingerprint, report_units, translatable_texts, with_texts

BLOCKS = (
    Paragraph("p", (Span("A "), Span("b", bold=True), NoteRef("1"))),
    Definition("d", "Term", (Span("text"),)),
    Sidebar("s", "Title", ((Span("one"),), (Span("two", italic=True),))),
    PullQuote("q", (Span("quote"),)),
)


def test_every_kind_of_block_lists_its_texts_in_reading_order() -> None:
    for block in BLOCKS:
        texts = translatable_texts(block)
        inline = [text for _, text in texts if not isinstance(text, str)]
        assert inline == list(block_texts(block)), block  # every inline text, none forgotten
    assert [path for path, _ in translatable_texts(BLOCKS[2])] == ["title", "paragraphs.1", "paragraphs.2"]
    assert [path for path, _ in translatable_texts(BLOCKS[1])] == ["term", "text"]


def test_every_text_of_the_report_is_in_exactly_one_unit(report: Report) -> None:
    units = report_units(report)
    assert len({unit.id for unit in units}) == len(units)
    kinds = {unit.kind for unit in units}
    assert kinds == {"report", "status", "section", "block", "note", "audience", "country"}
    blocks = [unit for unit in units if unit.kind == "block"]
    assert len(blocks) == sum(len(s.blocks) for s in report.sections)
    notes = {unit.key for unit in units if unit.kind == "note"}
    assert notes == {note.id for s in report.sections for note in s.notes}


def test_texts_put_back_by_path_land_where_they_came_from(report: Report) -> None:
    units = report_units(report)
    # the report rebuilt from its own texts is the same report
    same = with_texts(report, {unit.id: dict(unit.texts) for unit in units}, units)
    assert same == report
    changed = with_texts(
        report,
        {
            "block:introduction-1": {"text": (Span("Nouveau."), NoteRef("1"))},
            "audience:media": {"key_messages.2.text": (Span("Deux"),), "asks.title": "Demandes"},
            "country:FI": {"name": "Suomi", "facts.3.text": (Span("Kolme"),)},
        },
        units,
    )
    assert changed.section("introduction").blocks[0].text == (Span("Nouveau."), NoteRef("1"))
    assert changed.section("introduction").blocks[1] == report.section("introduction").blocks[1]
    media = changed.audience("media")
    assert media.key_messages[1].text == (Span("Deux"),) and media.key_messages[1].basis
    assert media.asks is not None and media.asks.title == "Demandes"
    assert changed.country("FI").name == "Suomi" and changed.country("FI").facts[2].text == (Span("Kolme"),)
    # the original is untouched, and each report has an index of its own
    assert report.country("FI").name == "Finland"
    assert changed.country("FI") is not report.country("FI")


def test_a_short_title_that_was_the_title_follows_its_translation(report: Report) -> None:
    same_short = dataclasses.replace(report, short_title=report.title)
    units = report_units(same_short)
    translated = with_texts(same_short, {f"report:{report.id}": {"title": "Symptômes de sevrage"}}, units)
    assert translated.short_title == "Symptômes de sevrage"


def test_the_fingerprint_follows_the_text_and_its_markup() -> None:
    base = (("text", (Span("A "), Span("b", bold=True))),)
    assert fingerprint(base) == fingerprint((("text", (Span("A "), Span("b", bold=True))),))
    assert fingerprint(base) != fingerprint((("text", (Span("A "), Span("b"))),))  # emphasis lost
    assert fingerprint(base) != fingerprint((("text", (Span("A "), Span("c", bold=True))),))
    assert fingerprint(base) != fingerprint((("term", (Span("A "), Span("b", bold=True))),))


def test_every_text_of_the_report_reads_back_from_its_markup(report: Report) -> None:
    for unit in report_units(report):
        for _, text in unit.texts:
            if not isinstance(text, str):
                assert parse_inline(inline_source(text), allow_cites=True) == text


_words = st.text(alphabet=st.sampled_from("ab *[]\\@^,.“”é"), min_size=1, max_size=6)
_spans = st.builds(Span, _words, st.booleans(), st.booleans())
_ids = st.text(alphabet="abc123-", min_size=1, max_size=4).filter(lambda s: s[0] != "-")
_parts = st.one_of(
    _spans,
    st.builds(NoteRef, _ids),
    st.builds(Cite, _ids, st.sampled_from(["", "p. 4", "pp. 2–3"]), st.sampled_from(["", "See", "Cf."])),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_parts, max_size=8))
def test_any_inline_text_reads_back_from_its_markup(parts: list[Span | NoteRef | Cite]) -> None:
    # the parser joins neighbouring spans of the same emphasis; compare with that form
    text = parse_inline(inline_source(tuple(parts)), allow_cites=True)
    assert inline_source(text) == inline_source(tuple(parts))
    assert [p for p in text if not isinstance(p, Span)] == [p for p in parts if not isinstance(p, Span)]
    assert "".join(p.text for p in text if isinstance(p, Span)) == "".join(p.text for p in parts if isinstance(p, Span))
