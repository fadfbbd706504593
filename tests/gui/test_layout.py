"""A layout that holds still and reads well: nothing moves under the pointer when a choice changes
text elsewhere, the status bar never cuts text off, and its warning reads at 4.5:1 in light and
dark palettes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from briefer.gui.contrast import TEXT_CONTRAST, contrast
from briefer.gui.main_window import MainWindow


def test_the_country_list_stays_put_when_the_audience_changes(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.panel
    panel.show_page(1)
    qtbot.waitUntil(lambda: panel.countries.list.isVisible())
    countries = panel.countries.list

    def where() -> tuple[int, int, int, int]:
        top_left = countries.mapTo(window, countries.rect().topLeft())
        return top_left.x(), top_left.y(), countries.width(), countries.height()

    def finland() -> tuple[int, int]:
        rect = countries.visualItemRect(panel.countries.item("FI"))
        point = countries.viewport().mapTo(window, rect.center())
        return point.x(), point.y()

    before, row = where(), finland()
    for index in range(panel.audience.count()):  # each audience's needs, and none
        panel.audience.setCurrentIndex(index)
        QApplication.processEvents()
        assert where() == before and finland() == row, panel.audience.currentText()
    panel.audience.setCurrentIndex(1)
    assert panel.audience_needs.text().startswith("<i>Needs:</i>")
    assert panel.report().audience(panel.audience.currentData()).needs in panel.audience_needs.text()


def test_status_bar_text_is_elided_never_cut_with_the_whole_text_in_a_tooltip(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1, 500)  # as narrow as the window goes
    qtbot.waitUntil(lambda: window.width() < 700)
    QApplication.processEvents()
    for label in (window.warning_label, window.stats_label, window.report_label):
        if not label.isVisible() or not label.full_text():
            continue
        shown = label.text()
        assert label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width()
        assert label.toolTip().startswith(label.full_text())
        assert shown == label.full_text() or shown.endswith("…")
    assert window.stats_label.text().endswith("…")  # "13 pages · 4,003 words · …" does not fit
    bar = window.statusBar()
    message = "Exported /a/rather/long/folder/name/that/goes/on/and/on/parliamentarians-finland-lithuania.pdf"
    bar.showMessage(message)
    shown = bar.shown_message()
    assert shown.endswith("…") and bar.fontMetrics().horizontalAdvance(shown) <= bar.message_room()
    assert bar.toolTip() == message


@pytest.fixture
def dark_palette(qtbot: QtBot) -> Iterator[QPalette]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    saved = app.palette()
    dark = QPalette(saved)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        dark.setColor(group, QPalette.ColorRole.Window, QColor("#202124"))
        dark.setColor(group, QPalette.ColorRole.WindowText, QColor("#e8eaed"))
        dark.setColor(group, QPalette.ColorRole.Base, QColor("#2b2c2f"))
        dark.setColor(group, QPalette.ColorRole.Text, QColor("#e8eaed"))
    app.setPalette(dark)
    yield dark
    app.setPalette(saved)


def _warning_contrast(window: MainWindow) -> float:
    label = window.warning_label
    text = label.palette().color(QPalette.ColorRole.WindowText)
    background = window.statusBar().palette().color(QPalette.ColorRole.Window)
    return contrast((text.red(), text.green(), text.blue()), (background.red(), background.green(), background.blue()))


def test_the_warning_reads_at_4_5_to_1_in_the_light_palette(window: MainWindow) -> None:
    assert window.warning_label.full_text()
    assert _warning_contrast(window) >= TEXT_CONTRAST


def test_the_warning_reads_at_4_5_to_1_in_a_dark_palette(window: MainWindow, dark_palette: QPalette) -> None:
    QApplication.processEvents()
    background = window.statusBar().palette().color(QPalette.ColorRole.Window)
    assert background.lightness() < 60  # the dark palette is the one in use
    assert _warning_contrast(window) >= TEXT_CONTRAST
    old_orange = (0xA0, 0x46, 0x0A)  # the colour the issue measured at about 2.2:1
    assert contrast(old_orange, (background.red(), background.green(), background.blue())) < TEXT_CONTRAST


def test_contrast_matches_the_wcag_examples() -> None:
    assert round(contrast((0, 0, 0), (255, 255, 255)), 1) == 21.0
    assert round(contrast((0x77, 0x77, 0x77), (255, 255, 255)), 2) == 4.48
    assert contrast((12, 34, 56), (12, 34, 56)) == 1.0


def test_the_panel_page_headers_stay_in_reach_in_a_short_window(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(900, 560)
    QApplication.processEvents()
    for header in window.panel.headers():
        top_left = header.mapTo(window, header.rect().topLeft())
        assert header.isVisible() and 0 <= top_left.y() and top_left.y() + header.height() <= window.height()
    assert Qt.FocusPolicy.StrongFocus == window.panel.headers()[1].focusPolicy()
