"""Read report.yaml: the report's title, authors, citation and the treaties countries are compared on.

Imports the content model and the reading helpers; no Qt, no ReportLab.
"""

from __future__ import annotations

import os
from pathlib import Path

from briefer.content.fields import Record
from briefer.content.located import LDict, Where, YamlError, load_located
from briefer.content.model import Treaty
from briefer.content.reading import Reading


def read_meta(reading: Reading, path: Path) -> dict[str, object] | None:
    if not os.path.lexists(path):  # a pipe or a folder of this name is refused when read, not skipped
        reading.p.error(Where(reading.display(path), 1, 1), "report.yaml is missing")
        return None
    _, value = reading.top(path)
    if value is None:
        return None
    r = Record(
        value,
        Where(reading.display(path), 1, 1),
        "report.yaml",
        reading.p,
        required=("id", "title", "authors", "publisher", "year", "citation"),
        optional=("format", "subtitle", "short_title", "language", "url", "about", "treaties"),
    )
    treaties = []
    for item, where in r.items("treaties"):
        t = Record(item, where, "a treaty", reading.p, required=("id", "name"), optional=("short",))
        name = t.text("name")
        treaties.append(Treaty(t.ident("id"), name, t.text("short") or name))
    reading.unique([t.id for t in treaties], "treaty", r.place("treaties"))
    if r.integer("format", 1) < 1:  # newer formats are refused before this (content_format.py)
        reading.p.error(r.place("format"), "'format' is a content format version: 1 or more")
    title = r.text("title")
    authors = r.strings("authors")
    if r.has("authors") and not authors:
        reading.p.error(r.place("authors"), "'authors' needs at least one name")
    return {
        "id": r.ident("id"),
        "title": title,
        "subtitle": r.text("subtitle"),
        "short_title": r.text("short_title") or title,
        "authors": authors,
        "publisher": r.text("publisher"),
        "year": r.integer("year"),
        "language": r.text("language") or "en",
        "citation": r.inline("citation", notes=False),
        "about": r.inline("about", notes=False),
        "url": r.text("url"),
        "treaties": tuple(treaties),
    }


def peek_identity(folder: Path) -> tuple[str, str] | None:
    """(id, title) from a report folder's report.yaml, unchecked, or None when it has none:
    enough to name a report in a menu, or to find the one a recipe was made from."""
    try:
        value = load_located(folder / "report.yaml", "report.yaml")
    except (YamlError, OSError):
        return None
    if not isinstance(value, LDict):
        return None
    ident, title = value.get("id"), value.get("title")
    if not isinstance(ident, str) or not isinstance(title, str):
        return None
    return str(ident), str(title)
