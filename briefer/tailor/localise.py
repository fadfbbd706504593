"""The report in the brief's language: every unit the brief includes in its current
translation or, by the recipe's explicit choice, in the report's language and marked as such.
Never a silent mix: a unit without a current translation stops the brief otherwise.

Pure functions; the translated report then goes through tailoring like any other, so notes are
numbered and citations resolved after selection exactly as in the report's language.
Imports the content model and units, and the rest of briefer.tailor.
"""

from __future__ import annotations

from collections.abc import Mapping

from briefer.content.located import Where
from briefer.content.model import NoteRef, Report, Span, Text, Translatable, Translations
from briefer.content.problems import ContentError, Problem
from briefer.content.translations import State, primary, unit_state
from briefer.content.units import Unit, report_units, with_texts
from briefer.tailor.recipe import Recipe, Untranslated
from briefer.tailor.selection import block_visible, section_order


class UntranslatedError(ContentError):
    """A brief that would include text not (or no longer) translated into its language."""


def localise(report: Report, recipe: Recipe, label: str) -> Report:
    """`report` with the texts of the brief's language; `label` marks untranslated text."""
    language = recipe.language or report.language
    if primary(language) == primary(report.language):
        return report
    translations = report.translations.get(primary(language))
    units = report_units(report)
    needed = included_units(report, recipe, units)
    texts: dict[str, Mapping[str, Translatable]] = {}
    untranslated: list[tuple[Unit, State]] = []
    for unit in units:
        translation = translations.units.get(unit.id) if translations else None
        state = unit_state(unit, translation)
        if state is State.CURRENT and translation is not None:
            texts[unit.id] = translation.texts
        elif unit.at in needed:
            untranslated.append((unit, state))
    if untranslated and recipe.untranslated is Untranslated.REFUSE:
        raise UntranslatedError(_refusal(language, translations, untranslated))
    for unit, _ in untranslated:
        texts[unit.id] = {path: mark(text, label) for path, text in unit.texts}
    return with_texts(report, texts, units)


def mark(text: Translatable, label: str) -> Translatable:
    """Text left in the report's language, visibly: the label before inline text, after a title."""
    if isinstance(text, str):
        return f"{text} {label}"
    return (Span(label, italic=True), Span(" "), *text)


def included_units(report: Report, recipe: Recipe, units: tuple[Unit, ...]) -> set[str]:
    """The places (`Unit.at`) of every unit whose text the recipe's brief prints."""
    by_at = {unit.at: unit for unit in units}
    wanted = {""}  # the report's title page
    if recipe.countries and recipe.country_boxes:
        wanted.add("status")  # the status tables' headings and the instruments' names
    positions = {section.id: n for n, section in enumerate(report.sections, start=1)}
    marked_in: list[str] = []
    for section_id in section_order(report, recipe):
        n = positions[section_id]
        wanted.add(f"sections.{n}")
        for b, block in enumerate(report.section(section_id).blocks, start=1):
            if block_visible(block, recipe):
                wanted.add(f"sections.{n}.blocks.{b}")
                marked_in.append(f"sections.{n}.blocks.{b}")
    if recipe.audience:
        a = next(n for n, aud in enumerate(report.audiences, start=1) if aud.id == recipe.audience)
        wanted.add(f"audiences.{a}")
        if recipe.key_messages:
            marked_in.append(f"audiences.{a}")
    codes = {country.code: n for n, country in enumerate(report.countries, start=1)}
    wanted |= {f"countries.{codes[code]}" for code in recipe.countries}
    notes = {unit.key: unit.at for unit in units if unit.kind == "note"}
    for at in marked_in:
        for _, text in by_at[at].texts:
            wanted |= {notes[p.note_id] for p in _inline(text) if isinstance(p, NoteRef) and p.note_id in notes}
    return wanted


def _inline(text: Translatable) -> Text:
    return () if isinstance(text, str) else text


_WHY = {
    State.MISSING: "has no translation into {language}",
    State.OUTDATED: "was translated into {language} from an older source text: the source has changed since",
    State.INCOMPLETE: "is translated into {language} only in part",
}


def _refusal(language: str, translations: Translations | None, untranslated: list[tuple[Unit, State]]) -> list[Problem]:
    folder = translations.folder if translations else f"translations/{primary(language)}"
    problems = [p for p in (translations.problems if translations else ()) if not p.warning]
    for unit, state in untranslated:
        why = _WHY[state].format(language=language)
        problems.append(Problem(Where(f"{folder}/{unit.home}", 0, 0), f"{unit.id} ({unit.context}) {why}"))
    hint = (
        f"the brief includes {len(untranslated)} unit(s) without a current translation into {language}: "
        f"translate them (`briefer translations export --language {primary(language)}` makes a file for a "
        "translator), or build with --untranslated mark to print them in the report's language, marked"
    )
    problems.append(Problem(Where(folder, 0, 0), hint))
    return problems
