"""What reading one content folder shares: its problems, the references to check at the end,
and the helpers that read a file and report where it went wrong.

Imports the located YAML reader, fields and problems; no Qt, no ReportLab.
"""

from __future__ import annotations

from pathlib import Path

from briefer.content.fields import Record
from briefer.content.located import Located, Where, YamlError, load_located
from briefer.content.model import NoteRef, Text
from briefer.content.problems import Problems


class Reading:
    """The state of one pass over a content folder; every reader gets it and adds to it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.p = Problems()
        # (kind, id, place it is referenced), checked once everything is read
        self.refs: list[tuple[str, str, Where]] = []
        self.soft_refs: list[tuple[str, str, Where]] = []  # the same, where a miss is a warning
        self.cited: set[str] = set()
        # kinds whose file failed to parse: references to them are not checked, to avoid
        # burying the one real error under a cascade of "unknown id" messages
        self.broken: set[str] = set()
        self.source_places: dict[str, Where] = {}
        self.fmt = 2  # the folder's content format, from report.yaml (read first)
        # where each id of a kind was first defined, to name both places of a duplicate
        self.defined: dict[str, dict[str, Where]] = {}

    def display(self, path: Path) -> str:
        """The path as messages show it: relative to the folder holding the content folder."""
        try:
            return str(path.relative_to(self.root.parent))
        except ValueError:
            return str(path)

    def read(self, path: Path) -> Located | None:
        try:
            return load_located(path, self.display(path))
        except YamlError as exc:
            self.p.error(exc.where, exc.message)
            return None

    def top(self, path: Path, key: str | None = None, kinds: tuple[str, ...] = ()) -> tuple[Record | None, object]:
        """A file's top-level value; with `key`, the file as a Record that must hold that key."""
        where = Where(self.display(path), 1, 1)
        value = self.read(path)
        if value is None:
            self.broken.update(kinds)
            if not self.p.errors or self.p.errors[-1].where.file != where.file:
                self.p.error(where, "file is empty")
            return None, None
        if key is None:
            return None, value
        record = Record(value, where, f"{path.name}", self.p, required=(key,))
        return record, record.raw(key)

    def ref(self, kind: str, ident: str, where: Where) -> None:
        """Note that `ident` must name a `kind` (section, source, note…) somewhere in the report."""
        self.refs.append((kind, ident, where))

    def soft_ref(self, kind: str, ident: str, where: Where) -> None:
        """Like ref, but an unknown id is only a warning (format 1's `countries` tag)."""
        self.soft_refs.append((kind, ident, where))

    def id_refs(self, r: Record, key: str, kind: str) -> tuple[str, ...]:
        ids = r.strings(key)
        for ident in ids:
            self.ref(kind, ident, r.place(key))
        return ids

    def note_refs_of(self, text: Text, where: Where) -> None:
        for part in text:
            if isinstance(part, NoteRef):
                self.ref("note", part.note_id, where)

    def define(self, kind: str, ident: str, where: Where) -> bool:
        """Record that `ident` is defined here; a second definition is an error naming both places."""
        places = self.defined.setdefault(kind, {})
        if not ident:
            return True
        first = places.get(ident)
        if first is not None:
            self.p.error(where, f"duplicate {kind} id {ident!r} (first defined at {first})")
            return False
        places[ident] = where
        return True
