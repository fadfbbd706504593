"""The window end to end: the live preview follows the choices on the left."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from briefer.content.model import Report
from briefer.gui.main_window import MainWindow
from briefer.gui.page_layout import Fit
from briefer.gui.preview_job import Preview
from briefer.gui.window_history import CLICK_DELAY_MS
from briefer.tailor.recipe import Recipe
from tests.gui.conftest import Dialogs, change_and_wait, preview_text, wait_for_preview


def test_the_window_opens_with_the_whole_report(window: MainWindow, report: Report) -> None:
    assert window.windowTitle() == "Untitled[*] — Withdrawal Symptoms — briefer" and not window.isWindowModified()
    document = window.preview.document()
    assert document is not None and document.status() == QPdfDocument.Status.Ready
    assert document.pageCount() == window.last_preview.stats.pages > 1
    assert window.preview.view.pageMode() == QPdfView.PageMode.MultiPage
    assert f"{document.pageCount()} pages" in window.stats_label.text()
    assert "words" in window.stats_label.text() and "min to read" in window.stats_label.text()
    assert window.preview.page_text() == f"Page 1 of {document.pageCount()}"
    assert report.sections[-1].title.split(":")[0] in preview_text(window)


def test_unticking_sections_lowers_the_page_count(qtbot: QtBot, window: MainWindow) -> None:
    before = window.preview.page_count()
    tree = window.panel.tree

    def untick() -> None:
        for item in tree.section_items()[1:]:
            item.setCheckState(0, Qt.CheckState.Unchecked)

    change_and_wait(qtbot, window, untick)
    after = window.preview.page_count()
    assert after < before
    assert window.last_preview.recipe.sections == (tree.order()[0],)
    assert f"{after} page" in window.stats_label.text()


def test_an_audience_and_a_country_add_that_countrys_box(qtbot: QtBot, window: MainWindow, report: Report) -> None:
    country = report.country("EE")
    fact = " ".join(" ".join(p.text for p in country.facts[0].text if hasattr(p, "text")).split()[:6])
    assert fact not in preview_text(window)
    panel = window.panel

    def choose() -> None:
        panel.audience.setCurrentIndex(panel.audience.findData("parliamentarians"))
        panel.countries.item("EE").setCheckState(Qt.CheckState.Checked)

    change_and_wait(qtbot, window, choose)
    assert window.last_preview.recipe.audience == "parliamentarians"
    assert window.last_preview.recipe.countries == ("EE",)
    text = preview_text(window)
    assert country.name in text and fact in text
    assert report.audience("parliamentarians").key_messages[0].text[0].text.split()[0] in text


def test_unticking_a_pull_quote_adds_it_to_the_exclusions(qtbot: QtBot, window: MainWindow) -> None:
    item = window.panel.tree.block_item("source-of-confusion")
    change_and_wait(qtbot, window, lambda: item.setCheckState(0, Qt.CheckState.Unchecked))
    assert window.last_preview.recipe.exclude_blocks == ("source-of-confusion",)
    assert "A source of confusion" not in preview_text(window)


def test_no_sections_chosen_is_explained(qtbot: QtBot, window: MainWindow) -> None:
    window.panel.select_none.click()
    qtbot.waitUntil(lambda: not window.debounce.isActive())
    assert not window.preview.showing_pdf()
    assert "No sections chosen" in window.preview.placeholder.text()
    assert "no sections chosen" in window.warning_label.text()
    change_and_wait(qtbot, window, window.panel.select_all.click)
    assert window.warning_label.text() == "" or "four-page" in window.warning_label.text()


def test_a_long_brief_warns_about_the_handout_length(window: MainWindow) -> None:
    assert window.preview.page_count() > 4
    assert "longer than a four-page handout" in window.warning_label.text()


def test_a_short_brief_has_no_length_warning(qtbot: QtBot, window: MainWindow) -> None:
    def short() -> None:
        window.panel.flags["cover"].setChecked(False)
        for item in window.panel.tree.section_items()[1:]:
            item.setCheckState(0, Qt.CheckState.Unchecked)

    change_and_wait(qtbot, window, short)
    assert window.preview.page_count() <= 4
    assert "four-page" not in window.warning_label.text()


def test_a_change_while_a_build_runs_ends_with_the_newest_result(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.panel
    for watermark in ("ONE", "TWO", "THREE"):
        panel.watermark.setText(watermark)
        window.rebuild_now()  # no debounce: the builds overlap
    assert window.builder.busy
    wait_for_preview(qtbot, window)
    assert window.last_preview.recipe.watermark == "THREE"
    assert window.builder.discarded >= 1  # the first, overtaken while it ran
    qtbot.wait(300)
    assert window.last_preview.recipe.watermark == "THREE"


def test_typing_is_debounced_into_one_build(qtbot: QtBot, window: MainWindow) -> None:
    requested: list[int] = []
    window.builder.busy_changed.connect(lambda busy: busy and requested.append(1))
    for char in "DRAFT":
        qtbot.keyClicks(window.panel.watermark, char)
    wait_for_preview(qtbot, window)
    assert requested == [1]
    assert window.last_preview.recipe.watermark == "DRAFT"


def test_typing_while_a_build_runs_joins_the_queue_without_waiting_for_a_pause(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.panel.watermark.setText("ONE")
    window.rebuild_now()
    assert window.builder.busy
    qtbot.keyClicks(window.panel.watermark, "X")  # a pause would only delay it: it waits for the build anyway
    assert window.debounce.isActive() and window.debounce.interval() == CLICK_DELAY_MS
    wait_for_preview(qtbot, window)
    assert window.last_preview.recipe.watermark == "ONEX"


def test_the_reader_keeps_their_place_when_the_preview_updates(qtbot: QtBot, window: MainWindow) -> None:
    bar = window.preview.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)
    place = bar.value()
    change_and_wait(qtbot, window, lambda: window.panel.watermark.setText("DRAFT"))
    assert abs(bar.value() - place) <= 2


def test_zoom_in_out_fit_width_and_fit_page(window: MainWindow) -> None:
    view, preview = window.preview.view, window.preview
    window.commands.zoom_in.trigger()
    assert preview.fit is Fit.CUSTOM
    bigger = view.zoomFactor()
    window.commands.zoom_out.trigger()
    assert view.zoomFactor() < bigger
    assert preview.zoom_label.text() == f"{round(view.zoomFactor() * 100)}%"
    window.commands.fit_width.trigger()
    assert preview.fit is Fit.WIDTH
    margins = view.documentMargins()
    width = view.document().pagePointSize(0).width() * view.logicalDpiX() / 72 * view.zoomFactor()
    assert abs(width - (view.viewport().width() - margins.left() - margins.right())) < 2
    window.commands.fit_page.trigger()
    height = view.document().pagePointSize(0).height() * view.logicalDpiY() / 72 * view.zoomFactor()
    assert preview.fit is Fit.PAGE and height <= view.viewport().height()


def test_the_title_shows_unsaved_changes(window: MainWindow) -> None:
    window.panel.watermark.setText("DRAFT")
    assert window.isWindowModified()
    window.panel.watermark.setText("")
    assert not window.isWindowModified()


def test_closing_with_changes_asks_and_cancel_keeps_the_window(
    qtbot: QtBot, window: MainWindow, dialogs: Dialogs
) -> None:
    window.panel.watermark.setText("DRAFT")
    dialogs.save_changes_answer = "cancel"
    assert not window.close()
    assert window.isVisible() and dialogs.save_changes_asked == 1
    dialogs.save_changes_answer = "discard"
    assert window.close()


def test_closing_with_changes_can_save_first(
    qtbot: QtBot, window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    window.panel.watermark.setText("DRAFT")
    dialogs.save_changes_answer = "save"
    dialogs.save_paths.append(str(tmp_path / "kept"))
    assert window.close()
    assert "watermark: DRAFT" in (tmp_path / "kept.yaml").read_text(encoding="utf-8")


def test_closing_unchanged_does_not_ask(window: MainWindow, dialogs: Dialogs) -> None:
    assert window.close()
    assert dialogs.save_changes_asked == 0


def test_window_geometry_is_remembered(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(760, 560)  # inside the offscreen screen (800 x 600), which restoring clamps to
    assert window.close()
    again = MainWindow()
    qtbot.add_widget(again)
    assert (again.width(), again.height()) == (760, 560)


def test_new_starts_from_the_whole_report(qtbot: QtBot, window: MainWindow, dialogs: Dialogs) -> None:
    window.panel.watermark.setText("DRAFT")
    dialogs.save_changes_answer = "discard"
    window.commands.new.trigger()
    assert window.panel.recipe() == Recipe() and not window.isWindowModified()
    wait_for_preview(qtbot, window)


def test_about_is_in_the_help_menu(window: MainWindow, dialogs: Dialogs) -> None:
    window.commands.about.trigger()
    assert dialogs.abouts == 1


def test_the_covering_note_prints_where_its_label_says(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.panel
    label = panel.cover_note.parentWidget().findChildren(QLabel)
    said = [w.text() for w in label if w.buddy() is panel.cover_note]
    assert said == ["Covering note (its own page, after the cover)"]
    assert "page of its own after the cover" in panel.cover_note.placeholderText()
    change_and_wait(qtbot, window, lambda: panel.cover_note.setPlainText("With the compliments of the secretariat."))
    document = window.preview.document()
    second = " ".join(document.getAllText(1).text().split())
    assert "With the compliments of the secretariat." in second and "A note with this briefing" in second
    first = " ".join(document.getAllText(0).text().split())
    assert "compliments" not in first


def test_the_first_pages_show_while_the_whole_brief_is_built(qtbot: QtBot, window: MainWindow) -> None:
    whole_before = window.last_preview
    count = window.preview.page_count()
    assert count > 6 and window.preview.current_page() == 0
    firsts: list[Preview] = []
    window.first_pages_shown.connect(firsts.append)

    def on_show(preview: Preview) -> None:  # what the reader sees while the rest is laid out
        assert window.preview.pdf() == preview.pdf and window.preview.page_count() == 2
        assert window.busy_label.isVisibleTo(window) and window.builder.busy
        assert window.stats_label.text().startswith("First 2 pages")
        assert window.last_preview is whole_before  # never exported or printed

    window.first_pages_shown.connect(on_show)
    change_and_wait(qtbot, window, lambda: window.panel.watermark.setText("DRAFT"))
    (first,) = firsts
    assert first.first_pages and first.recipe == window.last_preview.recipe
    assert not window.last_preview.first_pages and window.preview.page_count() == count
    assert window.preview.pdf() == window.last_preview.pdf


def test_no_first_pages_when_the_reader_is_near_the_end(qtbot: QtBot, window: MainWindow) -> None:
    window.preview.go_to_page(window.preview.page_count() - 2)
    firsts: list[Preview] = []
    window.first_pages_shown.connect(firsts.append)
    change_and_wait(qtbot, window, lambda: window.panel.watermark.setText("DRAFT"))
    assert firsts == [] and window.last_preview.recipe.watermark == "DRAFT"
