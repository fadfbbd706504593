"""Sensible defaults for files: save dialogs next to the last export or recipe, named after the
brief; the last recipe reopened at start; a recipe or briefer PDF dropped on the window opened."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from briefer.build import build_to_file
from briefer.gui.main_window import MainWindow
from briefer.gui.settings import Settings
from briefer.tailor.recipe import Recipe
from briefer.tailor.recipe_file import save_recipe
from tests.gui.conftest import Dialogs, change_and_wait, open_window, wait_for_preview


def choose_brief(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.panel

    def choose() -> None:
        panel.audience.setCurrentIndex(panel.audience.findData("parliamentarians"))
        panel.countries.item("FI").setCheckState(Qt.CheckState.Checked)
        panel.countries.item("LT").setCheckState(Qt.CheckState.Checked)

    change_and_wait(qtbot, window, choose)


def test_export_suggests_a_name_made_from_the_brief_next_to_the_last_export(
    qtbot: QtBot, window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    dialogs.save_paths.append("")  # cancelled
    window.commands.export_pdf.trigger()
    assert dialogs.save_suggested[-1] == str(Path.home() / "withdrawal-symptoms.pdf")
    choose_brief(qtbot, window)
    out = tmp_path / "exports"
    out.mkdir()
    dialogs.save_paths.append(str(out / "first.pdf"))
    window.commands.export_pdf.trigger()
    assert dialogs.save_suggested[-1] == str(Path.home() / "parliamentarians-finland-lithuania.pdf")
    dialogs.save_paths.append("")
    window.commands.export_markdown.trigger()
    assert dialogs.save_suggested[-1] == str(out / "parliamentarians-finland-lithuania.md")
    dialogs.save_paths.append("")
    window.commands.save_as.trigger()  # a recipe never saved goes next to the last export too
    assert dialogs.save_suggested[-1] == str(out / "parliamentarians-finland-lithuania.yaml")


def test_a_folder_that_has_gone_falls_back_to_the_nearest_that_exists(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    window.settings.export_folder = str(tmp_path / "gone" / "deeper")
    dialogs.save_paths.append("")
    window.commands.export_pdf.trigger()
    assert dialogs.save_suggested[-1] == str(tmp_path / "withdrawal-symptoms.pdf")


def test_the_last_recipe_is_reopened_at_start(qtbot: QtBot, dialogs: Dialogs, tmp_path: Path) -> None:
    window = open_window(qtbot)
    path = tmp_path / "meeting.yaml"
    save_recipe(Recipe(watermark="AGAIN", countries=("UA",)), path)
    assert window.open_recipe_file(path)
    wait_for_preview(qtbot, window)
    assert window.close()
    again = open_window(qtbot)
    assert again.recipe_path == path and again.panel.recipe().watermark == "AGAIN"
    assert again.windowTitle().startswith("meeting.yaml") and not again.isWindowModified()
    assert "Reopened" in again.statusBar().currentMessage()


def test_reopening_is_a_setting_and_an_unsaved_recipe_is_not_reopened(
    qtbot: QtBot, dialogs: Dialogs, tmp_path: Path
) -> None:
    path = tmp_path / "meeting.yaml"
    save_recipe(Recipe(watermark="AGAIN"), path)
    settings = Settings()
    settings.last_recipe = str(path)
    settings.reopen_last_recipe = False
    settings.sync()
    assert open_window(qtbot).recipe_path is None
    settings.reopen_last_recipe = True
    settings.sync()
    window = open_window(qtbot)
    assert window.recipe_path == path
    dialogs.save_changes_answer = "discard"
    window.commands.new.trigger()
    assert window.close()
    assert open_window(qtbot).recipe_path is None  # New, then closed: nothing to reopen


def test_a_last_recipe_that_is_gone_is_said_quietly(qtbot: QtBot, dialogs: Dialogs, tmp_path: Path) -> None:
    settings = Settings()
    settings.last_recipe = str(tmp_path / "gone.yaml")
    settings.sync()
    window = open_window(qtbot)
    assert window.recipe_path is None and dialogs.errors == []
    assert "gone.yaml" in window.statusBar().currentMessage()


def drop(qtbot: QtBot, target: QWidget, path: Path) -> bool:
    """Drag a file from the desktop over `target` and drop it; True when the drop was accepted."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    point = QPointF(target.rect().center())
    actions = Qt.DropAction.CopyAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point.toPoint(), actions, mime, buttons, modifiers)
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        return False
    dropped = QDropEvent(point, actions, mime, buttons, modifiers)
    QApplication.sendEvent(target, dropped)
    return dropped.isAccepted()


def test_a_recipe_dropped_on_the_window_opens(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "dropped.yaml"
    save_recipe(Recipe(watermark="DROPPED"), path)
    assert drop(qtbot, window.preview.view.viewport(), path)
    assert window.panel.recipe().watermark == "DROPPED" and window.recipe_path == path
    wait_for_preview(qtbot, window)


def test_a_recipe_dropped_on_the_cover_note_opens_and_is_not_typed_in(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "dropped.yaml"
    save_recipe(Recipe(cover_note="From the file."), path)
    window.panel.show_page(3)
    note = window.panel.cover_note
    assert drop(qtbot, note.viewport(), path)
    assert note.toPlainText() == "From the file." and str(path) not in note.toPlainText()
    wait_for_preview(qtbot, window)


def test_a_briefer_pdf_dropped_on_the_window_opens_its_recipe(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, report
) -> None:
    pdf = tmp_path / "brief.pdf"
    build_to_file(report, Recipe(countries=("EE",), watermark="FROM PDF"), pdf)
    assert drop(qtbot, window.panel.tree.viewport(), pdf)
    assert window.panel.recipe().watermark == "FROM PDF" and window.recipe_path is None
    wait_for_preview(qtbot, window)


def test_other_files_are_not_taken(window: MainWindow, tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("hello", encoding="utf-8")
    assert not drop(None, window.preview.view.viewport(), other)  # type: ignore[arg-type]
