"""The tailoring rules, one test each, on the real report and on the mini report."""

from __future__ import annotations

import dataclasses

import pytest

from briefer.content.model import Report
from briefer.tailor.brief import (
    BParagraph,
    BSidebar,
    ComparisonTable,
    CountryBox,
    KeyMessagesPart,
    SectionPart,
)
from briefer.tailor.recipe import Recipe
from briefer.tailor.recipe_check import RecipeError
from briefer.tailor.tailor import tailor

from .helpers import marks_in_order, note_text


def test_self_destruct_cites_gao_in_full_then_ibid(report: Report) -> None:
    brief = tailor(report, Recipe(sections=("self-destruct",)))
    origins = {n.origin: n.number for n in brief.notes}
    first = note_text(brief, origins["21"])
    assert first.startswith("See United States General Accounting Office, “Information on the U.S. Use of Land Mines")
    assert "pp. 23–30" in first
    assert note_text(brief, origins["22"]) == "Ibid."
    assert origins["22"] == origins["21"] + 1


def test_military_utility_repeat_of_tollefsen_is_ibid(report: Report) -> None:
    brief = tailor(report, Recipe(sections=("military-utility",)))
    origins = {n.origin: n.number for n in brief.notes}
    assert note_text(brief, origins["12"]).startswith("Erik Tollefsen and Pete Evans, “Do anti-personnel mines")
    assert note_text(brief, origins["13"]) == "See ibid."
    assert all("note 15" not in note_text(brief, n.number) for n in brief.notes)
    assert note_text(brief, origins["11"]) == "Ibid., p. 44."


def test_ibid_only_after_a_note_citing_the_same_source_alone(report: Report) -> None:
    # with military-utility alone, note 15 (GAO) follows note 14 (FFI): short form never Ibid.
    brief = tailor(report, Recipe(sections=("military-utility", "self-destruct")))
    origins = {n.origin: n.number for n in brief.notes}
    # note 20 cites Hiznay, so note 21's repeat of GAO (in full at note 15) takes the short form
    assert note_text(brief, origins["21"]) == "See GAO, “Land Mines in the Persian Gulf War”, pp. 23–30."
    assert note_text(brief, origins["22"]) == "Ibid."


@pytest.mark.parametrize(
    "style,expected",
    [
        ("full", "See Erik Tollefsen and Pete Evans, “Do anti-personnel mines still have military utility"),
        ("short", "See Tollefsen and Evans"),
        ("see-note", "See Tollefsen and Evans"),
    ],
)
def test_repeat_citation_styles(report: Report, style: str, expected: str) -> None:
    brief = tailor(report, Recipe(sections=("military-utility",), citations=style))
    origins = {n.origin: n.number for n in brief.notes}
    text = note_text(brief, origins["13"])
    assert text.startswith(expected)
    if style == "see-note":
        assert f"note {origins['12']}" in text


def test_notes_start_at_one_in_every_brief(report: Report) -> None:
    for section in report.sections:
        brief = tailor(report, Recipe(sections=(section.id,)))
        assert [n.number for n in brief.notes] == list(range(1, len(brief.notes) + 1))
        if brief.notes:
            assert marks_in_order(brief)[0][0] == 1


def test_brief_without_notes_has_none(report: Report) -> None:
    brief = tailor(report, Recipe(sections=("foreword",), sources_list=True))
    assert brief.notes == ()
    assert brief.sources == ()


def test_only_chosen_sections_in_chosen_order(report: Report) -> None:
    brief = tailor(report, Recipe(sections=("conclusion", "introduction")))
    assert [p.id for p in brief.parts] == ["conclusion", "introduction"]


def test_left_out_block_and_its_notes_are_gone(report: Report) -> None:
    with_box = tailor(report, Recipe(sections=("unacceptable-harm",)))
    assert any(isinstance(b, BSidebar) for b in with_box.sections[0].blocks)
    block = next(
        b
        for b in report.section("military-utility").blocks
        if "[^12]" in repr(b) or any(getattr(p, "note_id", "") == "12" for p in getattr(b, "text", ()))
    )
    brief = tailor(report, Recipe(sections=("military-utility",), exclude_blocks=(block.id,)))
    assert block.id not in [b.id for b in brief.sections[0].blocks]
    assert "12" not in [n.origin for n in brief.notes]
    # note 13 now is the first citation of Tollefsen and Evans, so it is printed in full
    origins = {n.origin: n.number for n in brief.notes}
    assert note_text(brief, origins["13"]).startswith("See Erik Tollefsen and Pete Evans, “Do")


def test_audience_comes_first_and_sets_order(report: Report) -> None:
    brief = tailor(report, Recipe(audience="defence"))
    assert isinstance(brief.parts[0], KeyMessagesPart)
    assert brief.parts[0].audience_name == report.audience("defence").name
    order = [p.id for p in brief.parts if isinstance(p, SectionPart)]
    preferred = list(report.audience("defence").section_order)
    assert order[: len(preferred)] == preferred
    assert sorted(order) == sorted(s.id for s in report.sections)
    assert brief.audience_name == report.audience("defence").name


