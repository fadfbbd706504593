"""Plan a batch: which briefs to build from one recipe, under which unique file names.

Planning checks every recipe before anything is built, so bad input builds nothing.
Pure: imports the core (content model, tailor) and batch names; no ReportLab, no Qt.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from briefer.batch.errors import BatchError
from briefer.batch.names import NameAllocator, safe_name
from briefer.batch.recipients import Recipient
from briefer.content.model import Report
from briefer.content.problems import Problem
from briefer.tailor.recipe import Recipe
from briefer.tailor.recipe_check import RecipeError, check_recipe


@dataclass(frozen=True, slots=True)
class Job:
    """One brief (or at-a-glance page) to build; what a worker process receives."""

    stem: str  # file name without ".pdf", unique in the batch
    label: str  # for people: "Members of parliament · Finland", or a recipient's name
    recipe: Recipe
    glance: bool = False  # an at-a-glance page instead of the brief
    booklet: bool = False  # also impose the brief as a booklet
    booklet_stem: str = ""  # the booklet's file name ("" in a combined run: it is joined, not written)
    personal: bool = False  # one of many copies of a recipe that differ only in who they are prepared for
    joined: bool = False  # its brief only goes into the combined file (no file, no booklet of its own)


@dataclass(frozen=True, slots=True)
class BatchPlan:
    jobs: tuple[Job, ...]
    combined_stem: str = ""  # one print file of all copies instead of a file each
    combined_booklet_stem: str = ""  # and the same of their booklets

    def file_names(self) -> tuple[str, ...]:
        """Every file the batch writes, in plan order."""
        if self.combined_stem:
            stems = [self.combined_stem, self.combined_booklet_stem]
        else:
            stems = [s for job in self.jobs for s in (job.stem, job.booklet_stem)]
        return tuple(f"{s}.pdf" for s in stems if s)


def _and(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _describe(report: Report, recipe: Recipe) -> tuple[str, str]:
    """(label for people, base for file names) of a recipe's audience and countries."""
    countries = [report.country(c).name for c in recipe.countries if report.has("country", c)]
    audience = report.audience(recipe.audience) if recipe.audience and report.has("audience", recipe.audience) else None
    label = " · ".join(x for x in (audience.name if audience else "", _and(countries) if countries else "") if x)
    base = "-".join(safe_name(x) for x in ([audience.id] if audience else []) + countries) or "brief"
    return label or "the whole report", base


def file_stem(report: Report, recipe: Recipe) -> str:
    """The file name (without suffix) a batch gives this recipe's brief: 'parliamentarians-finland',
    or 'brief' when it has neither audience nor focus country."""
    return _describe(report, recipe)[1]


def plan_matrix(
    report: Report,
    recipe: Recipe,
    audiences: Sequence[str | None] | None = None,
    countries: Sequence[str] | None = None,
    *,
    glance: bool = False,
    booklet: bool = False,
) -> BatchPlan:
    """One brief per audience × focus country.

    None for an axis means the recipe's choice, else every one the report has;
    an empty list means none (no audience, or no focus country).
    """
    if audiences is None:
        audiences = [recipe.audience] if recipe.audience else [a.id for a in report.audiences]
    if countries is None:
        countries = list(recipe.countries) if recipe.countries else [c.code for c in report.countries]
    audience_axis = list(dict.fromkeys(audiences)) or [None]
    country_axis: list[tuple[str, ...]] = [(c,) for c in dict.fromkeys(c.upper() for c in countries)] or [()]
    recipes = [dataclasses.replace(recipe, audience=a, countries=c) for a in audience_axis for c in country_axis]
    _check(report, recipes, glance, booklet)
    names = NameAllocator()
    jobs = []
    for r in recipes:
        label, base = _describe(report, r)
        stem = names.take(f"{base}-at-a-glance" if glance else base)
        jobs.append(Job(stem, label, r, glance, booklet, names.take(f"{stem}-booklet") if booklet else ""))
    return BatchPlan(tuple(jobs))


def plan_recipients(
    report: Report,
    recipe: Recipe,
    recipients: Sequence[Recipient],
    *,
    combined: bool = False,
    glance: bool = False,
    booklet: bool = False,
) -> BatchPlan:
    """One personalised copy of `recipe` per recipient: their name, title and organisation on the cover."""
    if not recipients:
        raise BatchError("no recipients: the list is empty")
    recipes = [dataclasses.replace(recipe, prepared_for=r.prepared_for(recipe.prepared_for)) for r in recipients]
    _check(report, recipes[:1], glance, booklet)
    _, base = _describe(report, recipe)
    kind = "-at-a-glance" if glance else ""
    names = NameAllocator()
    combined_stem = names.take(f"{base}{kind}-all-copies") if combined else ""
    combined_booklet = names.take(f"{base}-all-copies-booklet") if combined and booklet else ""
    jobs = []
    for n, (r, rec) in enumerate(zip(recipients, recipes, strict=True), start=1):
        person = safe_name(r.name, fallback=f"recipient-{n}")
        stem = names.take(f"{base}-{person}{kind}")
        booklet_stem = names.take(f"{stem}-booklet") if booklet and not combined else ""
        joined = combined and not booklet and not glance
        jobs.append(Job(stem, r.name, rec, glance, booklet, booklet_stem, personal=True, joined=joined))
    return BatchPlan(tuple(jobs), combined_stem, combined_booklet)


def _check(report: Report, recipes: Sequence[Recipe], glance: bool, booklet: bool) -> None:
    """Every problem of every recipe, each named once, before anything is built."""
    if glance and booklet:
        raise BatchError("an at-a-glance page is one page and makes no booklet: choose a booklet or at a glance")
    problems: dict[str, Problem] = {}
    for recipe in recipes:
        try:
            check_recipe(recipe, report)
        except RecipeError as exc:
            for problem in exc.problems:
                problems.setdefault(problem.message, problem)
        if glance and not recipe.audience and not recipe.countries:
            raise BatchError("an at-a-glance page needs an audience or a focus country")
    if problems:
        raise RecipeError(list(problems.values()))
