"""A page budget: smaller and smaller recipes, leaving content out in a defined order.

The order, each step kept only when it changes something:
  1. the list of sources        2. the pull quotes         3. the boxes
  4. the contents page          5. sections, the last in the brief's order first, down to one
  6. the cover (a title block opens the brief instead)
Each proposal carries everything left out so far, as Cuts a caller can put into words; whoever
measures (the app renders each) takes the first that fits. Pure: imports the content model,
the recipe and the selection rules.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from briefer.content.model import PullQuote, Report, Sidebar
from briefer.tailor.recipe import Recipe
from briefer.tailor.selection import block_visible, section_order


class CutKind(StrEnum):
    SOURCES_LIST = "sources-list"
    PULL_QUOTES = "pull-quotes"
    BOXES = "boxes"
    CONTENTS = "contents"
    SECTION = "section"
    COVER = "cover"


@dataclass(frozen=True, slots=True)
class Cut:
    """One thing left out: its kind, and for a section its id and title."""

    kind: CutKind
    section_id: str = ""
    title: str = ""


@dataclass(frozen=True, slots=True)
class Proposal:
    recipe: Recipe
    cuts: tuple[Cut, ...]  # everything left out so far, in the order it was left out


def _shown_blocks(report: Report, recipe: Recipe, kind: type[PullQuote] | type[Sidebar]) -> tuple[str, ...]:
    chosen = set(section_order(report, recipe))
    return tuple(
        block.id
        for section in report.sections
        if section.id in chosen
        for block in section.blocks
        if isinstance(block, kind) and block_visible(block, recipe)
    )


def _without_blocks(recipe: Recipe, ids: tuple[str, ...]) -> Recipe:
    return dataclasses.replace(recipe, exclude_blocks=(*recipe.exclude_blocks, *ids))


def proposals(report: Report, recipe: Recipe) -> Iterator[Proposal]:
    """The recipe as it is, then each smaller recipe in the defined order."""
    cuts: tuple[Cut, ...] = ()
    yield Proposal(recipe, cuts)
    if recipe.sources_list:
        recipe = dataclasses.replace(recipe, sources_list=False)
        cuts += (Cut(CutKind.SOURCES_LIST),)
        yield Proposal(recipe, cuts)
    for kind, cut in ((PullQuote, CutKind.PULL_QUOTES), (Sidebar, CutKind.BOXES)):
        shown = _shown_blocks(report, recipe, kind)
        if shown:
            recipe = _without_blocks(recipe, shown)
            cuts += (Cut(cut),)
            yield Proposal(recipe, cuts)
    if recipe.contents:
        recipe = dataclasses.replace(recipe, contents=False)
        cuts += (Cut(CutKind.CONTENTS),)
        yield Proposal(recipe, cuts)
    order = list(section_order(report, recipe))
    titles = {s.id: s.title for s in report.sections}
    while len(order) > 1:
        gone = order.pop()
        recipe = dataclasses.replace(recipe, sections=tuple(order))
        cuts += (Cut(CutKind.SECTION, gone, titles.get(gone, gone)),)
        yield Proposal(recipe, cuts)
    if recipe.cover:
        recipe = dataclasses.replace(recipe, cover=False)
        cuts += (Cut(CutKind.COVER),)
        yield Proposal(recipe, cuts)
