"""Content edited on disk: the window reloads by itself, shows errors in place, and recovers."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.gui.conftest import Dialogs, open_window, preview_text, wait_for_preview

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

    # a broken file: the problems replace the preview, with file and line
    with qtbot.wait_signal(window.content_changed, timeout=RELOAD_MS) as blocker:
        section.write_text(good.replace("title: Introduction", "title: [unclosed"), encoding="utf-8")
    assert blocker.args == [False]
    assert not window.preview.showing_pdf()
    assert "content has" in window.preview.problems.title.text()
    shown = window.preview.problems.details.toPlainText()
    assert "02-introduction.yaml:" in shown
    assert "content errors" in window.warning_label.text()
    assert dialogs.errors == []  # shown in place, not as a dialog
    window.panel.watermark.setText("STILL HERE")  # the recipe can still be edited

    # fixed again: the preview comes back with the choices made meanwhile
    with qtbot.wait_signal(window.content_changed, timeout=RELOAD_MS) as blocker:
        section.write_text(good, encoding="utf-8")
    assert blocker.args == [True]
    wait_for_preview(qtbot, window)
    assert window.last_preview.recipe.watermark == "STILL HERE"
    assert "content errors" not in window.warning_label.text()


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


def test_export_with_broken_content_says_why(
    qtbot: QtBot, content_copy: Path, dialogs: Dialogs, tmp_path: Path
) -> None:
    window = open_window(qtbot, content_copy)
    (content_copy / "report.yaml").write_text("id: [\n", encoding="utf-8")
    with qtbot.wait_signal(window.content_changed, timeout=RELOAD_MS):
        window.commands.reload.trigger()
    assert not window.export_to(tmp_path / "out.pdf", "pdf")
    assert "content has errors" in dialogs.errors[-1][0] and not (tmp_path / "out.pdf").exists()
    assert any("report.yaml:" in p for p in dialogs.errors[-1][2])
