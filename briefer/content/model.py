"""The content model: a report as frozen dataclasses, exactly as written in content/.

Imports nothing from briefer outside this package; no Qt, no ReportLab.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from briefer.content.located import Where
from briefer.content.problems import Problem

# --- inline text -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Span:
    """A run of literal text with its emphasis."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True, slots=True)
class NoteRef:
    """The marker of a report note, at the place the report puts it."""

    note_id: str


@dataclass(frozen=True, slots=True)
class Cite:
    """A citation of a source inside a note: `[prefix @source, locator]`."""

    source_id: str
    locator: str = ""
    prefix: str = ""


Inline = Span | NoteRef | Cite
Text = tuple[Inline, ...]


def plain_text(text: Text) -> str:
    """The words of inline text, without markers or citations."""
    return "".join(part.text for part in text if isinstance(part, Span))


def note_refs(text: Text) -> tuple[str, ...]:
    return tuple(part.note_id for part in text if isinstance(part, NoteRef))


# --- blocks ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BlockTags:
    """Who a block is about or for; empty tuples mean no restriction."""

    countries: tuple[str, ...] = ()
    only_for_countries: tuple[str, ...] = ()
    only_for_audiences: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Paragraph:
    id: str
    text: Text
    tags: BlockTags = BlockTags()


@dataclass(frozen=True, slots=True)
class Definition:
    """A lead-in definition: the bold term, then the text that runs on from it."""

    id: str
    term: Text
    text: Text
    tags: BlockTags = BlockTags()


@dataclass(frozen=True, slots=True)
class Sidebar:
    id: str
    title: str  # plain, for lists (the app); title_text is what prints
    paragraphs: tuple[Text, ...]
    tags: BlockTags = BlockTags()
    title_text: Text = ()


@dataclass(frozen=True, slots=True)
class PullQuote:
    id: str
    text: Text
    tags: BlockTags = BlockTags()


@dataclass(frozen=True, slots=True)
class Heading:
    """A sub-heading inside a section: level 3 (under the section's own title) or 4."""

    id: str
    text: Text
    level: int = 3
    tags: BlockTags = BlockTags()


@dataclass(frozen=True, slots=True)
class ListItem:
    text: Text
    items: tuple[Text, ...] = ()  # one nested level


@dataclass(frozen=True, slots=True)
class ItemList:
    """A bulleted or numbered list."""

    id: str
    items: tuple[ListItem, ...]
    numbered: bool = False
    tags: BlockTags = BlockTags()


@dataclass(frozen=True, slots=True)
class Column:
    align: str = "left"  # left | center | right
    width: float = 1.0  # relative to the other columns


@dataclass(frozen=True, slots=True)
class Table:
    id: str
    caption: Text
    columns: tuple[Column, ...]
    header: tuple[tuple[Text, ...], ...]  # one or more header rows
    rows: tuple[tuple[Text, ...], ...]
    source: Text = ()  # a citation: spans and Cite parts
    number: str = ""  # the report's own number ("1"), printed as "Table 1"
    tags: BlockTags = BlockTags()
    where: Where | None = field(default=None, compare=False)  # for problems found at layout


@dataclass(frozen=True, slots=True)
class Figure:
    id: str
    image: Path  # the image file, absolute
    name: str  # the image as the content names it, relative to the content folder
    alt: str  # what the image shows, for readers who cannot see it
    caption: Text
    pixels: tuple[int, int]  # width, height
    source: Text = ()
    width: float = 1.0  # share of the text width
    number: str = ""
    tags: BlockTags = BlockTags()
    where: Where | None = field(default=None, compare=False)
    digest: str = ""  # SHA-256 of the image file as read: what stands for the image in a fingerprint


Block = Paragraph | Definition | Sidebar | PullQuote | Heading | ItemList | Table | Figure


def block_texts(block: Block) -> tuple[Text, ...]:
    """Every inline text of a block that may carry note markers, in reading order."""
    if isinstance(block, Sidebar):
        return block.paragraphs
    if isinstance(block, Definition | Paragraph | PullQuote | Heading):
        return (block.text,)
    if isinstance(block, ItemList):
        return tuple(t for item in block.items for t in (item.text, *item.items))
    if isinstance(block, Table):
        return (block.caption, *(cell for row in (*block.header, *block.rows) for cell in row))
    return (block.caption,)


def block_sources(block: Block) -> Text:
    """The citation a table or figure gives as its source (empty for other blocks)."""
    return block.source if isinstance(block, Table | Figure) else ()


Translatable = str | Text  # a str is plain text (a title, a term); Text is inline, with its markup


# --- notes and sources -----------------------------------------------------


@dataclass(frozen=True, slots=True)
class Note:
    """A report note; its text mixes commentary (Span) and citations (Cite)."""

    id: str
    text: Text

    @property
    def source_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p.source_id for p in self.text if isinstance(p, Cite)))


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    title: str = ""
    author: str = ""
    container: str = ""
    publisher: str = ""
    date: str = ""
    url: str = ""
    accessed: str = ""
    short: Text = ()


