"""The page budget's proposals: content leaves in the defined order, each step says what went."""

from __future__ import annotations

from briefer.content.model import PullQuote, Sidebar
from briefer.tailor.budget import CutKind, proposals
from briefer.tailor.recipe import Recipe
from briefer.tailor.selection import section_order


def test_the_order_is_sources_quotes_boxes_contents_sections_then_cover(report) -> None:
    steps = list(proposals(report, Recipe()))
    assert steps[0].recipe == Recipe() and steps[0].cuts == ()
    kinds = [step.cuts[-1].kind for step in steps[1:]]
    sections = len(report.sections) - 1  # all but the first go, the last first
    assert kinds == [
        CutKind.SOURCES_LIST,
        CutKind.PULL_QUOTES,
        CutKind.BOXES,
        CutKind.CONTENTS,
        *[CutKind.SECTION] * sections,
        CutKind.COVER,
    ]
    gone = [cut.section_id for cut in steps[-1].cuts if cut.kind is CutKind.SECTION]
    assert gone == [s.id for s in reversed(report.sections[1:])]
    last = steps[-1].recipe
    assert last.sections == (report.sections[0].id,)
    assert not (last.sources_list or last.contents or last.cover)


def test_each_proposal_keeps_what_went_before(report) -> None:
    steps = list(proposals(report, Recipe(audience="diplomats", countries=("FI",))))
    for before, after in zip(steps, steps[1:], strict=False):
        assert after.cuts[: len(before.cuts)] == before.cuts and len(after.cuts) == len(before.cuts) + 1
        assert set(before.recipe.exclude_blocks) <= set(after.recipe.exclude_blocks)
        assert len(section_order(report, after.recipe)) <= len(section_order(report, before.recipe))
    quotes = {b.id for s in report.sections for b in s.blocks if isinstance(b, PullQuote | Sidebar)}
    assert quotes <= set(steps[-1].recipe.exclude_blocks)
    assert steps[-1].recipe.audience == "diplomats" and steps[-1].recipe.countries == ("FI",)


def test_steps_that_would_change_nothing_are_left_out(report) -> None:
    first = report.sections[0].id
    lean = Recipe(sections=(first,), sources_list=False, contents=False, cover=False)
    steps = list(proposals(report, lean))
    quotes = [b.id for b in report.sections[0].blocks if isinstance(b, PullQuote)]
    assert [step.cuts[-1].kind for step in steps[1:]] == ([CutKind.PULL_QUOTES] if quotes else [])


def test_a_section_cut_carries_its_title(report) -> None:
    steps = list(proposals(report, Recipe()))
    cut = next(c for c in steps[-1].cuts if c.kind is CutKind.SECTION)
    assert cut.title == report.section(cut.section_id).title
