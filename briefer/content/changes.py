"""What changed in a report since a brief was made: its old per-part map against the report now.

`compare(old, report)` lists the parts added, removed, changed or moved; `describe(changes)` words
them for people, grouped by section. A map keeps a fingerprint of each part, not its text, so
a change is named but the old wording cannot be shown. Imports the content model and
fingerprint.py only; no Qt, no ReportLab.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from briefer.content.fingerprint import ContentMap, Digests, SectionPrint, stamp_of
from briefer.content.model import Report

OLD_TEXT_NOTE = (
    "A brief keeps a fingerprint of each part of its report, not the text: the old wording is in the old brief itself."
)


@dataclass(frozen=True, slots=True)
class Change:
    kind: str  # block, note, section, source, audience, country, report
    ident: str
    what: str  # added, removed, changed, moved, "status (APMBC: Joined) changed", "facts changed"...
    section: str = ""  # the title of the section it is in (its old one when removed)
    section_id: str = ""
    name: str = ""  # a country's name


@dataclass(frozen=True, slots=True)
class ContentChanges:
    changes: tuple[Change, ...]
    sections_reordered: bool = False

    def __bool__(self) -> bool:
        return bool(self.changes) or self.sections_reordered


Placed = tuple[str, str, SectionPrint]  # a block's id, its content digest and its section


def _block_edits(old: SectionPrint | None, new: SectionPrint) -> tuple[list[Change], list[Placed], list[Placed]]:
    """Blocks changed in place, and those removed and added, matching the two sections' blocks
    as sequences of content (so one block added at the top is one addition, not a cascade)."""
    before = old.blocks if old else ()
    changed: list[Change] = []
    removed: list[Placed] = []
    added: list[Placed] = []
    matcher = SequenceMatcher(None, [d for _, d in before], [d for _, d in new.blocks], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        pairs = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        changed += [Change("block", new.blocks[j][0], "changed", new.title, new.id) for j in range(j1, j1 + pairs)]
        if old is not None:
            removed += [(*before[i], old) for i in range(i1 + pairs, i2)]
        added += [(*new.blocks[j], new) for j in range(j1 + pairs, j2)]
    return changed, removed, added


def _blocks(old: tuple[SectionPrint, ...], new: tuple[SectionPrint, ...]) -> list[Change]:
    old_by_id = {s.id: s for s in old}
    new_ids = {s.id for s in new}
    changes: list[Change] = []
    removed: list[Placed] = []
    added: list[Placed] = []
    for section in new:
        changed, gone, came = _block_edits(old_by_id.get(section.id), section)
        changes += changed
        removed += gone
        added += came
    removed += [(ident, d, s) for s in old if s.id not in new_ids for ident, d in s.blocks]
    gone_by_digest = {d: (ident, s) for ident, d, s in removed}
    for ident, d, section in added:
        if d in gone_by_digest:
            _, old_section = gone_by_digest.pop(d)
            where = "within the section" if old_section.id == section.id else f"from “{old_section.title}”"
            changes.append(Change("block", ident, f"moved {where}", section.title, section.id))
        elif section.id in old_by_id:  # the blocks of a new section come with it
            changes.append(Change("block", ident, "added", section.title, section.id))
    for ident, d, section in removed:
        if d in gone_by_digest and section.id in new_ids:  # a removed section's blocks go with it
            changes.append(Change("block", ident, "removed", section.title, section.id))
    return changes


def _notes(old: tuple[SectionPrint, ...], new: tuple[SectionPrint, ...]) -> list[Change]:
    """Notes by id (their ids are written in the content, not made from their place)."""
    before = {ident: (d, s) for s in old for ident, d in s.notes}
    after = {ident: (d, s) for s in new for ident, d in s.notes}
    changes = []
    for ident, (d, section) in after.items():
        if ident not in before:
            changes.append(Change("note", ident, "added", section.title, section.id))
        elif before[ident][0] != d:
            changes.append(Change("note", ident, "changed", section.title, section.id))
    for ident, (_, section) in before.items():
        if ident not in after:
            changes.append(Change("note", ident, "removed", section.title, section.id))
    return changes


def _flat(kind: str, old: Digests, new: Digests) -> list[Change]:
    before, after = dict(old), dict(new)
    changes = [Change(kind, k, "added") for k in after if k not in before]
    changes += [Change(kind, k, "changed") for k, v in after.items() if k in before and before[k] != v]
    changes += [Change(kind, k, "removed") for k in before if k not in after]
    return changes


def compare(old: ContentMap, report: Report) -> ContentChanges:
    """Every part of `report` that differs from the map `old` was made of."""
    new = stamp_of(report).contents
    assert new is not None
    changes: list[Change] = []
    if old.meta != new.meta:
        changes.append(Change("report", report.id, "details changed (title, authors, citation, about or address)"))
    changes += _status_declaration(old, new, report)
    old_sections = {s.id: s for s in old.sections}
    for s in new.sections:
        if s.id not in old_sections:
            changes.append(Change("section", s.id, "added", s.title, s.id))
        elif old_sections[s.id].digest != s.digest:
            changes.append(Change("section", s.id, "title, summary or attribution changed", s.title, s.id))
    new_ids = {s.id for s in new.sections}
    changes += [Change("section", s.id, "removed", s.title, s.id) for s in old.sections if s.id not in new_ids]
    changes += _blocks(old.sections, new.sections)
    changes += _notes(old.sections, new.sections)
    kept_old = [s.id for s in old.sections if s.id in new_ids]
    kept_new = [s.id for s in new.sections if s.id in old_sections]
    # in the report's order of sections (removed ones last), each section's own change first
    place: dict[str, int] = {}
    for ident in [s.id for s in new.sections] + [s.id for s in old.sections]:
        place.setdefault(ident, len(place))
    changes.sort(key=lambda c: place.get(c.section_id, -1))
    changes += _countries(old, new, report)
    changes += _flat("audience", old.audiences, new.audiences)
    changes += _flat("source", old.sources, new.sources)
    return ContentChanges(tuple(changes), sections_reordered=kept_old != kept_new)


def _countries(old: ContentMap, new: ContentMap, report: Report) -> list[Change]:
    before = {c.code: c for c in old.countries}
    after = {c.code: c for c in new.countries}
    changes = []
    for code, country in after.items():
        name = report.country(code).name
        was = before.get(code)
        if was is None:
            changes.append(Change("country", code, "added", name=name))
            continue
        moved = []
        if was.status != country.status:
            moved.append("status changed" + _fields_named(was.fields, country.fields, report))
        if was.facts != country.facts:
            moved.append("facts changed")
        if moved:
            changes.append(Change("country", code, " and ".join(moved), name=name))
    changes += [Change("country", code, "removed") for code in before if code not in after]
    return changes


def _differing(old: Digests, new: Digests) -> list[str]:
    """The keys whose digests differ, were added or were removed, in the new order then the old."""
    before, after = dict(old), dict(new)
    keys = [k for k in after if before.get(k) != after[k]]
    return keys + [k for k in before if k not in after]


def _fields_named(old: Digests, new: Digests, report: Report) -> str:
    """' (APMBC: Joined, How)': the status fields that changed, by the labels the report declares;
    '' when the old map kept no fields (a brief made before they were kept)."""
    if not old or not new:
        return ""
    by_instrument: dict[str, list[str]] = {}
    for key in _differing(old, new):
        instrument_id, _, field_id = key.partition(".")
        if not field_id:  # the country's name
            by_instrument.setdefault("", []).append("name")
            continue
        by_instrument.setdefault(instrument_id, []).append(_label(report, instrument_id, field_id))
    parts = [
        ", ".join(labels) if not key else f"{_short(report, key)}: {', '.join(labels)}"
        for key, labels in by_instrument.items()
    ]
    return f" ({'; '.join(parts)})" if parts else ""


def _short(report: Report, instrument_id: str) -> str:
    return report.instrument(instrument_id).short if report.has("instrument", instrument_id) else instrument_id


def _label(report: Report, instrument_id: str, field_id: str) -> str:
    """A field's label as the report declares it ("Joined"), or its id when no longer declared."""
    if field_id in ("status", "sources"):
        return field_id
    if report.has("instrument", instrument_id):
        for field in report.instrument(instrument_id).fields:
            if field.id == field_id:
                return field.label
    return field_id


