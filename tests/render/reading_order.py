"""A brief's reading order, written down from the brief model alone: what a screen reader should
meet, in order, with each note at the foot read right after its marker. Tests compare it with
the text of a tagged PDF's structure tree (whitespace aside).
"""

from __future__ import annotations

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
    KeyMessagesPart,
    NoteMark,
    SectionPart,
    brief_plain,
)
from briefer.tailor.recipe import NotePlacement


class _Reader:
    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        self.footnotes = brief.layout.notes == NotePlacement.BOTTOM
        self.notes: dict[int, BriefNote] = {n.number: n for n in brief.notes}
        self.out: list[str] = []

    def say(self, *texts: str) -> None:
        self.out.extend(texts)

    def text(self, text: BriefText) -> None:
        """Brief text with its markers; a note at the foot follows its marker."""
        for piece in text:
            if not isinstance(piece, NoteMark):
                self.say(piece.text)
            elif piece.number in self.notes:
                self.say(str(piece.number))
                if self.footnotes:
                    self.note(self.notes[piece.number])

    def note(self, note: BriefNote) -> None:
        self.say(str(note.number), brief_plain(note.text))

    def items(self, texts: tuple[BriefText, ...], numbered: bool) -> None:
        for i, text in enumerate(texts, start=1):
            self.say(f"{i}." if numbered else "•")
            self.text(text)


def expected_reading(brief: Brief, contents_pages: dict[str, int]) -> list[str]:
    """The brief's text in reading order; `contents_pages` maps each contents entry's title to
    the page number it shows (known only after layout, so read from the PDF)."""
    r = _Reader(brief)
    words = brief.words
    if brief.layout.cover:
        r.say(brief.publisher.upper(), brief.title, brief.subtitle, brief.audience_line)
        for label, value in brief.cover_facts:
            r.say(label.upper(), value)
        r.say(words.based_on_report.upper(), brief_plain(brief.report_citation))
        if brief.authors_line:
            r.say(words.written_by.upper(), brief.authors_line)
    else:
        r.say(brief.title, brief.subtitle, *brief.particulars, words.based_on, brief_plain(brief.report_citation))
    if brief.cover_note.strip():
        r.say(words.cover_note, brief.cover_note)
    if contents_pages:
        r.say(words.contents)
        for title, page in contents_pages.items():
            r.say(title, str(page))
    for part in brief.parts:
        _PARTS[type(part)](r, part)
    if brief.notes and not r.footnotes:
        r.say(words.notes)
        for note in brief.notes:
            r.note(note)
    if brief.sources:
        r.say(words.sources)
        for source in brief.sources:
            r.text(source.text)
    return r.out


def _key_messages(r: _Reader, part: KeyMessagesPart) -> None:
    r.say(part.title)
    r.text(part.introduction)
    r.items(part.messages, numbered=True)
    if part.asks:
        r.say(part.asks_title)
        r.items(part.asks, numbered=False)


def _country(r: _Reader, part: CountryBox) -> None:
    r.say(part.title)
    if part.treaties:
        r.say(*(h.upper() for h in part.status_headers))
        for row in part.treaties:
            r.say(row.treaty, row.treaty_name)
            r.text(row.status)
            dates = [f"{label} {value}" for label, value in row.dates]
            r.say(*(dates or [r.brief.words.no_status]))
    if part.facts:
        r.say(part.facts_title)
        r.items(part.facts, numbered=False)


def _comparison(r: _Reader, part: ComparisonTable) -> None:
    r.say(part.title, *part.headers, *(cell for row in part.rows for cell in row))


def _section(r: _Reader, part: SectionPart) -> None:
    r.say(part.title)
    for block in part.blocks:
        if isinstance(block, BDefinition):
            r.say(block.term)
            r.text(block.text)
        elif isinstance(block, BSidebar):
            r.say(block.title)
            for paragraph in block.paragraphs:
                r.text(paragraph)
        elif isinstance(block, BParagraph | BPullQuote):
            r.text(block.text)
    r.say(part.attribution)


_PARTS = {KeyMessagesPart: _key_messages, CountryBox: _country, ComparisonTable: _comparison, SectionPart: _section}
