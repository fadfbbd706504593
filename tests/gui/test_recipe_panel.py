"""The recipe panel: every Recipe field survives set_recipe() -> recipe(), and widgets change it."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from briefer.content.model import PullQuote, Report, Sidebar
from briefer.gui.recipe_panel import RecipePanel
from briefer.tailor.recipe import CitationStyle, NotePlacement, PageSize, PreparedFor, Recipe


@pytest.fixture
def panel(qtbot: QtBot, report: Report) -> RecipePanel:
    panel = RecipePanel()
    qtbot.add_widget(panel)
    panel.set_report(report)
    return panel


def test_the_default_recipe_round_trips(panel: RecipePanel) -> None:
    assert panel.recipe() == Recipe()


def test_a_full_recipe_round_trips(panel: RecipePanel, report: Report) -> None:
    ids = [s.id for s in report.sections]
    recipe = Recipe(
        sections=(ids[3], ids[0], ids[2]),
        exclude_blocks=("source-of-confusion",),
        audience="diplomats",
        countries=("UA", "FI"),
        cover=False,
        contents=False,
        key_messages=False,
        country_boxes=False,
        sources_list=False,
        notes="end",
        citations="see-note",
        page_size="letter",
        large_print=True,
        grayscale=True,
        watermark="DRAFT",
        prepared_for=PreparedFor("Ms Virtanen", "Hearing", "Helsinki", "1 May 2026", "Lex"),
        cover_note="With compliments.",
    )
    panel.set_recipe(recipe)
    assert panel.recipe() == recipe
    assert panel.tree.order()[:3] == [ids[3], ids[0], ids[2]]


def test_a_paragraph_exclusion_the_widgets_cannot_show_is_kept(panel: RecipePanel, report: Report) -> None:
    paragraph = report.sections[1].blocks[0].id
    panel.set_recipe(Recipe(exclude_blocks=(paragraph,)))
    panel.tree.block_item("source-of-confusion").setCheckState(0, Qt.CheckState.Unchecked)
    assert set(panel.recipe().exclude_blocks) == {paragraph, "source-of-confusion"}


def test_unknown_ids_are_dropped(panel: RecipePanel) -> None:
    panel.set_recipe(Recipe(sections=("foreword", "nope"), countries=("FI", "ZZ"), audience="aliens"))
    recipe = panel.recipe()
    assert recipe.sections == ("foreword",) and recipe.countries == ("FI",) and recipe.audience is None


def test_unticking_a_box_excludes_it_and_emits(qtbot: QtBot, panel: RecipePanel) -> None:
    with qtbot.wait_signal(panel.recipe_changed) as blocker:
        panel.tree.block_item("source-of-confusion").setCheckState(0, Qt.CheckState.Unchecked)
    assert blocker.args[0].exclude_blocks == ("source-of-confusion",)


def test_tree_children_are_the_boxes_and_pull_quotes(panel: RecipePanel, report: Report) -> None:
    for section in report.sections:
        item = panel.tree.section_item(section.id)
        expected = [b.id for b in section.blocks if isinstance(b, Sidebar | PullQuote)]
        assert [item.child(i).data(0, Qt.ItemDataRole.UserRole) for i in range(item.childCount())] == expected
        assert section.summary in item.toolTip(0)


def test_select_none_and_all(qtbot: QtBot, panel: RecipePanel) -> None:
    with qtbot.wait_signal(panel.recipe_changed):
        panel.select_none.click()
    assert panel.recipe().sections == ()
    with qtbot.wait_signal(panel.recipe_changed):
        panel.select_all.click()
    assert panel.recipe().sections is None


def test_moving_a_section_orders_the_recipe(panel: RecipePanel, report: Report) -> None:
    ids = [s.id for s in report.sections]
    panel.tree.move_section(ids[-1], 0)
    assert panel.recipe().sections == (ids[-1], *ids[:-1])
    panel.tree.setCurrentItem(panel.tree.section_item(ids[-1]))
    panel.move_down.click()
    assert panel.recipe().sections == (ids[0], ids[-1], *ids[1:-1])
    for _ in ids:
        panel.move_down.click()  # stops at the end
    assert panel.recipe().sections is None  # back in the report's order


def test_the_audience_order_is_followed_until_the_user_reorders(panel: RecipePanel, report: Report) -> None:
    audience = next(a for a in report.audiences if a.section_order)
    panel.audience.setCurrentIndex(panel.audience.findData(audience.id))
    assert panel.tree.order()[: len(audience.section_order)] == list(audience.section_order)
    assert panel.recipe().sections is None and panel.recipe().audience == audience.id
    panel.audience.setCurrentIndex(0)
    assert panel.tree.order() == [s.id for s in report.sections]


def test_countries_are_kept_in_the_order_ticked(panel: RecipePanel) -> None:
    countries = panel.countries
    countries.item("UA").setCheckState(Qt.CheckState.Checked)
    countries.item("EE").setCheckState(Qt.CheckState.Checked)
    assert panel.recipe().countries == ("UA", "EE")
    assert "Ukraine, Estonia" in countries.summary.text()
    countries.clear_button.click()
    assert panel.recipe().countries == ()


def test_the_country_filter_hides_what_does_not_match(panel: RecipePanel) -> None:
    countries = panel.countries
    countries.filter.setText("fin")
    visible = [it.data(Qt.ItemDataRole.UserRole) for it in countries.items() if not it.isHidden()]
    assert visible == ["FI"]
    countries.filter.setText("")
    assert not any(it.isHidden() for it in countries.items())


def test_options_and_text_fields_change_the_recipe(panel: RecipePanel) -> None:
    panel.page_size.setCurrentIndex(panel.page_size.findData("letter"))
    panel.flags["grayscale"].setChecked(True)
    panel.watermark.setText("  DRAFT ")
    panel.prepared["recipient"].setText("Committee")
    panel.cover_note.setPlainText("Hello")
    recipe = panel.recipe()
    assert (recipe.page_size, recipe.grayscale, recipe.watermark) == ("letter", True, "DRAFT")
    assert recipe.prepared_for.recipient == "Committee" and recipe.cover_note == "Hello"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_valid_recipe_round_trips(panel: RecipePanel, report: Report, data: st.DataObject) -> None:
    ids = [s.id for s in report.sections]
    optional = [b.id for s in report.sections for b in s.blocks if isinstance(b, Sidebar | PullQuote)]
    codes = [c.code for c in report.countries]
    sections = data.draw(st.none() | st.lists(st.sampled_from(ids), min_size=1, unique=True).map(tuple))
    text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12).map(str.strip)
    recipe = Recipe(
        sections=sections,
        exclude_blocks=tuple(b for b in optional if data.draw(st.booleans())),
        audience=data.draw(st.none() | st.sampled_from([a.id for a in report.audiences])),
        countries=tuple(data.draw(st.lists(st.sampled_from(codes), unique=True))),
        notes=data.draw(st.sampled_from(list(NotePlacement))),
        citations=data.draw(st.sampled_from(list(CitationStyle))),
        page_size=data.draw(st.sampled_from(list(PageSize))),
        large_print=data.draw(st.booleans()),
        cover=data.draw(st.booleans()),
        watermark=data.draw(text),
        prepared_for=PreparedFor(recipient=data.draw(text)),
    )
    panel.set_recipe(recipe)
    shown = panel.recipe()
    if sections is not None and list(sections) == list(panel._default_order(recipe.audience)):
        recipe = dataclasses.replace(recipe, sections=None)  # the default order is written as None
    assert shown == recipe
