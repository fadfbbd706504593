"""Read report.yaml: the report's format, title, authors, citation and what countries are compared on.

Imports the content model and the reading helpers; no Qt, no ReportLab.
"""

from __future__ import annotations

import os
from pathlib import Path

from briefer.content.content_format import CONTENT_FORMAT
from briefer.content.fields import Record
from briefer.content.located import LDict, LScalar, Where, YamlError, load_located
from briefer.content.model import StatusScheme
from briefer.content.reading import Reading
from briefer.content.status import read_scheme, read_treaties
from briefer.content.texts import read_name, read_names, read_title

KEYS = ("format", "subtitle", "short_title", "language", "url", "about")


def read_meta(reading: Reading, path: Path) -> dict[str, object] | None:
    if not os.path.lexists(path):  # a pipe or a folder of this name is refused when read, not skipped
        reading.p.error(Where(reading.display(path), 1, 1), "report.yaml is missing")
        return None
    _, value = reading.top(path)
    if value is None:
        return None
    reading.fmt = _format(reading, value)
    status_key = "status" if reading.fmt >= 2 else "treaties"
    r = Record(
        value,
        Where(reading.display(path), 1, 1),
        "report.yaml",
        reading.p,
        required=("id", "title", "authors", "publisher", "year", "citation"),
        optional=(*KEYS, status_key),
    )
    if reading.fmt < 2:
        scheme = read_treaties(reading, r)
    elif r.has("status"):
        scheme = read_scheme(reading, r.raw("status"), r.place("status"))
    else:
        scheme = StatusScheme(())
    title, title_text = read_title(r, "title", reading.fmt)
    subtitle, subtitle_text = read_title(r, "subtitle", reading.fmt)
    authors = read_names(r, "authors", reading.fmt)
    if r.has("authors") and not authors:
        reading.p.error(r.place("authors"), "'authors' needs at least one name")
    url = r.text("url")
    if url and not url.startswith(("https://", "http://")):
        reading.p.error(r.place("url"), f"'url' must be a web address starting https:// or http://, got {url!r}")
    return {
        "id": r.ident("id"),
        "format": reading.fmt,
        "title": title,
        "title_text": title_text,
        "subtitle": subtitle,
        "subtitle_text": subtitle_text,
        "short_title": read_name(r, "short_title", reading.fmt) or title,
        "authors": authors,
        "publisher": read_name(r, "publisher", reading.fmt),
        "year": r.integer("year"),
        "language": r.text("language") or "en",
        "citation": r.inline("citation", notes=False),
        "about": r.inline("about", notes=False),
        "url": url,
        "status": scheme,
    }


def _format(reading: Reading, value: object) -> int:
    """The folder's content format: report.yaml's `format: N`, or 1 when it has none. A newer
    format than this briefer reads was refused before any file was read (content_format.py)."""
    raw = value.get("format") if isinstance(value, dict) else None
    if raw is None:
        return 1
    number = raw.value if isinstance(raw, LScalar) else None
    where = getattr(raw, "where", Where("report.yaml", 1, 1))
    if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= CONTENT_FORMAT:
        shown = repr(number) if isinstance(raw, LScalar) else repr(str(raw))
        reading.p.error(where, f"'format' must be a content format number (1 or {CONTENT_FORMAT}), got {shown}")
        return CONTENT_FORMAT
    return number


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
