"""The main window: recipe panel on the left, live PDF preview on the right, files through menus.

Wires the widgets to the core (load, tailor, build, output); the heavy work runs in worker.py and
the build process. Mixins: reports (window_reports.py), recipe files (window_recipes.py), exports,
printing and batch (window_export.py), the content folder (window_content.py), undo
(window_history.py), the View and Help menus (window_view.py) and the short forms (window_short.py).
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QGuiApplication
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QToolButton

from briefer.build import OutputFormat
from briefer.content.model import Report
from briefer.content.problems import ContentError
from briefer.content.resources import MissingPartError
from briefer.gui.batch_dialog import BatchDialog
from briefer.gui.build_process import PreviewTooSlow, ProcessBuild, shared_process_build
from briefer.gui.content_watch import ContentWatcher
from briefer.gui.contrast import WARNING_COLOURS
from briefer.gui.drops import FileDrops
from briefer.gui.i18n import _
from briefer.gui.menus import create_actions, fill_menus
from briefer.gui.preview import PreviewPane
from briefer.gui.preview_job import HANDOUT_PAGES, Preview, chosen_nothing, status_text, warnings
from briefer.gui.problems import problem_lines
from briefer.gui.recipe_panel import RecipePanel
from briefer.gui.settings import Settings
from briefer.gui.status_bar import ElidedLabel, StatusBar, readable_colour
from briefer.gui.tool_button import tool_button
from briefer.gui.window_content import ContentActions
from briefer.gui.window_export import ExportActions
from briefer.gui.window_history import CLICK_DELAY_MS, HistoryActions
from briefer.gui.window_recipes import RecipeFileActions
from briefer.gui.window_reports import ReportActions
from briefer.gui.window_short import ShortForms
from briefer.gui.window_view import ViewActions
from briefer.gui.worker import BuildFunction, PreviewBuilder
from briefer.tailor.recipe import Recipe

FIRST_PAGES_SHARE = 1.5  # first pages are asked for when they are at most 2/3 of the brief on show


class MainWindow(
    HistoryActions,
    ViewActions,
    ShortForms,
    ContentActions,
    ReportActions,
    RecipeFileActions,
    ExportActions,
    QMainWindow,
):
    preview_changed = Signal(object)  # the Preview now on show (after every successful rebuild)
    first_pages_shown = Signal(object)  # a Preview of only the first pages, on show while the rest is built
    content_changed = Signal(bool)  # the content folder was (re)read: True if valid, False if not

    def __init__(
        self,
        content_dir: Path | None = None,
        settings: Settings | None = None,
        build: BuildFunction | None = None,
    ) -> None:
        """`content_dir` None: the report open last time (else the shipped one). `build` makes one
        preview; by default in the app's warm child process (build_process.py)."""
        super().__init__()
        self.settings = settings or Settings()
        self.content_dir, start_note = self.first_report(content_dir)
        self.report: Report | None = None  # the last good report: kept while the content has errors
        self.missing_part: MissingPartError | None = None  # briefer's own files, when some are gone
        self.content_problems: list[str] = []
        self.recipe_path: Path | None = None  # where Save writes; None until saved (or for a PDF)
        self.recipe_origin = _("Untitled")  # the name shown in the title bar
        self._saved: Recipe | None = None  # the recipe as last saved or opened; None: never saved
        self.last_preview: Preview | None = None
        self.batch_dialog: BatchDialog | None = None  # the last one opened (File ▸ Batch…)
        self.changed_field = ""  # where the change being built was made (for showing its page)
        self.changed_section: str | None = None  # the section it ticked, if any
        self._content_generation = 0
        self._loader_pool = QThreadPool(self)
        self._loader_pool.setMaxThreadCount(1)

        self.panel = RecipePanel(self)
        self.panel.recipe_changed.connect(self._recipe_changed)
        self.preview = PreviewPane(self)
        self.splitter = self._make_splitter()

        self._make_builder(build)

        self.watcher = ContentWatcher(self)
        self.watcher.content_changed.connect(self.reload_content)

        self._make_status_bar()
        self.commands = create_actions(self)
        self._make_menus()
        self._connect_actions()
        self._make_history()
        self._restore_window()
        self.drops = FileDrops(self)
        self.drops.files_dropped.connect(self.open_dropped)
        self.drops.watch(self)

        self._apply_content(*self._read_content())
        self.watcher.watch(self.content_dir)
        self._saved = self.panel.recipe()
        self.start_history()
        self._update_title()
        self.first_report_opened(start_note)
        self.reopen_last_recipe()

    # -- building the window ----------------------------------------------------------

    def _make_builder(self, build: BuildFunction | None) -> None:
        """The preview builder (in the warm child process unless `build` is given) and its debounce."""
        self._process: ProcessBuild | None = None
        if build is None:
            self._process = process = shared_process_build()
            process.start()  # warms up while the content loads and the window opens
            build = process
        self.builder = PreviewBuilder(build, parent=self)
        self.builder.preview_changed.connect(self._show_preview)
        self.builder.first_pages_changed.connect(self._show_first_pages)
        self.builder.problems_changed.connect(self._show_build_problem)
        self.builder.busy_changed.connect(self._show_busy)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.timeout.connect(self.rebuild_now)
        self._typing_delay_ms = self.settings.preview_delay_ms

    def _make_splitter(self) -> QSplitter:
        """The recipe panel on the left, the preview taking what the window gains on the right."""
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.panel)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.panel.setMinimumWidth(300)
        splitter.setSizes([380, 900])
        self.setCentralWidget(splitter)
        return splitter

    def _make_status_bar(self) -> None:
        bar = StatusBar(self)
        self.setStatusBar(bar)
        self.report_label = ElidedLabel(self)
        bar.addWidget(self.report_label, 1)
        self.stats_label = ElidedLabel(self)
        self.warning_label = ElidedLabel(self)
        font = QFont(self.warning_label.font())
        font.setBold(True)
        self.warning_label.setFont(font)
        self._colour_warning()
        self.busy_label = QLabel(_("Updating preview…"), self)
        self.busy_label.hide()
        self.fit_button = self._status_button(
            _("Fit in {n} pages").format(n=HANDOUT_PAGES),
            _("Leave content out, in a set order, until the brief fits in {n} pages").format(n=HANDOUT_PAGES),
            lambda: self.fit_in_pages(HANDOUT_PAGES),
        )
        self.glance_button = self._status_button(
            _("One page at a glance"),
            _("Write the one-page at-a-glance handout of this brief as a PDF"),
            self.export_glance,
        )
        bar.addPermanentWidget(self.warning_label, 2)
        bar.addPermanentWidget(self.fit_button)
        bar.addPermanentWidget(self.glance_button)
        bar.addPermanentWidget(self.busy_label)
        bar.addPermanentWidget(self.stats_label, 2)

    def _status_button(self, text: str, tip: str, slot: Callable[[], object]) -> QToolButton:
        button = tool_button(self, text, tip, slot)
        button.hide()  # until the brief is longer than a handout
        return button

    def _colour_warning(self) -> None:
        """The warning's orange, dark on a light palette and light on a dark one: 4.5:1 either way."""
        palette = self.warning_label.palette()
        palette.setColor(palette.ColorRole.WindowText, readable_colour(self.statusBar().palette(), WARNING_COLOURS))
        self.warning_label.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            QTimer.singleShot(0, self._colour_warning)  # once the status bar has the new palette too

    def _make_menus(self) -> None:
        menus = fill_menus(self.menuBar(), self.commands)
        self.recent_menu = menus.recipes
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.recent_reports_menu = menus.reports
        self.recent_reports_menu.aboutToShow.connect(self._fill_recent_reports_menu)

    def _connect_actions(self) -> None:
        a = self.commands
        a.new.triggered.connect(self.new_recipe)
        a.open.triggered.connect(self.open_recipe_dialog)
        a.open_report.triggered.connect(self.open_report_dialog)
        a.save.triggered.connect(self.save)
        a.save_as.triggered.connect(self.save_as)
        a.export_pdf.triggered.connect(partial(self.export_dialog, OutputFormat.PDF))
        a.export_markdown.triggered.connect(partial(self.export_dialog, OutputFormat.MARKDOWN))
        a.glance.triggered.connect(self.export_glance)
        a.fit_pages.triggered.connect(lambda: self.fit_in_pages())
        a.batch.triggered.connect(self.open_batch_dialog)
        a.print.triggered.connect(self.print_brief)
        a.reload.triggered.connect(self.reload_content)
        a.quit.triggered.connect(self.close)
        self._connect_view_actions()

    def _restore_window(self) -> None:
        if not self.restoreGeometry(self.settings.geometry):
            screen = QGuiApplication.primaryScreen()
            room = screen.availableGeometry() if screen else None
            width = min(1280, room.width() - 40) if room else 1280
            height = min(820, room.height() - 60) if room else 820
            self.resize(width, height)
        self.restoreState(self.settings.window_state)
        if not self.settings.splitter_state.isEmpty():
            self.splitter.restoreState(self.settings.splitter_state)

    # -- the preview ---------------------------------------------------------------------

    def _recipe_changed(self, recipe: Recipe, typing: bool) -> None:
        self._record_change(recipe, typing)
        self.changed_field, self.changed_section = self.panel.last_field, self.panel.last_ticked
        self._update_title()
        self._show_warnings(recipe)
        # A click is built almost at once, and so is typing while a build runs: the builder keeps
        # at most one request waiting behind a running build (a newer one replaces it), so a burst
        # of changes cannot pile up builds. Typing when idle waits for a short pause, restarted by
        # every keystroke, so a fast burst (a paste, a held key) is one build.
        self.debounce.start(self._typing_delay_ms if typing and not self.builder.busy else CLICK_DELAY_MS)

    def rebuild_now(self) -> None:
        """Ask for a preview of the recipe on show (the debounce timer ends here too)."""
        self.debounce.stop()
        recipe = self.panel.recipe()
        if self.report is None:
            return
        if chosen_nothing(recipe):
            self.builder.cancel()
            self.change_finder.forget()
            self.preview.show_message(_("No sections chosen.\nTick at least one section to see the brief."))
            self.stats_label.setText("")
            self._show_warnings(recipe)
            return
        self.builder.request(self.report, recipe, self._first_pages_wanted())

    def _first_pages_wanted(self) -> int:
        """How many pages to show first while the whole brief is built: up to the page after the
        one on show, when that is well short of the brief on show (0: show only the whole brief).
        The build process lays them out in a copy of itself beside the whole brief; where it
        cannot (no fork), before it, and the whole brief comes later by the time they took."""
        count = self.preview.page_count() if self.preview.showing_pdf() else 0
        wanted = self.preview.current_page() + 2
        return wanted if 0 < count and wanted * FIRST_PAGES_SHARE <= count else 0

    def _show_first_pages(self, preview: Preview) -> None:
        """The first pages of the brief being built, in place of the last one, kept apart from
        it: never exported or printed (last_preview stays the last whole brief); the busy label
        stays until the whole brief is on show."""
        self.preview.show_pdf(preview.pdf, one_size=True)
        if not self.content_ok:
            self.preview.stack.setCurrentWidget(self.preview.document_page)  # with its banner
        self.stats_label.setText(_("First {n} pages; laying out the rest…").format(n=preview.stats.pages))
        self.first_pages_shown.emit(preview)

    def _show_preview(self, preview: Preview) -> None:
        self.last_preview = preview
        self.preview.show_pdf(preview.pdf, one_size=True)  # a brief is all one paper size
        if not self.content_ok:
            self.preview.stack.setCurrentWidget(self.preview.document_page)  # with its banner
        self.stats_label.setText(status_text(preview.stats))
        self._show_warnings(preview.recipe)
        self._follow_change(self.changed_field, self.changed_section)
        self.changed_field, self.changed_section = "", None
        self.preview_changed.emit(preview)

    def _show_build_problem(self, error: BaseException) -> None:
        if isinstance(error, ContentError):
            title = _("This recipe cannot be built")
            hint = _("Change the choices on the left; the preview follows.")
            lines = problem_lines(error.problems)
        elif isinstance(error, PreviewTooSlow):
            title, hint, lines = _("The preview took too long"), str(error), []
        elif isinstance(error, MissingPartError):
            title = _("briefer is missing some of its own files")
            hint = _("Nothing is wrong with the report or your choices, which are kept: reinstall briefer.")
            lines = [str(error)]
        else:
            title = _("The preview could not be built")
            hint = _("This is a bug in briefer; the details below help to fix it. Your choices are kept.")
            lines = traceback.format_exception(error)
        self.change_finder.forget()
        self.preview.show_problems(title, hint, [line.rstrip("\n") for line in lines])
        self.stats_label.setText("")

    def _show_busy(self, busy: bool) -> None:
        self.busy_label.setVisible(busy)

    def _show_warnings(self, recipe: Recipe) -> None:
        stats = self.last_preview.stats if self.last_preview and self.last_preview.recipe == recipe else None
        found = warnings(recipe, stats)
        if not self.content_ok:
            built = self.report is not None and self.last_preview is not None and self.missing_part is None
            found.insert(
                0, _("content errors: the brief is built from the last good content") if built else _("content errors")
            )
        self.warning_label.setText(_("⚠ ") + "; ".join(found) if found else "")
        long = stats is not None and stats.pages > HANDOUT_PAGES and self.report is not None
        self.fit_button.setVisible(long)
        self.glance_button.setVisible(long and bool(recipe.audience or recipe.countries))

    # -- closing ----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if not self.confirm_discard():
            event.ignore()
            return
        self.settings.geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.splitter_state = QByteArray(self.splitter.saveState())
        self.remember_last_recipe()
        self.settings.sync()
        self.debounce.stop()
        if self._process is not None and self.builder.busy:
            self._process.stop()  # a build still running must not outlive the window
        self.builder.cancel()
        if self.batch_dialog is not None:
            self.batch_dialog.cancel()  # a running batch stops within moments; files written stay
        self._content_generation += 1  # a reload still running is not applied to a closed window
        self.watcher.watch(None)
        event.accept()
