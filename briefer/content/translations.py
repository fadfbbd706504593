"""Read translations/<language>/*.yaml: a report's translations, unit by unit, each checked
against the source text it translates.

A translation file holds `language:` and `units:`, a mapping from unit id to the fingerprint of
the source it translates (`source:`) and its texts by path. A unit whose markers or citations
differ from its source's is reported and left out; one translated from an older source is kept
(it is outdated: see `unit_state`). Problems are the language's own: they never stop the report
from loading. Imports the content model, units and the YAML reading helpers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from briefer.content.fields import Record, read_inline
from briefer.content.located import LDict, Where, YamlError, load_located
from briefer.content.model import Report, Translatable, Translations, UnitTranslation
from briefer.content.problems import Problems
from briefer.content.units import Unit, file_key, markers, report_units

FOLDER = "translations"


def primary(language: str) -> str:
    """'fr' for 'fr', 'fr-CA' or 'fr_CA': translations serve a language whatever its region."""
    return language.replace("_", "-").split("-", 1)[0].lower()


class State(StrEnum):
    """How far a unit is translated into a language."""

    CURRENT = "current"
    MISSING = "missing"
    OUTDATED = "outdated"  # translated from a source text that has changed since
    INCOMPLETE = "incomplete"  # some of its texts have no translation


def unit_state(unit: Unit, translation: UnitTranslation | None) -> State:
    if translation is None:
        return State.MISSING
    if translation.source != unit.fingerprint:
        return State.OUTDATED
    if any(path not in translation.texts for path, _ in unit.texts):
        return State.INCOMPLETE
    return State.CURRENT


def read_translations(root: Path, report: Report, display: Callable[[Path], str]) -> dict[str, Translations]:
    """Every language folder under `root`/translations, by folder name ("fr", "uk")."""
    folder = root / FOLDER
    if not folder.is_dir():
        return {}
    units = {unit.id: unit for unit in report_units(report)}
    found = {}
    for language_dir in sorted(folder.iterdir()):
        if language_dir.is_dir() and not language_dir.name.startswith("."):
            language = primary(language_dir.name)
            found[language] = read_language(language_dir, language, units, display)
    return found


def read_language(folder: Path, language: str, units: dict[str, Unit], display: Callable[[Path], str]) -> Translations:
    p = Problems()
    read: dict[str, UnitTranslation] = {}
    for path in sorted([*folder.rglob("*.yaml"), *folder.rglob("*.yml")]):
        where = Where(display(path), 1, 1)
        try:
            value = load_located(path, display(path))
        except YamlError as exc:
            p.error(exc.where, exc.message)
            continue
        r = Record(value, where, "a translation file", p, required=("language", "units"))
        if not r.ok:
            continue
        written = r.text("language")
        if written and primary(written) != language:
            p.error(r.place("language"), f"this file says language {written!r}, but it is in the {language!r} folder")
        entries = r.raw("units")
        if not isinstance(entries, LDict):
            p.error(r.place("units"), "'units' must be a mapping of unit id to translation")
            continue
        for unit_id, entry in entries.items():
            place = entries.key_where[unit_id]
            if unit_id in read:
                p.error(place, f"unit {unit_id!r} is translated twice (also at {read[unit_id].where})")
                continue
            unit = units.get(unit_id)
            if unit is None:
                p.warn(place, f"no unit {unit_id!r} in the report (removed or renamed?): its translation is not used")
                continue
            translation = _read_unit(unit, entry, place, p)
            if translation is not None:
                read[unit_id] = translation
    return Translations(language, read, display(folder), tuple(p.items))


def _read_unit(unit: Unit, value: object, where: Where, p: Problems) -> UnitTranslation | None:
    sources = dict(unit.texts)
    what = f"the translation of {unit.id}"
    probe = Record(value, where, what, Problems(), optional=())
    source = probe.text("source") if probe.ok else ""
    if not source:  # not a translation of any known text: say so, with every key that is wrong
        Record(value, where, what, p, required=("source",), optional=tuple(map(file_key, sources)))
        return None
    current = source == unit.fingerprint
    # an outdated translation may carry texts the source no longer has; it is only a draft now
    keys = tuple(map(file_key, sources)) if current else tuple(probe.data)
    errors = len(p.errors)
    checks = p if current else Problems()
    r = Record(value, where, what, checks, required=("source",), optional=keys)
    if not r.ok:
        return None
    texts: dict[str, Translatable] = {}
    for path, original in sources.items():
        key = file_key(path)
        if not r.has(key):
            continue
        what = f"{unit.id} {path}"
        if isinstance(original, str):
            texts[path] = r.text(key)
            continue
        text = read_inline(r.raw(key), r.place(key), what, checks, cites=True, notes=True)
        if current and markers(text) != markers(original):
            checks.error(r.place(key), f"{what}: {marker_difference(markers(original), markers(text))}")
        texts[path] = text
    if len(p.errors) > errors:
        return None
    return UnitTranslation(unit.id, source, texts, where)


def marker_difference(expected: Counter[str], found: Counter[str]) -> str:
    """'note marker [^12] is missing; citation of @gao-2002 is there 2 times (the source has it 1)'."""
    said = []
    for marker in sorted(set(expected) | set(found)):
        want, have = expected[marker], found[marker]
        if want == have:
            continue
        what = "note marker" if marker.startswith("[^") else "citation of"
        if have == 0:
            said.append(f"{what} {marker} is missing")
        elif want == 0:
            said.append(f"{what} {marker} is not in the source text")
        else:
            said.append(f"{what} {marker} is there {have} times (the source has it {want})")
    return "; ".join(said) + ": a translation keeps every note marker and citation of its source, once"
