"""Print a PDF: read it once, choose and check the printer, check the pages, hand the PDF itself
to CUPS. The one path the command line and the app share.

Imports pypdf (to count pages and read the paper size; lazily), the print modules and the
recipe's PageSize; no Qt.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from briefer.printing import cups
from briefer.printing.cups import Printer, Printers
from briefer.printing.errors import NoPrinterError, PrinterNotReadyError, PrintError, UnknownPrinterError
from briefer.printing.options import Duplex, PrintOptions, check_copies, lp_options, pages_printed, parse_pages
from briefer.tailor.recipe import PageSize

PAPER_TOLERANCE = 2.0  # points: PDFs round their page sizes


@dataclass(frozen=True, slots=True)
class Document:
    """A PDF to print: its bytes, its pages and the paper it is laid out on (None if neither A4 nor Letter)."""

    data: bytes
    pages: int
    paper: PageSize | None


@dataclass(frozen=True, slots=True)
class SentJob:
    """A job CUPS has accepted."""

    job_id: str
    printer: str
    pages: int  # of one copy
    copies: int
    size: int  # bytes handed to CUPS
    duplex: Duplex | None

    def describe(self) -> str:
        """'21 pages × 2 copies, two-sided (long edge)' for messages."""
        text = f"{self.pages} page{'s' if self.pages != 1 else ''}"
        if self.copies > 1:
            text += f" × {self.copies} copies"
        if self.duplex is not None:
            text += f", {self.duplex.label.lower()}"
        return text


def read_document(data: bytes, name: str = "the brief") -> Document:
    """Count the pages and find the paper; PrintError (naming `name`) if `data` is not a PDF."""
    # imported here, not at the top: the command line parser imports this package, and every
    # briefer command would pay for pypdf's import
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    if not data.lstrip()[:5] == b"%PDF-":
        raise PrintError(f"cannot print {name}: it is not a PDF")
    try:
        reader = PdfReader(io.BytesIO(data))
        count = len(reader.pages)
        box = reader.pages[0].mediabox if count else None
    except (PyPdfError, ValueError, KeyError) as exc:
        raise PrintError(f"cannot print {name}: the PDF cannot be read ({exc})") from exc
    if not count:
        raise PrintError(f"cannot print {name}: the PDF has no pages")
    paper = _paper(float(box.width), float(box.height)) if box is not None else None
    return Document(data, count, paper)


def read_document_file(path: Path) -> Document:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise PrintError(f"cannot print {path}: {exc.strerror or exc}") from exc
    return read_document(data, str(path))


def _paper(width: float, height: float) -> PageSize | None:
    short, long = sorted((width, height))
    for size in PageSize:
        w, h = size.points
        if abs(short - w) <= PAPER_TOLERANCE and abs(long - h) <= PAPER_TOLERANCE:
            return size
    return None


def choose_printer(printers: Printers, name: str | None) -> Printer:
    """The printer asked for (else the default), ready to take a job; a typed error otherwise."""
    if not printers.printers:
        raise NoPrinterError(f"no printer is set up ({cups.server_name()} knows none): add one in the system settings")
    if name is None:
        if printers.default is None:
            raise NoPrinterError(
                f"no printer chosen and no default printer is set: choose one of {', '.join(printers.names)}"
            )
        name = printers.default
    printer = printers.find(name)
    if printer is None:
        raise UnknownPrinterError(f"there is no printer named {name!r}: choose one of {', '.join(printers.names)}")
    if not printer.ready:
        raise PrinterNotReadyError(f"the printer {printer.name} is {printer.state_text()}")
    return printer


def send(document: Document, options: PrintOptions, printers: Printers | None = None) -> SentJob:
    """Check everything, then hand the PDF to the printer's queue. Every failure is a PrintError."""
    printer = choose_printer(printers if printers is not None else cups.list_printers(), options.printer)
    check_copies(options.copies, printer.name)
    ranges = parse_pages(options.pages, document.pages, printer.name)
    gray = cups.gray_choice(printer.name) if options.grayscale else None
    args = lp_options(options, ranges, options.paper or document.paper, gray)
    job_id = cups.submit(document.data, printer.name, args)
    return SentJob(
        job_id, printer.name, pages_printed(ranges, document.pages), options.copies, len(document.data), options.duplex
    )


def send_handouts(paths: Sequence[Path], options: PrintOptions, printers: Printers | None = None) -> SentJob:
    """Print many PDFs as one job, in order, each starting on a fresh sheet.

    One job keeps the run together in a shared queue. Unless the job is one-sided, a copy with an
    odd number of pages is followed by a blank page so the next one does not start on its back.
    """
    if not paths:
        raise PrintError("nothing to print: the run wrote no files")
    if len(paths) == 1:
        return send(read_document_file(paths[0]), options, printers)
    from briefer.batch.combine import combine_copies

    parts = [(Path(p).stem, read_document_file(p).data) for p in paths]
    joined = combine_copies(parts, pad=options.duplex is not Duplex.NONE)
    return send(read_document(joined, f"the {len(paths)} files"), options, printers)
