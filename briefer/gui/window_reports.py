"""The main window's reports: File ▸ Open report…, Open recent report, and which report is open.

A mixin of MainWindow. Switching report keeps the recipe's choices the new report has and says
which it drops; the report open is remembered in the settings and reopened at the next start.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow

from briefer.content.load import default_content_dir, folder_problem
from briefer.content.report_meta import peek_identity
from briefer.gui import dialogs
from briefer.gui.i18n import _
from briefer.tailor.recipe_check import RecipeError, check_recipe

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QMenu

    from briefer.content.model import Report
    from briefer.content.problems import Problem
    from briefer.gui.content_watch import ContentWatcher
    from briefer.gui.recipe_panel import RecipePanel
    from briefer.gui.settings import Settings
    from briefer.tailor.recipe import Recipe


# The mixin is typed as the window it is mixed into; at run time it is a plain class.
if TYPE_CHECKING:
    _Window = QMainWindow
else:
    _Window = object


class ReportActions(_Window):
    """File ▸ Open report… and Open recent report; the report's name in the title and status bar."""

    if TYPE_CHECKING:
        panel: RecipePanel
        settings: Settings
        report: Report | None
        content_dir: Path
        watcher: ContentWatcher
        report_label: QLabel
        recent_reports_menu: QMenu
        recipe_path: Path | None
        recipe_origin: str
        _saved: Recipe | None

        def confirm_discard(self) -> bool: ...
        def _update_title(self) -> None: ...
        def _read_content(self) -> tuple[Report | None, list[Problem]]: ...
        def _apply_content(self, report: Report | None, problems: list[Problem]) -> None: ...

    def report_caption(self) -> str:
        """The open report as the title bar names it: its short title, else its folder's name."""
        if self.report is not None:
            return self.report.short_title or self.report.title
        return self.content_dir.name

    def _show_report_name(self) -> None:
        shipped = self._is_shipped(self.content_dir)
        name = self.report.title if self.report is not None else self.content_dir.name
        self.report_label.setText(_("Report: {name}").format(name=name))
        where = str(self.content_dir)
        self.report_label.setToolTip(
            _("The report shipped with briefer: {folder}").format(folder=where) if shipped else where
        )

    @staticmethod
    def _is_shipped(folder: Path) -> bool:
        return folder.resolve() == default_content_dir().resolve()

    def first_report(self, given: Path | None) -> tuple[Path, str]:
        """The report to open at start: the one given, else the one open last time, else the
        shipped one; and a note to show when the one open last time has gone."""
        if given:
            return Path(given), ""
        last = self.settings.report_folder
        if not last:
            return default_content_dir(), ""
        if not folder_problem(Path(last)):
            return Path(last), ""
        gone = _("The report open last time ({folder}) is no longer there: showing the shipped one")
        return default_content_dir(), gone.format(folder=last)

    def first_report_opened(self, note: str) -> None:
        if self.report is not None:
            self.remember_report()
        if note:
            self.statusBar().showMessage(note, 15000)

    def remember_report(self) -> None:
        folder = self.content_dir
        self.settings.report_folder = "" if self._is_shipped(folder) else str(folder.resolve())
        self.settings.add_recent_report(str(folder))

    def open_report_dialog(self) -> None:
        start = str(self.content_dir.parent)
        path = dialogs.ask_folder(self, _("Open report (a folder holding report.yaml)"), start)
        if path:
            self.open_report_folder(Path(path))

    def open_report_folder(self, folder: Path, *, confirmed: bool = False) -> bool:
        """Open the report in `folder`; the recipe keeps the choices it has and is new and untitled.
        `confirmed`: the user already agreed to drop the recipe on show."""
        folder = Path(folder)
        problem = folder_problem(folder)
        if problem:
            text = _("{folder} cannot be opened as a report:").format(folder=folder)
            dialogs.show_error(self, _("Cannot open the report"), text, [problem])
            self.settings.remove_recent_report(str(folder.resolve()))
            return False
        if not confirmed and not self.confirm_discard():
            return False
        before = self.panel.recipe()
        self.content_dir = folder
        self.report = None  # never show the previous report's name for this one, even if it fails
        self.watcher.watch(folder)
        self._apply_content(*self._read_content())
        # the recipe was the other report's: saving must not write this report's choices over it
        self.recipe_path = None
        self.recipe_origin = _("Untitled")
        self._saved = self.panel.recipe()
        self.remember_report()
        self._update_title()
        self._show_report_name()
        if self.report is not None:
            self._tell_dropped(before, self.report)
            self.statusBar().showMessage(_("Opened the report {title}").format(title=self.report.title), 5000)
        return True

    def _tell_dropped(self, recipe: Recipe, report: Report) -> None:
        try:
            check_recipe(recipe, report)
        except RecipeError as exc:
            dialogs.show_info(
                self,
                _("Some choices do not fit this report"),
                _(
                    "The report “{title}” does not have some of the choices made for the previous one; "
                    "they were left out:"
                ).format(title=report.title),
                [p.message for p in exc.problems if not p.warning],
            )

    def find_report(self, report_id: str) -> Path | None:
        """A known report folder (recent, or shipped) whose report has this id."""
        for folder in [*map(Path, self.settings.recent_reports), default_content_dir()]:
            identity = peek_identity(folder)
            if identity is not None and identity[0] == report_id:
                return folder
        return None

    def _fill_recent_reports_menu(self) -> None:
        menu = self.recent_reports_menu
        menu.clear()
        recent = self.settings.recent_reports
        for path in recent:
            identity = peek_identity(Path(path))
            action = menu.addAction(f"{identity[1]} — {Path(path).name}" if identity else Path(path).name)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.setEnabled(identity is not None)
            action.triggered.connect(partial(self.open_report_folder, Path(path)))
        shipped = default_content_dir()
        if str(shipped.resolve()) not in recent:
            identity = peek_identity(shipped)
            name = identity[1] if identity else _("The shipped report")
            action = menu.addAction(_("{name} (shipped with briefer)").format(name=name))
            action.triggered.connect(partial(self.open_report_folder, shipped))
        menu.addSeparator()
        menu.addAction(_("Clear the list"), self.settings.clear_recent_reports).setEnabled(bool(recent))
