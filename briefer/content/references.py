"""Check, once a whole report is read, that every id a file refers to exists somewhere.

Imports the content model and the reading state; no Qt, no ReportLab.
"""

from __future__ import annotations

from briefer.content.located import Where
from briefer.content.model import Report
from briefer.content.reading import Reading

_LABELS = {
    "note": "notes",
    "source": "sources",
    "section": "sections",
    "audience": "audiences",
    "country": "countries",
    "treaty": "treaties",
}


def check_references(reading: Reading, report: Report) -> None:
    p = reading.p
    for kind, ident, where in reading.refs:
        if kind == "source":
            reading.cited.add(ident)
        if ident and kind not in reading.broken and not report.has(kind, ident):
            known = sorted(report._index[kind])
            hint = ", ".join(known[:12]) + (" …" if len(known) > 12 else "")
            if kind == "country" and not known:
                p.error(where, f"unknown country {ident!r}: countries.yaml defines no countries")
                continue
            p.error(where, f"unknown {kind} {ident!r} (known {_LABELS[kind]}: {hint or 'none'})")
    for source in report.sources if not reading.broken else ():
        if source.id not in reading.cited:
            where = reading.source_places.get(source.id, Where("sources", 1, 1))
            p.warn(where, f"source {source.id!r} is never cited")
