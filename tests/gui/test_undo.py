"""Edit ▸ Undo and Redo through the keys: every change to the recipe, typing merged per field."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from briefer.gui.main_window import MainWindow
from briefer.tailor.recipe import Recipe
from briefer.tailor.recipe_file import save_recipe
from tests.gui.conftest import Dialogs, change_and_wait, preview_text, wait_for_preview

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def press(qtbot: QtBot, window: MainWindow, which: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    target = QApplication.focusWidget() or window.preview.view
    qtbot.keyClick(target, which, modifiers)


def test_ctrl_z_undoes_a_tick_and_ctrl_shift_z_redoes_it(qtbot: QtBot, window: MainWindow) -> None:
    tree = window.panel.tree
    conclusion = tree.section_item("conclusion")
    title = window.report.section("conclusion").title
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    tree.setCurrentItem(conclusion)
    tree.setFocus()
    change_and_wait(qtbot, window, lambda: qtbot.keyClick(tree, Qt.Key.Key_Space))  # the tick, by key too
    assert conclusion.checkState(0) == Qt.CheckState.Unchecked
    assert title not in preview_text(window)
    assert window.commands.undo.isEnabled() and window.commands.undo.text() == "&Undo sections"

    window.preview.view.setFocus()
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert tree.section_item("conclusion").checkState(0) == Qt.CheckState.Checked
    wait_for_preview(qtbot, window)
    assert title in preview_text(window) and window.last_preview.recipe == Recipe()
    assert not window.isWindowModified()

    press(qtbot, window, Qt.Key.Key_Z, CTRL_SHIFT)
    assert tree.section_item("conclusion").checkState(0) == Qt.CheckState.Unchecked
    wait_for_preview(qtbot, window)
    assert title not in preview_text(window)

    press(qtbot, window, Qt.Key.Key_Z, CTRL)  # and Ctrl+Y redoes too
    press(qtbot, window, Qt.Key.Key_Y, CTRL)
    assert window.panel.recipe().sections is not None and "conclusion" not in window.panel.recipe().sections


def test_typing_in_one_field_is_undone_as_one_change(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.panel
    panel.flags["grayscale"].setChecked(True)
    panel.show_page(2)
    panel.watermark.setFocus()
    qtbot.keyClicks(panel.watermark, "DRAFT")
    qtbot.keyClicks(panel.prepared["recipient"], "Ms Virtanen")
    stack = window.history.stack
    assert stack.count() == 3  # grayscale, the watermark's five letters, the recipient's eleven

    panel.watermark.setFocus()  # Ctrl+Z in a text field reaches the window's history
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert panel.prepared["recipient"].text() == "" and panel.watermark.text() == "DRAFT"
    assert panel.toolbox.currentIndex() == 3  # the page of the change taken back
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert panel.watermark.text() == "" and panel.flags["grayscale"].isChecked()
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert not panel.flags["grayscale"].isChecked() and not window.commands.undo.isEnabled()
    press(qtbot, window, Qt.Key.Key_Z, CTRL_SHIFT)
    press(qtbot, window, Qt.Key.Key_Z, CTRL_SHIFT)
    assert panel.watermark.text() == "DRAFT" and panel.flags["grayscale"].isChecked()
    wait_for_preview(qtbot, window)
    assert window.last_preview.recipe.watermark == "DRAFT"


def test_every_kind_of_change_can_be_undone(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.panel
    changes = [
        lambda: panel.audience.setCurrentIndex(panel.audience.findData("diplomats")),
        lambda: panel.countries.item("UA").setCheckState(Qt.CheckState.Checked),
        lambda: panel.tree.block_item("source-of-confusion").setCheckState(0, Qt.CheckState.Unchecked),
        lambda: panel.tree.move_section("conclusion", 0),
        lambda: panel.page_size.setCurrentIndex(panel.page_size.findData("letter")),
        lambda: panel.notes.setCurrentIndex(panel.notes.findData("end")),
        lambda: panel.flags["contents"].setChecked(False),
        lambda: panel.cover_note.setPlainText("With compliments."),
    ]
    states = [panel.recipe()]
    for change in changes:
        change()
        states.append(panel.recipe())
    assert len(set(map(repr, states))) == len(states)  # each one changed the recipe
    for state in reversed(states[:-1]):
        window.commands.undo.trigger()
        assert panel.recipe() == state
    for state in states[1:]:
        window.commands.redo.trigger()
        assert panel.recipe() == state
    wait_for_preview(qtbot, window)


def test_opening_a_recipe_starts_a_new_history(
    qtbot: QtBot, window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    window.panel.watermark.setText("BEFORE")
    path = tmp_path / "opened.yaml"
    save_recipe(Recipe(watermark="OPENED"), path)
    dialogs.save_changes_answer = "discard"
    assert window.open_recipe_file(path)
    assert not window.commands.undo.isEnabled()
    wait_for_preview(qtbot, window)
