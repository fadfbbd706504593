"""Read report.yaml: the report's format, title, authors, citation and what countries are compared on.

Imports the content model and the reading helpers; no Qt, no ReportLab.
"""

from __future__ import annotations

from pathlib import Path

from briefer.content.fields import Record
from briefer.content.located import LScalar, Where
from briefer.content.model import StatusScheme
from briefer.content.reading import Reading
from briefer.content.status import read_scheme, read_treaties
from briefer.content.texts import FORMAT, read_name, read_names, read_title

KEYS = ("format", "subtitle", "short_title", "language", "url", "about")


def read_meta(reading: Reading, path: Path) -> dict[str, object] | None:
    if not path.is_file():
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
    """The folder's content format: report.yaml's `format: N`, or 1 when it has none."""
    raw = value.get("format") if isinstance(value, dict) else None
    if raw is None:
        return 1
    number = raw.value if isinstance(raw, LScalar) else None
    where = getattr(raw, "where", Where("report.yaml", 1, 1))
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        shown = repr(number) if isinstance(raw, LScalar) else repr(str(raw))
        reading.p.error(where, f"'format' must be a content format number (1 or {FORMAT}), got {shown}")
        return FORMAT
    if number > FORMAT:
        reading.p.error(where, f"content format {number} is newer than this briefer reads (format {FORMAT})")
        return FORMAT
    return number
