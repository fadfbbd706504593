"""Read sources/*.yaml: the works a report's notes and country facts cite.

Imports the content model and the reading helpers; no Qt, no ReportLab.
"""

from __future__ import annotations

from pathlib import Path

from briefer.content.fields import Record
from briefer.content.located import Where
from briefer.content.model import Source
from briefer.content.reading import Reading


def read_sources(reading: Reading, folder: Path) -> tuple[Source, ...]:
    files = sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]) if folder.is_dir() else []
    sources: list[Source] = []
    places: dict[str, Where] = {}
    for path in files:
        r, items = reading.top(path, "sources", kinds=("source",))
        if r is None:
            continue
        for item, where in r.items("sources"):
            s = Record(
                item,
                where,
                "a source",
                reading.p,
                required=("id",),
                optional=("author", "title", "container", "publisher", "date", "url", "accessed", "short"),
            )
            if not s.ok:
                continue
            source = Source(
                id=s.ident("id"),
                title=s.text("title"),
                author=s.text("author"),
                container=s.text("container"),
                publisher=s.text("publisher"),
                date=s.text("date"),
                url=s.text("url"),
                accessed=s.text("accessed"),
                short=s.inline("short", notes=False),
            )
            if not source.title and not source.url:
                reading.p.error(s.where, f"source {source.id!r} needs a 'title' or a 'url'")
            if source.id in places:
                reading.p.error(s.place("id"), f"duplicate source id {source.id!r} (first at {places[source.id]})")
                continue
            places[source.id] = s.place("id")
            sources.append(source)
    reading.source_places = places
    return tuple(sources)
