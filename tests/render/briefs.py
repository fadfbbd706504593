"""Briefs built directly for the PDF tests.

make_brief() gives a realistic brief that stresses note placement: long paragraphs that split
across pages, several long notes on one page, notes in a sidebar, key messages and a country
box, and one note longer than a page. Text is generated from a fixed seed, so it never varies.
"""

from __future__ import annotations

import dataclasses
import random

from briefer.content.model import Span
from briefer.tailor.brief import (
    BDefinition,
    BParagraph,
    BPullQuote,
    Brief,
    BriefNote,
    BriefText,
    BSidebar,
    ComparisonTable,
    CountryBox,
    InstrumentRow,
    KeyMessagesPart,
    Layout,
    NoteMark,
    SectionPart,
    SourceEntry,
)
from briefer.tailor.recipe import PreparedFor
from briefer.tailor.wording import ENGLISH

_WORDS = (
    "mines cluster munitions treaty convention withdrawal evidence military utility civilians harm "
    "states parliament defence assessment clearance stockpile victims children decades security "
    "international humanitarian law obligations government committee report the of and to in a "
    "that for with as on by were their has been which its not this from it is are these"
).split()
UNICODE_NAMES = ("Łódź", "Vilnius", "Київ", "Løvold")


class _Writer:
    """Deterministic prose and numbered notes, in reading order."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        self.notes: list[BriefNote] = []

    def words(self, count: int) -> str:
        text = " ".join(self.random.choice(_WORDS) for _ in range(count))
        return text[0].upper() + text[1:]

    def note(self, words: int, carrier: str) -> NoteMark:
        number = len(self.notes) + 1
        text = f"Source {number}: {self.words(words)}."
        self.notes.append(BriefNote(number, (Span(text),), carrier, (f"src-{number % 10}",), str(number)))
        return NoteMark(number)

    def text(self, carrier: str, sentences: int, *, marks: int = 1, note_words: int = 18) -> BriefText:
        """Sentences with `marks` note markers spread through them (the last at the end)."""
        parts: list[Span | NoteMark] = []
        every = max(sentences // max(marks, 1), 1)
        placed = 0
        for i in range(sentences):
            parts.append(Span(("" if i == 0 else " ") + self.words(self.random.randint(12, 22)) + "."))
            if marks and placed < marks and (i + 1) % every == 0:
                parts.append(self.note(note_words, carrier))
                placed += 1
        return tuple(parts)


def make_brief(
    layout: Layout | None = None,
    *,
    sections: int = 4,
    long_note: bool = True,
    recipe_yaml: str = "format: 1\naudience: parliamentarians\n",
    seed: int = 7,
) -> Brief:
    w = _Writer(seed)
    parts: list = [
        KeyMessagesPart(
            "key-messages",
            "Key messages for Members of parliament",
            "parliamentarians",
            "Members of parliament",
            w.text("key-messages", 4, marks=1),
            tuple(w.text("key-messages", 2, marks=i % 2) for i in range(5)),
            "Questions to ask the government",
            tuple(w.text("key-messages", 1, marks=1, note_words=40) for _ in range(3)),
        ),
        CountryBox(
            "country-FI",
            "Country focus: Finland",
            "FI",
            "Finland",
            (
                InstrumentRow(
                    "APMBC",
                    "Anti-Personnel Mine Ban Convention",
                    (Span("withdrawn (effective 10 January 2026)"), w.note(60, "country-FI")),
                    (("Joined:", "9 January 2012"), ("In force:", "1 July 2012")),
                ),
                InstrumentRow("CCM", "Convention on Cluster Munitions", (Span("not party"), w.note(12, "country-FI"))),
            ),
            tuple(w.text("country-FI", 2, marks=1, note_words=30) for _ in range(6)),
            ("Treaty", "Status", "Key dates"),
            "Facts",
        ),
        ComparisonTable(
            "country-comparison",
            "Treaty status compared",
            ("Country", "APMBC", "CCM"),
            (("Finland", "withdrawn", "not party"), ("Lithuania", "withdrawn", "withdrawn")),
        ),
    ]
    for s in range(sections):
        sid = f"section-{s + 1}"
        blocks: list = [BParagraph(f"{sid}-p1", w.text(sid, 14, marks=3))]
        if long_note and s == 1:
            # a note longer than a page must continue on the next
            blocks.append(BParagraph(f"{sid}-long", w.text(sid, 3, marks=1, note_words=1400)))
        blocks += [
            BDefinition(f"{sid}-d", (Span("Anti-personnel mine"),), w.text(sid, 2, marks=1)),
            BParagraph(f"{sid}-p2", w.text(sid, 18, marks=4, note_words=90)),  # several long notes
            BSidebar(
                f"{sid}-box",
                (Span(f"Sidebar {s + 1}"),),
                tuple(w.text(sid, 5, marks=1, note_words=35) for _ in range(3)),
            ),
            BPullQuote(f"{sid}-q", (Span(w.words(25) + "."),)),
            BParagraph(f"{sid}-p3", w.text(sid, 10, marks=2), emphasised=True),
            BParagraph(f"{sid}-p4", (Span(f"{' '.join(UNICODE_NAMES)}: "), *w.text(sid, 9, marks=2))),
        ]
        parts.append(SectionPart(sid, f"Section {s + 1}: {w.words(3).lower()}", tuple(blocks), "Signed, the authors"))
    sources = tuple(
        SourceEntry(f"src-{i}", (Span(f"Author {i}, "), Span("A Work", italic=True), Span(", 2024.")))
        for i in range(10)
    )
    return Brief(
        title="Withdrawal Symptoms",
        subtitle="Anti-personnel mines and cluster munitions: Setting the record straight",
        short_title="Withdrawal Symptoms",
        authors=("Lou Maresca", "Magnus Løvold"),
        publisher="Lex International Fund",
        year=2025,
        language="en",
        report_citation=(
            Span("Lou Maresca and Magnus Løvold, "),
            Span("Withdrawal Symptoms", italic=True),
            Span(", 2025."),
        ),
        audience_name="Members of parliament",
        country_names=("Finland",),
        prepared_for=PreparedFor(recipient="Ms Anna Virtanen MP", place="Helsinki", date="12 March 2026"),
        cover_note="",
        layout=layout or Layout(),
        words=ENGLISH,
        audience_line="Briefing for Members of parliament",
        particulars=(
            "Briefing for Members of parliament",
            "Country focus: Finland",
            "Prepared for Ms Anna Virtanen MP · Helsinki · 12 March 2026",
        ),
        cover_facts=(
            ("Country focus", "Finland"),
            ("Prepared for", "Ms Anna Virtanen MP"),
            ("Place", "Helsinki"),
            ("Date", "12 March 2026"),
        ),
        authors_line="Lou Maresca and Magnus Løvold",
        keywords=("Finland", "Members of parliament", "briefing"),
        parts=tuple(parts),
        notes=tuple(w.notes),
        sources=sources,
        recipe_yaml=recipe_yaml,
    )


def with_layout(brief: Brief, **changes: object) -> Brief:
    return dataclasses.replace(brief, layout=dataclasses.replace(brief.layout, **changes))
