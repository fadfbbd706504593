"""The main window's View and Help menus and the find commands: the panel's pages (Ctrl+1 … 4),
zoom, go to page, the side panel, find in the preview, keyboard shortcuts and the quick guide;
and, after each change, showing the page where it took effect.

A mixin of MainWindow; the preview pane does the scrolling and the finding.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow

from briefer.gui import dialogs
from briefer.gui.preview_change import ChangeFinder
from briefer.gui.shortcuts_dialog import shortcut_rows

if TYPE_CHECKING:
    from briefer.content.model import Report
    from briefer.gui.menus import Actions
    from briefer.gui.preview import PreviewPane
    from briefer.gui.recipe_panel import RecipePanel
    from briefer.gui.settings import Settings

# The mixin is typed as the window it is mixed into; at run time it is a plain class.
if TYPE_CHECKING:
    _Window = QMainWindow
else:
    _Window = object


class ViewActions(_Window):
    if TYPE_CHECKING:
        panel: RecipePanel
        preview: PreviewPane
        commands: Actions
        settings: Settings
        report: Report | None

    def _connect_view_actions(self) -> None:
        a, preview = self.commands, self.preview
        for index, action in enumerate(a.panel_pages):
            action.triggered.connect(partial(self.panel.show_page, index))
        a.zoom_in.triggered.connect(preview.zoom_in)
        a.zoom_out.triggered.connect(preview.zoom_out)
        a.fit_width.triggered.connect(preview.fit_width)
        a.fit_page.triggered.connect(preview.fit_page)
        a.go_to_page.triggered.connect(self.go_to_page)
        a.find.triggered.connect(self.find_in_preview)
        a.find_next.triggered.connect(preview.find_bar.find_next)
        a.find_previous.triggered.connect(preview.find_bar.find_previous)
        a.side_panel.setChecked(self.settings.side_panel)
        a.side_panel.toggled.connect(self._show_side_panel)
        self._show_side_panel(self.settings.side_panel)
        a.shortcuts.triggered.connect(lambda: dialogs.show_shortcuts(self, shortcut_rows(self.menuBar())))
        a.guide.triggered.connect(lambda: dialogs.show_guide(self))
        a.about.triggered.connect(lambda: dialogs.show_about(self, self.report))
        self.change_finder = ChangeFinder(self)
        self.change_finder.page_found.connect(preview.go_to_page)

    def find_in_preview(self) -> None:
        if self.preview.showing_pdf():
            self.preview.find_bar.open_bar()

    def go_to_page(self) -> None:
        if self.preview.showing_pdf():
            self.preview.focus_page_box()

    def _show_side_panel(self, shown: bool) -> None:
        self.preview.side.setVisible(shown)
        self.settings.side_panel = shown

    def _follow_change(self, field: str, ticked_section: str | None) -> None:
        """A new brief is on show: go to the page the change that made it shows on."""
        document = self.preview.document()
        if document is None:
            return
        bookmarks = self.preview.side.bookmark_pages()
        ticked_page = None
        if ticked_section and self.report is not None and self.report.has("section", ticked_section):
            ticked_page = bookmarks.get(self.report.section(ticked_section).title)
        body_start = min(bookmarks.values(), default=0)
        self.change_finder.follow(document, field, ticked_page, body_start)
