"""Printing: each page of the rendered PDF drawn at the printer's resolution onto a QPrinter.

What prints is exactly the PDF the preview shows; nothing is laid out again.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from briefer.gui.i18n import _

BAND_ROWS = 512


class PrintError(Exception):
    """Printing could not start; the message says why."""


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


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Print the pages of `pdf` the printer is set up for; returns how many were printed."""
    document, _buffer = open_pdf(pdf)
    pages = page_range(printer, document.pageCount())
    if not pages:
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(_("the printer could not be started (is it connected, or the output file writable?)"))
    try:
        dpi = printer.resolution()
        for n, index in enumerate(pages):
            if n:
                printer.newPage()
            target = printer.pageLayout().paintRectPixels(dpi)
            points = document.pagePointSize(index)
            full = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            # the page at printer resolution, shrunk only if the printable area is smaller; centred
            scale = min(1.0, target.width() / full.width(), target.height() / full.height())
            size = QSize(round(full.width() * scale), round(full.height() * scale))
            left = (target.width() - size.width()) // 2
            top = (target.height() - size.height()) // 2
            for band in range(0, size.height(), BAND_ROWS):
                # in bands: a whole A4 page at 1200 dpi would be a 500 MB image
                clip = QRect(0, band, size.width(), min(BAND_ROWS, size.height() - band))
                options = QPdfDocumentRenderOptions()
                options.setScaledSize(size)
                options.setScaledClipRect(clip)
                image = document.render(index, clip.size(), options)
                painter.drawImage(left, top + band, image)
        return len(pages)
    finally:
        painter.end()
        document.close()


def ask_and_print(parent: QWidget | None, pdf: bytes, title: str) -> int:
    """Show the print dialog; print if accepted. Returns pages printed (0 when cancelled)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setFullPage(True)  # the PDF has its own margins
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_("Print brief"))
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    document, _buffer = open_pdf(pdf)
    dialog.setMinMax(1, max(1, document.pageCount()))
    document.close()
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return 0
    return print_pdf(pdf, printer)
