"""Join personalised copies into one print file in which every copy starts on a right-hand page.

A blank page follows any copy with an odd number of pages, so duplex printing never puts the
start of one copy on the back of another. Each copy gets a bookmark, with its own bookmarks
nested under it. Imports pypdf only.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from pypdf import PdfReader, PdfWriter


def combine_copies(copies: Sequence[tuple[str, bytes]], *, pad: bool = True) -> bytes:
    """One PDF of (bookmark label, PDF) copies, in order, each starting on an odd page.

    pad=False joins them without blank pages, for one-sided printing.
    """
    if not copies:
        raise ValueError("no copies to combine")
    writer = PdfWriter()
    for label, data in copies:
        if pad and len(writer.pages) % 2:
            last = writer.pages[-1].mediabox
            writer.add_blank_page(float(last.width), float(last.height))
        writer.append(PdfReader(io.BytesIO(data)), outline_item=label)
    first: dict[str, object] = dict(PdfReader(io.BytesIO(copies[0][1])).metadata or {})
    writer.add_metadata({k: v for k, v in first.items() if isinstance(v, str) and k != "/Subject"})
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def copy_starts(page_counts: Sequence[int]) -> list[int]:
    """The 1-based first page of each copy in the combined file (always odd)."""
    starts, page = [], 1
    for count in page_counts:
        starts.append(page)
        page += count + (count % 2)
    return starts
