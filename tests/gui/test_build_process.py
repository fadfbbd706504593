"""Builds in the warm child process: the same bytes as in-process, errors intact, and recovery."""

from __future__ import annotations

import dataclasses
import pickle
from collections.abc import Iterator

import pytest

from briefer.build import build_bytes, page_count
from briefer.content.model import Report
from briefer.gui import build_process
from briefer.gui.build_process import ProcessBuild
from briefer.gui.preview_job import Preview
from briefer.tailor.recipe import Recipe
from briefer.tailor.recipe_check import RecipeError


@pytest.fixture
def process() -> Iterator[ProcessBuild]:
    build = ProcessBuild()
    yield build
    build.shutdown()


def test_the_child_builds_the_bytes_the_core_builds(process: ProcessBuild, report: Report) -> None:
    recipe = Recipe(audience="media", countries=("PL",), watermark="DRAFT")
    preview = process(report, recipe)
    assert not process.in_thread
    assert preview.pdf == build_bytes(report, recipe, "pdf")
    assert preview.recipe == recipe and preview.stats.pages > 0 and preview.stats.notes > 0


def test_a_recipe_error_arrives_with_its_problems(process: ProcessBuild, report: Report) -> None:
    with pytest.raises(RecipeError) as caught:
        process(report, Recipe(sections=("no-such-section",)))
    assert any("unknown section 'no-such-section'" in str(p) for p in caught.value.problems)


def test_a_reloaded_report_reaches_the_child(process: ProcessBuild, report: Report) -> None:
    first = process(report, Recipe(sections=("foreword",)))
    renamed = dataclasses.replace(report, title="A Different Title")
    second = process(renamed, Recipe(sections=("foreword",)))
    assert first.pdf != second.pdf
    assert second.pdf == build_bytes(renamed, Recipe(sections=("foreword",)), "pdf")


def test_a_child_that_dies_is_replaced(process: ProcessBuild, report: Report) -> None:
    recipe = Recipe(sections=("introduction",))
    process(report, recipe)
    first = process._child
    assert first is not None
    first.kill()  # as the system would, out of memory
    first.wait()
    assert process(report, recipe).pdf == build_bytes(report, recipe, "pdf")
    assert process._child is not first


def test_shutdown_ends_the_child(process: ProcessBuild, report: Report) -> None:
    process(report, Recipe(sections=("foreword",)))
    child = process._child
    assert child is not None
    process.shutdown()
    assert child.poll() is not None


def test_the_first_pages_come_before_the_whole_brief(process: ProcessBuild, report: Report) -> None:
    recipe = Recipe(audience="parliamentarians", countries=("FI",))
    first: list[Preview] = []
    whole = process(report, recipe, 2, first.append)
    assert whole.pdf == build_bytes(report, recipe, "pdf") and not whole.first_pages
    (shown,) = first
    assert shown.first_pages and shown.recipe == recipe and shown.stats.pages == 2
    assert page_count(shown.pdf) == 2 and shown.pdf != whole.pdf[: len(shown.pdf)]


def test_a_brief_no_longer_than_the_first_pages_comes_once(process: ProcessBuild, report: Report) -> None:
    recipe = Recipe(sections=("foreword",), cover=False)
    first: list[Preview] = []
    whole = process(report, recipe, 40, first.append)
    assert first == [] and whole.pdf == build_bytes(report, recipe, "pdf")


def test_a_reply_cut_short_starts_a_new_child(
    process: ProcessBuild, report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    recipe = Recipe(sections=("foreword",))
    process(report, recipe)
    first = process._child
    real = build_process._receive
    cut: list[bool] = []

    def cut_short(stream: object, timeout: float | None = None) -> object:
        reply = real(stream, timeout)  # type: ignore[arg-type]
        if not cut:
            cut.append(True)
            raise pickle.UnpicklingError("pickle data was truncated")
        return reply

    monkeypatch.setattr(build_process, "_receive", cut_short)
    assert process(report, recipe).pdf == build_bytes(report, recipe, "pdf")
    assert cut and process._child is not first
