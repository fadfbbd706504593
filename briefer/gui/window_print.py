"""The main window's File ▸ Print: the PDF and the printer list fetched off the UI thread, then the
print dialog (CUPS: the PDF itself) or, where there is no CUPS, the system dialog and the raster path.

A mixin of MainWindow (through ExportActions), kept apart so window modules stay about one thing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QMainWindow

from briefer.build import OutputFormat, build_bytes, page_count
from briefer.content.problems import ContentError
from briefer.gui import dialogs
from briefer.gui.i18n import _, ngettext
from briefer.gui.print_dialog import PrintDialog
from briefer.gui.print_job import JobEnd
from briefer.gui.printing import RasterPrint, start_raster_print
from briefer.gui.problems import problem_lines
from briefer.gui.worker import Outcome, run_task
from briefer.printing.cups import Printers, cups_available, list_printers
from briefer.printing.errors import PrintError
from briefer.printing.send import Document, choose_printer

if TYPE_CHECKING:
    from pathlib import Path

    from briefer.content.model import Report
    from briefer.gui.preview_job import Preview
    from briefer.gui.recipe_panel import RecipePanel

# The mixin is typed as the window it is mixed into; at run time it is a plain class.
if TYPE_CHECKING:
    _Window = QMainWindow
else:
    _Window = object


class PrintActions(_Window):
    """File ▸ Print."""

    print_dialog: PrintDialog | None = None  # the last one opened
    raster_print: RasterPrint | None = None  # the raster path's last run (no CUPS)

    if TYPE_CHECKING:
        panel: RecipePanel
        report: Report | None
        content_dir: Path
        content_problems: list[str]
        last_preview: Preview | None
        recipe_origin: str

        @property
        def content_ok(self) -> bool: ...
        def can_build(self) -> bool: ...

    def print_brief(self) -> None:
        """Fetch the brief's PDF (the preview's when current) and the printers in the background."""
        if not self.can_build():  # while the content has errors, the last good content prints
            return
        if self.print_dialog is not None and self.print_dialog.isVisible():
            self.print_dialog.raise_()
            return
        assert self.report is not None
        recipe, report, through_cups = self.panel.recipe(), self.report, cups_available()
        preview = self.last_preview
        current = preview if preview is not None and preview.recipe == recipe else None

        def prepare() -> tuple[Document, Printers | None]:  # on a worker: plain data in and out
            # our own PDF: its pages and paper are known without parsing it (pypdf's parse would
            # compete with the UI thread for the interpreter)
            if current is not None:
                document = Document(current.pdf, current.stats.pages, recipe.page_size)
            else:
                data = build_bytes(report, recipe, OutputFormat.PDF)
                document = Document(data, page_count(data), recipe.page_size)
            return document, (list_printers() if through_cups else None)

        self.statusBar().showMessage(_("Preparing to print…"))
        run_task(prepare, self._print_prepared, QThreadPool.globalInstance(), self)

    def _print_prepared(self, outcome: Outcome) -> None:
        self.statusBar().clearMessage()
        if outcome.error is not None:
            self._print_failed(outcome.error)
            return
        document, printers = cast(tuple[Document, Printers | None], outcome.value)
        if printers is None:
            self.raster_print = start_raster_print(self, document, self.recipe_origin)
            if self.raster_print is not None:
                self.raster_print.print_ended.connect(self._raster_ended)
            return
        if not printers.printers:
            try:
                choose_printer(printers, None)
            except PrintError as exc:
                self._print_failed(exc)
            return
        if self.print_dialog is not None:
            self.print_dialog.deleteLater()
        self.print_dialog = PrintDialog(document, printers, self.recipe_origin, self)
        self.print_dialog.print_ended.connect(self._print_ended)
        self.print_dialog.open()

    def _print_failed(self, error: BaseException) -> None:
        if isinstance(error, ContentError):
            problems = problem_lines(error.problems)
            dialogs.show_error(self, _("This recipe cannot be built"), _("Change these choices:"), problems)
        elif isinstance(error, PrintError):
            dialogs.show_error(self, _("Cannot print"), str(error))
        else:
            dialogs.show_bug(self, _("Printing failed"), error)

    def _print_ended(self, end: JobEnd) -> None:
        if end.job is None or end.error is not None:
            return  # the dialog showed why
        if end.cancelled:
            said = _("Printing cancelled: job {job} taken off {printer}")
            self.statusBar().showMessage(said.format(job=end.job.job_id, printer=end.job.printer), 8000)
        else:
            said = _("Printed on {printer}: {job}")
            self.statusBar().showMessage(said.format(printer=end.job.printer, job=end.job.describe()), 8000)

    def _raster_ended(self, outcome: Outcome) -> None:
        if outcome.error is not None:
            self._print_failed(outcome.error)
            return
        pages, cancelled = cast(tuple[int, bool], outcome.value)
        if cancelled:
            said = ngettext(
                "Printing cancelled after {n} page to the printer",
                "Printing cancelled after {n} pages to the printer",
                pages,
            )
        else:
            said = ngettext("Sent {n} page to the printer", "Sent {n} pages to the printer", pages)
        self.statusBar().showMessage(said.format(n=pages), 8000)
