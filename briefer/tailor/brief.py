"""The brief: a tailored document with every decision made, ready for layout.

Every part carries its final title and every label is in `Brief.words`: renderers (PDF,
Markdown, at a glance) read only this model and never compose words. Imports the content
model's inline types, the recipe's vocabularies and the wording.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefer.content.model import Column, Span
from briefer.tailor.recipe import NotePlacement, PageSize, PreparedFor
from briefer.tailor.wording import Words


@dataclass(frozen=True, slots=True)
class NoteMark:
    """The marker of brief note `number` (1..n in reading order)."""

    number: int


BriefInline = Span | NoteMark
BriefText = tuple[BriefInline, ...]


def brief_plain(text: BriefText) -> str:
    return "".join(p.text for p in text if isinstance(p, Span))


def spans_of(text: tuple[object, ...]) -> tuple[Span, ...]:
    """Content text that carries no note markers (a title, a status), as brief text."""
    return tuple(p for p in text if isinstance(p, Span))


# --- blocks ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BParagraph:
    id: str
    text: BriefText
    emphasised: bool = False  # about a focus country


@dataclass(frozen=True, slots=True)
class BDefinition:
    id: str
    term: BriefText
    text: BriefText
    emphasised: bool = False


@dataclass(frozen=True, slots=True)
class BSidebar:
    id: str
    title: BriefText
    paragraphs: tuple[BriefText, ...]
    emphasised: bool = False


@dataclass(frozen=True, slots=True)
class BPullQuote:
    id: str
    text: BriefText
    emphasised: bool = False


@dataclass(frozen=True, slots=True)
class BHeading:
    """A sub-heading: level 3 under the section's title, or 4 under a level 3."""

    id: str
    text: BriefText
    level: int = 3
    emphasised: bool = False

    @property
    def anchor(self) -> str:
        """Its link target (a PDF destination, an HTML id); block ids are unique in a report."""
        return f"heading-{self.id}"


@dataclass(frozen=True, slots=True)
class BListItem:
    text: BriefText
    items: tuple[BriefText, ...] = ()


@dataclass(frozen=True, slots=True)
class BList:
    id: str
    items: tuple[BListItem, ...]
    numbered: bool = False
    emphasised: bool = False


@dataclass(frozen=True, slots=True)
class BTable:
    id: str
    label: str  # "Table 1", or "" when the report gives the table no number
    caption: BriefText
    columns: tuple[Column, ...]
    header: tuple[tuple[BriefText, ...], ...]
    rows: tuple[tuple[BriefText, ...], ...]
    source: BriefText = ()  # "Source: …", the citation resolved
    emphasised: bool = False


@dataclass(frozen=True, slots=True)
class BFigure:
    id: str
    label: str  # "Figure 5", or ""
    caption: BriefText
    image: str  # the image file's path
    name: str  # the image as the content names it (figures/chart.png)
    alt: str
    pixels: tuple[int, int]
    width: float = 1.0  # share of the text width
    source: BriefText = ()
    emphasised: bool = False


BBlock = BParagraph | BDefinition | BSidebar | BPullQuote | BHeading | BList | BTable | BFigure


def bblock_texts(block: BBlock) -> tuple[BriefText, ...]:
    """Every text of a block that may carry note marks, in reading order."""
    if isinstance(block, BSidebar):
        return block.paragraphs
    if isinstance(block, BList):
        return tuple(t for item in block.items for t in (item.text, *item.items))
    if isinstance(block, BTable):
        return (block.caption, *(cell for row in (*block.header, *block.rows) for cell in row))
    if isinstance(block, BFigure):
        return (block.caption,)
    return (block.text,)


# --- parts: what the body is made of, in order -------------------------------


@dataclass(frozen=True, slots=True)
class KeyMessagesPart:
    """The audience's framing introduction, key messages and asks."""

    id: str  # "key-messages"
    title: str  # "Key messages for Members of parliament"
    audience_id: str
    audience_name: str
    introduction: BriefText
    messages: tuple[BriefText, ...]
    asks_title: str = ""  # the audience's own title for its asks, else the fixed word
    asks: tuple[BriefText, ...] = ()


