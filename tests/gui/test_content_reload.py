"""Content edited on disk: the window reloads by itself, shows errors in place, and recovers."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from briefer.gui.main_window import MainWindow
from tests.gui.conftest import Dialogs, change_and_wait, open_window, preview_text, wait_for_preview

RELOAD_MS = 20_000


def test_an_edit_is_picked_up_and_a_broken_file_shown_then_recovered(
    qtbot: QtBot, content_copy: Path, dialogs: Dialogs
) -> None:
    window = open_window(qtbot, content_copy)
    section = content_copy / "sections" / "02-introduction.yaml"
    good = section.read_text(encoding="utf-8")

    # an edit: the new title reaches the preview without any action
    with qtbot.wait_signal(window.content_changed, timeout=RELOAD_MS) as blocker:
        section.write_text(good.replace("title: Introduction", "title: Opening remarks"), encoding="utf-8")
    assert blocker.args == [True]
    wait_for_preview(qtbot, window)
    assert "Opening remarks" in preview_text(window)

    # a broken file: the last good brief stays, marked, and the problems are one click away
    with qtbot.wait_signal(window.content_changed, timeout=RELOAD_MS) as blocker:
        section.write_text(good.replace("title: Introduction", "title: [unclosed"), encoding="utf-8")
    assert blocker.args == [False]
    preview = window.preview
    assert preview.showing_pdf() and "Opening remarks" in preview_text(window)
    assert preview.banner.isVisible() and "last good content" in preview.banner.text()
    assert "content errors" in window.warning_label.full_text()
    qtbot.mouseClick(preview.show_errors, Qt.MouseButton.LeftButton)
    assert "content has" in preview.problems.title.text()
    assert "02-introduction.yaml:" in preview.problems.details.toPlainText()
    qtbot.mouseClick(preview.problems.back, Qt.MouseButton.LeftButton)
    assert preview.showing_pdf()
    assert dialogs.errors == []  # shown in place, not as a dialog
    window.panel.watermark.setText("STILL HERE")  # the recipe can still be edited

    # fixed again: the preview comes back with the choices made meanwhile
    with qtbot.wait_signal(window.content_changed, timeout=RELOAD_MS) as blocker:
        section.write_text(good, encoding="utf-8")
    assert blocker.args == [True]
    wait_for_preview(qtbot, window)
    assert window.last_preview.recipe.watermark == "STILL HERE"
    assert "content errors" not in window.warning_label.full_text()
    assert not window.preview.banner.isVisible()


def test_a_file_replaced_by_rename_is_still_watched(qtbot: QtBot, content_copy: Path) -> None:
    window = open_window(qtbot, content_copy)
    report_file = content_copy / "report.yaml"
    text = report_file.read_text(encoding="utf-8")
    for title in ("Changed Once", "Changed Twice"):
        temp = content_copy / ".report.yaml.tmp"
        temp.write_text(text.replace("title: Withdrawal Symptoms", f"title: {title}"), encoding="utf-8")
        with qtbot.wait_signal(window.content_changed, timeout=RELOAD_MS):
            temp.replace(report_file)  # the way many editors save
        qtbot.waitUntil(lambda t=title: window.report is not None and window.report.title == t)


def test_reload_content_from_the_menu(qtbot: QtBot, content_copy: Path) -> None:
    window = open_window(qtbot, content_copy)
    window.watcher.watch(None)  # only the menu now
    (content_copy / "report.yaml").write_text("id: [\n", encoding="utf-8")
    with qtbot.wait_signal(window.content_changed, timeout=RELOAD_MS) as blocker:
        window.commands.reload.trigger()
    assert blocker.args == [False]
    assert "report.yaml:" in window.preview.problems.details.toPlainText()


def test_broken_content_leaves_the_last_good_brief_exportable(
    qtbot: QtBot, content_copy: Path, dialogs: Dialogs, tmp_path: Path
) -> None:
    window = open_window(qtbot, content_copy)
    good = window.preview.pdf()
    (content_copy / "report.yaml").write_text("id: [\n", encoding="utf-8")
    with qtbot.wait_signal(window.content_changed, timeout=RELOAD_MS):
        window.commands.reload.trigger()
    dialogs.save_paths.append(str(tmp_path / "out.pdf"))
    window.commands.export_pdf.trigger()
    assert (tmp_path / "out.pdf").read_bytes() == good and dialogs.errors == []
    assert "built from the last good content" in window.statusBar().currentMessage()
    # a change made meanwhile is built from the last good content too, still marked
    change_and_wait(qtbot, window, lambda: window.panel.watermark.setText("MEANWHILE"))
    assert "MEANWHILE" in preview_text(window) and window.preview.banner.isVisible()


def test_content_broken_from_the_start_is_said_before_a_file_name_is_asked(
    qtbot: QtBot, content_copy: Path, dialogs: Dialogs
) -> None:
    (content_copy / "report.yaml").write_text("id: [\n", encoding="utf-8")
    window = MainWindow(content_dir=content_copy)
    qtbot.add_widget(window)
    window.show()
    assert not window.preview.showing_pdf()
    window.commands.export_pdf.trigger()  # no file dialog: the recorder would fail on one
    assert "content has errors" in dialogs.errors[-1][0]
    assert any("report.yaml:" in p for p in dialogs.errors[-1][2])


def test_the_app_names_a_missing_section_file_and_the_line_of_a_yaml_mistake(qtbot: QtBot, content_copy: Path) -> None:
    window = open_window(qtbot, content_copy)
    with qtbot.wait_signal(window.content_changed, timeout=RELOAD_MS) as blocker:
        (content_copy / "sections" / "03-unacceptable-harm.yaml").unlink()
    assert blocker.args == [False]
    shown = window.preview.problems.details.toPlainText()
    assert "is content/sections/03-unacceptable-harm.yaml missing?" in shown
    section = content_copy / "sections" / "02-introduction.yaml"
    text = section.read_text(encoding="utf-8")
    line = text[: text.index("title: Introduction")].count("\n") + 1
    with qtbot.wait_signal(window.content_changed, timeout=RELOAD_MS):
        section.write_text(text.replace("title: Introduction", "title: 'Introduction", 1), encoding="utf-8")
    assert f"02-introduction.yaml:{line}:" in window.preview.problems.details.toPlainText()
