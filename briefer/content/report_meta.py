"""Read report.yaml: the report's title, authors, citation and the treaties countries are compared on.

Imports the content model and the reading helpers; no Qt, no ReportLab.
"""

from __future__ import annotations

import os

from pathlib import Path

from briefer.content.fields import Record
from briefer.content.located import Where
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
        optional=("subtitle", "short_title", "language", "url", "about", "treaties"),
    )
    treaties = []
    for item, where in r.items("treaties"):
        t = Record(item, where, "a treaty", reading.p, required=("id", "name"), optional=("short",))
        name = t.text("name")
        treaties.append(Treaty(t.ident("id"), name, t.text("short") or name))
    reading.unique([t.id for t in treaties], "treaty", r.place("treaties"))
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

