"""File ▸ Print: choose the printer and the options, then follow the job with Cancel.

Our own small dialog rather than QPrintDialog: it lists the printers CUPS itself will print on
(with their state), takes page ranges like 1-3,5 and hands plain PrintOptions to the printing
core, which sends the PDF itself (print_job.py). Every failure is shown in an error dialog that
names the printer. Imports Qt widgets, the printing core and print_job.py.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from briefer.gui import dialogs
from briefer.gui.i18n import _, ngettext
from briefer.gui.print_job import STEPS, JobEnd, JobProgress, PrintJob
from briefer.printing.cups import Printers
from briefer.printing.errors import PrintError
from briefer.printing.options import MAX_COPIES, Duplex, PrintOptions, check_copies, parse_pages
from briefer.printing.send import Document
from briefer.tailor.recipe import PageSize

WARNING_STYLE = "color: #b00020;"


class PrintDialog(QDialog):
    print_ended = Signal(object)  # a JobEnd: printed, cancelled or failed

    def __init__(self, document: Document, printers: Printers, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document, self.printers, self.title = document, printers, title
        self.job: PrintJob | None = None
        self._warned = ""
        self._close_when_done = False
        self.setWindowTitle(_("Print — briefer"))
        self._make_choices()
        pages = ngettext("{n} page, {paper}.", "{n} pages, {paper}.", document.pages)
        self.status = QLabel(pages.format(n=document.pages, paper=self.paper_text(document.paper)), self)
        self.status.setWordWrap(True)
        self.warning = QLabel("", self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, STEPS)
        self.progress.setTextVisible(False)
        self.print_button = QPushButton(_("Print"), self)
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.start)
        self.close_button = QPushButton(_("Close"), self)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.status)
        layout.addWidget(self.warning)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        self.resize(460, 0)

    def _make_choices(self) -> None:
        self.printer = QComboBox(self)
        for printer in self.printers.printers:
            mark = _(" (default)") if printer.name == self.printers.default else ""
            self.printer.addItem(f"{printer.name}{mark} — {printer.state_text()}", printer.name)
        if self.printers.default:
            self.printer.setCurrentIndex(max(0, self.printer.findData(self.printers.default)))
        self.copies = QSpinBox(self)
        self.copies.setRange(1, MAX_COPIES)
        self.collate = QCheckBox(_("Collate (whole sets)"), self)
        self.collate.setChecked(True)
        self.pages = QLineEdit(self)
        self.pages.setPlaceholderText(_("all {n}, or e.g. 1-3,5").format(n=self.document.pages))
        self.duplex = QComboBox(self)
        self.duplex.addItem(_("The printer's setting"), None)
        for choice in (Duplex.NONE, Duplex.LONG, Duplex.SHORT):
            self.duplex.addItem(_(choice.label), choice)
        self.paper = QComboBox(self)
        if self.document.paper is None:
            self.paper.addItem(_("The printer's setting"), None)
        for size in PageSize:
            self.paper.addItem(_(size.label), size)
        self.paper.setCurrentIndex(max(0, self.paper.findData(self.document.paper)))
        self.grayscale = QCheckBox(_("Black and white"), self)
        self.choices: list[QWidget] = [
            self.printer,
            self.copies,
            self.collate,
            self.pages,
            self.duplex,
            self.paper,
            self.grayscale,
        ]
        self.form = QFormLayout()
        self.form.addRow(_("&Printer:"), self.printer)
        self.form.addRow(_("&Copies:"), self.copies)
        self.form.addRow("", self.collate)
        self.form.addRow(_("P&ages:"), self.pages)
        self.form.addRow(_("&Two-sided:"), self.duplex)
        self.form.addRow(_("Pape&r:"), self.paper)
        self.form.addRow("", self.grayscale)

    @staticmethod
    def paper_text(paper: PageSize | None) -> str:
        return (
            _("laid out on {paper}").format(paper=_(paper.label))
            if paper
            else _("on a page size other than A4 or Letter")
        )

    def options(self) -> PrintOptions:
        # combo boxes hand enum data back as plain strings
        duplex, paper = self.duplex.currentData(), self.paper.currentData()
        return PrintOptions(
            printer=self.printer.currentData(),
            copies=self.copies.value(),
            collate=self.collate.isChecked(),
            pages=self.pages.text().strip(),
            duplex=Duplex(duplex) if duplex else None,
            paper=PageSize(paper) if paper else None,
            grayscale=self.grayscale.isChecked(),
            title=self.title,
        )

    @property
    def running(self) -> bool:
        return self.job is not None and self.job.running

    def start(self) -> None:
        """Print: check the choices here (a bad page range never reaches CUPS), then send in the background."""
        if self.running:
            return
        options = self.options()
        try:
            check_copies(options.copies, str(options.printer))
            parse_pages(options.pages, self.document.pages, str(options.printer))
        except PrintError as exc:
            dialogs.show_error(self, _("Cannot print"), str(exc))
            return
        self._warned = ""
        self.warning.setText("")
        self.job = PrintJob(self.document, options, self.printers, self)
        self.job.progress_changed.connect(self._show_progress)
        self.job.job_ended.connect(self._ended)
        self._set_running(True)
        self.job.start()

    def cancel(self) -> None:
        if self.job is not None and self.running:
            self.job.cancel()
            self.status.setText(_("Cancelling…"))
            self.close_button.setEnabled(False)

    def _show_progress(self, progress: JobProgress) -> None:
        self.progress.setValue(progress.step)
        self.status.setText(progress.text)
        self.warning.setText(progress.warning)
        if progress.warning and progress.warning != self._warned:
            self._warned = progress.warning  # one dialog per new problem, not one per poll
            dialogs.show_error(self, _("The printer has stopped"), progress.warning)

    def _ended(self, end: JobEnd) -> None:
        self._set_running(False)
        if end.error is not None:
            self.progress.setValue(0)
            self.status.setText(_("Not printed."))
            self._show_failure(end.error)
            self._close_when_done = False
        elif end.cancelled:
            self.progress.setValue(0)
            self.status.setText(_("Cancelled: nothing is left in the queue."))
        else:
            self.progress.setValue(STEPS)
            self.status.setText(_("Sent to the printer."))
        self.print_ended.emit(end)
        if end.error is None or self._close_when_done:
            self.done(QDialog.DialogCode.Accepted if end.job and not end.cancelled else QDialog.DialogCode.Rejected)

    def _show_failure(self, error: BaseException) -> None:
        if isinstance(error, PrintError):
            self.warning.setText(str(error))
            dialogs.show_error(self, _("Cannot print"), str(error))
        else:
            dialogs.show_bug(self, _("Printing failed"), error)

    def _set_running(self, running: bool) -> None:
        for choice in self.choices:
            choice.setEnabled(not running)
        self.print_button.setEnabled(not running)
        self.close_button.setText(_("Cancel") if running else "Close")
        self.close_button.setEnabled(True)

    def reject(self) -> None:
        """Close (Esc, the window's button); while a job runs, Cancel it first and close once it is out."""
        if self.running:
            self._close_when_done = True
            self.cancel()
            return
        super().reject()
