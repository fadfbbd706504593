"""Finding and moving in the preview: Ctrl+F, F3, the page number at any zoom, zoom that keeps its
place, go to page, the outline and the page images, and the page a change shows on."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtPdf import QPdfBookmarkModel
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from briefer.gui import page_layout
from briefer.gui.main_window import MainWindow
from tests.gui.conftest import change_and_wait

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def pages_with(window: MainWindow, words: str) -> list[int]:
    """The pages (from 1) whose text holds `words`, read by pypdf from the bytes on show."""
    reader = PdfReader(io.BytesIO(window.preview.pdf()))
    return [n for n, page in enumerate(reader.pages, start=1) if words in " ".join(page.extract_text().split())]


def shown_page(window: MainWindow) -> int:
    text = window.preview.page_text()
    assert text.startswith("Page ") and f" of {window.preview.page_count()}" in text
    return int(text.split()[1])


def activate(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def key(qtbot: QtBot, which: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), which, modifiers)


def test_ctrl_f_finds_ottawa_and_goes_to_its_page(qtbot: QtBot, window: MainWindow) -> None:
    expected = pages_with(window, "Ottawa")
    assert len(expected) >= 2
    activate(qtbot, window)
    window.preview.view.setFocus()
    key(qtbot, Qt.Key.Key_F, CTRL)
    bar = window.preview.find_bar
    assert bar.isVisible() and QApplication.focusWidget() is bar.field
    qtbot.keyClicks(bar.field, "Ottawa")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.preview.view.currentSearchResultIndex() == 0)
    assert shown_page(window) == expected[0]
    assert window.preview.view.searchModel() is bar.model  # the hits are highlighted
    qtbot.waitUntil(lambda: bar.complete)
    assert bar.hits() >= len(expected) and bar.count.text() == f"1 of {bar.hits()}"

    seen = [shown_page(window)]
    for _ in range(bar.hits() - 1):
        key(qtbot, Qt.Key.Key_F3)
        seen.append(shown_page(window))
    assert sorted(set(seen)) == expected
    key(qtbot, Qt.Key.Key_F3)  # round to the first again
    assert shown_page(window) == expected[0]
    key(qtbot, Qt.Key.Key_F3, SHIFT)  # and back to the last
    assert shown_page(window) == expected[-1]
    key(qtbot, Qt.Key.Key_Escape)
    assert not bar.isVisible() and window.preview.view.searchModel() is None
    assert QApplication.focusWidget() is window.preview.view


def test_words_that_are_not_there_are_said_so(qtbot: QtBot, window: MainWindow) -> None:
    activate(qtbot, window)
    window.commands.find.trigger()
    bar = window.preview.find_bar
    qtbot.keyClicks(bar.field, "zzqx")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bar.complete)
    assert bar.count.text() == "Not found" and shown_page(window) == 1


@pytest.mark.parametrize("zoom", [0.5, 1.0, 2.0])
def test_the_page_number_is_right_at_every_zoom(qtbot: QtBot, window: MainWindow, zoom: float) -> None:
    preview, view = window.preview, window.preview.view
    activate(qtbot, window)
    preview.go_to_page(4)
    preview.set_zoom(zoom)  # from page 5, it stays on page 5 (QPdfView's own count went stale here)
    assert preview.zoom_label.text() == f"{round(zoom * 100)}%" and shown_page(window) == 5
    bar = view.verticalScrollBar()
    # the layout model agrees with QPdfView's: the scroll range ends where the last page does
    rects = page_layout.page_rects(preview._layout())
    margins = view.documentMargins()
    assert bar.maximum() == max(0, rects[-1].bottom + view.pageSpacing() + margins.bottom() - view.viewport().height())
    value = bar.value()
    bar.setValue(value + 1)  # a nudge: QPdfView recounts its page
    bar.setValue(value)
    assert view.pageNavigator().currentPage() + 1 == shown_page(window) == 5
    preview.go_to_page(0)
    view.setFocus()
    key(qtbot, Qt.Key.Key_G, CTRL)  # go to page: the page box takes the number
    assert QApplication.focusWidget() is preview.page_box
    qtbot.keyClicks(preview.page_box, "5")
    key(qtbot, Qt.Key.Key_Return)
    assert shown_page(window) == 5
    assert abs(bar.value() - rects[4].y) <= 1 or bar.value() == bar.maximum()  # page 5 at the top
    # scrolled by hand: the number agrees with QPdfView's own, which it recomputes on every scroll
    for fraction in (0.1, 0.33, 0.5, 0.77, 0.95):
        bar.setValue(round(bar.maximum() * fraction))
        line = bar.value() + view.viewport().height() * 0.4
        if any(r.bottom <= line < r.bottom + view.pageSpacing() for r in rects):
            continue  # the line falls in a gap between pages, where QPdfView says "page 1"
        assert shown_page(window) == view.pageNavigator().currentPage() + 1, fraction


def test_zoom_keeps_the_point_at_the_centre(qtbot: QtBot, window: MainWindow) -> None:
    preview, view = window.preview, window.preview.view
    preview.set_zoom(1.0)
    preview.go_to_page(6, 400.0)
    viewport = view.viewport()

    def centre() -> page_layout.Anchor:
        return page_layout.anchor_at(
            preview._layout(),
            view.horizontalScrollBar().value() + viewport.width() / 2,
            view.verticalScrollBar().value() + viewport.height() / 2,
        )

    before = centre()
    for _ in range(3):
        window.commands.zoom_out.trigger()  # once lost the place: page 5 jumped to 11–12
        after = centre()
        assert after.page == before.page and abs(after.y - before.y) < 3
    for _ in range(5):
        window.commands.zoom_in.trigger()
    after = centre()
    assert after.page == before.page and abs(after.y - before.y) < 3 and abs(after.x - before.x) < 3


def _bookmark(window: MainWindow, title: str) -> QModelIndex:
    model = window.preview.side.bookmarks
    for row in range(model.rowCount(QModelIndex())):
        index = model.index(row, 0, QModelIndex())
        if index.data() == title:
            return index
    raise AssertionError(f"no bookmark {title!r}")


def test_the_outline_goes_to_a_section(qtbot: QtBot, window: MainWindow) -> None:
    side = window.preview.side
    assert side.isVisible() and side.currentWidget() is side.outline
    title = window.report.section("self-destruct").title
    index = _bookmark(window, title)
    rect = side.outline.visualRect(index)
    qtbot.mouseClick(side.outline.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert shown_page(window) == index.data(int(QPdfBookmarkModel.Role.Page)) + 1
    assert shown_page(window) in pages_with(window, title)


def test_the_page_images_render_in_the_background_and_go_to_their_page(qtbot: QtBot, window: MainWindow) -> None:
    side = window.preview.side
    side.setCurrentWidget(side.pages)
    count = window.preview.page_count()
    qtbot.waitUntil(lambda: side.thumbnails_done() == count, timeout=20_000)
    icon = side.pages.item(2).icon()
    assert not icon.isNull() and icon.availableSizes()
    rect = side.pages.visualItemRect(side.pages.item(6))
    qtbot.mouseClick(side.pages.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert shown_page(window) == 7


def test_ticking_a_section_shows_its_page(qtbot: QtBot, window: MainWindow) -> None:
    tree = window.panel.tree
    item = tree.section_item("right-hands")
    change_and_wait(qtbot, window, lambda: item.setCheckState(0, Qt.CheckState.Unchecked))
    window.preview.go_to_page(0)
    assert shown_page(window) == 1
    change_and_wait(qtbot, window, lambda: tree.section_item("right-hands").setCheckState(0, Qt.CheckState.Checked))
    title = window.report.section("right-hands").title
    assert shown_page(window) in pages_with(window, title)


def test_a_change_further_on_shows_the_first_page_it_changed(qtbot: QtBot, window: MainWindow) -> None:
    window.preview.go_to_page(0)
    quote = window.panel.tree.block_item("source-of-confusion")  # a box in "Unacceptable harm"
    change_and_wait(qtbot, window, lambda: quote.setCheckState(0, Qt.CheckState.Unchecked))
    start = pages_with(window, window.report.section("unacceptable-harm").title)[-1]
    qtbot.waitUntil(lambda: shown_page(window) != 1, timeout=10_000)
    end = pages_with(window, window.report.section("military-utility").title)[-1]
    assert start <= shown_page(window) <= end


def test_a_change_on_every_page_keeps_the_readers_place(qtbot: QtBot, window: MainWindow) -> None:
    window.preview.go_to_page(7)
    change_and_wait(qtbot, window, lambda: window.panel.flags["large_print"].setChecked(True))
    qtbot.wait(200)
    assert shown_page(window) == 8


def test_a_brief_measured_by_its_first_page_has_every_page_s_size(window: MainWindow) -> None:
    """The pane measures only the first page of a brief (all one paper size): the same as QtPdf's own sizes."""
    document = window.preview.document()
    assert document is not None and document.pageCount() > 4
    measured = [(s.width(), s.height()) for s in map(document.pagePointSize, range(document.pageCount()))]
    assert list(window.preview._sizes) == measured
