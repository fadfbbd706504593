"""How far a report is translated into a language: every unit with its state and its file.

Imports the content layer only.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefer.content.model import Report, Translations
from briefer.content.translations import State, primary, unit_state
from briefer.content.units import Unit, report_units


@dataclass(frozen=True, slots=True)
class UnitStatus:
    unit: Unit
    state: State
    where: str  # where its translation is, or the file it belongs in


def translation_status(
    report: Report, language: str, folder: str = "translations"
) -> tuple[Translations | None, list[UnitStatus]]:
    """The language's translations (None when it has no folder yet: then `folder`/<language>
    is where they would go) and every unit's state."""
    translations = report.translations.get(primary(language))
    folder = translations.folder if translations else f"{folder}/{primary(language)}"
    rows = []
    for unit in report_units(report):
        translation = translations.units.get(unit.id) if translations else None
        where = str(translation.where) if translation else f"{folder}/{unit.home}"
        rows.append(UnitStatus(unit, unit_state(unit, translation), where))
    return translations, rows
