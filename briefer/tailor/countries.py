"""Country boxes and the comparison table: a focus country's status under each instrument the
report declares, and its facts, each cited in a note. Headings and labels come from the
report's declaration (report.yaml `status`), else from the brief's words.

Pure functions; imports the content model and the rest of briefer.tailor.
"""

from __future__ import annotations

from briefer.content.model import Country, Instrument, InstrumentStatus, Report, Span
from briefer.tailor.brief import BriefText, ComparisonTable, CountryBox, InstrumentRow, brief_plain, spans_of
from briefer.tailor.notes import NoteNumberer
from briefer.tailor.wording import Words


def country_box(report: Report, country: Country, numberer: NoteNumberer, words: Words) -> CountryBox:
    carrier = f"country-{country.code}"
    rows = []
    for status in country.statuses:
        instrument = report.instrument(status.instrument_id)
        mark = numberer.cite_note(status.sources, carrier, f"country:{country.code}:{instrument.id}")
        status_line: BriefText = (*spans_of(status.status), mark)
        rows.append(InstrumentRow(instrument.short, instrument.name, status_line, details(instrument, status, words)))
    facts: list[BriefText] = []
    for n, fact in enumerate(country.facts, start=1):
        mark = numberer.cite_note((fact.source_id,), carrier, f"country:{country.code}:fact:{n}")
        facts.append((*(p for p in fact.text if isinstance(p, Span)), mark))
    scheme = report.status
    return CountryBox(
        id=carrier,
        title=words.country_focus_on.format(countries=country.name),
        code=country.code,
        name=country.name,
        instruments=tuple(rows),
        facts=tuple(facts),
        status_headers=(
            scheme.instrument_label or words.instrument,
            scheme.status_label or words.status_column,
            scheme.details_label or words.details,
        ),
        facts_title=words.facts,
    )


def details(instrument: Instrument, status: InstrumentStatus, words: Words) -> tuple[tuple[str, str], ...]:
    """(label, value) for each field recorded, in the order the instrument declares them; a
    field that qualifies another is printed in brackets after that field's value."""
    values = dict(status.values)
    qualifier = {f.qualifies: f.id for f in instrument.fields if f.qualifies}
    out = []
    for field in instrument.fields:
        value = values.get(field.id, "")
        if not value or (field.qualifies and values.get(field.qualifies)):
            continue
        shown = words.human_date(value) if field.type == "date" else value
        extra = values.get(qualifier.get(field.id, ""), "")
        if extra:
            shown = words.qualified.format(value=shown, qualifier=extra)
        out.append((words.label.format(label=field.label), shown))
    return tuple(out)


def comparison(report: Report, countries: list[Country], words: Words) -> ComparisonTable:
    """Two or more focus countries' status side by side, one row a country."""
    instruments = report.instruments
    headers = (words.country, *(t.short for t in instruments))
    rows = []
    for country in countries:
        by_instrument = {s.instrument_id: s for s in country.statuses}
        cells = [country.name]
        for instrument in instruments:
            status = by_instrument.get(instrument.id)
            cells.append(brief_plain(spans_of(status.status)) if status else words.no_status)
        rows.append(tuple(cells))
    title = report.status.compared_title or words.status_compared
    return ComparisonTable("country-comparison", title, headers, tuple(rows))