@dataclass(frozen=True, slots=True)
class InstrumentRow:
    """A country's status under one instrument (a treaty, a membership, a law)."""

    short: str  # the instrument's short name, e.g. "APMBC"
    name: str
    status: BriefText  # status line, ending in the note mark of its sources
    details: tuple[tuple[str, str], ...] = ()  # (label, value), e.g. ("Joined:", "9 January 2012")


@dataclass(frozen=True, slots=True)
class CountryBox:
    id: str  # "country-FI"
    title: str  # "Country focus: Finland"
    code: str
    name: str
    instruments: tuple[InstrumentRow, ...]
    facts: tuple[BriefText, ...]
    status_headers: tuple[str, str, str]  # the status table's columns: instrument, status, details
    facts_title: str


@dataclass(frozen=True, slots=True)
class ComparisonTable:
    """Status of two or more focus countries side by side: one row a country."""

    id: str  # "country-comparison"
    title: str  # "Treaty status compared": the report's own heading
    headers: tuple[str, ...]  # "Country", then one per instrument's short name
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class SectionPart:
    id: str  # the section id
    title: str  # plain: the outline and the contents
    blocks: tuple[BBlock, ...]
    attribution: str = ""
    title_text: BriefText = ()  # as printed; empty means the plain title

    @property
    def printed_title(self) -> BriefText:
        return self.title_text or (Span(self.title),)


Part = KeyMessagesPart | CountryBox | ComparisonTable | SectionPart


# --- notes and sources ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class BriefNote:
    number: int
    text: BriefText  # final text: citations resolved to full, short, Ibid. or see-note forms
    carrier: str  # id of the block or part whose text carries the marker
    source_ids: tuple[str, ...]
    origin: str  # the report note id, or "country:FI:fact:2" style for generated notes


@dataclass(frozen=True, slots=True)
class SourceEntry:
    id: str
    text: BriefText  # the full reference


# --- the brief --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Layout:
    page_size: PageSize = PageSize.A4
    large_print: bool = False
    grayscale: bool = False
    watermark: str = ""
    notes: NotePlacement = NotePlacement.BOTTOM
    cover: bool = True
    contents: bool = True  # shown only when the brief has three or more sections
    contents_depth: int = 1  # 1: parts; 2: and level-3 sub-headings; 3: and level 4


@dataclass(frozen=True, slots=True)
class Brief:
    title: str
    subtitle: str
    short_title: str
    authors: tuple[str, ...]
    publisher: str
    year: int
    language: str
    report_citation: BriefText
    audience_name: str  # "" for no audience
    country_names: tuple[str, ...]
    prepared_for: PreparedFor
    cover_note: str
    layout: Layout
    words: Words  # the fixed words renderers print: labels, headings, "Page n of N"
    audience_line: str  # "Briefing for Members of parliament", or ""
    particulars: tuple[str, ...]  # the lines under the title: audience, country focus, prepared for
    cover_facts: tuple[tuple[str, str], ...]  # (label, value) rows on the cover
    authors_line: str  # "Lou Maresca and Magnus Løvold"
    keywords: tuple[str, ...]  # the PDF's keywords
    parts: tuple[Part, ...]
    notes: tuple[BriefNote, ...]
    sources: tuple[SourceEntry, ...]
    recipe_yaml: str  # the recipe that made this brief, embedded in exports
    title_text: BriefText = ()  # the title as printed; empty means the plain title
    subtitle_text: BriefText = ()
    status_title: str = ""  # the heading of a country's status table: the report's own, else ""
    about: BriefText = ()  # the report's paragraph about its publisher
    url: str = ""  # the report's own address

    @property
    def printed_title(self) -> BriefText:
        return self.title_text or (Span(self.title),)

    @property
    def printed_subtitle(self) -> BriefText:
        return self.subtitle_text or ((Span(self.subtitle),) if self.subtitle else ())

    @property
    def sections(self) -> tuple[SectionPart, ...]:
        return tuple(p for p in self.parts if isinstance(p, SectionPart))