def _status_declaration(old: ContentMap, new: ContentMap, report: Report) -> list[Change]:
    """What countries are compared on: its headings, an instrument or one of its fields, named."""
    if not old.status or old.status == new.status:
        return []  # a map made before the declaration was kept apart has it in `meta`
    named = []
    for key in _differing(old.status, new.status):
        instrument_id, _, field_id = key.partition(".")
        if key == "headings":
            named.append("headings")
        elif not field_id:
            named.append(f"instrument {_short(report, instrument_id)}")
        else:
            named.append(f"field {_short(report, instrument_id)} {_label(report, instrument_id, field_id)}")
    return [Change("report", report.id, f"status declaration changed ({', '.join(named)})")]


def describe(changes: ContentChanges) -> list[str]:
    """One line per section, country list, audience list and source list that changed."""
    lines = [f"The report's {c.what}" for c in changes.changes if c.kind == "report"]
    if changes.sections_reordered:
        lines.append("The sections are in a new order")
    by_section: dict[str, list[Change]] = {}
    for c in changes.changes:
        if c.kind in ("section", "block", "note"):
            by_section.setdefault(c.section_id, []).append(c)
    for items in by_section.values():
        head = f"Section “{items[0].section}” ({items[0].section_id})"
        own = [c.what for c in items if c.kind == "section"]
        parts = [f"{c.kind} {c.ident} {c.what}" for c in items if c.kind != "section"]
        lines.append(f"{head}: " + "; ".join(own + parts))
    for kind, title in (("country", "Countries"), ("audience", "Audiences"), ("source", "Sources")):
        items = [c for c in changes.changes if c.kind == kind]
        if items:
            lines.append(f"{title}: " + "; ".join(f"{_name(c)} {c.what}" for c in items))
    return lines


def _name(change: Change) -> str:
    return f"{change.name} ({change.ident})" if change.name else change.ident