def test_key_messages_can_be_left_out(report: Report) -> None:
    brief = tailor(report, Recipe(audience="media", key_messages=False))
    assert not any(isinstance(p, KeyMessagesPart) for p in brief.parts)


def test_country_boxes_and_comparison(report: Report) -> None:
    one = tailor(report, Recipe(countries=("FI",)))
    assert [p.id for p in one.parts if isinstance(p, CountryBox)] == ["country-FI"]
    assert not any(isinstance(p, ComparisonTable) for p in one.parts)
    two = tailor(report, Recipe(countries=("FI", "LT")))
    table = next(p for p in two.parts if isinstance(p, ComparisonTable))
    assert table.headers == ("Country", "APMBC", "CCM")
    assert [row[0] for row in table.rows] == ["Finland", "Lithuania"]


def test_country_passages_emphasised(report: Report) -> None:
    brief = tailor(report, Recipe(countries=("FI",)))
    emphasised = [b for s in brief.sections for b in s.blocks if getattr(b, "emphasised", False)]
    assert emphasised
    assert any(
        "Finnish Defence Forces" in "".join(getattr(p, "text", "") for p in b.text)
        for b in emphasised
        if isinstance(b, BParagraph)
    )
    plain = tailor(report, Recipe())
    assert not any(getattr(b, "emphasised", False) for s in plain.sections for b in s.blocks)


def test_country_facts_are_sourced_notes(report: Report) -> None:
    brief = tailor(report, Recipe(sections=("conclusion",), countries=("EE",)))
    box = next(p for p in brief.parts if isinstance(p, CountryBox))
    marks = [n for n, carrier in marks_in_order(brief) if carrier == box.id]
    assert len(marks) == len(box.facts) + len(box.instruments)
    for number in marks:
        assert brief.notes[number - 1].carrier == "country-EE"
        assert brief.notes[number - 1].source_ids


def test_tagged_blocks_only_for_their_country_and_audience(mini_report: Report) -> None:
    ids = lambda b: [blk.id for s in b.sections for blk in s.blocks]  # noqa: E731
    assert "cases-3" not in ids(tailor(mini_report, Recipe()))
    assert "cases-3" in ids(tailor(mini_report, Recipe(countries=("UA",))))


def test_sources_list_is_exactly_the_cited(report: Report) -> None:
    brief = tailor(report, Recipe(sections=("military-utility",)))
    cited = {s for n in brief.notes for s in n.source_ids}
    assert {s.id for s in brief.sources} == cited
    assert tailor(report, Recipe(sections=("military-utility",), sources_list=False)).sources == ()


def test_notes_record_their_carrier(report: Report) -> None:
    brief = tailor(report, Recipe(audience="parliamentarians", countries=("UA",)))
    for number, carrier in marks_in_order(brief):
        assert brief.notes[number - 1].carrier == carrier


def test_bad_recipe_lists_valid_choices(report: Report) -> None:
    with pytest.raises(RecipeError) as info:
        tailor(report, Recipe(sections=("nope",), audience="aliens", countries=("XX",), page_size="a3"))
    message = str(info.value)
    assert "unknown section 'nope' (valid: foreword, introduction" in message
    assert "unknown audience 'aliens' (valid: parliamentarians, defence, diplomats, media, public)" in message
    assert "unknown country 'XX'" in message
    assert "unknown page size 'a3' (valid: a4, letter)" in message


def test_layout_and_recipe_carried(report: Report) -> None:
    recipe = Recipe(sections=("introduction",), page_size="letter", large_print=True, watermark="DRAFT")
    brief = tailor(report, recipe)
    assert brief.layout.page_size == "letter" and brief.layout.large_print and brief.layout.watermark == "DRAFT"
    assert "page_size: letter" in brief.recipe_yaml


def test_tailor_is_pure(report: Report) -> None:
    recipe = Recipe(audience="diplomats", countries=("LT", "UA"))
    assert tailor(report, recipe) == tailor(report, dataclasses.replace(recipe))


def test_a_brief_of_key_messages_only(report: Report) -> None:
    brief = tailor(report, Recipe(sections=(), audience="diplomats", countries=("LT",)))
    assert brief.sections == ()
    assert [type(p).__name__ for p in brief.parts] == ["KeyMessagesPart", "CountryBox"]
    assert [n.number for n in brief.notes] == list(range(1, len(brief.notes) + 1))


def test_sources_list_is_alphabetical_by_its_first_words(report: Report) -> None:
    brief = tailor(report, Recipe(countries=("UA", "PL")))
    firsts = ["".join(s.text for s in entry.text).lstrip("“\"'").casefold() for entry in brief.sources]
    assert firsts == sorted(firsts)
