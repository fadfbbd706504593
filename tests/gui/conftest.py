"""Fixtures for driving the real window offscreen.

Every test gets its own settings file (never the user's), and every modal dialog is replaced by
a recorder: a test that reaches an unexpected dialog fails instead of hanging.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from briefer.gui.main_window import MainWindow
from tests.conftest import CONTENT

PREVIEW_TIMEOUT_MS = 60_000
# The offscreen platform cannot pass a window's size hints on to a window system and says so
# whenever a top-level window's size constraints change; it is not a fault of the app.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/gui/" in item.nodeid:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@dataclass
class Dialogs:
    """What the app asked; answers the tests set up in advance."""

    errors: list[tuple[str, str, list[str]]] = field(default_factory=list)
    infos: list[tuple[str, str, list[str]]] = field(default_factory=list)
    yes_no_answers: list[bool] = field(default_factory=list)
    yes_no_asked: list[str] = field(default_factory=list)
    save_changes_answer: str = "discard"
    save_changes_asked: int = 0
    open_paths: list[str] = field(default_factory=list)
    save_paths: list[str] = field(default_factory=list)
    folders: list[str] = field(default_factory=list)
    opened: list[str] = field(default_factory=list)  # files and folders handed to the desktop
    raster_printers: list[object] = field(default_factory=list)  # QPrinters the system print dialog "chose"
    abouts: int = 0

    def error_text(self) -> str:
        return "\n".join(f"{t}\n{x}\n" + "\n".join(p) for t, x, p in self.errors)


@pytest.fixture(autouse=True)
def settings_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "settings" / "briefer.ini"
    monkeypatch.setenv("BRIEFER_SETTINGS", str(path))
    return path


@pytest.fixture(autouse=True)
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    from briefer.gui import dialogs as module

    record = Dialogs()

    def show_error(parent, title, text, problems=None):
        record.errors.append((title, text, list(problems or [])))

    def show_info(parent, title, text, lines=None):
        record.infos.append((title, text, list(lines or [])))

    def ask_yes_no(parent, title, text):
        record.yes_no_asked.append(text)
        assert record.yes_no_answers, f"unexpected question: {text}"
        return record.yes_no_answers.pop(0)

    def ask_save_changes(parent, name):
        record.save_changes_asked += 1
        return record.save_changes_answer

    def ask_open_path(parent, caption, folder, filters):
        assert record.open_paths, f"unexpected open dialog: {caption}"
        return record.open_paths.pop(0)

    def ask_save_path(parent, caption, suggested, filters):
        assert record.save_paths, f"unexpected save dialog: {caption}"
        return record.save_paths.pop(0)

    def ask_folder(parent, caption, folder):
        assert record.folders, f"unexpected folder dialog: {caption}"
        return record.folders.pop(0)

    def open_location(path):
        record.opened.append(str(path))
        return True

    def show_about(parent, report=None):
        record.abouts += 1

    def ask_raster_printer(parent, title, page_count):
        assert record.raster_printers, f"unexpected system print dialog for {title}"
        return record.raster_printers.pop(0)

    monkeypatch.setattr(module, "show_error", show_error)
    monkeypatch.setattr(module, "show_info", show_info)
    monkeypatch.setattr(module, "ask_yes_no", ask_yes_no)
    monkeypatch.setattr(module, "ask_save_changes", ask_save_changes)
    monkeypatch.setattr(module, "ask_open_path", ask_open_path)
    monkeypatch.setattr(module, "ask_save_path", ask_save_path)
    monkeypatch.setattr(module, "ask_folder", ask_folder)
    monkeypatch.setattr(module, "open_location", open_location)
    monkeypatch.setattr(module, "show_about", show_about)
    monkeypatch.setattr(module, "ask_raster_printer", ask_raster_printer)
    return record


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A private copy of the shipped content, safe to break."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


def open_window(qtbot: QtBot, content: Path = CONTENT) -> MainWindow:
    window = MainWindow(content_dir=content)
    qtbot.add_widget(window)
    window.resize(1200, 800)
    window.show()
    wait_for_preview(qtbot, window)
    return window


def wait_for_preview(qtbot: QtBot, window: MainWindow) -> None:
    """Until the preview shows a build of exactly the recipe on the panel."""

    def current() -> None:
        preview = window.last_preview
        assert preview is not None and preview.recipe == window.panel.recipe()
        assert not window.builder.busy and not window.debounce.isActive()
        assert window.preview.showing_pdf()

    qtbot.waitUntil(current, timeout=PREVIEW_TIMEOUT_MS)


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    return open_window(qtbot)


def preview_text(window: MainWindow) -> str:
    """All the text of the document on show, read back through QPdfDocument, whitespace collapsed."""
    document = window.preview.document()
    assert document is not None
    text = " ".join(document.getAllText(page).text() for page in range(document.pageCount()))
    return " ".join(text.split())


def change_and_wait(qtbot: QtBot, window: MainWindow, change) -> None:  # noqa: ANN001 (any callable)
    """Make a change through the widgets, then wait for the preview of the result."""
    change()
    wait_for_preview(qtbot, window)
