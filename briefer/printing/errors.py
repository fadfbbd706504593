"""What can go wrong when printing, as types: each message says what happened and names the printer.

Subclasses OutputError so `briefer.cli.main` prints the message and exits with code 2.
Imports nothing but briefer.output.
"""

from __future__ import annotations

from briefer.output import OutputError


class PrintError(OutputError):
    """Printing could not be done as asked; the message says why and which printer."""


class PrintingUnavailableError(PrintError):
    """No print system to talk to: the CUPS tools are missing, or the scheduler does not answer."""


class NoPrinterError(PrintError):
    """The print system knows no printer at all, or none was chosen and there is no default."""


class UnknownPrinterError(PrintError):
    """A printer name the print system does not know."""


class PrinterNotReadyError(PrintError):
    """The printer is stopped (disabled) or not accepting jobs."""


class JobRefusedError(PrintError):
    """The print system turned the job down."""


class PageRangeError(PrintError):
    """A page range that does not parse or lies outside the document."""
