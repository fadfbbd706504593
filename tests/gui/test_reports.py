"""Reports in the app: open another by menu or by --content, remember it, refuse or follow a
recipe of another report, say what changed since a brief was made, and explain broken folders."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from briefer.build import build_bytes
from briefer.content.load import load_report
from briefer.gui.about import about_html
from briefer.gui.main_window import MainWindow
from briefer.gui.settings import Settings
from briefer.tailor.recipe import Recipe
from tests.conftest import CONTENT, MINI, package_without_fonts
from tests.gui.conftest import Dialogs, change_and_wait, open_window, wait_for_preview


def open_report_by_menu(qtbot: QtBot, window: MainWindow, dialogs: Dialogs, folder: Path) -> None:
    dialogs.folders.append(str(folder))
    window.commands.open_report.trigger()
    wait_for_preview(qtbot, window)


def test_open_a_second_report_by_the_menu(qtbot: QtBot, window: MainWindow, dialogs: Dialogs) -> None:
    assert window.windowTitle() == "Untitled[*] — Withdrawal Symptoms — briefer"
    assert window.report_label.text() == "Report: Withdrawal Symptoms"
    assert "\nThe report shipped with briefer: " in window.report_label.toolTip()
    open_report_by_menu(qtbot, window, dialogs, MINI)
    assert window.windowTitle() == "Untitled[*] — Shared Rivers — briefer"
    assert window.report_label.text() == "Report: Shared Rivers"
    assert window.panel.tree.section_item("cases") is not None
    assert window.panel.countries.item("PL") is not None
    assert "Shared Rivers" in about_html(report=window.report)
    assert not dialogs.errors and not dialogs.infos


def test_the_report_is_remembered_and_reopened(qtbot: QtBot, window: MainWindow, dialogs: Dialogs) -> None:
    open_report_by_menu(qtbot, window, dialogs, MINI)
    window.close()
    assert Settings().report_folder == str(MINI.resolve())
    again = MainWindow()
    qtbot.add_widget(again)
    wait_for_preview(qtbot, again)
    assert again.report is not None and again.report.id == "river-compact"
    recent = again.recent_reports_menu
    recent.aboutToShow.emit()
    labels = [a.text() for a in recent.actions()]
    assert labels[0] == "Shared Rivers — mini-report"
    assert labels[1] == "Withdrawal Symptoms — content"
    # the shipped report is the default again once chosen again
    recent.actions()[1].trigger()
    wait_for_preview(qtbot, again)
    assert again.report.id == "withdrawal-symptoms" and Settings().report_folder == ""


def test_a_report_that_has_gone_falls_back_to_the_shipped_one(qtbot: QtBot, tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    shutil.copytree(MINI, gone)
    Settings().report_folder = str(gone)
    shutil.rmtree(gone)
    window = MainWindow()
    qtbot.add_widget(window)
    wait_for_preview(qtbot, window)
    assert window.report is not None and window.report.id == "withdrawal-symptoms"
    assert f"The report open last time ({gone}) is no longer there" in window.statusBar().currentMessage()


def test_the_app_opens_the_report_given_with_content(tmp_path: Path) -> None:
    shot = tmp_path / "window.png"
    done = subprocess.run(
        [sys.executable, "-m", "briefer", "--content", str(MINI), "--screenshot", str(shot)],
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "BRIEFER_SETTINGS": str(tmp_path / "s.ini"), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    assert f"briefer: Untitled — Shared Rivers — briefer: saved {shot}" in done.stderr
    assert shot.read_bytes().startswith(b"\x89PNG")


def test_switching_with_unsaved_changes_asks_first(qtbot: QtBot, window: MainWindow, dialogs: Dialogs) -> None:
    change_and_wait(qtbot, window, lambda: window.panel.watermark.setText("DRAFT"))
    dialogs.save_changes_answer = "cancel"
    dialogs.folders.append(str(MINI))
    window.commands.open_report.trigger()
    assert dialogs.save_changes_asked == 1
    assert window.report is not None and window.report.id == "withdrawal-symptoms"
    dialogs.save_changes_answer = "discard"
    open_report_by_menu(qtbot, window, dialogs, MINI)
    assert dialogs.save_changes_asked == 2 and window.report.id == "river-compact"


def test_choices_the_new_report_lacks_are_named(qtbot: QtBot, window: MainWindow, dialogs: Dialogs) -> None:
    def choose() -> None:
        window.panel.audience.setCurrentIndex(window.panel.audience.findData("defence"))
        window.panel.countries.item("FI").setCheckState(Qt.CheckState.Checked)
        window.panel.watermark.setText("DRAFT")

    change_and_wait(qtbot, window, choose)
    dialogs.save_changes_answer = "discard"
    open_report_by_menu(qtbot, window, dialogs, MINI)
    title, text, lines = dialogs.infos[-1]
    assert title == "Some choices do not fit this report"
    assert "“Shared Rivers” does not have some of the choices" in text
    assert any(line.startswith("unknown audience 'defence'") for line in lines)
    assert any(line.startswith("unknown country 'FI'") for line in lines)
    assert window.panel.recipe().watermark == "DRAFT"  # what fits is kept


def test_a_folder_that_is_no_report_is_explained(
    qtbot: QtBot, window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    (tmp_path / "notes.txt").write_text("not a report", encoding="utf-8")
    dialogs.folders.append(str(tmp_path))
    window.commands.open_report.trigger()
    title, text, problems = dialogs.errors[-1]
    assert title == "Cannot open the report" and str(tmp_path) in text
    assert "holds no report.yaml" in problems[0]
    assert window.report is not None and window.report.id == "withdrawal-symptoms"


def test_a_newer_content_format_is_explained(
    qtbot: QtBot, window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    newer = tmp_path / "newer"
    shutil.copytree(MINI, newer)
    meta = (MINI / "report.yaml").read_text("utf-8")
    (newer / "report.yaml").write_text(meta.replace("format: 2\n", "format: 7\n"), "utf-8")
    dialogs.folders.append(str(newer))
    window.commands.open_report.trigger()
    assert window.preview.stack.currentWidget() is window.preview.problems
    assert "content format 7, newer than this briefer reads" in window.preview.problems.details.toPlainText()
    assert window.windowTitle() == "Untitled[*] — newer — briefer"  # never the previous report's name


def _pdf_of(tmp_path: Path, folder: Path, recipe: Recipe) -> Path:
    path = tmp_path / "old-brief.pdf"
    path.write_bytes(build_bytes(load_report(folder), recipe))
    return path


def test_a_brief_of_another_report_names_both(qtbot: QtBot, window: MainWindow, dialogs: Dialogs, tmp_path) -> None:
    pdf = _pdf_of(tmp_path, MINI, Recipe(countries=("PL",)))
    assert not window.open_recipe_file(pdf)
    title, text, hints = dialogs.errors[-1]
    assert title == "A recipe of another report"
    assert text == (
        "old-brief.pdf was made from the report “Shared Rivers” (river-compact), "
        "not from “Withdrawal Symptoms” (withdrawal-symptoms)."
    )
    assert hints == ["Open that report first (File ▸ Open report…), then the recipe."]
    assert window.report.id == "withdrawal-symptoms"


def test_a_brief_of_a_known_report_opens_that_report(
    qtbot: QtBot, window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    Settings().add_recent_report(str(MINI))
    pdf = _pdf_of(tmp_path, MINI, Recipe(countries=("PL",), watermark="OLD"))
    dialogs.yes_no_answers.append(True)
    assert window.open_recipe_file(pdf)
    wait_for_preview(qtbot, window)
    assert "Open “Shared Rivers” (river-compact) from" in dialogs.yes_no_asked[0]
    assert window.report.id == "river-compact"
    assert window.panel.recipe().countries == ("PL",) and window.panel.recipe().watermark == "OLD"
    assert window.windowTitle() == "recipe from old-brief.pdf[*] — Shared Rivers — briefer"


def test_opening_a_brief_after_the_report_changed_says_what_changed(
    qtbot: QtBot, dialogs: Dialogs, tmp_path: Path
) -> None:
    report = tmp_path / "report"
    shutil.copytree(MINI, report)
    pdf = _pdf_of(tmp_path, report, Recipe(countries=("PL",)))
    cases = report / "sections" / "02-cases.yaml"
    cases.write_text(cases.read_text("utf-8").replace("Figures for 2020.", "Figures for 2021."), "utf-8")
    window = open_window(qtbot, report)
    assert window.open_recipe_file(pdf)
    wait_for_preview(qtbot, window)
    title, text, lines = dialogs.infos[-1]
    assert title == "The report has changed"
    assert text == "The report “Shared Rivers” (river-compact) has changed since this brief was made:"
    assert lines[0] == "Section “Two cases” (cases): note b changed"


def test_a_saved_recipe_names_its_report(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    assert window.save_to(path)
    text = path.read_text("utf-8")
    assert "report:\n  id: withdrawal-symptoms\n  title: Withdrawal Symptoms\n" in text
    assert CONTENT.is_dir()


def test_missing_fonts_are_explained_in_the_window(tmp_path: Path) -> None:
    env = package_without_fonts(tmp_path)
    env["BRIEFER_SETTINGS"] = str(tmp_path / "s.ini")
    done = subprocess.run(
        [sys.executable, "-m", "briefer", "--screenshot", str(tmp_path / "w.png")],
        capture_output=True, text=True, cwd=tmp_path, env=env,
    )  # fmt: skip
    assert done.returncode == 3, done.stderr
    assert "briefer is missing some of its own files\ncannot find the fonts briefs are set in" in done.stderr
    assert "Traceback" not in done.stderr
