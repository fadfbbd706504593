"""The main window: recipe panel on the left, live PDF preview on the right, files through menus.

Wires the widgets to the core (load, tailor, build, output); the heavy work runs in worker.py.
Reports (window_reports.py), recipe files (window_recipes.py) and exports, printing and batch
(window_export.py) are mixins.
"""

from __future__ import annotations

import traceback
from functools import partial
from pathlib import Path
from typing import cast

from PySide6.QtCore import QByteArray, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter

from briefer.build import OutputFormat, check_content
from briefer.content.located import Where
from briefer.content.model import Report
from briefer.content.problems import ContentError, Problem
from briefer.content.resources import MissingPartError
from briefer.gui import dialogs
from briefer.gui.batch_dialog import BatchDialog
from briefer.gui.build_process import PreviewTooSlow, ProcessBuild, shared_process_build
from briefer.gui.content_watch import ContentWatcher
from briefer.gui.i18n import _, ngettext
from briefer.gui.menus import create_actions, fill_menus
from briefer.gui.preview import PreviewPane
from briefer.gui.preview_job import Preview, chosen_nothing, status_text, warnings
from briefer.gui.problems import problem_lines
from briefer.gui.recipe_panel import RecipePanel
from briefer.gui.settings import Settings
from briefer.gui.window_export import ExportActions
from briefer.gui.window_recipes import RecipeFileActions
from briefer.gui.window_reports import ReportActions
from briefer.gui.worker import BuildFunction, Outcome, PreviewBuilder, run_task
from briefer.tailor.recipe import Recipe

CLICK_DELAY_MS = 15  # gathers the changes one gesture makes (select all, a drop) into one build


