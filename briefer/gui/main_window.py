"""The main window: recipe panel on the left, live PDF preview on the right, files through menus.

Wires the widgets to the core (load, tailor, build, output); the heavy work runs in worker.py.
"""

from __future__ import annotations

import traceback
from functools import partial
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter

from briefer.build import OutputFormat, build_bytes, open_recipe
from briefer.content.load import check_report, default_content_dir
from briefer.content.located import Where
from briefer.content.model import Report
from briefer.content.problems import ContentError, Problem
from briefer.gui import dialogs, printing
from briefer.gui.batch_dialog import BatchDialog
from briefer.gui.build_process import shared_process_build
from briefer.gui.content_watch import ContentWatcher
from briefer.gui.menus import create_actions, fill_menus
from briefer.gui.preview import PreviewPane
from briefer.gui.preview_job import Preview, chosen_nothing, status_text, warnings
from briefer.gui.printing import PrintError
from briefer.gui.recipe_panel import RecipePanel
from briefer.gui.settings import Settings
from briefer.gui.worker import BuildFunction, Outcome, PreviewBuilder, run_task
from briefer.output import OutputError, write_atomically
from briefer.tailor.recipe import Recipe
from briefer.tailor.recipe_check import RecipeError, check_recipe
from briefer.tailor.recipe_file import save_recipe

CLICK_DELAY_MS = 15  # gathers the changes one gesture makes (select all, a drop) into one build
RECIPE_FILTER = "Recipes (*.yaml *.yml);;Briefs made by briefer (*.pdf);;All files (*)"
SUFFIXES = {OutputFormat.PDF: ".pdf", OutputFormat.MARKDOWN: ".md"}
EXPORT_FILTERS = {OutputFormat.PDF: "PDF documents (*.pdf)", OutputFormat.MARKDOWN: "Markdown (*.md)"}


def problem_lines(problems: list[Problem]) -> list[str]:
    """Errors first, then warnings, each as 'file:line:col: message'."""
    return [str(p) for p in problems if not p.warning] + [str(p) for p in problems if p.warning]


