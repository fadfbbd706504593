"""A report's texts for a translator as XLIFF 2.0, and the translator's file read back and checked.

Written and read through translate-toolkit's XLIFF 2.0 store (file structure, languages,
segment states, XML parsed without entities or network). One XLIFF unit per text of a
translation unit, with the id "<unit id>:<path>" ("block:introduction-2:text"), its unit's
fingerprint in <mda:metadata>, a note on where it stands, and its markup as protected codes
(codes.py). Imports translate-toolkit, lxml and the content layer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from translate.storage.xliff2 import Xliff2File, Xliff2Unit

from briefer.content.inline import InlineError, parse_inline
from briefer.content.located import Where
from briefer.content.model import Report, Translatable, UnitTranslation
from briefer.content.problems import ContentError, Problem
from briefer.content.translations import State, marker_difference, primary, unit_state
from briefer.content.units import Unit, markers, report_units
from briefer.translation.codes import NS, CodeError, Piece, fill, markup, matched, number, original_data, pieces

MDA = "urn:oasis:names:tc:xliff:metadata:2.0"
DONE = frozenset({"translated", "reviewed", "final"})  # segment states a translator has confirmed
_NOTES = {
    State.OUTDATED: "The source text changed after this was translated: the target is the old "
    "translation, as a draft. Revise it, then mark it translated.",
    State.INCOMPLETE: "Part of this unit is not translated yet.",
}


class TranslationFileError(ContentError):
    """A translator's file that cannot be imported; nothing was changed."""

    subject = "the translator's file"


def export_xliff(report: Report, language: str, *, only_untranslated: bool = False) -> tuple[bytes, int]:
    """The XLIFF file for translating `report` into `language`, and how many texts it holds.
    Current translations are its targets (state translated), outdated ones drafts (initial)."""
    translations = report.translations.get(primary(language))
    store = Xliff2File()
    store.setsourcelanguage(report.language)
    store.settargetlanguage(language)
    store.setfilename(store.body, report.id)
    count = 0
    for unit in report_units(report):
        translation = translations.units.get(unit.id) if translations else None
        state = unit_state(unit, translation)
        if only_untranslated and state is State.CURRENT:
            continue
        for path, text in unit.texts:
            old = translation.texts.get(path) if translation else None
            _add(store, unit, path, text, state, old)
            count += 1
    return bytes(store), count


def _add(store: Xliff2File, unit: Unit, path: str, text: Translatable, state: State, old: Translatable | None) -> None:
    segment = store.addsourceunit("")
    segment.setid(f"{unit.id}:{path}")
    source_pieces = number(pieces(text))
    source = etree.Element(f"{{{NS}}}source")
    fill(source, source_pieces)
    segment.set_source_dom(source)
    if old:
        target = etree.Element(f"{{{NS}}}target")
        fill(target, matched(pieces(old), source_pieces))
        segment.set_target_dom(target)
    segment.xmlelement.set("state", "translated" if state is State.CURRENT and old else "initial")
    # XLIFF 2 orders a unit's children: module data, notes, original data, then segments
    element = segment.getunitelement()
    element.insert(0, _metadata(unit.fingerprint))
    element.insert(1, _notes(unit, state))
    if any(not isinstance(p, str) for p in source_pieces):
        element.insert(2, original_data(source_pieces))


def _metadata(fingerprint: str) -> etree._Element:
    metadata = etree.Element(f"{{{MDA}}}metadata", nsmap={"mda": MDA})
    group = etree.SubElement(metadata, f"{{{MDA}}}metaGroup", category="briefer")
    etree.SubElement(group, f"{{{MDA}}}meta", type="fingerprint").text = fingerprint
    return metadata


def _notes(unit: Unit, state: State) -> etree._Element:
    notes = etree.Element(f"{{{NS}}}notes")
    etree.SubElement(notes, f"{{{NS}}}note", category="location").text = unit.context
    if state in _NOTES:
        etree.SubElement(notes, f"{{{NS}}}note", category="status").text = _NOTES[state]
    return notes


