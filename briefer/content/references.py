"""Check, once a whole report is read, that every id a file refers to exists somewhere; an
unknown id is named with the known ids most like it.

Imports the content model and the reading state; no Qt, no ReportLab.
"""

from __future__ import annotations

import difflib

from briefer.content.located import Where
from briefer.content.model import Report
from briefer.content.reading import Reading

_LABELS = {
    "note": "notes",
    "source": "sources",
    "section": "sections",
    "audience": "audiences",
    "country": "countries",
    "instrument": "instruments",
}
_SHOWN = 8  # up to this many known ids are listed when none is close


def check_references(reading: Reading, report: Report) -> None:
    p = reading.p
    for kind, ident, where in reading.refs:
        if kind == "source":
            reading.cited.add(ident)
        if ident and kind not in reading.broken and not report.has(kind, ident):
            p.error(where, unknown(kind, ident, sorted(report._index[kind])))
    missing: dict[tuple[str, Where], list[str]] = {}
    for kind, ident, where in reading.soft_refs:
        if ident and kind not in reading.broken and not report.has(kind, ident):
            missing.setdefault((kind, where), []).append(ident)
    for (kind, where), idents in missing.items():
        names = ", ".join(idents)
        p.warn(
            where,
            f"{_LABELS[kind]} not defined, so no brief can focus on them: {names} (content format 2 refuses these)",
        )
    for source in report.sources if not reading.broken else ():
        if source.id not in reading.cited:
            where = reading.source_places.get(source.id, Where("sources", 1, 1))
            p.warn(where, f"source {source.id!r} is never cited")


def unknown(kind: str, ident: str, known: list[str]) -> str:
    """'unknown section 'sumary' (did you mean 'summary'?)', or the known ids when few and none is close."""
    label = _LABELS[kind]
    if not known:
        where = "countries.yaml defines no countries" if kind == "country" else f"the report has no {label}"
        return f"unknown {kind} {ident!r}: {where}"
    close = close_ids(ident, known)
    if close:
        return f"unknown {kind} {ident!r} (did you mean {_either(close)}?)"
    if len(known) <= _SHOWN:
        return f"unknown {kind} {ident!r} (known {label}: {', '.join(known)})"
    return f"unknown {kind} {ident!r} (none of the {len(known)} {label} is close)"


def close_ids(ident: str, known: list[str]) -> list[str]:
    """The known ids `ident` is probably a typo of (at most three), by case-insensitive likeness:
    'fi' is close to 'FI', 'Summary' and 'sumary' to 'summary'."""
    folded = {k.casefold(): k for k in known}
    return [folded[k] for k in difflib.get_close_matches(ident.casefold(), list(folded), n=3, cutoff=0.6)]


def _either(names: list[str]) -> str:
    quoted = [repr(n) for n in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
