"""The short forms from the main window: fit in N pages (content dropped in the defined order,
measured with the real renderer, said in the status bar, undone with Ctrl+Z) and one page at a
glance."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from briefer.build import page_count
from briefer.gui.main_window import MainWindow
from briefer.gui.preview_job import HANDOUT_PAGES
from briefer.tailor.recipe import Recipe
from tests.gui.conftest import Dialogs, change_and_wait, wait_for_preview

JOB_MS = 120_000


def test_fit_in_four_pages_is_one_click_and_says_what_went(qtbot: QtBot, window: MainWindow) -> None:
    assert window.preview.page_count() > HANDOUT_PAGES
    assert window.fit_button.isVisible() and window.fit_button.text() == "Fit in 4 pages"
    qtbot.mouseClick(window.fit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.panel.recipe() != Recipe(), timeout=JOB_MS)
    wait_for_preview(qtbot, window)
    assert page_count(window.preview.pdf()) == window.last_preview.stats.pages <= HANDOUT_PAGES
    said = window.statusBar().currentMessage()
    assert said.startswith(f"Fits in {window.last_preview.stats.pages} page")
    assert "the list of sources" in said and "Ctrl+Z" in said
    recipe = window.panel.recipe()
    assert not recipe.sources_list and not window.panel.flags["sources_list"].isChecked()
    assert not window.fit_button.isVisible()  # it fits now
    window.commands.undo.trigger()  # the whole fit is one change
    assert window.panel.recipe() == Recipe()
    wait_for_preview(qtbot, window)
    assert window.preview.page_count() > HANDOUT_PAGES


def test_fit_in_pages_asks_how_many_and_leaves_out_the_last_sections_first(
    qtbot: QtBot, window: MainWindow, dialogs: Dialogs
) -> None:
    dialogs.pages_answers.append(8)
    window.commands.fit_pages.trigger()
    assert dialogs.pages_asked == [(window.preview.page_count(), HANDOUT_PAGES)]
    qtbot.waitUntil(lambda: window.panel.recipe() != Recipe(), timeout=JOB_MS)
    wait_for_preview(qtbot, window)
    assert window.last_preview.stats.pages <= 8
    recipe = window.panel.recipe()
    if recipe.sections is not None:  # sections went: the last ones, in order
        order = [s.id for s in window.report.sections]
        assert list(recipe.sections) == order[: len(recipe.sections)]
    assert not recipe.sources_list  # the first thing to go


def test_fit_in_pages_that_already_fits_changes_nothing(qtbot: QtBot, window: MainWindow) -> None:
    def one_section() -> None:
        for item in window.panel.tree.section_items()[1:]:
            item.setCheckState(0, Qt.CheckState.Unchecked)

    change_and_wait(qtbot, window, one_section)
    pages = window.last_preview.stats.pages
    before = window.panel.recipe()
    window.fit_in_pages(pages)
    qtbot.waitUntil(lambda: "already fits" in window.statusBar().currentMessage(), timeout=JOB_MS)
    assert window.panel.recipe() == before


def test_one_page_at_a_glance_writes_a_one_page_pdf_named_for_the_brief(
    qtbot: QtBot, window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    dialogs.save_paths.append("")
    window.commands.glance.trigger()  # no audience, no country: said before any file dialog
    assert "audience or focus countries" in dialogs.errors[-1][1] and not dialogs.save_suggested
    panel = window.panel

    def choose() -> None:
        panel.audience.setCurrentIndex(panel.audience.findData("diplomats"))
        panel.countries.item("UA").setCheckState(Qt.CheckState.Checked)

    change_and_wait(qtbot, window, choose)
    assert window.glance_button.isVisible()
    dialogs.save_paths[:] = [str(tmp_path / "glance")]
    qtbot.mouseClick(window.glance_button, Qt.MouseButton.LeftButton)
    assert dialogs.save_suggested[-1].endswith("diplomats-ukraine-at-a-glance.pdf")
    target = tmp_path / "glance.pdf"
    qtbot.waitUntil(target.exists, timeout=JOB_MS)
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    assert len(reader.pages) == 1 and "Ukraine" in reader.pages[0].extract_text()
    assert str(target) in window.statusBar().currentMessage()
