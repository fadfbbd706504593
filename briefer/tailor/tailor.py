"""tailor(report, recipe) -> Brief: every editorial decision for one brief, as a pure function.

Which parts, in which order, with which titles and words, in which language (the recipe's,
else the report's); notes numbered in reading order after selection and translation.
Imports the content model and the rest of briefer.tailor only.
"""

from __future__ import annotations

from briefer.content.fingerprint import stamp_of
from briefer.content.model import Audience, Report, Span
from briefer.tailor.blocks import SourceLines, brief_block
from briefer.tailor.brief import (
    Brief,
    BriefNote,
    KeyMessagesPart,
    Layout,
    Part,
    SectionPart,
    SourceEntry,
    spans_of,
)
from briefer.tailor.citations import ends_sentence, full_reference, merge_spans
from briefer.tailor.countries import comparison, country_box
from briefer.tailor.localise import localise
from briefer.tailor.notes import NoteNumberer, resolve_notes
from briefer.tailor.recipe import PreparedFor, Recipe
from briefer.tailor.recipe_check import check_recipe
from briefer.tailor.recipe_file import dump_recipe
from briefer.tailor.selection import block_visible, section_order
from briefer.tailor.wording import Words, words_for


def tailor(report: Report, recipe: Recipe) -> Brief:
    check_recipe(recipe, report)
    words = words_for(recipe.language or report.language, report.language)
    report = localise(report, recipe, words.untranslated)
    numberer = NoteNumberer(report)
    audience = report.audience(recipe.audience) if recipe.audience else None
    countries = [report.country(code) for code in recipe.countries]
    source_lines = SourceLines(report, words, listed=recipe.sources_list)
    parts = _parts(report, recipe, audience, numberer, source_lines)
    notes = resolve_notes(report, numberer.pending, recipe.citations, words)
    names = tuple(c.name for c in countries)
    audience_line = words.briefing_for.format(audience=audience.name) if audience else ""
    return Brief(
        title=report.title,
        subtitle=report.subtitle,
        short_title=report.short_title,
        authors=report.authors,
        publisher=report.publisher,
        year=report.year,
        language=words.language,
        report_citation=tuple(p for p in report.citation if isinstance(p, Span)),
        audience_name=audience.name if audience else "",
        country_names=names,
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
            contents_depth=recipe.contents_depth,
        ),
        words=words,
        audience_line=audience_line,
        particulars=_particulars(audience_line, names, recipe.prepared_for, words),
        cover_facts=_cover_facts(names, recipe.prepared_for, words),
        authors_line=words.join(report.authors),
        keywords=(*names, *([audience.name] if audience else []), words.keyword),
        parts=parts,
        notes=notes,
        sources=_sources(report, notes, tuple(source_lines.cited), words) if recipe.sources_list else (),
        recipe_yaml=dump_recipe(recipe, stamp_of(report)),
        title_text=spans_of(report.title_text),
        subtitle_text=spans_of(report.subtitle_text),
        status_title=report.status.title,
        about=spans_of(report.about),
        url=report.url,
    )


def _parts(
    report: Report, recipe: Recipe, audience: Audience | None, numberer: NoteNumberer, source_lines: SourceLines
) -> tuple[Part, ...]:
    """Key messages, country boxes (and their comparison), then the sections, in reading order."""
    parts: list[Part] = []
    words = source_lines.words
    if audience and recipe.key_messages:
        parts.append(_key_messages(audience, numberer, words))
    countries = [report.country(code) for code in recipe.countries]
    if countries and recipe.country_boxes:
        parts += [country_box(report, country, numberer, words) for country in countries]
        if len(countries) >= 2 and report.instruments:
            parts.append(comparison(report, countries, words))
    focus = set(recipe.countries)
    for section_id in section_order(report, recipe):
        section = report.section(section_id)
        blocks = tuple(
            brief_block(block, numberer, bool(focus & set(block.tags.countries)), source_lines)
            for block in section.blocks
            if block_visible(block, recipe)
        )
        title_text = spans_of(section.title_text)
        parts.append(SectionPart(section.id, section.title, blocks, section.attribution, title_text))
    return tuple(parts)


def _key_messages(audience: Audience, numberer: NoteNumberer, words: Words) -> KeyMessagesPart:
    carrier = "key-messages"
    asks = audience.asks
    return KeyMessagesPart(
        id=carrier,
        title=words.key_messages_for.format(audience=audience.name),
        audience_id=audience.id,
        audience_name=audience.name,
        introduction=numberer.mark(audience.introduction, carrier),
        messages=tuple(numberer.mark(m.text, carrier) for m in audience.key_messages),
        asks_title=(asks.title or words.asks) if asks else "",
        asks=tuple(numberer.mark(t, carrier) for t in asks.items) if asks else (),
    )


def _particulars(audience_line: str, names: tuple[str, ...], prepared: PreparedFor, words: Words) -> tuple[str, ...]:
    """The lines under the title of a brief without a cover, and at the top of its Markdown."""
    lines = [audience_line] if audience_line else []
    if names:
        lines.append(words.country_focus_on.format(countries=words.join(names)))
    if prepared.line():
        lines.append(words.prepared_for_who.format(who=prepared.line()))
    return tuple(lines)


def _cover_facts(names: tuple[str, ...], prepared: PreparedFor, words: Words) -> tuple[tuple[str, str], ...]:
    rows = [
        (words.country_focus, words.join(names)),
        (words.prepared_for, prepared.recipient),
        (words.organisation, prepared.organisation),
        (words.meeting, prepared.meeting),
        (words.place, prepared.place),
        (words.date, prepared.date),
    ]
    return tuple((label, value) for label, value in rows if value)


def _sources(
    report: Report, notes: tuple[BriefNote, ...], others: tuple[str, ...], words: Words
) -> tuple[SourceEntry, ...]:
    """Every source the brief's notes (and its tables and figures) cite, alphabetical by what each
    entry starts with."""
    cited = dict.fromkeys([*(s for note in notes for s in note.source_ids), *others])
    entries = [report.source(source_id) for source_id in cited]
    entries.sort(key=lambda s: (s.author or s.title or s.url).casefold())
    return tuple(SourceEntry(s.id, _stop(full_reference(s, words))) for s in entries)


def _stop(spans: tuple[Span, ...]) -> tuple[Span, ...]:
    return spans if ends_sentence(spans) else merge_spans([*spans, Span(".")])
