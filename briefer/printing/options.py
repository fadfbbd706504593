"""A print job's choices as plain data, page ranges checked against the document, and the
`lp` options they become (IPP attribute names, which CUPS maps onto each printer's driver).

Pure: imports the recipe's PageSize and the print errors; no subprocess, no Qt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from briefer.printing.errors import PageRangeError, PrintError
from briefer.tailor.recipe import PageSize

PageRange = tuple[int, int]  # first and last page, from 1, inclusive

MAX_COPIES = 999
_RANGE = re.compile(r"^(\d+)?\s*(-)?\s*(\d+)?$")

# the PWG media names every IPP printer and CUPS's PPD mapping understand
MEDIA = {PageSize.A4: "iso_a4_210x297mm", PageSize.LETTER: "na_letter_8.5x11in"}


class Duplex(StrEnum):
    """Which sides of the sheet a job prints on."""

    LONG = "long"
    SHORT = "short"
    NONE = "none"

    @property
    def sides(self) -> str:
        """The IPP `sides` keyword."""
        return {
            Duplex.LONG: "two-sided-long-edge",
            Duplex.SHORT: "two-sided-short-edge",
            Duplex.NONE: "one-sided",
        }[self]

    @property
    def label(self) -> str:
        return {
            Duplex.LONG: "Two-sided, long edge",
            Duplex.SHORT: "Two-sided, short edge (booklets)",
            Duplex.NONE: "One-sided",
        }[self]


@dataclass(frozen=True, slots=True)
class PrintOptions:
    """What to print and how; None means "the printer's own default"."""

    printer: str | None = None  # None: the default printer
    copies: int = 1
    collate: bool = True  # copies as whole sets (1 2 3, 1 2 3) rather than 1 1 2 2 3 3
    pages: str = ""  # e.g. "1-3,5"; "" prints every page
    duplex: Duplex | None = None
    paper: PageSize | None = None  # None: the paper the PDF is laid out on
    grayscale: bool = False
    title: str = "brief"  # the job's name in the queue


def parse_pages(text: str, page_count: int, printer: str) -> tuple[PageRange, ...]:
    """'1-3,5' -> ((1, 3), (5, 5)); '' -> () for every page. 'N-' runs to the last page.

    Raises PageRangeError (naming `printer`) for anything that does not parse, runs backwards,
    or asks for a page the document does not have.
    """
    ranges: list[PageRange] = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        first, last = _one_range(part, page_count, text, printer)
        ranges.append((first, last))
    if text.strip() and not ranges:
        raise PageRangeError(f"cannot print pages {text!r} on {printer}: give pages like 1-3,5")
    return tuple(ranges)


def _one_range(part: str, page_count: int, text: str, printer: str) -> PageRange:
    match = _RANGE.match(part)
    if not match or not (match.group(1) or match.group(3)):
        raise PageRangeError(f"cannot print pages {text!r} on {printer}: {part!r} is not a page or range like 1-3")
    start, dash, end = match.groups()
    first = int(start) if start else 1
    last = int(end) if end else (page_count if dash else first)
    if first < 1 or last < 1:
        raise PageRangeError(f"cannot print pages {text!r} on {printer}: pages count from 1")
    if first > page_count or last > page_count:
        what = f"page {max(first, last)} is past the end"
        raise PageRangeError(f"cannot print pages {text!r} on {printer}: {what} (the document has {page_count} pages)")
    if last < first:
        raise PageRangeError(f"cannot print pages {text!r} on {printer}: {part!r} runs backwards")
    return first, last


def pages_printed(ranges: tuple[PageRange, ...], page_count: int) -> int:
    """How many pages of one copy print."""
    return sum(last - first + 1 for first, last in ranges) if ranges else page_count


def format_ranges(ranges: tuple[PageRange, ...]) -> str:
    """((1, 3), (5, 5)) -> '1-3,5'."""
    return ",".join(str(a) if a == b else f"{a}-{b}" for a, b in ranges)


def check_copies(copies: int, printer: str) -> None:
    if not 1 <= copies <= MAX_COPIES:
        raise PrintError(f"cannot print {copies} copies on {printer}: give 1 to {MAX_COPIES}")


def lp_options(
    options: PrintOptions, ranges: tuple[PageRange, ...], paper: PageSize | None, gray_choice: tuple[str, str] | None
) -> list[str]:
    """The `lp` arguments after `-d PRINTER`: copies, title and one `-o name=value` per choice.

    `paper` is the sheet to print on (the option's, else the PDF's own size); `gray_choice` is
    the driver's own black-and-white setting (e.g. ColorModel=Gray), sent beside the IPP
    print-color-mode because CUPS does not map one to the other for every driver.
    """
    args = ["-n", str(options.copies), "-t", options.title]
    settings: list[str] = []
    if options.copies > 1:
        settings.append(f"collate={'true' if options.collate else 'false'}")
    if ranges:
        settings.append(f"page-ranges={format_ranges(ranges)}")
    if options.duplex is not None:
        settings.append(f"sides={options.duplex.sides}")
    if paper is not None:
        settings.append(f"media={MEDIA[paper]}")
    if options.grayscale:
        settings.append("print-color-mode=monochrome")
        if gray_choice is not None:
            settings.append(f"{gray_choice[0]}={gray_choice[1]}")
    for setting in settings:
        args += ["-o", setting]
    return args