@dataclass
class Imported:
    """What a translator's file holds that can be taken in, and what was left out and why."""

    language: str
    units: dict[str, UnitTranslation] = field(default_factory=dict)
    not_done: list[str] = field(default_factory=list)  # units with a text not marked translated
    warnings: list[Problem] = field(default_factory=list)


def read_xliff(path: Path, report: Report) -> Imported:
    """Check every text of a translator's file against the current source; raises
    TranslationFileError naming the file, line and unit of every problem found."""
    display = str(path)
    store = _parse(path, display)
    language = store.gettargetlanguage()
    if not language:
        raise TranslationFileError([Problem(Where(display, 1, 1), "the file names no target language (trgLang)")])
    imported = Imported(primary(language))
    units = {unit.id: unit for unit in report_units(report)}
    segments: dict[str, dict[str, Xliff2Unit]] = {}
    for segment in store.units:
        unit_id, _, text_path = (segment.getid() or "").rpartition(":")
        if unit_id not in units:
            where = Where(display, segment.xmlelement.sourceline or 1, 1)
            imported.warnings.append(Problem(where, f"unit {segment.getid()!r} is not in the report: left out", True))
            continue
        segments.setdefault(unit_id, {})[text_path] = segment
    errors: list[Problem] = []
    for unit_id, found in segments.items():
        _read_unit(units[unit_id], found, display, imported, errors)
    if errors:
        raise TranslationFileError(errors)
    return imported


def _parse(path: Path, display: str) -> Xliff2File:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TranslationFileError([Problem(Where(display, 0, 0), f"cannot read the file: {exc.strerror}")]) from exc
    try:
        return Xliff2File.parsestring(data)
    except etree.XMLSyntaxError as exc:
        line, column = exc.position
        raise TranslationFileError(
            [Problem(Where(display, line, column + 1), f"not well-formed XML: {exc.msg}")]
        ) from exc
    except (ValueError, AssertionError, KeyError) as exc:
        message = f"not an XLIFF 2 file ({exc})" if str(exc) else "not an XLIFF 2 file"
        raise TranslationFileError([Problem(Where(display, 1, 1), message)]) from exc


def _read_unit(
    unit: Unit, found: dict[str, Xliff2Unit], display: str, imported: Imported, errors: list[Problem]
) -> None:
    first = next(iter(found.values()))
    where = Where(display, first.getunitelement().sourceline or 1, 1)
    meta = first.getunitelement().find(f"{{{MDA}}}metadata//{{{MDA}}}meta[@type='fingerprint']")
    if meta is None or (meta.text or "").strip() != unit.fingerprint:
        why = (
            "its source text changed after this file was exported: export again"
            if meta is not None
            else "no fingerprint"
        )
        imported.warnings.append(Problem(where, f"{unit.id}: left out ({why})", True))
        return
    if any(path not in found or found[path].xmlelement.get("state") not in DONE for path, _ in unit.texts):
        imported.not_done.append(unit.id)
        return
    texts: dict[str, Translatable] = {}
    for path, source in unit.texts:
        segment = found[path]
        target = segment.get_target_dom()
        line = (target if target is not None else segment.xmlelement).sourceline or 1
        here, name = Where(display, line, 1), f"unit {unit.id}:{path}"
        if target is None:
            errors.append(Problem(here, f"{name}: marked {segment.xmlelement.get('state')} but has no <target>"))
            continue
        try:
            texts[path] = _text(target, source)
        except (CodeError, InlineError) as exc:
            errors.append(Problem(here, f"{name}: {exc}"))
    if len(texts) == len(unit.texts):
        imported.units[unit.id] = UnitTranslation(unit.id, unit.fingerprint, texts, where)


def _text(target: etree._Element, source: Translatable) -> Translatable:
    source_pieces: list[Piece] = number(pieces(source))
    if isinstance(source, str):
        text = markup(target, source_pieces, plain=True).strip()
        if not text:
            raise CodeError("the translation is empty")
        return text
    parsed = parse_inline(markup(target, source_pieces).strip(), allow_cites=True, allow_notes=True)
    if not parsed:
        raise CodeError("the translation is empty")
    if markers(parsed) != markers(source):  # e.g. a citation's source moved out of its brackets
        raise CodeError(marker_difference(markers(source), markers(parsed)))
    return parsed
