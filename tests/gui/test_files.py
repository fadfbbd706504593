"""Recipes and exports through the window: save, reopen, export like the CLI, and fail safely."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from briefer.gui.main_window import MainWindow
from briefer.tailor.recipe import Recipe
from briefer.tailor.recipe_file import load_recipe, save_recipe
from tests.conftest import ROOT
from tests.gui.conftest import Dialogs, change_and_wait, open_window, wait_for_preview


def tailor_some(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.panel

    def change() -> None:
        panel.audience.setCurrentIndex(panel.audience.findData("diplomats"))
        panel.countries.item("FI").setCheckState(Qt.CheckState.Checked)
        panel.countries.item("UA").setCheckState(Qt.CheckState.Checked)
        panel.tree.section_item("self-destruct").setCheckState(0, Qt.CheckState.Unchecked)
        panel.tree.move_section("conclusion", 0)
        panel.tree.block_item("ukraine-pullquote").setCheckState(0, Qt.CheckState.Unchecked)
        panel.notes.setCurrentIndex(panel.notes.findData("end"))
        panel.citations.setCurrentIndex(panel.citations.findData("short"))
        panel.watermark.setText("DRAFT")
        panel.prepared["recipient"].setText("Ms Virtanen")
        panel.prepared["date"].setText("1 May 2026")
        panel.cover_note.setPlainText("With compliments.")

    change_and_wait(qtbot, window, change)


def test_export_gives_the_bytes_the_cli_builds(
    qtbot: QtBot, window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    tailor_some(qtbot, window)
    recipe_path = tmp_path / "saved.yaml"
    dialogs.save_paths += [str(recipe_path), str(tmp_path / "app")]
    window.commands.save.trigger()
    window.commands.export_pdf.trigger()
    assert dialogs.errors == []
    app_pdf = (tmp_path / "app.pdf").read_bytes()
    cli_pdf = tmp_path / "cli.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "briefer", "build", "--recipe", str(recipe_path), "-o", str(cli_pdf)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr
    assert app_pdf == cli_pdf.read_bytes()
    assert app_pdf == window.preview.pdf()  # the export is the preview's PDF


def test_export_markdown(qtbot: QtBot, window: MainWindow, dialogs: Dialogs, tmp_path: Path) -> None:
    tailor_some(qtbot, window)
    dialogs.save_paths.append(str(tmp_path / "brief.md"))
    window.commands.export_markdown.trigger()
    text = (tmp_path / "brief.md").read_text(encoding="utf-8")
    assert "Finland" in text and dialogs.errors == []


def test_save_and_reopen_gives_the_same_state(
    qtbot: QtBot, window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    tailor_some(qtbot, window)
    chosen = window.panel.recipe()
    path = tmp_path / "my recipe.yaml"
    assert window.save_to(path)
    assert load_recipe(path) == chosen
    assert window.windowTitle() == "my recipe.yaml[*] — Withdrawal Symptoms — briefer" and not window.isWindowModified()

    window.commands.new.trigger()
    assert window.panel.recipe() == Recipe()
    dialogs.open_paths.append(str(path))
    window.commands.open.trigger()
    assert window.panel.recipe() == chosen
    assert window.panel.tree.order()[0] == "conclusion"
    assert window.panel.countries.countries() == ("FI", "UA")
    assert window.panel.cover_note.toPlainText() == "With compliments."
    assert not window.isWindowModified() and window.recipe_path == path
    wait_for_preview(qtbot, window)


def test_save_adds_the_suffix_and_remembers_the_folder(window: MainWindow, dialogs: Dialogs, tmp_path: Path) -> None:
    dialogs.save_paths.append(str(tmp_path / "plain"))
    window.commands.save_as.trigger()
    assert (tmp_path / "plain.yaml").is_file()
    assert window.settings.recipe_folder == str(tmp_path.resolve())
    assert window.settings.recent_recipes[0] == str((tmp_path / "plain.yaml").resolve())


def test_the_recent_menu_opens_a_recipe(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "recent.yaml"
    save_recipe(Recipe(watermark="RECENT"), path)
    window.settings.add_recent_recipe(str(path))
    window.recent_menu.aboutToShow.emit()
    action = next(a for a in window.recent_menu.actions() if a.text() == "recent.yaml")
    action.trigger()
    assert window.panel.recipe().watermark == "RECENT"
    wait_for_preview(qtbot, window)


def test_a_recipe_with_errors_is_explained_and_the_current_one_stays(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    window.panel.watermark.setText("KEEP")
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\naudience: aliens\ncountries: [FI]\n", encoding="utf-8")
    assert not window.open_recipe_file(bad)
    title, _text, problems = dialogs.errors[-1]
    assert "Cannot open" in title and any("aliens" in p and "recipe" in p for p in problems)
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\nsections: [foreword\n", encoding="utf-8")
    assert not window.open_recipe_file(broken)
    assert any(str(broken) in p and ":" in p for p in dialogs.errors[-1][2])
    assert window.panel.recipe().watermark == "KEEP"


def test_a_briefer_pdf_opens_as_an_unsaved_recipe(
    qtbot: QtBot, window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    tailor_some(qtbot, window)
    chosen = window.panel.recipe()
    pdf = tmp_path / "brief.pdf"
    assert window.export_to(pdf, "pdf")
    window.commands.new.trigger()
    assert window.open_recipe_file(pdf), dialogs.error_text()
    assert window.panel.recipe() == chosen
    assert window.recipe_path is None and window.isWindowModified()  # Save must not write over the PDF
    wait_for_preview(qtbot, window)


def test_export_into_a_missing_folder_shows_an_error_and_writes_nothing(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    target = tmp_path / "no such folder" / "brief.pdf"
    dialogs.save_paths.append(str(target))
    window.commands.export_pdf.trigger()
    title, text, _ = dialogs.errors[-1]
    assert "Cannot export" in title and str(target) in text and "does not exist" in text
    assert not target.parent.exists()


def test_export_below_a_file_shows_an_error(window: MainWindow, dialogs: Dialogs, tmp_path: Path) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    assert not window.export_to(blocker / "brief.pdf", "pdf")
    assert str(blocker / "brief.pdf") in dialogs.errors[-1][1]


def test_a_full_disk_keeps_the_old_export_and_the_recipe(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"the good old brief")
    window.panel.watermark.setText("KEEP")

    def full(src: object, dst: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:  # only os.replace: the dialog stubs stay in place
        patch.setattr(os, "replace", full)
        assert not window.export_to(target, "pdf")
    title, text, _ = dialogs.errors[-1]
    assert "Cannot export" in title and str(target) in text and "disk is full" in text
    assert target.read_bytes() == b"the good old brief"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "settings") == ["brief.pdf"]
    assert window.panel.recipe().watermark == "KEEP"


def test_saving_a_recipe_that_cannot_be_written_shows_an_error(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    window.panel.watermark.setText("KEEP")
    assert not window.save_to(tmp_path / "missing" / "r.yaml")
    assert "Cannot save" in dialogs.errors[-1][0] and "does not exist" in dialogs.errors[-1][1]
    assert window.isWindowModified() and window.recipe_path is None


def test_the_app_opens_a_recipe_given_on_the_command_line(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from briefer.cli import main

    path = tmp_path / "given.yaml"
    save_recipe(Recipe(watermark="GIVEN", countries=("LT",)), path)
    seen: list[Recipe] = []

    def close_when_ready() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        ready = [w for w in windows if w.last_preview is not None and w.recipe_path == path]
        if ready and not ready[0].builder.busy:
            seen.append(ready[0].last_preview.recipe)
            ready[0].close()
        else:
            QTimer.singleShot(50, close_when_ready)

    QTimer.singleShot(50, close_when_ready)
    assert main([str(path)]) == 0
    assert seen and seen[0].watermark == "GIVEN" and seen[0].countries == ("LT",)


def test_a_second_window_shares_nothing_with_the_real_settings(qtbot: QtBot, settings_file: Path) -> None:
    window = open_window(qtbot)
    window.close()
    assert settings_file.is_file()


def test_the_app_opens_the_second_report_by_its_name(qtbot: QtBot) -> None:
    """`briefer --content gao-26-107955`: the shipped example, with its sub-headings, tables and figure."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from briefer.cli import main

    seen: list[tuple[str, int, int]] = []

    def close_when_ready() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        ready = [w for w in windows if w.last_preview is not None and w.report is not None]
        if ready and not ready[0].builder.busy:
            window = ready[0]
            seen.append((window.report.id, window.panel.tree.topLevelItemCount(), window.last_preview.stats.pages))
            window.close()
        else:
            QTimer.singleShot(50, close_when_ready)

    QTimer.singleShot(50, close_when_ready)
    assert main(["--content", "gao-26-107955"]) == 0
    assert seen and seen[0][0] == "gao-26-107955" and seen[0][1] == 8 and seen[0][2] > 10
