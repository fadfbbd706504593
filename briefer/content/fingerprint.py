"""A report's identity as a brief remembers it: its id, title, a fingerprint of its whole content,
and a fingerprint of each part (block, note, section, source, audience, country) to tell later
what changed.

The fingerprint is of the loaded model, not of the files: every field of the Report dataclasses,
in the report's order (sections, blocks in a section, notes, audiences, countries, facts, treaties,
sources, key messages...), hashed with SHA-256 of their repr (frozen dataclasses of strings,
numbers and tuples, so the repr is exact and the same in every process). So reformatting the
YAML, reordering keys, quoting, comments, renaming section files (with their order kept) or moving
sources between files change nothing, while any change a brief could show does. Imports the
content model only; no Qt, no ReportLab.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable

from briefer.content.model import Block, Country, Report, Section

# a part's fingerprint as a recipe keeps it: 48 bits, plenty to notice a change among a few
# hundred parts, and short enough that a brief's map of them stays a few kilobytes
PART_DIGEST_CHARS = 12

Digests = tuple[tuple[str, str], ...]  # (id, digest) in the report's order


@dataclasses.dataclass(frozen=True, slots=True)
class SectionPrint:
    id: str
    title: str
    digest: str  # the section's own fields: id, title, summary, attribution
    blocks: Digests  # of each block's content without its id: a block keeps its digest when
    # blocks before it are added or removed and its place-made id ("conclusion-3") moves on
    notes: Digests


@dataclasses.dataclass(frozen=True, slots=True)
class CountryPrint:
    code: str
    status: str  # the name and the treaty statuses (dates, how, sources)
    facts: str


@dataclasses.dataclass(frozen=True, slots=True)
class ContentMap:
    """A fingerprint of each part of a report, as short digests."""

    meta: str  # report.yaml: id, title, authors, citation, treaties...
    sections: tuple[SectionPrint, ...]
    sources: Digests
    audiences: Digests
    countries: tuple[CountryPrint, ...]


@dataclasses.dataclass(frozen=True, slots=True)
class ReportStamp:
    """What a recipe remembers of the report it was made from; `contents` None: no per-part map."""

    id: str
    title: str
    fingerprint: str
    contents: ContentMap | None = None

    def label(self) -> str:
        """“Title” (id): how messages name a report."""
        return f"“{self.title}” ({self.id})"


def digest(*values: object) -> str:
    """The SHA-256 of the values' repr, in hex (about 25 µs for a paragraph)."""
    return hashlib.sha256(repr(values).encode("utf-8", "backslashreplace")).hexdigest()


_META_FIELDS: tuple[str, ...] = ("id", "title", "subtitle", "short_title", "authors", "publisher", "year")
_META_FIELDS += ("language", "citation", "about", "url", "treaties")
_PARTS = ("sections", "sources", "audiences", "countries")
# not the report's own content: each translation records the source text it translates instead
UNSTAMPED = ("translations",)


def _meta(report: Report) -> str:
    return digest(*(getattr(report, name) for name in _META_FIELDS))


def _content(block: Block) -> str:
    """The digest of a block's type and every field but its id."""
    return digest(type(block).__name__, *(getattr(block, f.name) for f in dataclasses.fields(block) if f.name != "id"))


def _section(section: Section) -> tuple[str, Digests, Digests]:
    own = digest(section.id, section.title, section.summary, section.attribution)
    return own, tuple((b.id, _content(b)) for b in section.blocks), tuple((n.id, digest(n)) for n in section.notes)


def _country(country: Country) -> tuple[str, str]:
    return digest(country.name, country.treaties), digest(country.facts)


def _short(pairs: Iterable[tuple[str, str]]) -> Digests:
    return tuple((key, value[:PART_DIGEST_CHARS]) for key, value in pairs)


def _stamp(report: Report) -> ReportStamp:
    # every field of Report is in _META_FIELDS, _PARTS or UNSTAMPED (tests/content/test_fingerprint.py checks it)
    meta = _meta(report)
    sections = [(s, *_section(s)) for s in report.sections]
    sources = tuple((s.id, digest(s)) for s in report.sources)
    audiences = tuple((a.id, digest(a)) for a in report.audiences)
    countries = [(c.code, *_country(c)) for c in report.countries]
    whole = digest(meta, [(s.id, own, blocks, notes) for s, own, blocks, notes in sections])
    fingerprint = digest(whole, sources, audiences, countries)
    contents = ContentMap(
        meta=meta[:PART_DIGEST_CHARS],
        sections=tuple(
            SectionPrint(s.id, s.title, own[:PART_DIGEST_CHARS], _short(blocks), _short(notes))
            for s, own, blocks, notes in sections
        ),
        sources=_short(sources),
        audiences=_short(audiences),
        countries=tuple(CountryPrint(code, st[:PART_DIGEST_CHARS], f[:PART_DIGEST_CHARS]) for code, st, f in countries),
    )
    return ReportStamp(report.id, report.title, fingerprint, contents)


# the last few reports stamped, by identity (the report is kept so its id cannot be reused):
# the app and a batch tailor the same report object many times
_RECENT: list[tuple[Report, ReportStamp]] = []


def stamp_of(report: Report) -> ReportStamp:
    """The report's id, title, fingerprint and per-part map (a few ms, once per report object)."""
    for known, stamp in _RECENT:
        if known is report:
            return stamp
    stamp = _stamp(report)
    _RECENT.insert(0, (report, stamp))
    del _RECENT[4:]
    return stamp


def report_fingerprint(report: Report) -> str:
    return stamp_of(report).fingerprint
