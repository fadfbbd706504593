"""tailor(report, recipe) -> Brief: every editorial decision for one brief, as a pure function.

Imports the content model and the rest of briefer.tailor only.
"""

from __future__ import annotations

import datetime as dt

from briefer.content.fingerprint import stamp_of
from briefer.content.model import (
    Block,
    Country,
    Definition,
    Paragraph,
    PullQuote,
    Report,
    Sidebar,
    Span,
)
from briefer.tailor.brief import (
    BBlock,
    BDefinition,
    BParagraph,
    BPullQuote,
    Brief,
    BSidebar,
    ComparisonTable,
    CountryBox,
    KeyMessagesPart,
    Layout,
    Part,
    SectionPart,
    SourceEntry,
    TreatyRow,
)
from briefer.tailor.citations import ends_sentence, full_reference, merge_spans
from briefer.tailor.notes import NoteNumberer, resolve_notes
from briefer.tailor.recipe import Recipe
from briefer.tailor.recipe_check import check_recipe
from briefer.tailor.recipe_file import dump_recipe


def section_order(report: Report, recipe: Recipe) -> tuple[str, ...]:
    """The recipe's sections, or the audience's preferred order followed by the rest."""
    if recipe.sections is not None:
        return recipe.sections
    all_ids = [s.id for s in report.sections]
    if recipe.audience:
        first = list(report.audience(recipe.audience).section_order)
        return tuple(first + [i for i in all_ids if i not in first])
    return tuple(all_ids)


def block_visible(block: Block, recipe: Recipe) -> bool:
    if block.id in recipe.exclude_blocks:
        return False
    tags = block.tags
    if tags.only_for_countries and not set(tags.only_for_countries) & set(recipe.countries):
        return False
    return not tags.only_for_audiences or recipe.audience in tags.only_for_audiences


def tailor(report: Report, recipe: Recipe) -> Brief:
    check_recipe(recipe, report)
    numberer = NoteNumberer(report)
    parts: list[Part] = []
    audience = report.audience(recipe.audience) if recipe.audience else None

    if audience and recipe.key_messages:
        carrier = "key-messages"
        parts.append(
            KeyMessagesPart(
                id=carrier,
                audience_id=audience.id,
                audience_name=audience.name,
                introduction=numberer.mark(audience.introduction, carrier),
                messages=tuple(numberer.mark(m.text, carrier) for m in audience.key_messages),
                asks_title=audience.asks.title if audience.asks else "",
                asks=tuple(numberer.mark(t, carrier) for t in audience.asks.items) if audience.asks else (),
            )
        )

    countries = [report.country(code) for code in recipe.countries]
    if countries and recipe.country_boxes:
        for country in countries:
            parts.append(_country_box(report, country, numberer))
        if len(countries) >= 2 and report.treaties:
            parts.append(_comparison(report, countries))

    focus = set(recipe.countries)
    for section_id in section_order(report, recipe):
        section = report.section(section_id)
        blocks = tuple(
            _brief_block(block, numberer, bool(focus & set(block.tags.countries)))
            for block in section.blocks
            if block_visible(block, recipe)
        )
        parts.append(SectionPart(section.id, section.title, blocks, section.attribution))

    notes = resolve_notes(report, numberer.pending, recipe.citations)
    cited = dict.fromkeys(s for note in notes for s in note.source_ids)
    sources: tuple[SourceEntry, ...] = ()
    if recipe.sources_list:
        entries = [report.source(source_id) for source_id in cited]
        # alphabetical by what each entry starts with: the author, else the title
        entries.sort(key=lambda s: (s.author or s.title or s.url).casefold())
        sources = tuple(SourceEntry(s.id, _stop(full_reference(s))) for s in entries)

    return Brief(
        title=report.title,
        subtitle=report.subtitle,
        short_title=report.short_title,
        authors=report.authors,
        publisher=report.publisher,
        year=report.year,
        language=report.language,
        report_citation=tuple(p for p in report.citation if isinstance(p, Span)),
        audience_name=audience.name if audience else "",
        country_names=tuple(c.name for c in countries),
        prepared_for=recipe.prepared_for,
        cover_note=recipe.cover_note,
        layout=Layout(
            page_size=recipe.page_size,
            large_print=recipe.large_print,
            grayscale=recipe.grayscale,
            watermark=recipe.watermark,
            notes=recipe.notes,
            cover=recipe.cover,
            contents=recipe.contents,
        ),
        parts=tuple(parts),
        notes=notes,
        sources=sources,
        recipe_yaml=dump_recipe(recipe, stamp_of(report)),
    )


def _brief_block(block: Block, numberer: NoteNumberer, emphasised: bool) -> BBlock:
    if isinstance(block, Paragraph):
        return BParagraph(block.id, numberer.mark(block.text, block.id), emphasised)
    if isinstance(block, Definition):
        return BDefinition(block.id, block.term, numberer.mark(block.text, block.id), emphasised)
    if isinstance(block, Sidebar):
        paragraphs = tuple(numberer.mark(p, block.id) for p in block.paragraphs)
        return BSidebar(block.id, block.title, paragraphs, emphasised)
    assert isinstance(block, PullQuote)
    return BPullQuote(block.id, numberer.mark(block.text, block.id), emphasised)


def human_date(iso: str) -> str:
    """2025-12-27 -> 27 December 2025 (content dates are ISO; readers are not)."""
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {day:%B} {day.year}"


_DATE_LABELS = (
    ("joined", "Joined"),
    ("in_force", "In force"),
    ("withdrawal_deposited", "Withdrawal deposited"),
    ("withdrawal_effective", "Withdrawal effective"),
)


def _country_box(report: Report, country: Country, numberer: NoteNumberer) -> CountryBox:
    carrier = f"country-{country.code}"
    rows = []
    for status in country.treaties:
        treaty = report.treaty(status.treaty_id)
        mark = numberer.cite_note(status.sources, carrier, f"country:{country.code}:{treaty.id}")
        dates = []
        for key, label in _DATE_LABELS:
            value = getattr(status, key)
            if value:
                how = f" ({status.how})" if key == "joined" and status.how else ""
                dates.append((label, human_date(value) + how))
        rows.append(TreatyRow(treaty.short, treaty.name, (Span(status.status), mark), tuple(dates)))
    facts = []
    for n, fact in enumerate(country.facts, start=1):
        mark = numberer.cite_note((fact.source_id,), carrier, f"country:{country.code}:fact:{n}")
        facts.append((*fact.text, mark))
    return CountryBox(carrier, country.code, country.name, tuple(rows), tuple(facts))


def _comparison(report: Report, countries: list[Country]) -> ComparisonTable:
    headers = ("Country", *(t.short for t in report.treaties))
    rows = []
    for country in countries:
        by_treaty = {s.treaty_id: s for s in country.treaties}
        cells = [country.name]
        for treaty in report.treaties:
            status = by_treaty.get(treaty.id)
            cells.append(status.status if status else "—")
        rows.append(tuple(cells))
    return ComparisonTable("country-comparison", headers, tuple(rows))


def _stop(spans: tuple[Span, ...]) -> tuple[Span, ...]:
    return spans if ends_sentence(spans) else merge_spans([*spans, Span(".")])
