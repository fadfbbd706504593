"""Impose a PDF as a saddle-stitched booklet: pages two-up on landscape sheets, in fold order.

An A4 brief becomes an A5 booklet on A4 sheets (every page scaled by exactly 1/√2); a Letter
brief becomes a half-letter booklet on Letter sheets (scaled to fit, centred). Print double-
sided, flipping on the short edge, fold and staple. Imports pypdf only.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from pypdf import PageObject, PdfReader, PdfWriter, Transformation


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a sheet: the 1-based page numbers on its left and right halves."""

    left: int
    right: int


def padded_count(pages: int) -> int:
    """Pages rounded up to a multiple of four (a folded sheet carries four pages)."""
    return max(4, -(-pages // 4) * 4)


def saddle_order(pages: int) -> list[tuple[Side, Side]]:
    """Front and back of each sheet, outermost sheet first, for `pages` (a multiple of 4).

    Sheet s (0-based) carries pages n-2s and 2s+1 on its front, 2s+2 and n-2s-1 on its back.
    """
    if pages <= 0 or pages % 4:
        raise ValueError(f"a booklet needs a multiple of 4 pages, not {pages}")
    return [(Side(pages - 2 * s, 2 * s + 1), Side(2 * s + 2, pages - 2 * s - 1)) for s in range(pages // 4)]


@dataclass(frozen=True, slots=True)
class Booklet:
    pdf: bytes
    pages: int  # pages of the brief
    blanks: int  # blank pages added to reach a multiple of four
    sheets: int  # sheets of paper (each printed on both sides)
    scale: float  # how much each page was scaled down


def booklet_scale(width: float, height: float) -> float:
    """How much a page of this size shrinks to fit half of a sheet of the same size turned landscape."""
    sheet_w, sheet_h = max(width, height), min(width, height)
    return min(sheet_w / 2 / width, sheet_h / height)


def impose_booklet(pdf: bytes) -> Booklet:
    """The booklet of `pdf`; the sheet has the size of the source page, turned landscape."""
    reader = PdfReader(io.BytesIO(pdf))
    count = len(reader.pages)
    if not count:
        raise ValueError("the PDF has no pages")
    box = reader.pages[0].mediabox
    width, height = float(box.width), float(box.height)
    sheet_w, sheet_h = max(width, height), min(width, height)
    half_w = sheet_w / 2
    scale = booklet_scale(width, height)

    total = padded_count(count)
    writer = PdfWriter()
    for front, back in saddle_order(total):
        for side in (front, back):
            sheet = writer.add_blank_page(sheet_w, sheet_h)
            for slot, number in enumerate((side.left, side.right)):
                if number <= count:
                    _place(sheet, reader.pages[number - 1], slot * half_w, half_w, sheet_h, scale)
    writer.add_metadata({k: v for k, v in (reader.metadata or {}).items() if isinstance(v, str)})
    out = io.BytesIO()
    writer.write(out)
    return Booklet(out.getvalue(), count, total - count, total // 4, scale)


def _place(sheet: PageObject, page: PageObject, x: float, half_w: float, sheet_h: float, scale: float) -> None:
    """Scale `page` and centre it in the half of `sheet` that starts at `x`."""
    box = page.mediabox
    w, h = float(box.width) * scale, float(box.height) * scale
    dx = x + (half_w - w) / 2 - float(box.left) * scale
    dy = (sheet_h - h) / 2 - float(box.bottom) * scale
    sheet.merge_transformed_page(page, Transformation().scale(scale, scale).translate(dx, dy))
