"""A report's identity as a brief remembers it: its id, title, a fingerprint of its whole content,
and a fingerprint of each part (block, note, section, source, audience, country, the status
declaration's headings, instruments and fields, each country's status fields) to tell later
what changed.

The fingerprint is of the loaded model, not of the files: every field of the Report dataclasses,
in the report's order (sections, blocks in a section, table cells, figures with their image's
digest, notes, audiences, countries, facts, statuses, sources, key messages...), hashed with
SHA-256 of their repr (frozen dataclasses of strings, numbers and tuples, so the repr is exact
and the same in every process). So reformatting the YAML, reordering keys, quoting, comments,
renaming section files (with their order kept), moving sources between files or the folder
itself change nothing, while any change a brief could show does. Imports the content model only;
no Qt, no ReportLab.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable

from briefer.content.model import Block, Country, Report, Section, StatusScheme

# a part's fingerprint as a recipe keeps it: 48 bits, plenty to notice a change among a few
# hundred parts, and short enough that a brief's map of them stays a few kilobytes
PART_DIGEST_CHARS = 12
# a status field's: only compared with the same field's before, so 32 bits are plenty
FIELD_DIGEST_CHARS = 8

Digests = tuple[tuple[str, str], ...]  # (id, digest) in the report's order


@dataclasses.dataclass(frozen=True, slots=True)
class SectionPrint:
    id: str
    title: str
    digest: str  # the section's own fields: id, title (plain and as printed), summary, attribution
    blocks: Digests  # of each block's content without its id: a block keeps its digest when
    # blocks before it are added or removed and its place-made id ("conclusion-3") moves on
    notes: Digests


@dataclasses.dataclass(frozen=True, slots=True)
class CountryPrint:
    code: str
    status: str  # the name and the statuses under each instrument (status, sources, fields)
    facts: str
    # each status field on its own, as ("apmbc.joined", digest): what changed can be named
    # ("name", "apmbc.status", "apmbc.sources" too); empty in maps made before they were kept
    fields: Digests = ()


@dataclasses.dataclass(frozen=True, slots=True)
class ContentMap:
    """A fingerprint of each part of a report, as short digests."""

    meta: str  # report.yaml: id, title, authors, citation, about, url...
    sections: tuple[SectionPrint, ...]
    sources: Digests
    audiences: Digests
    countries: tuple[CountryPrint, ...]
    # the status declaration: ("headings", …), then each instrument ("apmbc", …) and its fields
    # ("apmbc.joined", …); empty in maps made before it was kept apart from `meta`
    status: Digests = ()


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
_META_FIELDS += ("language", "citation", "about", "url", "title_text", "subtitle_text")
_PARTS = ("sections", "sources", "audiences", "countries", "status")
# not the report's own content: each translation records the source text it translates instead;
# the content format is how the folder is written, not what a brief shows (migrating changes nothing)
UNSTAMPED = ("translations", "format")
# fields of a block that say where it is, not what it shows: its place-made id, its place in
# its file, and a figure's image as an absolute path (its `digest` stands for the image)
_PLACE_FIELDS = ("id", "where", "image")


def _meta(report: Report) -> str:
    return digest(*(getattr(report, name) for name in _META_FIELDS))


def _content(block: Block) -> str:
    """The digest of a block's type and every field but those saying where it is."""
    fields = (getattr(block, f.name) for f in dataclasses.fields(block) if f.name not in _PLACE_FIELDS)
    return digest(type(block).__name__, *fields)


def _section(section: Section) -> tuple[str, Digests, Digests]:
    own = digest(*(getattr(section, f.name) for f in dataclasses.fields(section) if f.name not in ("blocks", "notes")))
    return own, tuple((b.id, _content(b)) for b in section.blocks), tuple((n.id, digest(n)) for n in section.notes)


def _country(country: Country) -> tuple[str, str, Digests]:
    fields = [("name", digest(country.name))]
    for status in country.statuses:
        key = status.instrument_id
        fields += [(f"{key}.status", digest(status.status)), (f"{key}.sources", digest(status.sources))]
        fields += [(f"{key}.{field_id}", digest(value)) for field_id, value in status.values]
    short = tuple((key, value[:FIELD_DIGEST_CHARS]) for key, value in fields)
    return digest(country.name, country.statuses), digest(country.facts), short


def _status(scheme: StatusScheme) -> Digests:
    headings = [getattr(scheme, f.name) for f in dataclasses.fields(scheme) if f.name != "instruments"]
    pairs = [("headings", digest(*headings))]
    for instrument in scheme.instruments:
        pairs.append((instrument.id, digest(instrument.name, instrument.short)))
        pairs += [(f"{instrument.id}.{f.id}", digest(f)) for f in instrument.fields]
    return tuple(pairs)


def _short(pairs: Iterable[tuple[str, str]]) -> Digests:
    return tuple((key, value[:PART_DIGEST_CHARS]) for key, value in pairs)


def _stamp(report: Report) -> ReportStamp:
    # every field of Report is in _META_FIELDS, _PARTS or UNSTAMPED (tests/content/test_fingerprint.py checks it)
    meta = _meta(report)
    sections = [(s, *_section(s)) for s in report.sections]
    sources = tuple((s.id, digest(s)) for s in report.sources)
    audiences = tuple((a.id, digest(a)) for a in report.audiences)
    countries = [(c.code, *_country(c)) for c in report.countries]
    status = _status(report.status)
    whole = digest(meta, [(s.id, own, blocks, notes) for s, own, blocks, notes in sections])
    fingerprint = digest(whole, sources, audiences, [c[:3] for c in countries], status)
    contents = ContentMap(
        meta=meta[:PART_DIGEST_CHARS],
        sections=tuple(
            SectionPrint(s.id, s.title, own[:PART_DIGEST_CHARS], _short(blocks), _short(notes))
            for s, own, blocks, notes in sections
        ),
        sources=_short(sources),
        audiences=_short(audiences),
        countries=tuple(
            CountryPrint(code, st[:PART_DIGEST_CHARS], f[:PART_DIGEST_CHARS], fields)
            for code, st, f, fields in countries
        ),
        status=_short(status),
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
