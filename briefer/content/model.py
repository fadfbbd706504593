"""The content model: a report as frozen dataclasses, exactly as written in content/.

Imports nothing from briefer outside this package; no Qt, no ReportLab.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

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
    term: str
    text: Text
    tags: BlockTags = BlockTags()


@dataclass(frozen=True, slots=True)
class Sidebar:
    id: str
    title: str
    paragraphs: tuple[Text, ...]
    tags: BlockTags = BlockTags()


@dataclass(frozen=True, slots=True)
class PullQuote:
    id: str
    text: Text
    tags: BlockTags = BlockTags()


Block = Paragraph | Definition | Sidebar | PullQuote


def block_texts(block: Block) -> tuple[Text, ...]:
    """Every inline text of a block, in reading order."""
    if isinstance(block, Sidebar):
        return block.paragraphs
    return (block.text,)


Translatable = str | Text  # a str is plain text (a title, a term); Text is inline, with its markup


def translatable_texts(block: Block) -> tuple[tuple[str, Translatable], ...]:
    """(path, text) of every text of a block a translator translates, in reading order.

    A path names an attribute, then 1-based positions in tuples ("paragraphs.2"); a new kind of
    block adds one case here and is translated, exported and checked like the others.
    """
    if isinstance(block, Definition):
        return (("term", block.term), ("text", block.text))
    if isinstance(block, Sidebar):
        return (("title", block.title), *((f"paragraphs.{n}", p) for n, p in enumerate(block.paragraphs, start=1)))
    return (("text", block.text),)


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
    title: str
    summary: str
    blocks: tuple[Block, ...]
    notes: tuple[Note, ...] = ()
    attribution: str = ""


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
class Treaty:
    id: str
    name: str
    short: str


@dataclass(frozen=True, slots=True)
class TreatyStatus:
    treaty_id: str
    status: str
    sources: tuple[str, ...]
    joined: str = ""
    how: str = ""
    in_force: str = ""
    withdrawal_deposited: str = ""
    withdrawal_effective: str = ""


@dataclass(frozen=True, slots=True)
class CountryFact:
    text: Text
    source_id: str


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    treaties: tuple[TreatyStatus, ...] = ()
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
    treaties: tuple[Treaty, ...] = ()
    about: Text = ()
    url: str = ""
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
        index["treaty"] = {t.id: t for t in self.treaties}
        index["note"] = {n.id: n for s in self.sections for n in s.notes}

    def section(self, section_id: str) -> Section:
        return self._index["section"][section_id]  # type: ignore[return-value]

    def source(self, source_id: str) -> Source:
        return self._index["source"][source_id]  # type: ignore[return-value]

    def audience(self, audience_id: str) -> Audience:
        return self._index["audience"][audience_id]  # type: ignore[return-value]

    def country(self, code: str) -> Country:
        return self._index["country"][code]  # type: ignore[return-value]

    def treaty(self, treaty_id: str) -> Treaty:
        return self._index["treaty"][treaty_id]  # type: ignore[return-value]

    def note(self, note_id: str) -> Note:
        return self._index["note"][note_id]  # type: ignore[return-value]

    def has(self, kind: str, key: str) -> bool:
        return key in self._index[kind]
