"""What countries are compared on: report.yaml's `status` (format 2) or `treaties` (format 1),
and a country's status under each instrument in countries.yaml.

Format 1 knew treaties only, each with the same five fields; a format-1 folder is read as if it
declared exactly that (TREATY_FIELDS and the English headings below), so it prints as before.
Imports the fields, texts and model of this package; no Qt, no ReportLab.
"""

from __future__ import annotations

from briefer.content.fields import Record
from briefer.content.located import Where
from briefer.content.model import Instrument, InstrumentStatus, Span, StatusField, StatusScheme, Text
from briefer.content.reading import Reading
from briefer.content.texts import read_name

FIELD_TYPES = ("date", "text")

# what format 1 recorded for every treaty, as format 2 declares it
TREATY_FIELDS = (
    StatusField("joined", "Joined", "date"),
    StatusField("how", "How", "text", qualifies="joined"),
    StatusField("in_force", "In force", "date"),
    StatusField("withdrawal_deposited", "Withdrawal deposited", "date"),
    StatusField("withdrawal_effective", "Withdrawal effective", "date"),
)
TREATY_HEADINGS = {
    "title": "Treaty status",
    "compared_title": "Treaty status compared",
    "instrument_label": "Treaty",
    "status_label": "Status",
    "details_label": "Key dates",
}
SCHEME_LABELS = tuple(TREATY_HEADINGS)


def read_treaties(reading: Reading, r: Record) -> StatusScheme:
    """Format 1: `treaties: [{id, name, short}]`, each with the five treaty fields."""
    instruments = []
    for item, where in r.items("treaties"):
        t = Record(item, where, "a treaty", reading.p, required=("id", "name"), optional=("short",))
        name = t.text("name")
        instrument = Instrument(t.ident("id"), name, t.text("short") or name, TREATY_FIELDS)
        if reading.define("instrument", instrument.id, t.place("id")):
            instruments.append(instrument)
    return StatusScheme(tuple(instruments), **TREATY_HEADINGS) if instruments else StatusScheme(())


def read_scheme(reading: Reading, value: object, where: Where) -> StatusScheme:
    """Format 2: `status: {title, ..., instruments: [{id, name, short, fields: [...]}]}`."""
    s = Record(value, where, "status", reading.p, required=("instruments",), optional=SCHEME_LABELS)
    instruments = []
    for item, item_where in s.items("instruments"):
        t = Record(item, item_where, "an instrument", reading.p, required=("id", "name"), optional=("short", "fields"))
        if not t.ok:
            continue
        name = read_name(t, "name", reading.fmt)
        fields = _read_fields(reading, t)
        instrument = Instrument(t.ident("id"), name, read_name(t, "short", reading.fmt) or name, fields)
        if reading.define("instrument", instrument.id, t.place("id")):
            instruments.append(instrument)
    if s.has("instruments") and not instruments and s.ok:
        reading.p.error(s.place("instruments"), "'status' needs at least one instrument")
    labels = {key: read_name(s, key, reading.fmt) for key in SCHEME_LABELS}
    return StatusScheme(tuple(instruments), **labels)


def _read_fields(reading: Reading, t: Record) -> tuple[StatusField, ...]:
    fields: list[StatusField] = []
    for item, where in t.items("fields"):
        f = Record(item, where, "a status field", reading.p, required=("id", "label"), optional=("type", "qualifies"))
        if not f.ok:
            continue
        kind = f.text("type") or "text"
        if kind not in FIELD_TYPES:
            reading.p.error(f.place("type"), f"unknown field type {kind!r} (valid: {', '.join(FIELD_TYPES)})")
        field = StatusField(f.ident("id"), read_name(f, "label", reading.fmt), kind, f.text("qualifies"))
        if field.id in ("status", "sources"):
            reading.p.error(f.place("id"), f"{field.id!r} is recorded for every instrument; choose another field id")
        elif any(other.id == field.id for other in fields):
            reading.p.error(f.place("id"), f"duplicate field id {field.id!r} in instrument {t.text('id')!r}")
        fields.append(field)
    ids = [x.id for x in fields]
    for field, (_, where) in zip(fields, t.items("fields"), strict=False):
        if field.qualifies and field.qualifies not in ids:
            reading.p.error(where, f"field {field.id!r} qualifies {field.qualifies!r}, which the instrument lacks")
    return tuple(fields)


def read_country_statuses(reading: Reading, c: Record, key: str, scheme: StatusScheme) -> tuple[InstrumentStatus, ...]:
    """A country's `status:` (format 2) or `treaties:` (format 1), keyed by instrument id."""
    if not c.has(key):
        return ()
    raw = c.raw(key)
    keys = tuple(raw) if isinstance(raw, dict) else ()
    t = Record(raw, c.place(key), key, reading.p, optional=keys)
    by_id = {i.id: i for i in scheme.instruments}
    statuses = []
    for instrument_id in t.data:
        where = t.data.key_where[instrument_id]
        reading.ref("instrument", instrument_id, where)
        instrument = by_id.get(instrument_id)
        value = t.data[instrument_id]
        # an unknown instrument is reported once, not again for each of its fields
        fields = instrument.fields if instrument else ()
        optional = tuple(f.id for f in fields) if instrument else tuple(value) if isinstance(value, dict) else ()
        s = Record(
            value, where, f"the {instrument_id} status", reading.p, required=("status", "sources"), optional=optional
        )
        sources = reading.id_refs(s, "sources", "source")
        reading.cited.update(sources)
        status = s.inline("status", notes=False) if reading.fmt >= 2 else _plain_inline(s.text("status"))
        values = []
        for field in fields:
            if not s.has(field.id):
                continue
            value = s.date(field.id) if field.type == "date" else read_name(s, field.id, reading.fmt)
            if value:
                values.append((field.id, value))
        statuses.append(InstrumentStatus(instrument_id, status, sources, tuple(values)))
    return tuple(statuses)


def _plain_inline(text: str) -> Text:
    return (Span(text),) if text else ()
