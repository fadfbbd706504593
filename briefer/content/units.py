"""Translation units: every text of a report a translator translates, grouped by what it belongs to.

A unit is a block, a note, a section's title, an audience, a country, the status declaration
(what countries are compared on: headings, instrument names, field labels) or the report's title
page; its texts are (path, text) pairs and its fingerprint identifies the source text a
translation was made from. `with_texts` puts translated texts into a report by their paths.
Imports the content model and the inline markup only.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from briefer.content.inline import inline_source
from briefer.content.model import (
    Audience,
    Block,
    Cite,
    Country,
    Definition,
    Figure,
    ItemList,
    NoteRef,
    Report,
    Section,
    Sidebar,
    Span,
    StatusScheme,
    Table,
    Text,
    Translatable,
    plain_text,
)

KINDS = ("report", "status", "section", "block", "note", "audience", "country")


@dataclass(frozen=True, slots=True)
class Unit:
    id: str  # "<kind>:<key>", e.g. "block:introduction-2"
    kind: str
    key: str
    at: str  # the path of the object in the Report, e.g. "sections.2.blocks.3"
    texts: tuple[tuple[str, Translatable], ...]  # (path inside the object, source text)
    home: str  # the translation file it belongs in, relative to translations/<lang>/
    context: str  # where it stands, for translators and messages: "section Introduction"

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.texts)


# a translation file keeps each unit as a mapping: `source` (the fingerprint of the source text
# it translates), then its texts by path; a text whose path is `source` (a table's or figure's
# citation) is written under this key instead, so that the two never meet
SOURCE_TEXT_KEY = "source_line"


def file_key(path: str) -> str:
    """The key a unit's text is written under in a translation file: its path, but `source_line`
    for the path `source`."""
    return SOURCE_TEXT_KEY if path == "source" else path


def fingerprint(texts: tuple[tuple[str, Translatable], ...]) -> str:
    """16 hex digits that change whenever any text of the unit (or its markup) changes."""
    digest = hashlib.sha256()
    for path, text in texts:
        digest.update(f"{path}\t{source_markup(text)}\n".encode())
    return digest.hexdigest()[:16]


def source_markup(text: Translatable) -> str:
    """A text as a translator sees and writes it: plain text as is, inline text as markup."""
    return text if isinstance(text, str) else inline_source(text)


def markers(text: Translatable) -> Counter[str]:
    """The note markers and cited sources of a text, which a translation must keep: '[^12]', '@gao-2002'."""
    if isinstance(text, str):
        return Counter()
    return Counter(
        f"[^{p.note_id}]" if isinstance(p, NoteRef) else f"@{p.source_id}"
        for p in text
        if isinstance(p, NoteRef | Cite)
    )


def _texts(pairs: Iterable[tuple[str, Translatable]]) -> tuple[tuple[str, Translatable], ...]:
    """The pairs that have text (an empty subtitle or attribution is nothing to translate)."""
    return tuple((path, text) for path, text in pairs if text)


def printed(plain: str, text: Text) -> Translatable:
    """A title as a translator sees it: plain text, or inline text when it carries markup
    (format 2's `title_text`); translating `title` sets both (`with_texts`)."""
    return text if text and text != (Span(plain),) else plain


def translatable_texts(block: Block) -> tuple[tuple[str, Translatable], ...]:
    """(path, text) of every text of a block a translator translates, in reading order.

    A path names an attribute, then 1-based positions in tuples ("paragraphs.2", "rows.3.1");
    a new kind of block adds one case here and is translated, exported and checked like the
    others. Empty texts (an empty cell) are left out by the caller.
    """
    if isinstance(block, Definition):
        return (("term", block.term), ("text", block.text))
    if isinstance(block, Sidebar):
        paragraphs = ((f"paragraphs.{n}", p) for n, p in enumerate(block.paragraphs, start=1))
        return (("title", printed(block.title, block.title_text)), *paragraphs)
    if isinstance(block, ItemList):
        return tuple(
            pair
            for n, item in enumerate(block.items, start=1)
            for pair in (
                (f"items.{n}.text", item.text),
                *((f"items.{n}.items.{m}", sub) for m, sub in enumerate(item.items, start=1)),
            )
        )
    if isinstance(block, Table):
        cells = [
            (f"{part}.{r}.{c}", cell)
            for part, rows in (("header", block.header), ("rows", block.rows))
            for r, row in enumerate(rows, start=1)
            for c, cell in enumerate(row, start=1)
        ]
        return (("caption", block.caption), *cells, ("source", block.source))
    if isinstance(block, Figure):
        return (("alt", block.alt), ("caption", block.caption), ("source", block.source))
    return (("text", block.text),)


def report_units(report: Report) -> tuple[Unit, ...]:
    """Every unit of the report, in reading order: title page, status declaration, sections
    (title, blocks, notes), audiences, countries."""
    units = [_report_unit(report)]
    if report.status.instruments:
        units.append(_status_unit(report))
    for n, section in enumerate(report.sections, start=1):
        units += _section_units(section, f"sections.{n}")
    for n, audience in enumerate(report.audiences, start=1):
        units.append(_audience_unit(audience, f"audiences.{n}"))
    for n, country in enumerate(report.countries, start=1):
        units.append(_country_unit(country, report.status, f"countries.{n}"))
    return tuple(units)


def _report_unit(report: Report) -> Unit:
    pairs = [("title", printed(report.title, report.title_text))]
    pairs.append(("subtitle", printed(report.subtitle, report.subtitle_text)))
    if report.short_title != report.title:
        pairs.append(("short_title", report.short_title))
    context = f"the report’s title page “{report.title}”"
    return Unit(f"report:{report.id}", "report", report.id, "", _texts(pairs), "report.yaml", context)


def _status_unit(report: Report) -> Unit:
    """What countries are compared on: the headings and labels the status tables print, and
    each instrument's names and field labels."""
    scheme = report.status
    pairs: list[tuple[str, Translatable]] = [
        (name, getattr(scheme, name))
        for name in ("title", "compared_title", "instrument_label", "status_label", "details_label")
    ]
    for n, instrument in enumerate(scheme.instruments, start=1):
        pairs += [(f"instruments.{n}.name", instrument.name), (f"instruments.{n}.short", instrument.short)]
        pairs += [(f"instruments.{n}.fields.{m}.label", f.label) for m, f in enumerate(instrument.fields, start=1)]
    context = "the status declaration (what countries are compared on)"
    return Unit(f"status:{report.id}", "status", report.id, "status", _texts(pairs), "report.yaml", context)


def _section_units(section: Section, at: str) -> list[Unit]:
    home = f"sections/{section.id}.yaml"
    context = f"section “{section.title}”"
    texts = _texts((("title", printed(section.title, section.title_text)), ("attribution", section.attribution)))
    units = [Unit(f"section:{section.id}", "section", section.id, at, texts, home, context)]
    for n, block in enumerate(section.blocks, start=1):
        texts = _texts(translatable_texts(block))
        units.append(Unit(f"block:{block.id}", "block", block.id, f"{at}.blocks.{n}", texts, home, context))
    for n, note in enumerate(section.notes, start=1):
        units.append(Unit(f"note:{note.id}", "note", note.id, f"{at}.notes.{n}", (("text", note.text),), home, context))
    return units


def _audience_unit(audience: Audience, at: str) -> Unit:
    pairs: list[tuple[str, Translatable]] = [("name", audience.name), ("introduction", audience.introduction)]
    pairs += [(f"key_messages.{n}.text", m.text) for n, m in enumerate(audience.key_messages, start=1)]
    if audience.asks:
        pairs.append(("asks.title", audience.asks.title))
        pairs += [(f"asks.items.{n}", item) for n, item in enumerate(audience.asks.items, start=1)]
    context = f"audience “{audience.name}”"
    return Unit(f"audience:{audience.id}", "audience", audience.id, at, _texts(pairs), "audiences.yaml", context)


def _country_unit(country: Country, scheme: StatusScheme, at: str) -> Unit:
    pairs: list[tuple[str, Translatable]] = [("name", country.name)]
    text_fields = {(i.id, f.id) for i in scheme.instruments for f in i.fields if f.type == "text"}
    for n, status in enumerate(country.statuses, start=1):
        pairs.append((f"statuses.{n}.status", status.status))
        # a text field's value ("accession") is words; a date is printed in the brief's language anyway
        pairs += [
            (f"statuses.{n}.values.{m}.2", value)
            for m, (field_id, value) in enumerate(status.values, start=1)
            if (status.instrument_id, field_id) in text_fields
        ]
    pairs += [(f"facts.{n}.text", fact.text) for n, fact in enumerate(country.facts, start=1)]
    context = f"country {country.name}"
    return Unit(f"country:{country.code}", "country", country.code, at, _texts(pairs), "countries.yaml", context)


def with_texts(report: Report, texts: Mapping[str, Mapping[str, Translatable]], units: tuple[Unit, ...]) -> Report:
    """The report with the texts of some units replaced: {unit id: {path: text}}."""
    changes: dict[tuple[str | int, ...], object] = {}
    for unit in units:
        replacement = texts.get(unit.id)
        if not replacement:
            continue
        for path, text in replacement.items():
            changes[_steps(f"{unit.at}.{path}" if unit.at else path)] = text
        if unit.kind == "report" and report.short_title == report.title and "title" in replacement:
            title = replacement["title"]  # a short title that was the title stays so
            changes[("short_title",)] = title if isinstance(title, str) else plain_text(title).strip()
    return _replaced(report, changes)  # type: ignore[return-value]


def _steps(path: str) -> tuple[str | int, ...]:
    """'sections.2.blocks.3.text' -> ('sections', 1, 'blocks', 2, 'text'): 1-based in paths, 0-based here."""
    return tuple(int(step) - 1 if step.isdigit() else step for step in path.split("."))


def _replaced(value: object, changes: Mapping[tuple[str | int, ...], object]) -> object:
    """`value` rebuilt with each (path -> new value); frozen dataclasses and tuples alike."""
    if () in changes:
        return changes[()]
    grouped: dict[str | int, dict[tuple[str | int, ...], object]] = {}
    for path, new in changes.items():
        grouped.setdefault(path[0], {})[path[1:]] = new
    if isinstance(value, tuple):
        items = list(value)
        for index, inner in grouped.items():
            assert isinstance(index, int)
            items[index] = _replaced(items[index], inner)
        return tuple(items)
    assert dataclasses.is_dataclass(value) and not isinstance(value, type)
    fields = {str(name): _replaced(getattr(value, str(name)), inner) for name, inner in grouped.items()}
    for plain, shown in _PRINTED.items():
        if plain in fields and hasattr(value, shown):
            fields[plain], fields[shown] = _both(fields[plain], bool(getattr(value, shown)))
    return dataclasses.replace(value, **fields)


# a title kept twice (format 2): plain, for lists and the outline, and as printed, with its markup
_PRINTED = {"title": "title_text", "subtitle": "subtitle_text"}


def _both(new: object, had_printed: bool) -> tuple[object, object]:
    """(plain, printed) for a translated title: markup when the translation has it."""
    if isinstance(new, tuple):
        return plain_text(new).strip(), new
    assert isinstance(new, str)
    return new, ((Span(new),) if new and had_printed else ())
