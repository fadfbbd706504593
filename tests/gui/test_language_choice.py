"""The brief's language on the recipe panel, and the preview that follows it."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from briefer.content.model import Report
from briefer.gui.main_window import MainWindow
from briefer.gui.recipe_panel import RecipePanel
from briefer.tailor.recipe import Recipe, Untranslated
from tests.gui.conftest import change_and_wait, preview_text


def test_the_panel_offers_every_catalogue_language(qtbot: QtBot, report: Report) -> None:
    panel = RecipePanel()
    qtbot.add_widget(panel)
    panel.set_report(report)
    names = [panel.language.itemText(i) for i in range(panel.language.count())]
    assert names[0] == "The report's own (English)"
    assert {"français", "українська", "lietuvių", "suomi", "Deutsch", "español"} <= set(names)
    assert "English" not in names[1:]
    assert not panel.mark_untranslated.isEnabled()
    panel.language.setCurrentIndex(panel.language.findData("uk"))
    assert panel.mark_untranslated.isEnabled() and panel.recipe().language == "uk"
    recipe = Recipe(language="fr-CA", untranslated=Untranslated.MARK, audience="media")
    panel.set_recipe(recipe)
    assert panel.recipe() == recipe  # a regional variant the list lacks is added, not lost
    assert panel.language.currentText() == "français (Canada)"


def test_the_preview_follows_the_language(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.panel
    sample = Recipe(sections=("conclusion",), audience="diplomats", countries=("SE", "NO"))
    change_and_wait(qtbot, window, lambda: panel.set_recipe(sample) or panel.recipe_changed.emit(sample, False))

    def ukrainian() -> None:
        panel.language.setCurrentIndex(panel.language.findData("uk"))

    change_and_wait(qtbot, window, ukrainian)
    text = preview_text(window)
    assert "Ключові тези: Дипломати та делегації на нарадах договорів" in text
    assert "Висновок: справа у фактах" in text and "Conclusion" not in text


def test_a_brief_waiting_for_translations_says_what_is_missing(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.panel
    with qtbot.wait_signal(window.builder.problems_changed, timeout=60_000):
        panel.language.setCurrentIndex(panel.language.findData("fr"))
    qtbot.waitUntil(lambda: not window.preview.showing_pdf(), timeout=60_000)
    problems = window.preview.problems
    assert problems.title.text() == "This recipe cannot be built"
    details = problems.details.toPlainText()
    assert "block:foreword-1" in details and "--untranslated mark" in details

    change_and_wait(qtbot, window, lambda: panel.mark_untranslated.setCheckState(Qt.CheckState.Checked))
    assert window.last_preview.recipe == dataclasses.replace(Recipe(language="fr"), untranslated=Untranslated.MARK)
    assert "[non traduit]" in preview_text(window) and "Sommaire" in preview_text(window)
