"""Reading a Brief back in reading order, for assertions."""

from __future__ import annotations

from briefer.tailor.brief import (
    Brief,
    BriefText,
    ComparisonTable,
    CountryBox,
    KeyMessagesPart,
    NoteMark,
    SectionPart,
    bblock_texts,
)


def texts_in_order(brief: Brief) -> list[tuple[str, BriefText]]:
    """(carrier id, text) for every text of the brief, in reading order."""
    out: list[tuple[str, BriefText]] = []
    for part in brief.parts:
        if isinstance(part, KeyMessagesPart):
            for text in (part.introduction, *part.messages, *part.asks):
                out.append((part.id, text))
        elif isinstance(part, CountryBox):
            for row in part.instruments:
                out.append((part.id, row.status))
            for fact in part.facts:
                out.append((part.id, fact))
        elif isinstance(part, SectionPart):
            for block in part.blocks:
                for text in bblock_texts(block):
                    out.append((block.id, text))
        else:
            assert isinstance(part, ComparisonTable)
    return out


def marks_in_order(brief: Brief) -> list[tuple[int, str]]:
    return [(p.number, carrier) for carrier, text in texts_in_order(brief) for p in text if isinstance(p, NoteMark)]


def note_text(brief: Brief, number: int) -> str:
    note = brief.notes[number - 1]
    assert note.number == number
    return "".join(s.text for s in note.text)
