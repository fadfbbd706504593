"""Country boxes and the comparison table: a focus country's status and facts, each cited in a note.

Pure functions; imports the content model and the rest of briefer.tailor.
"""

from __future__ import annotations

from briefer.content.model import Country, Report, Span
from briefer.tailor.brief import BriefText, ComparisonTable, CountryBox, TreatyRow
from briefer.tailor.notes import NoteNumberer
from briefer.tailor.wording import Words


def country_box(report: Report, country: Country, numberer: NoteNumberer, words: Words) -> CountryBox:
    carrier = f"country-{country.code}"
    rows = []
    date_labels = (
        ("joined", words.joined),
        ("in_force", words.in_force),
        ("withdrawal_deposited", words.withdrawal_deposited),
        ("withdrawal_effective", words.withdrawal_effective),
    )
    for status in country.treaties:
        treaty = report.treaty(status.treaty_id)
        mark = numberer.cite_note(status.sources, carrier, f"country:{country.code}:{treaty.id}")
        dates = []
        for key, label in date_labels:
            value = getattr(status, key)
            if value:
                how = f" ({status.how})" if key == "joined" and status.how else ""
                dates.append((words.label.format(label=label), words.human_date(value) + how))
        rows.append(TreatyRow(treaty.short, treaty.name, (Span(status.status), mark), tuple(dates)))
    facts: list[BriefText] = []
    for n, fact in enumerate(country.facts, start=1):
        mark = numberer.cite_note((fact.source_id,), carrier, f"country:{country.code}:fact:{n}")
        facts.append((*(p for p in fact.text if isinstance(p, Span)), mark))
    return CountryBox(
        id=carrier,
        title=words.country_focus_on.format(countries=country.name),
        code=country.code,
        name=country.name,
        treaties=tuple(rows),
        facts=tuple(facts),
        status_headers=(words.instrument, words.status_column, words.details),
        facts_title=words.facts,
    )


def comparison(report: Report, countries: list[Country], words: Words) -> ComparisonTable:
    """Two or more focus countries' status side by side, one row a country."""
    headers = (words.country, *(t.short for t in report.treaties))
    rows = []
    for country in countries:
        by_treaty = {s.treaty_id: s for s in country.treaties}
        cells = [country.name]
        for treaty in report.treaties:
            status = by_treaty.get(treaty.id)
            cells.append(status.status if status else words.no_status)
        rows.append(tuple(cells))
    return ComparisonTable("country-comparison", words.status_compared, headers, tuple(rows))
