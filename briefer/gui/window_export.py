"""The main window's outputs: export as PDF or Markdown, the Batch dialog, and (window_print.py) Print.

A mixin of MainWindow, kept apart so the window module stays about the window.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from briefer.build import OutputFormat, build_bytes
from briefer.content.problems import ContentError
from briefer.gui import dialogs
from briefer.gui.batch_dialog import BatchDialog
from briefer.gui.i18n import N_, _
from briefer.gui.problems import problem_lines
from briefer.gui.window_print import PrintActions
from briefer.output import OutputError, write_atomically

if TYPE_CHECKING:
    from briefer.content.model import Report
    from briefer.gui.preview_job import Preview
    from briefer.gui.recipe_panel import RecipePanel
    from briefer.gui.settings import Settings

SUFFIXES = {OutputFormat.PDF: ".pdf", OutputFormat.MARKDOWN: ".md"}
EXPORT_FILTERS = {OutputFormat.PDF: N_("PDF documents (*.pdf)"), OutputFormat.MARKDOWN: N_("Markdown (*.md)")}


class ExportActions(PrintActions):
    """File ▸ Export PDF, Export Markdown and Batch; Print comes from PrintActions."""

    if TYPE_CHECKING:
        panel: RecipePanel
        settings: Settings
        report: Report | None
        content_dir: Path
        content_problems: list[str]
        last_preview: Preview | None
        batch_dialog: BatchDialog | None
        recipe_path: Path | None
        recipe_origin: str

        @property
        def content_ok(self) -> bool: ...

    def brief_bytes(self, fmt: OutputFormat) -> bytes | None:
        """The brief for the recipe on show (the preview's PDF when it is current); None after an error."""
        recipe = self.panel.recipe()
        if self.report is None or not self.content_ok:
            dialogs.show_error(
                self,
                _("The content has errors"),
                _("Fix the content in {folder} first:").format(folder=self.content_dir),
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
                self, _("This recipe cannot be built"), _("Change these choices:"), problem_lines(exc.problems)
            )
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()

    def export_dialog(self, fmt: OutputFormat) -> bool:
        suffix = SUFFIXES[fmt]
        stem = Path(self.recipe_origin).stem if self.recipe_path else "brief"
        suggested = str(Path(self.settings.export_folder) / f"{stem}{suffix}")
        caption = _("Export PDF") if fmt == "pdf" else _("Export Markdown")
        path = dialogs.ask_save_path(self, caption, suggested, _(EXPORT_FILTERS[fmt]))
        if not path:
            return False
        target = Path(path)
        if target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix)
        return self.export_to(target, fmt)

    def export_to(self, path: Path, fmt: OutputFormat) -> bool:
        """Write the brief atomically: a failed export leaves any existing file as it was."""
        data = self.brief_bytes(fmt)
        if data is None:
            return False
        try:
            write_atomically(path, data)
        except OutputError as exc:
            dialogs.show_error(self, _("Cannot export the brief"), str(exc))
            return False
        self.settings.export_folder = str(Path(path).resolve().parent)
        self.statusBar().showMessage(_("Exported {path}").format(path=path), 8000)
        return True

    def open_batch_dialog(self) -> BatchDialog | None:
        """File ▸ Batch…: many briefs from the recipe on show, in a window-modal dialog."""
        if self.report is None or not self.content_ok:
            dialogs.show_error(
                self,
                _("The content has errors"),
                _("Fix the content in {folder} first:").format(folder=self.content_dir),
                self.content_problems,
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
