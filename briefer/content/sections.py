"""Read sections/*.yaml: each section's blocks, its notes, and the markers that tie them.

Imports the content model and the reading helpers; no Qt, no ReportLab.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from briefer.content.fields import Record, read_inline
from briefer.content.iso3166 import ALPHA2
from briefer.content.located import LDict, Where
from briefer.content.model import (
    Block,
    BlockTags,
    Cite,
    Definition,
    Note,
    NoteRef,
    Paragraph,
    PullQuote,
    Section,
    Sidebar,
    block_texts,
)
from briefer.content.reading import Reading

BLOCK_KINDS = ("paragraph", "definition", "sidebar", "pullquote")
TAG_KEYS = ("id", "countries", "only_for_countries", "only_for_audiences")


def read_sections(reading: Reading, folder: Path) -> tuple[Section, ...]:
    files = [*folder.glob("*.yaml"), *folder.glob("*.yml")] if folder.is_dir() else []
    if not files:
        reading.p.error(Where(reading.display(folder), 1, 1), "no section files (sections/*.yaml)")
        return ()
    sections = []
    for path in sorted(files, key=lambda f: f.name):
        _, value = reading.top(path, kinds=("section", "note"))
        if value is not None:
            section = read_section(reading, value, Where(reading.display(path), 1, 1))
            if section is not None:
                sections.append(section)
    ids = [s.id for s in sections]
    reading.unique(ids, "section", Where(reading.display(folder), 1, 1))
    note_ids = [n.id for s in sections for n in s.notes]
    reading.unique(note_ids, "note", Where(reading.display(folder), 1, 1))
    return tuple(sections)


def read_section(reading: Reading, value: object, where: Where) -> Section | None:
    r = Record(
        value,
        where,
        "a section",
        reading.p,
        required=("id", "title", "summary", "blocks"),
        optional=("attribution", "notes"),
    )
    if not r.ok:
        return None
    section_id = r.ident("id")
    blocks = []
    for n, (item, item_where) in enumerate(r.items("blocks"), start=1):
        block = read_block(reading, item, item_where, f"{section_id}-{n}")
        if block is not None:
            blocks.append(block)
    if r.has("blocks") and not blocks and not reading.p.errors:
        reading.p.error(r.place("blocks"), "a section needs at least one block")
    reading.unique([b.id for b in blocks], "block", r.place("blocks"))
    notes = []
    for item, item_where in r.items("notes"):
        fields = Record(item, item_where, "a note", reading.p, required=("id", "text"))
        note = Note(fields.ident("id"), fields.inline("text", cites=True, notes=False))
        for part in note.text:
            if isinstance(part, Cite):
                reading.ref("source", part.source_id, fields.place("text"))
        notes.append(note)
    # every marker in this section must have its note, and every note one marker
    markers = Counter(
        part.note_id for b in blocks for text in block_texts(b) for part in text if isinstance(part, NoteRef)
    )
    note_ids = {n.id for n in notes}
    for note_id, count in markers.items():
        if count > 1:
            reading.p.error(r.place("blocks"), f"note {note_id!r} is marked {count} times; mark it once")
        if note_id not in note_ids:
            reading.ref("note", note_id, r.place("blocks"))
    for note in notes:
        if note.id not in markers:
            reading.p.error(r.place("notes"), f"note {note.id!r} has no marker [^{note.id}] in this section")
    return Section(
        id=section_id,
        title=r.text("title"),
        summary=r.text("summary"),
        blocks=tuple(blocks),
        notes=tuple(notes),
        attribution=r.text("attribution"),
    )


def read_block(reading: Reading, value: object, where: Where, default_id: str) -> Block | None:
    if not isinstance(value, LDict):
        reading.p.error(where, f"a block must be a mapping with one of: {', '.join(BLOCK_KINDS)}")
        return None
    kinds = [k for k in value if k in BLOCK_KINDS]
    if len(kinds) != 1:
        found = ", ".join(kinds) if kinds else "none"
        reading.p.error(where, f"a block needs exactly one of {', '.join(BLOCK_KINDS)} (found: {found})")
        return None
    kind = kinds[0]
    r = Record(value, where, f"a {kind} block", reading.p, required=(kind,), optional=TAG_KEYS)
    block_id = r.ident("id") or default_id
    tags = BlockTags(
        countries=country_refs(reading, r, "countries", defined=False),
        only_for_countries=country_refs(reading, r, "only_for_countries", defined=True),
        only_for_audiences=reading.id_refs(r, "only_for_audiences", "audience"),
    )
    body, body_where = r.raw(kind), r.place(kind)
    if kind == "paragraph":
        return Paragraph(block_id, r.inline(kind), tags)
    if kind == "pullquote":
        return PullQuote(block_id, r.inline(kind), tags)
    if kind == "definition":
        d = Record(body, body_where, "a definition", reading.p, required=("term", "text"))
        return Definition(block_id, d.text("term"), d.inline("text"), tags)
    s = Record(body, body_where, "a sidebar", reading.p, required=("title", "paragraphs"))
    paragraphs = tuple(
        read_inline(item, item_where, "a sidebar paragraph", reading.p) for item, item_where in s.items("paragraphs")
    )
    if s.has("paragraphs") and not paragraphs:
        reading.p.error(s.place("paragraphs"), "a sidebar needs at least one paragraph")
    return Sidebar(block_id, s.text("title"), paragraphs, tags)


def country_refs(reading: Reading, r: Record, key: str, defined: bool) -> tuple[str, ...]:
    """Country codes; `defined` ones must also have an entry in countries.yaml."""
    codes = r.strings(key)
    for code in codes:
        if code not in ALPHA2:
            reading.p.error(r.place(key), f"{code!r} is not an ISO 3166 alpha-2 country code like 'FI'")
        elif defined:
            reading.ref("country", code, r.place(key))
    return codes
