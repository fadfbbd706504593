"""The raster path, only where the PDF itself cannot go to the printer (no CUPS: Windows): each
page drawn at the printer's resolution onto a QPrinter, on a worker thread, with progress and Cancel.

Bitmaps make big jobs without text, so this is the fallback (briefer.printing sends the PDF
wherever CUPS is). What prints is exactly the PDF the preview shows; nothing is laid out again.
Imports QtPdf, QtPrintSupport, worker.py and dialogs.py; the worker never touches a widget.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRect, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QProgressDialog, QWidget

from briefer.gui import dialogs
from briefer.gui.i18n import _
from briefer.gui.worker import Outcome, run_task
from briefer.printing.errors import PrintError
from briefer.printing.send import Document

BAND_ROWS = 512


def open_pdf(pdf: bytes) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument over `pdf`; keep the buffer alive as long as the document."""
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        raise PrintError(_("the brief could not be read for printing ({error})").format(error=document.error().name))
    return document, buffer


def page_range(printer: QPrinter, count: int) -> range:
    """The pages (from 0) the print dialog asked for, within the document."""
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0 and last <= 0:
        return range(count)
    first = max(1, first)
    last = min(count, last if last > 0 else count)
    return range(first - 1, last)


def draw_pages(
    pdf: bytes, printer: QPrinter, on_page: Callable[[int, int], None], cancel: threading.Event
) -> tuple[int, bool]:
    """Print the pages the printer is set up for: (pages drawn, cancelled). Cancel aborts the job."""
    document, _buffer = open_pdf(pdf)
    pages = page_range(printer, document.pageCount())
    if not pages:
        return 0, False
    painter = QPainter()
    if not painter.begin(printer):
        name = printer.printerName() or printer.outputFileName()
        raise PrintError(_("the printer {name} could not be started").format(name=name))
    try:
        for n, index in enumerate(pages):
            if cancel.is_set():
                printer.abort()
                return n, True
            if n:
                printer.newPage()
            _draw_page(painter, printer, document, index, cancel)
            on_page(n + 1, len(pages))
        return len(pages), False
    finally:
        painter.end()
        document.close()


def _draw_page(
    painter: QPainter, printer: QPrinter, document: QPdfDocument, index: int, cancel: threading.Event
) -> None:
    dpi = printer.resolution()
    target = printer.pageLayout().paintRectPixels(dpi)
    points = document.pagePointSize(index)
    full = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
    # the page at printer resolution, shrunk only if the printable area is smaller; centred
    scale = min(1.0, target.width() / full.width(), target.height() / full.height())
    size = QSize(round(full.width() * scale), round(full.height() * scale))
    left = (target.width() - size.width()) // 2
    top = (target.height() - size.height()) // 2
    for band in range(0, size.height(), BAND_ROWS):
        if cancel.is_set():
            return
        # in bands: a whole A4 page at 1200 dpi would be a 500 MB image
        clip = QRect(0, band, size.width(), min(BAND_ROWS, size.height() - band))
        options = QPdfDocumentRenderOptions()
        options.setScaledSize(size)
        options.setScaledClipRect(clip)
        image = document.render(index, clip.size(), options)
        painter.drawImage(left, top + band, image)


class RasterPrint(QObject):
    """Draws `pdf` onto `printer` once, on a pool thread. Parentless: the running task holds it."""

    progress_changed = Signal(int, int)  # pages drawn, pages to draw; emitted on the worker (connect queued)
    print_ended = Signal(object)  # on the UI thread: Outcome of (pages drawn, cancelled), or the error

    def __init__(self, pdf: bytes, printer: QPrinter) -> None:
        super().__init__()
        self.pdf, self.printer = pdf, printer
        self._cancel = threading.Event()
        self.running = False

    def start(self) -> None:
        pdf, printer, cancel, emit = self.pdf, self.printer, self._cancel, self.progress_changed.emit
        self.running = True
        run_task(lambda: draw_pages(pdf, printer, emit, cancel), self._finished, QThreadPool.globalInstance())

    def cancel(self) -> None:
        """Stop after the band being drawn; the printer's job is aborted."""
        self._cancel.set()

    def _finished(self, outcome: Outcome) -> None:
        self.running = False
        self.print_ended.emit(outcome)


def start_raster_print(parent: QWidget, document: Document, title: str) -> RasterPrint | None:
    """Ask the system's print dialog, then print in the background behind a progress dialog.

    None when the user cancels the dialog; else the run, whose print_ended says how it went.
    """
    printer = dialogs.ask_raster_printer(parent, title, document.pages)
    if printer is None:
        return None
    drawing = _("Drawing the pages at {dpi} dpi…").format(dpi=printer.resolution())
    progress = QProgressDialog(drawing, _("Cancel"), 0, document.pages, parent)
    progress.setWindowTitle(_("Print — briefer"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    run = RasterPrint(document.data, printer)
    run.progress_changed.connect(lambda done, total: _show(progress, done, total), Qt.ConnectionType.QueuedConnection)
    progress.canceled.connect(run.cancel)
    run.print_ended.connect(lambda _outcome: _close(progress))
    run.start()
    progress.show()
    return run


def _show(progress: QProgressDialog, done: int, total: int) -> None:
    progress.setMaximum(total)
    progress.setValue(done)
    progress.setLabelText(_("Printed page {done} of {total}…").format(done=done, total=total))


def _close(progress: QProgressDialog) -> None:
    progress.close()
    progress.deleteLater()
