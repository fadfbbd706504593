"""Printing draws the rendered pages onto the printer; here the printer writes a PDF file."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from briefer.gui.main_window import MainWindow
from briefer.gui.printing import page_range, print_pdf


def pdf_printer(path: Path, dpi: int = 150) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(dpi)
    printer.setFullPage(True)
    return printer


def test_every_page_is_printed(window: MainWindow, tmp_path: Path) -> None:
    out = tmp_path / "printed.pdf"
    pages = print_pdf(window.preview.pdf(), pdf_printer(out))
    assert pages == window.preview.page_count()
    assert len(PdfReader(out).pages) == pages


def test_a_page_range_is_respected(window: MainWindow, tmp_path: Path) -> None:
    out = tmp_path / "range.pdf"
    printer = pdf_printer(out)
    printer.setFromTo(2, 3)
    assert print_pdf(window.preview.pdf(), printer) == 2
    assert len(PdfReader(out).pages) == 2


def test_page_range_bounds() -> None:
    printer = QPrinter()
    assert page_range(printer, 5) == range(5)
    printer.setFromTo(4, 9)
    assert page_range(printer, 5) == range(3, 5)
