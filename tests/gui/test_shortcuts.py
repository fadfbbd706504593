"""Keyboard shortcuts reach their actions through the real window (key presses, not trigger())."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtPdfWidgets import QPdfView
from pytestqt.qtbot import QtBot

from briefer.gui.main_window import MainWindow
from briefer.tailor.recipe import Recipe
from briefer.tailor.recipe_file import save_recipe
from tests.cups_server import PdfQueue
from tests.gui.conftest import Dialogs, wait_for_preview

CTRL = Qt.KeyboardModifier.ControlModifier


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key, modifiers: Qt.KeyboardModifier = CTRL) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.preview.view, key, modifiers)


def test_the_menu_shortcuts_are_the_usual_ones(window: MainWindow) -> None:
    a = window.commands
    assert a.open.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert a.save.shortcut().toString() == "Ctrl+S"
    assert a.export_pdf.shortcut().toString() == "Ctrl+E"
    assert a.print.shortcut().toString() == "Ctrl+P"
    assert a.open.shortcut().toString() == "Ctrl+O"


def test_ctrl_s_saves(qtbot: QtBot, window: MainWindow, dialogs: Dialogs, tmp_path: Path) -> None:
    window.panel.watermark.setText("KEYS")
    dialogs.save_paths.append(str(tmp_path / "keys.yaml"))
    press(qtbot, window, Qt.Key.Key_S)
    assert "watermark: KEYS" in (tmp_path / "keys.yaml").read_text(encoding="utf-8")
    assert not window.isWindowModified()


def test_ctrl_e_exports(qtbot: QtBot, window: MainWindow, dialogs: Dialogs, tmp_path: Path) -> None:
    dialogs.save_paths.append(str(tmp_path / "keys.pdf"))
    press(qtbot, window, Qt.Key.Key_E)
    assert (tmp_path / "keys.pdf").read_bytes() == window.preview.pdf()


def test_ctrl_o_opens(qtbot: QtBot, window: MainWindow, dialogs: Dialogs, tmp_path: Path) -> None:
    path = tmp_path / "opened.yaml"
    save_recipe(Recipe(watermark="OPENED"), path)
    dialogs.open_paths.append(str(path))
    press(qtbot, window, Qt.Key.Key_O)
    assert window.panel.recipe().watermark == "OPENED"
    wait_for_preview(qtbot, window)


def test_ctrl_p_opens_the_print_dialog(qtbot: QtBot, window: MainWindow, pdf_printer: PdfQueue) -> None:
    press(qtbot, window, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: window.print_dialog is not None and window.print_dialog.isVisible(), timeout=10_000)
    assert window.print_dialog is not None
    assert window.print_dialog.printer.currentData() == pdf_printer.name
    assert window.print_dialog.document.data == window.preview.pdf()


def test_zoom_keys(qtbot: QtBot, window: MainWindow) -> None:
    view = window.preview.view
    press(qtbot, window, Qt.Key.Key_Plus)
    assert view.zoomMode() == QPdfView.ZoomMode.Custom
    bigger = view.zoomFactor()
    press(qtbot, window, Qt.Key.Key_Minus)
    assert view.zoomFactor() < bigger
    press(qtbot, window, Qt.Key.Key_0)
    assert view.zoomMode() == QPdfView.ZoomMode.FitToWidth
