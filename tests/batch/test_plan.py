"""Planning a batch: the audience × country matrix, recipients, file names, and checks up front."""

from __future__ import annotations

import pytest

from briefer.batch.errors import BatchError
from briefer.batch.plan import plan_matrix, plan_recipients
from briefer.batch.recipients import Recipient
from briefer.tailor.recipe import Recipe
from briefer.tailor.recipe_check import RecipeError


def test_no_choices_means_every_audience_times_every_country(report):
    plan = plan_matrix(report, Recipe())
    assert len(plan.jobs) == len(report.audiences) * len(report.countries)
    stems = [job.stem for job in plan.jobs]
    assert len(set(stems)) == len(stems)
    assert plan.jobs[0].stem == "parliamentarians-estonia"
    assert plan.jobs[0].label == "Members of parliament · Estonia"
    assert {job.recipe.countries for job in plan.jobs} == {(c.code,) for c in report.countries}


def test_the_recipes_choices_fill_an_axis_not_given(report):
    plan = plan_matrix(report, Recipe(audience="media", countries=("FI", "UA")))
    assert [job.stem for job in plan.jobs] == ["media-finland", "media-ukraine"]
    plan = plan_matrix(report, Recipe(audience="media"), countries=["fi", "FI", "lv"])
    assert [job.stem for job in plan.jobs] == ["media-finland", "media-latvia"]


def test_an_empty_axis_means_none(report):
    plan = plan_matrix(report, Recipe(), audiences=["diplomats", "public"], countries=[])
    assert [(j.stem, j.recipe.countries) for j in plan.jobs] == [("diplomats", ()), ("public", ())]
    plan = plan_matrix(report, Recipe(), audiences=[], countries=["LA"])
    assert [(j.stem, j.recipe.audience) for j in plan.jobs] == [("lao-pdr", None)]
    assert plan_matrix(report, Recipe(), audiences=[], countries=[]).jobs[0].stem == "brief"


def test_recipe_settings_other_than_the_axes_are_kept(report):
    recipe = Recipe(sections=("foreword",), page_size="letter", watermark="DRAFT")
    plan = plan_matrix(report, recipe, ["media"], ["EE"])
    assert plan.jobs[0].recipe == Recipe(
        sections=("foreword",), page_size="letter", watermark="DRAFT", audience="media", countries=("EE",)
    )


def test_glance_and_booklet_names(report):
    plan = plan_matrix(report, Recipe(), ["media"], ["GB"], glance=True)
    assert plan.file_names() == ("media-united-kingdom-at-a-glance.pdf",)
    plan = plan_matrix(report, Recipe(), ["media"], ["GB"], booklet=True)
    assert plan.file_names() == ("media-united-kingdom.pdf", "media-united-kingdom-booklet.pdf")


def test_every_unknown_choice_is_reported_once_before_building(report):
    with pytest.raises(RecipeError) as caught:
        plan_matrix(report, Recipe(), ["media", "press", "nobody"], ["FI", "XX"])
    messages = sorted(p.message for p in caught.value.problems)
    assert len(messages) == 3
    assert messages[0].startswith("unknown audience 'nobody' (valid: parliamentarians, ")
    assert messages[1].startswith("unknown audience 'press' (valid: parliamentarians, ")
    assert messages[2].startswith("unknown country 'XX' (valid: EE, ")


def test_impossible_combinations_are_refused(report):
    with pytest.raises(BatchError, match="makes no booklet"):
        plan_matrix(report, Recipe(), ["media"], ["FI"], glance=True, booklet=True)
    with pytest.raises(BatchError, match="needs an audience or a focus country"):
        plan_matrix(report, Recipe(), [], [], glance=True)


RECIPIENTS = [Recipient("Łucja Wąsowska", "Poseł", "Sejm"), Recipient("中文"), Recipient("Олена Коваленко")]


def test_one_copy_per_recipient_with_their_cover(report):
    recipe = Recipe(audience="parliamentarians", countries=("PL",))
    plan = plan_recipients(report, recipe, RECIPIENTS)
    assert [job.stem for job in plan.jobs] == [
        "parliamentarians-poland-lucja-wasowska",
        "parliamentarians-poland-中文",
        "parliamentarians-poland-olena-kovalenko",
    ]
    assert plan.jobs[0].recipe.prepared_for.recipient == "Łucja Wąsowska, Poseł"
    assert plan.jobs[0].recipe.prepared_for.organisation == "Sejm"
    assert plan.jobs[1].label == "中文"


def test_combined_run_writes_only_the_print_files(report):
    plan = plan_recipients(report, Recipe(countries=("PL", "UA")), RECIPIENTS, combined=True, booklet=True)
    assert plan.file_names() == ("poland-ukraine-all-copies.pdf", "poland-ukraine-all-copies-booklet.pdf")
    assert all(job.booklet and not job.booklet_stem for job in plan.jobs)
