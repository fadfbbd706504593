"""Read sections/*.yaml: each section's blocks, its notes, and the markers that tie them.

Imports the content model and the reading helpers; no Qt, no ReportLab.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from briefer.content.blocks import read_block
from briefer.content.fields import Record
from briefer.content.located import Where
from briefer.content.model import Cite, Note, NoteRef, Section, block_texts
from briefer.content.reading import Reading
from briefer.content.texts import read_name, read_title


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
    return tuple(sections)


def where_of(value: object, key: str, fallback: Where) -> Where:
    """The place of `key` in a mapping, else of the mapping."""
    key_where = getattr(value, "key_where", None)
    return key_where.get(key, fallback) if key_where else fallback


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
    first = reading.define("section", section_id, r.place("id"))
    blocks = []
    for n, (item, item_where) in enumerate(r.items("blocks"), start=1):
        block = read_block(reading, item, item_where, f"{section_id}-{n}")
        if block is not None and first:
            # block ids name blocks to leave out and link targets: unique in the whole report
            reading.define("block", block.id, where_of(item, "id", item_where))
            blocks.append(block)
    if r.has("blocks") and not blocks and not reading.p.errors:
        reading.p.error(r.place("blocks"), "a section needs at least one block")
    notes = []
    for item, item_where in r.items("notes"):
        fields = Record(item, item_where, "a note", reading.p, required=("id", "text"))
        note = Note(fields.ident("id"), fields.inline("text", cites=True, notes=False))
        for part in note.text:
            if isinstance(part, Cite):
                reading.ref("source", part.source_id, fields.place("text"))
        if reading.define("note", note.id, fields.place("id")):
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
    title, title_text = read_title(r, "title", reading.fmt)
    if not first:
        return None
    return Section(
        id=section_id,
        title=title,
        summary=read_name(r, "summary", reading.fmt),
        blocks=tuple(blocks),
        notes=tuple(notes),
        attribution=read_name(r, "attribution", reading.fmt),
        title_text=title_text,
    )