# --- sections --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    title: str  # plain, for lists, the outline and the app; title_text is what prints
    summary: str
    blocks: tuple[Block, ...]
    notes: tuple[Note, ...] = ()
    attribution: str = ""
    title_text: Text = ()


# --- audiences -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class KeyMessage:
    text: Text
    basis: tuple[str, ...]  # section ids


@dataclass(frozen=True, slots=True)
class Asks:
    title: str
    items: tuple[Text, ...]


@dataclass(frozen=True, slots=True)
class Audience:
    id: str
    name: str
    needs: str
    introduction: Text
    key_messages: tuple[KeyMessage, ...]
    asks: Asks | None = None
    section_order: tuple[str, ...] = ()


# --- countries -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StatusField:
    """One thing a country's status under an instrument may record, e.g. the date it joined."""

    id: str
    label: str
    type: str = "text"  # "date" (printed as a date) or "text"
    qualifies: str = ""  # another field's id: printed in brackets after that field's value


@dataclass(frozen=True, slots=True)
class Instrument:
    """What countries are compared on: a treaty, a membership, a law, a programme."""

    id: str
    name: str
    short: str
    fields: tuple[StatusField, ...] = ()


@dataclass(frozen=True, slots=True)
class StatusScheme:
    """The instruments a report compares countries on, and the headings their tables print.
    An empty heading leaves the brief's own word (tailor/wording.py)."""

    instruments: tuple[Instrument, ...]
    title: str = ""  # the status table's heading, e.g. "Treaty status"
    compared_title: str = ""  # the comparison table's, e.g. "Treaty status compared"
    instrument_label: str = ""  # column header naming the instrument, e.g. "Treaty"
    status_label: str = ""
    details_label: str = ""  # column header of the fields, e.g. "Key dates"


@dataclass(frozen=True, slots=True)
class InstrumentStatus:
    instrument_id: str
    status: Text
    sources: tuple[str, ...]
    values: tuple[tuple[str, str], ...] = ()  # (field id, value as written; dates in ISO form)


@dataclass(frozen=True, slots=True)
class CountryFact:
    text: Text
    source_id: str


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    statuses: tuple[InstrumentStatus, ...] = ()
    facts: tuple[CountryFact, ...] = ()


# --- translations ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class UnitTranslation:
    """The translation of one unit (a block, a note, a section's title, an audience…)."""

    unit_id: str  # "block:introduction-2", "note:12", "audience:media", "country:FI"
    source: str  # the fingerprint of the source text it translates
    texts: Mapping[str, Translatable]  # path -> translated text, as the unit's source paths
    where: Where  # the place of the unit in its translation file


@dataclass(frozen=True, slots=True)
class Translations:
    """A report's translations into one language, as read from translations/<language>/."""

    language: str
    units: Mapping[str, UnitTranslation]
    folder: str  # translations/<language>, as messages show it
    problems: tuple[Problem, ...] = ()  # what is wrong in those files (each unit affected is left out)


# --- the report ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Report:
    id: str
    title: str
    subtitle: str
    short_title: str
    authors: tuple[str, ...]
    publisher: str
    year: int
    language: str
    citation: Text
    sections: tuple[Section, ...]
    sources: tuple[Source, ...]
    audiences: tuple[Audience, ...] = ()
    countries: tuple[Country, ...] = ()
    status: StatusScheme = StatusScheme(())
    about: Text = ()
    url: str = ""
    format: int = 1  # the content format the folder is written in
    title_text: Text = ()  # the title as printed (inline markup from format 2)
    subtitle_text: Text = ()
    # by language (primary subtag: "fr"), the translations the report carries
    translations: Mapping[str, Translations] = field(default_factory=dict, compare=False, repr=False, hash=False)
    _index: dict[str, dict[str, object]] = field(init=False, compare=False, repr=False, hash=False)

    def __post_init__(self) -> None:
        # not an init field, so dataclasses.replace() gives the new report an index of its own
        index: dict[str, dict[str, object]] = {}
        object.__setattr__(self, "_index", index)
        index["section"] = {s.id: s for s in self.sections}
        index["source"] = {s.id: s for s in self.sources}
        index["audience"] = {a.id: a for a in self.audiences}
        index["country"] = {c.code: c for c in self.countries}
        index["instrument"] = {t.id: t for t in self.status.instruments}
        index["note"] = {n.id: n for s in self.sections for n in s.notes}

    def section(self, section_id: str) -> Section:
        return self._index["section"][section_id]  # type: ignore[return-value]

    def source(self, source_id: str) -> Source:
        return self._index["source"][source_id]  # type: ignore[return-value]

    def audience(self, audience_id: str) -> Audience:
        return self._index["audience"][audience_id]  # type: ignore[return-value]

    def country(self, code: str) -> Country:
        return self._index["country"][code]  # type: ignore[return-value]

    @property
    def instruments(self) -> tuple[Instrument, ...]:
        return self.status.instruments

    def instrument(self, instrument_id: str) -> Instrument:
        return self._index["instrument"][instrument_id]  # type: ignore[return-value]

    def note(self, note_id: str) -> Note:
        return self._index["note"][note_id]  # type: ignore[return-value]

    def has(self, kind: str, key: str) -> bool:
        return key in self._index[kind]
