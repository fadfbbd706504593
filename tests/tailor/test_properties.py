"""Property tests: for any choice of sections, order, audience and countries, notes are right,
in both real reports."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.content.model import Cite, Report, block_sources
from briefer.tailor.recipe import Recipe
from briefer.tailor.tailor import tailor

from ..conftest import CONTENT, GAO
from .helpers import marks_in_order, note_text

_REPORTS: dict[str, Report] = {}


def real_report(which: str = "withdrawal-symptoms") -> Report:
    if which not in _REPORTS:
        from briefer.content.load import load_report

        _REPORTS[which] = load_report({"withdrawal-symptoms": CONTENT, "gao-26-107955": GAO}[which])
    return _REPORTS[which]


@st.composite
def briefs(draw: st.DrawFn) -> tuple[Report, Recipe]:
    """One of the real reports and a recipe for it."""
    report = real_report(draw(st.sampled_from(["withdrawal-symptoms", "gao-26-107955"])))
    return report, draw(recipes(report))


@st.composite
def recipes(draw: st.DrawFn, report: Report) -> Recipe:
    sections = draw(st.permutations([s.id for s in report.sections]))
    count = draw(st.integers(min_value=1, max_value=len(sections)))
    audience = draw(st.none() | st.sampled_from([a.id for a in report.audiences]))
    codes = [c.code for c in report.countries]
    countries = draw(st.lists(st.sampled_from(codes), unique=True, max_size=4)) if codes else []
    style = draw(st.sampled_from(["ibid", "short", "full", "see-note"]))
    return Recipe(
        sections=tuple(sections[:count]),
        audience=audience,
        countries=tuple(countries),
        citations=style,
        key_messages=draw(st.booleans()),
        country_boxes=draw(st.booleans()),
    )


@settings(max_examples=150, deadline=None)
@given(chosen=briefs())
def test_notes_numbered_in_reading_order_one_to_one(chosen: tuple[Report, Recipe]) -> None:
    report, recipe = chosen
    brief = tailor(report, recipe)
    marks = marks_in_order(brief)
    assert [number for number, _ in marks] == list(range(1, len(brief.notes) + 1))
    assert [n.number for n in brief.notes] == list(range(1, len(brief.notes) + 1))
    for number, carrier in marks:
        assert brief.notes[number - 1].carrier == carrier


@settings(max_examples=150, deadline=None)
@given(chosen=briefs())
def test_every_ibid_follows_a_note_citing_only_that_source(chosen: tuple[Report, Recipe]) -> None:
    report, recipe = chosen
    brief = tailor(report, recipe)
    for note in brief.notes:
        text = note_text(brief, note.number)
        if "ibid." in text.lower():
            assert recipe.citations == "ibid"
            assert note.number > 1
            previous = brief.notes[note.number - 2]
            assert len(previous.source_ids) == 1
            assert note.source_ids[0] == previous.source_ids[0]


@settings(max_examples=100, deadline=None)
@given(chosen=briefs())
def test_first_citation_of_each_source_is_full(chosen: tuple[Report, Recipe]) -> None:
    report, recipe = chosen
    brief = tailor(report, recipe)
    seen: set[str] = set()
    for note in brief.notes:
        text = note_text(brief, note.number)
        for source_id in note.source_ids:
            if source_id not in seen:
                source = report.source(source_id)
                assert (source.title or source.url) in text
            seen.add(source_id)
    # the sources list holds what the notes cite, and what the brief's tables and figures cite
    shown = {b.id for p in brief.sections for b in p.blocks}
    tables = {
        c.source_id
        for s in report.sections
        for b in s.blocks
        if b.id in shown
        for c in block_sources(b)
        if isinstance(c, Cite)
    }
    assert {s.id for s in brief.sources} == seen | tables
