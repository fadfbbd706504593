"""The short forms as jobs for the build process: the one-page at a glance, and a page budget
measured with the real renderer. Plain data in and out; no Qt (they run in the child process,
or in a worker thread when there is none).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from briefer.build import OutputFormat, build_bytes, build_glance, page_count
from briefer.content.model import Report
from briefer.tailor.budget import Cut, Proposal, proposals
from briefer.tailor.recipe import Recipe


@dataclass(frozen=True, slots=True)
class Job:
    """A function of the report and some plain arguments, sent to the build process by reference
    (so `function` must be a module-level function)."""

    function: Callable[..., object]
    args: tuple[object, ...] = ()

    def run(self, report: Report) -> object:
        return self.function(report, *self.args)


@dataclass(frozen=True, slots=True)
class GlancePage:
    pdf: bytes
    dropped: tuple[str, ...]  # what gave way to fit the page, as the glance renderer words it


@dataclass(frozen=True, slots=True)
class BudgetFit:
    """The first proposal that fits `pages`, or the smallest one when none does (`fits` False)."""

    recipe: Recipe
    cuts: tuple[Cut, ...]
    pages: int  # the pages of the brief that recipe makes
    fits: bool
    measured: int  # how many briefs were rendered to find it


def glance_job(report: Report, recipe: Recipe) -> GlancePage:
    glance = build_glance(report, recipe)
    return GlancePage(glance.pdf, glance.dropped)


def fit_job(report: Report, recipe: Recipe, pages: int) -> BudgetFit:
    """Render proposals until one fits: a binary search, as each proposal is smaller than the last."""
    candidates: list[Proposal] = list(proposals(report, recipe))
    measured: dict[int, int] = {}

    def pages_of(index: int) -> int:
        if index not in measured:
            measured[index] = page_count(build_bytes(report, candidates[index].recipe, OutputFormat.PDF))
        return measured[index]

    low, high = 0, len(candidates) - 1
    if pages_of(high) > pages:
        last = candidates[high]
        return BudgetFit(last.recipe, last.cuts, pages_of(high), False, len(measured))
    while low < high:  # the first index whose brief fits
        middle = (low + high) // 2
        if pages_of(middle) <= pages:
            high = middle
        else:
            low = middle + 1
    found = candidates[low]
    return BudgetFit(found.recipe, found.cuts, pages_of(low), True, len(measured))