class MainWindow(ReportActions, RecipeFileActions, ExportActions, QMainWindow):
    preview_changed = Signal(object)  # the Preview now on show (after every successful rebuild)
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
        self.report: Report | None = None
        self.missing_part: MissingPartError | None = None  # briefer's own files, when some are gone
        self.content_problems: list[str] = []
        self.recipe_path: Path | None = None  # where Save writes; None until saved (or for a PDF)
        self.recipe_origin = _("Untitled")  # the name shown in the title bar
        self._saved: Recipe | None = None  # the recipe as last saved or opened; None: never saved
        self.last_preview: Preview | None = None
        self.batch_dialog: BatchDialog | None = None  # the last one opened (File ▸ Batch…)
        self._content_generation = 0
        self._loader_pool = QThreadPool(self)
        self._loader_pool.setMaxThreadCount(1)

        self.panel = RecipePanel(self)
        self.panel.recipe_changed.connect(self._recipe_changed)
        self.preview = PreviewPane(self)
        self.splitter = self._make_splitter()

        self._process: ProcessBuild | None = None
        if build is None:
            self._process = process = shared_process_build()
            process.start()  # warms up while the content loads and the window opens
            build = process
        self.builder = PreviewBuilder(build, parent=self)
        self.builder.preview_changed.connect(self._show_preview)
        self.builder.problems_changed.connect(self._show_build_problem)
        self.builder.busy_changed.connect(self._show_busy)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.timeout.connect(self.rebuild_now)
        self._typing_delay_ms = self.settings.preview_delay_ms

        self.watcher = ContentWatcher(self)
        self.watcher.content_changed.connect(self.reload_content)

        self._make_status_bar()
        self.commands = create_actions(self)
        self._make_menus()
        self._connect_actions()
        self._restore_window()

        self._apply_content(*self._read_content())
        self.watcher.watch(self.content_dir)
        self._saved = self.panel.recipe()
        self._update_title()
        self.first_report_opened(start_note)

    # -- building the window ----------------------------------------------------------

    def _make_splitter(self) -> QSplitter:
        """The recipe panel on the left, the preview taking what the window gains on the right."""
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.panel)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.panel.setMinimumWidth(300)
        splitter.setSizes([380, 820])
        self.setCentralWidget(splitter)
        return splitter

    def _make_status_bar(self) -> None:
        bar = self.statusBar()
        self.report_label = QLabel(self)
        bar.addWidget(self.report_label)
        self.stats_label = QLabel(self)
        self.warning_label = QLabel(self)
        self.warning_label.setStyleSheet("color: #a0460a; font-weight: bold;")
        self.busy_label = QLabel(_("Updating preview…"), self)
        self.busy_label.hide()
        bar.addPermanentWidget(self.warning_label)
        bar.addPermanentWidget(self.busy_label)
        bar.addPermanentWidget(self.stats_label)

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
        a.batch.triggered.connect(self.open_batch_dialog)
        a.print.triggered.connect(self.print_brief)
        a.reload.triggered.connect(self.reload_content)
        a.quit.triggered.connect(self.close)
        a.zoom_in.triggered.connect(self.preview.zoom_in)
        a.zoom_out.triggered.connect(self.preview.zoom_out)
        a.fit_width.triggered.connect(self.preview.fit_width)
        a.about.triggered.connect(lambda: dialogs.show_about(self, self.report))

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

    # -- content ---------------------------------------------------------------------------

    def _read_content(self) -> tuple[Report | None, list[Problem]]:
        try:
            return check_content(self.content_dir)
        except MissingPartError as exc:  # briefer's own files, not the report's: said as such
            self.missing_part = exc
            return None, []
        except Exception as exc:  # the loader reports problems; anything else is still shown, not raised
            return None, [Problem(_where(self.content_dir), _("cannot read the content: {error}").format(error=exc))]

    @property
    def content_ok(self) -> bool:
        """False while the content folder has errors (the last good report stays on the panel)."""
        return not self.content_problems

    def reload_content(self) -> None:
        """Read the content folder again in the background; the newest read wins."""
        self._content_generation += 1
        generation = self._content_generation
        folder = self.content_dir
        run_task(partial(check_content, folder), partial(self._content_read, generation), self._loader_pool, self)

    def _content_read(self, generation: int, outcome: Outcome) -> None:
        if generation != self._content_generation:
            return
        if isinstance(outcome.error, MissingPartError):
            self.missing_part = outcome.error
            self._apply_content(None, [])
        elif outcome.error is not None:
            message = _("cannot read the content: {error}").format(error=outcome.error)
            problems = [Problem(_where(self.content_dir), message)]
            self._apply_content(None, problems)
        else:
            report, problems = cast(tuple[Report | None, list[Problem]], outcome.value)
            self._apply_content(report, problems)

    def _show_content_problems(self, errors: int) -> None:
        self.preview.show_problems(
            ngettext("The content has {count} error", "The content has {count} errors", errors).format(count=errors),
            ngettext(
                "Fix it in {folder}; the preview comes back by itself when the files are saved "
                "(or use File ▸ Reload content).",
                "Fix them in {folder}; the preview comes back by itself when the files are saved "
                "(or use File ▸ Reload content).",
                errors,
            ).format(folder=self.content_dir),
            self.content_problems,
        )

    def _apply_content(self, report: Report | None, problems: list[Problem]) -> None:
        self.content_problems = problem_lines(problems) if report is None else []
        if report is None:
            self.builder.cancel()
            self.debounce.stop()
            errors = sum(1 for p in problems if not p.warning)
            if self.missing_part is not None:
                self._show_build_problem(self.missing_part)
            else:
                self._show_content_problems(errors)
            self.warning_label.setText(_("content errors"))
            self.stats_label.setText("")
            self._update_title()
            self._show_report_name()
            self.content_changed.emit(False)
            return
        self.missing_part = None
        self.report = report
        self.last_preview = None  # built from the previous content
        self.panel.set_report(report)
        self._update_title()
        self._show_report_name()
        self._show_warnings(self.panel.recipe())
        self.content_changed.emit(True)
        self.rebuild_now()

    # -- the preview ---------------------------------------------------------------------

    def _recipe_changed(self, recipe: Recipe, typing: bool) -> None:
        self._update_title()
        self._show_warnings(recipe)
        # typing waits for a pause; a click is built almost at once (the builder keeps at most one
        # request waiting behind a running build, so a burst of clicks cannot pile up builds)
        self.debounce.start(self._typing_delay_ms if typing else CLICK_DELAY_MS)

    def rebuild_now(self) -> None:
        """Ask for a preview of the recipe on show (the debounce timer ends here too)."""
        self.debounce.stop()
        recipe = self.panel.recipe()
        if self.report is None or not self.content_ok:
            return
        if chosen_nothing(recipe):
            self.builder.cancel()
            self.preview.show_message(_("No sections chosen.\nTick at least one section to see the brief."))
            self.stats_label.setText("")
            self._show_warnings(recipe)
            return
        self.builder.request(self.report, recipe)

    def _show_preview(self, preview: Preview) -> None:
        self.last_preview = preview
        self.preview.show_pdf(preview.pdf)
        self.stats_label.setText(status_text(preview.stats))
        self._show_warnings(preview.recipe)
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
        self.preview.show_problems(title, hint, [line.rstrip("\n") for line in lines])
        self.stats_label.setText("")

    def _show_busy(self, busy: bool) -> None:
        self.busy_label.setVisible(busy)

    def _show_warnings(self, recipe: Recipe) -> None:
        stats = self.last_preview.stats if self.last_preview and self.last_preview.recipe == recipe else None
        found = warnings(recipe, stats)
        if not self.content_ok:
            found.insert(0, _("content errors"))
        self.warning_label.setText(_("⚠ ") + "; ".join(found) if found else "")

    # -- closing ----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if not self.confirm_discard():
            event.ignore()
            return
        self.settings.geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.splitter_state = QByteArray(self.splitter.saveState())
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


def _where(folder: Path) -> Where:
    return Where(str(folder), 0, 0)
