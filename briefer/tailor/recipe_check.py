"""Check a recipe's choices against a report; every unknown id is named with the valid choices."""

from __future__ import annotations

from briefer.content.located import Where
from briefer.content.model import Report
from briefer.content.printable import unprintable
from briefer.content.problems import ContentError, Problems
from briefer.tailor.catalogue import CatalogueError
from briefer.tailor.recipe import (
    CONTENTS_DEPTHS,
    PREPARED_FIELDS,
    CitationStyle,
    NotePlacement,
    PageSize,
    Recipe,
    Untranslated,
)
from briefer.tailor.wording import words_for


class RecipeError(ContentError):
    """A recipe that does not fit the report or the format; carries every problem found."""


def _choices(values: list[str]) -> str:
    return ", ".join(values) if values else "none"


MAX_PREPARED = 300  # characters of one prepared-for field: a name with titles, a long meeting name


def _check_texts(recipe: Recipe, p: Problems, here: Where) -> None:
    """Free text a user typed: it must print, and a prepared-for field must fit a cover."""
    prepared = recipe.prepared_for
    fields = [(f"prepared-for {name}", getattr(prepared, name)) for name in PREPARED_FIELDS]
    for what, text in [*fields, ("watermark", recipe.watermark), ("cover note", recipe.cover_note)]:
        problem = unprintable(text)
        if problem:
            p.error(here, f"the {what} {problem}")
    for what, text in fields:
        if len(text) > MAX_PREPARED:
            p.error(here, f"the {what} is {len(text):,} characters long; at most {MAX_PREPARED} fit on a cover")


def check_recipe(recipe: Recipe, report: Report, origin: str = "recipe") -> None:
    p = Problems()
    here = Where(origin, 0, 0)
    section_ids = [s.id for s in report.sections]
    if recipe.sections is not None:
        seen: set[str] = set()
        for section_id in recipe.sections:
            if section_id not in section_ids:
                p.error(here, f"unknown section {section_id!r} (valid: {_choices(section_ids)})")
            elif section_id in seen:
                p.error(here, f"section {section_id!r} is chosen twice")
            seen.add(section_id)
    block_ids = [b.id for s in report.sections for b in s.blocks]
    for block_id in recipe.exclude_blocks:
        if block_id not in block_ids:
            p.error(here, f"unknown block {block_id!r} to leave out (blocks are listed by `briefer list sections`)")
    if recipe.audience is not None and not report.has("audience", recipe.audience):
        p.error(
            here,
            f"unknown audience {recipe.audience!r} (valid: {_choices([a.id for a in report.audiences])})",
        )
    codes = [c.code for c in report.countries]
    for code in recipe.countries:
        if code not in codes:
            p.error(here, f"unknown country {code!r} (valid: {_choices(codes)})")
    if len(set(recipe.countries)) != len(recipe.countries):
        p.error(here, "a country is chosen twice")
    for value, valid, what in (
        (recipe.page_size, PageSize, "page size"),
        (recipe.notes, NotePlacement, "notes placement"),
        (recipe.citations, CitationStyle, "citation style"),
        (recipe.untranslated, Untranslated, "choice for untranslated text"),
    ):
        values = [choice.value for choice in valid]
        if value not in values:
            p.error(here, f"unknown {what} {str(value)!r} (valid: {_choices(values)})")
    _check_language(recipe, report, p, here)
    if recipe.chooses_nothing:
        p.error(here, "the recipe chooses nothing to print: no section, no key messages, no country box")
    if recipe.contents_depth not in CONTENTS_DEPTHS:
        depths = ", ".join(str(d) for d in CONTENTS_DEPTHS)
        p.error(here, f"contents depth {recipe.contents_depth!r} is not one of {depths}")
    if len(recipe.watermark) > 40:
        p.error(here, "the watermark is longer than 40 characters; use a word or two")
    _check_texts(recipe, p, here)
    if p.errors:
        raise RecipeError(p.items)


def _check_language(recipe: Recipe, report: Report, p: Problems, here: Where) -> None:
    """The brief's language needs a word catalogue (the report's own language too)."""
    try:
        words_for(recipe.language or report.language, report.language)
    except CatalogueError as exc:
        whose = "" if recipe.language else " — the report's language; choose another with --language"
        p.error(here, f"{exc}{whose}")
