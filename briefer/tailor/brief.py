"""The brief: a tailored document with every decision made, ready for layout.

Every part carries its final title and every label is in `Brief.words`: renderers (PDF,
Markdown, at a glance) read only this model and never compose words. Imports the content
model's inline types, the recipe's vocabularies and the wording.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefer.content.model import Span
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


# --- blocks ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BParagraph:
    id: str
    text: BriefText
    emphasised: bool = False  # about a focus country


@dataclass(frozen=True, slots=True)
class BDefinition:
    id: str
    term: str
    text: BriefText
    emphasised: bool = False


@dataclass(frozen=True, slots=True)
class BSidebar:
    id: str
    title: str
    paragraphs: tuple[BriefText, ...]
    emphasised: bool = False


@dataclass(frozen=True, slots=True)
class BPullQuote:
    id: str
    text: BriefText
    emphasised: bool = False


BBlock = BParagraph | BDefinition | BSidebar | BPullQuote


def bblock_texts(block: BBlock) -> tuple[BriefText, ...]:
    if isinstance(block, BSidebar):
        return block.paragraphs
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
class TreatyRow:
    treaty: str  # the treaty's short name, e.g. "APMBC"
    treaty_name: str
    status: BriefText  # status line, ending in the note mark of its sources
    dates: tuple[tuple[str, str], ...] = ()  # (label, human date), e.g. ("Joined:", "9 January 2012")


@dataclass(frozen=True, slots=True)
class CountryBox:
    id: str  # "country-FI"
    title: str  # "Country focus: Finland"
    code: str
    name: str
    treaties: tuple[TreatyRow, ...]
    facts: tuple[BriefText, ...]
    status_headers: tuple[str, str, str]  # the status table's columns: instrument, status, details
    facts_title: str


@dataclass(frozen=True, slots=True)
class ComparisonTable:
    """Status of two or more focus countries side by side: one row a country."""

    id: str  # "country-comparison"
    title: str  # "Treaty status compared"
    headers: tuple[str, ...]  # "Country", then one per treaty short name
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class SectionPart:
    id: str  # the section id
    title: str
    blocks: tuple[BBlock, ...]
    attribution: str = ""


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

    @property
    def sections(self) -> tuple[SectionPart, ...]:
        return tuple(p for p in self.parts if isinstance(p, SectionPart))
