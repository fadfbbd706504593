"""A brief's reading order, written down from the brief model alone: what a screen reader should
meet, in order, with each note at the foot read right after its marker. Tests compare it with
the text of a tagged PDF's structure tree (whitespace aside).
"""

from __future__ import annotations

from briefer.tailor.brief import (
    BDefinition,
    BFigure,
    BHeading,
    BList,
    BParagraph,
    BPullQuote,
    Brief,
    BriefNote,
    BriefText,
    BSidebar,
    BTable,
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
    title, subtitle = brief_plain(brief.printed_title), brief_plain(brief.printed_subtitle)
    citation = " ".join(filter(None, (brief_plain(brief.report_citation), brief.url)))
    if brief.layout.cover:
        r.say(brief.publisher.upper(), title, subtitle, brief.audience_line)
        for label, value in brief.cover_facts:
            r.say(label.upper(), value)
        r.say(words.based_on_report.upper(), citation)
        if brief.authors_line:
            r.say(words.written_by.upper(), brief.authors_line)
    else:
        r.say(title, subtitle, *brief.particulars, words.based_on, citation)
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
    if brief.about:
        r.say(words.about_publisher)
        r.text(brief.about)
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
    if part.instruments:
        r.say(*(h.upper() for h in part.status_headers))
        for row in part.instruments:
            r.say(row.short, row.name)
            r.text(row.status)
            details = [f"{label} {value}" for label, value in row.details]
            r.say(*(details or [r.brief.words.no_status]))
    if part.facts:
        r.say(part.facts_title)
        r.items(part.facts, numbered=False)


def _comparison(r: _Reader, part: ComparisonTable) -> None:
    r.say(part.title, *part.headers, *(cell for row in part.rows for cell in row))


def _caption(r: _Reader, label: str, caption: BriefText) -> None:
    if label:
        r.say(r.brief.words.label.format(label=label) if caption else label)
    r.text(caption)


def _block(r: _Reader, block: object) -> None:
    if isinstance(block, BDefinition):
        r.text(block.term)
        r.text(block.text)
    elif isinstance(block, BSidebar):
        r.text(block.title)
        for paragraph in block.paragraphs:
            r.text(paragraph)
    elif isinstance(block, BParagraph | BPullQuote | BHeading):
        r.text(block.text)
    elif isinstance(block, BList):
        for n, item in enumerate(block.items, start=1):
            r.say(f"{n}." if block.numbered else "•")
            r.text(item.text)
            for m, sub in enumerate(item.items):
                r.say(f"{chr(ord('a') + m % 26)}." if block.numbered else "–")
                r.text(sub)
    elif isinstance(block, BTable):
        _caption(r, block.label, block.caption)
        for row in (*block.header, *block.rows):
            for cell in row:
                r.text(cell)
        r.text(block.source)
    elif isinstance(block, BFigure):  # its picture is read as its alt text (/Alt), not as text
        _caption(r, block.label, block.caption)
        r.text(block.source)


def _section(r: _Reader, part: SectionPart) -> None:
    r.text(part.printed_title)
    for block in part.blocks:
        _block(r, block)
    r.say(part.attribution)


_PARTS = {KeyMessagesPart: _key_messages, CountryBox: _country, ComparisonTable: _comparison, SectionPart: _section}