class MainWindow(QMainWindow):
    preview_changed = Signal(object)  # the Preview now on show (after every successful rebuild)
    content_changed = Signal(bool)  # the content folder was (re)read: True if valid, False if not

    def __init__(
        self,
        content_dir: Path | None = None,
        settings: Settings | None = None,
        build: BuildFunction | None = None,
    ) -> None:
        """`build` makes one preview; by default in the app's warm child process (build_process.py)."""
        super().__init__()
        self.settings = settings or Settings()
        self.content_dir = Path(content_dir) if content_dir else default_content_dir()
        self.report: Report | None = None
        self.content_problems: list[str] = []
        self.recipe_path: Path | None = None  # where Save writes; None until saved (or for a PDF)
        self.recipe_origin = "Untitled"  # the name shown in the title bar
        self._saved: Recipe | None = None  # the recipe as last saved or opened; None: never saved
        self.last_preview: Preview | None = None
        self.batch_dialog: BatchDialog | None = None  # the last one opened (File ▸ Batch…)
        self._content_generation = 0
        self._loader_pool = QThreadPool(self)
        self._loader_pool.setMaxThreadCount(1)

        self.panel = RecipePanel(self)
        self.panel.recipe_changed.connect(self._recipe_changed)
        self.preview = PreviewPane(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.panel)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.panel.setMinimumWidth(300)
        self.splitter.setSizes([380, 820])
        self.setCentralWidget(self.splitter)

        if build is None:
            process = shared_process_build()
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
        self.recent_menu = fill_menus(self.menuBar(), self.commands)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._connect_actions()
        self._restore_window()

        self._apply_content(*self._read_content())
        self.watcher.watch(self.content_dir)
        self._saved = self.panel.recipe()
        self._update_title()

    # -- building the window ----------------------------------------------------------

    def _make_status_bar(self) -> None:
        bar = self.statusBar()
        self.stats_label = QLabel(self)
        self.warning_label = QLabel(self)
        self.warning_label.setStyleSheet("color: #a0460a; font-weight: bold;")
        self.busy_label = QLabel("Updating preview…", self)
        self.busy_label.hide()
        bar.addPermanentWidget(self.warning_label)
        bar.addPermanentWidget(self.busy_label)
        bar.addPermanentWidget(self.stats_label)

    def _connect_actions(self) -> None:
        a = self.commands
        a.new.triggered.connect(self.new_recipe)
        a.open.triggered.connect(self.open_recipe_dialog)
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
            return check_report(self.content_dir)
        except Exception as exc:  # the loader reports problems; anything else is still shown, not raised
            return None, [Problem(_where(self.content_dir), f"cannot read the content: {exc}")]

    @property
    def content_ok(self) -> bool:
        """False while the content folder has errors (the last good report stays on the panel)."""
        return not self.content_problems

    def reload_content(self) -> None:
        """Read the content folder again in the background; the newest read wins."""
        self._content_generation += 1
        generation = self._content_generation
        folder = self.content_dir
        run_task(partial(check_report, folder), partial(self._content_read, generation), self._loader_pool, self)

    def _content_read(self, generation: int, outcome: Outcome) -> None:
        if generation != self._content_generation:
            return
        if outcome.error is not None:
            problems = [Problem(_where(self.content_dir), f"cannot read the content: {outcome.error}")]
            self._apply_content(None, problems)
        else:
            report, problems = outcome.value  # type: ignore[misc]
            self._apply_content(report, problems)

    def _apply_content(self, report: Report | None, problems: list[Problem]) -> None:
        self.content_problems = problem_lines(problems) if report is None else []
        if report is None:
            self.builder.cancel()
            self.debounce.stop()
            errors = sum(1 for p in problems if not p.warning)
            self.preview.show_problems(
                f"The content has {errors} error{'s' if errors != 1 else ''}",
                f"Fix {'it' if errors == 1 else 'them'} in {self.content_dir}; the preview comes back "
                "by itself when the files are saved (or use File ▸ Reload content).",
                self.content_problems,
            )
            self.warning_label.setText("content errors")
            self.stats_label.setText("")
            self.content_changed.emit(False)
            return
        self.report = report
        self.last_preview = None  # built from the previous content
        self.panel.set_report(report)
        self._update_title()
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
            self.preview.show_message("No sections chosen.\nTick at least one section to see the brief.")
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
            title = "This recipe cannot be built"
            hint = "Change the choices on the left; the preview follows."
            lines = problem_lines(error.problems)
        else:
            title = "The preview could not be built"
            hint = "This is a bug in briefer; the details below help to fix it. Your choices are kept."
            lines = traceback.format_exception(error)
        self.preview.show_problems(title, hint, [line.rstrip("\n") for line in lines])
        self.stats_label.setText("")

    def _show_busy(self, busy: bool) -> None:
        self.busy_label.setVisible(busy)

    def _show_warnings(self, recipe: Recipe) -> None:
        stats = self.last_preview.stats if self.last_preview and self.last_preview.recipe == recipe else None
        found = warnings(recipe, stats)
        if not self.content_ok:
            found.insert(0, "content errors")
        self.warning_label.setText("⚠ " + "; ".join(found) if found else "")

    # -- recipes -----------------------------------------------------------------------------

    def is_modified(self) -> bool:
        return self._saved is None or self.panel.recipe() != self._saved

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.recipe_origin}[*] — briefer")
        self.setWindowModified(self.is_modified())

    def _set_recipe(self, recipe: Recipe, path: Path | None, origin: str, saved: bool = True) -> None:
        """Show `recipe`; `saved` False marks it as changed (it came from a PDF, say)."""
        self.panel.set_recipe(recipe)
        self.recipe_path = path
        self.recipe_origin = origin
        # what the panel shows, not the file's text: an unchanged recipe must not look modified
        self._saved = self.panel.recipe() if saved else None
        self._update_title()
        self._show_warnings(self.panel.recipe())
        self.rebuild_now()

    def new_recipe(self) -> None:
        if self.confirm_discard():
            self._set_recipe(Recipe(), None, "Untitled")

    def open_recipe_dialog(self) -> None:
        if not self.confirm_discard():
            return
        path = dialogs.ask_open_path(self, "Open recipe", self.settings.recipe_folder, RECIPE_FILTER)
        if path:
            self.open_recipe_file(Path(path))

    def open_recipe_file(self, path: Path) -> bool:
        """Open a recipe (or a briefer PDF's recipe); on failure say why and keep the current one."""
        path = Path(path)
        try:
            recipe = open_recipe(path)
            if self.report is not None:
                check_recipe(recipe, self.report, str(path))
        except RecipeError as exc:
            dialogs.show_error(self, "Cannot open the recipe", f"{path} cannot be used:", problem_lines(exc.problems))
            self.settings.remove_recent_recipe(str(path.resolve()))
            return False
        self.settings.recipe_folder = str(path.resolve().parent)
        if path.suffix.lower() == ".pdf":
            # never save YAML over the PDF: Save asks where to put the recipe
            self._set_recipe(recipe, None, f"recipe from {path.name}", saved=False)
        else:
            self._set_recipe(recipe, path, path.name)
            self.settings.add_recent_recipe(str(path))
        return True

    def save(self) -> bool:
        if self.recipe_path is None:
            return self.save_as()
        return self.save_to(self.recipe_path)

    def save_as(self) -> bool:
        folder = Path(self.settings.recipe_folder)
        suggested = str(self.recipe_path or folder / "recipe.yaml")
        path = dialogs.ask_save_path(self, "Save recipe", suggested, "Recipes (*.yaml *.yml)")
        if not path:
            return False
        target = Path(path)
        if target.suffix.lower() not in (".yaml", ".yml"):
            target = target.with_name(target.name + ".yaml")
        return self.save_to(target)

    def save_to(self, path: Path) -> bool:
        recipe = self.panel.recipe()
        try:
            save_recipe(recipe, path)
        except OutputError as exc:
            dialogs.show_error(self, "Cannot save the recipe", str(exc))
            return False
        self.recipe_path = Path(path)
        self.recipe_origin = self.recipe_path.name
        self._saved = recipe
        self.settings.recipe_folder = str(self.recipe_path.resolve().parent)
        self.settings.add_recent_recipe(str(self.recipe_path))
        self._update_title()
        self.statusBar().showMessage(f"Saved {self.recipe_path}", 5000)
        return True

    def confirm_discard(self) -> bool:
        """True when it is fine to drop the current recipe (saved, discarded or unchanged)."""
        if not self.is_modified():
            return True
        answer = dialogs.ask_save_changes(self, self.recipe_origin)
        if answer == "save":
            return self.save()
        return answer == "discard"

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        recent = self.settings.recent_recipes
        for path in recent:
            action = menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.setEnabled(Path(path).is_file())
            action.triggered.connect(partial(self._open_recent, path))
        if not recent:
            menu.addAction("No recent recipes").setEnabled(False)
        menu.addSeparator()
        menu.addAction("Clear the list", self.settings.clear_recent_recipes).setEnabled(bool(recent))

    def _open_recent(self, path: str) -> None:
        if self.confirm_discard():
            self.open_recipe_file(Path(path))

    # -- export and print ------------------------------------------------------------------

    def brief_bytes(self, fmt: str) -> bytes | None:
        """The brief for the recipe on show (the preview's PDF when it is current); None after an error."""
        recipe = self.panel.recipe()
        if self.report is None or not self.content_ok:
            dialogs.show_error(
                self,
                "The content has errors",
                f"Fix the content in {self.content_dir} first:",
                self.content_problems,
            )
            return None
        if fmt == "pdf" and self.last_preview is not None and self.last_preview.recipe == recipe:
            return self.last_preview.pdf
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return build_bytes(self.report, recipe, fmt)
        except ContentError as exc:
            dialogs.show_error(
                self, "This recipe cannot be built", "Change these choices:", problem_lines(exc.problems)
            )
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()

    def export_dialog(self, fmt: str) -> bool:
        suffix = SUFFIXES[fmt]
        stem = Path(self.recipe_origin).stem if self.recipe_path else "brief"
        suggested = str(Path(self.settings.export_folder) / f"{stem}{suffix}")
        label = "PDF" if fmt == "pdf" else "Markdown"
        path = dialogs.ask_save_path(self, f"Export {label}", suggested, EXPORT_FILTERS[fmt])
        if not path:
            return False
        target = Path(path)
        if target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix)
        return self.export_to(target, fmt)

    def export_to(self, path: Path, fmt: str) -> bool:
        """Write the brief atomically: a failed export leaves any existing file as it was."""
        data = self.brief_bytes(fmt)
        if data is None:
            return False
        try:
            write_atomically(path, data)
        except OutputError as exc:
            dialogs.show_error(self, "Cannot export the brief", str(exc))
            return False
        self.settings.export_folder = str(Path(path).resolve().parent)
        self.statusBar().showMessage(f"Exported {path}", 8000)
        return True

    def open_batch_dialog(self) -> BatchDialog | None:
        """File ▸ Batch…: many briefs from the recipe on show, in a window-modal dialog."""
        if self.report is None or not self.content_ok:
            dialogs.show_error(
                self, "The content has errors", f"Fix the content in {self.content_dir} first:", self.content_problems
            )
            return None
        if self.batch_dialog is not None:
            if self.batch_dialog.isVisible():  # closing, and waiting for its cancelled run
                self.batch_dialog.raise_()
                return self.batch_dialog
            self.batch_dialog.deleteLater()
        self.batch_dialog = BatchDialog(self.report, self.panel.recipe(), self.settings, self)
        self.batch_dialog.open()
        return self.batch_dialog

    def print_brief(self) -> None:
        data = self.brief_bytes("pdf")
        if data is None:
            return
        try:
            pages = printing.ask_and_print(self, data, self.recipe_origin)
        except PrintError as exc:
            dialogs.show_error(self, "Cannot print", str(exc))
            return
        if pages:
            self.statusBar().showMessage(f"Sent {pages} page{'s' if pages != 1 else ''} to the printer", 5000)

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
        self.builder.cancel()
        if self.batch_dialog is not None:
            self.batch_dialog.cancel()  # a running batch stops within moments; files written stay
        self._content_generation += 1  # a reload still running is not applied to a closed window
        self.watcher.watch(None)
        event.accept()


def _where(folder: Path) -> Where:
    return Where(str(folder), 0, 0)
