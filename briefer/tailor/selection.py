"""What a recipe selects from a report: the sections in their order and the blocks shown.

Pure functions; imports the content model and the recipe.
"""

from __future__ import annotations

from briefer.content.model import Block, Report
from briefer.tailor.recipe import Recipe


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
