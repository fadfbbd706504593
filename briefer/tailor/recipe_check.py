"""Check a recipe's choices against a report; every unknown id is named with the valid choices."""

from __future__ import annotations

from briefer.content.located import Where
from briefer.content.model import Report
from briefer.content.problems import ContentError, Problems
from briefer.tailor.recipe import CONTENTS_DEPTHS, CitationStyle, NotePlacement, PageSize, Recipe


class RecipeError(ContentError):
    """A recipe that does not fit the report or the format; carries every problem found."""


def _choices(values: list[str]) -> str:
    return ", ".join(values) if values else "none"


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
    ):
        values = [choice.value for choice in valid]
        if value not in values:
            p.error(here, f"unknown {what} {str(value)!r} (valid: {_choices(values)})")
    if recipe.chooses_nothing:
        p.error(here, "the recipe chooses nothing to print: no section, no key messages, no country box")
    if recipe.contents_depth not in CONTENTS_DEPTHS:
        depths = ", ".join(str(d) for d in CONTENTS_DEPTHS)
        p.error(here, f"contents depth {recipe.contents_depth!r} is not one of {depths}")
    if len(recipe.watermark) > 40:
        p.error(here, "the watermark is longer than 40 characters; use a word or two")
    if p.errors:
        raise RecipeError(p.items)
