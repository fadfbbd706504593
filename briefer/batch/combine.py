"""Join personalised copies into one print file in which every copy starts on a right-hand page.

A blank page follows any copy with an odd number of pages, so duplex printing never puts the
start of one copy on the back of another. Each copy gets a bookmark, with its own bookmarks
nested under it. Imports pikepdf (qpdf), and only when joining: it copies pages about ten
times faster than pypdf, whose object parser was most of a combined run's time.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any


def combine_copies(copies: Sequence[tuple[str, bytes]], *, pad: bool = True) -> bytes:
    """One PDF of (bookmark label, PDF) copies, in order, each starting on an odd page.

    pad=False joins them without blank pages, for one-sided printing.
    """
    import pikepdf

    if not copies:
        raise ValueError("no copies to combine")
    joined = pikepdf.new()
    with joined.open_outline() as outline:
        for label, data in copies:
            if pad and len(joined.pages) % 2:
                box = [float(v) for v in joined.pages[-1].mediabox]
                joined.add_blank_page(page_size=(box[2] - box[0], box[3] - box[1]))
            copy = pikepdf.open(io.BytesIO(data))
            start = len(joined.pages)
            item = pikepdf.OutlineItem(label, start)
            with copy.open_outline() as theirs:
                item.children.extend(_moved(copy, theirs.root, start))
            joined.pages.extend(copy.pages)
            outline.root.append(item)
    first = pikepdf.open(io.BytesIO(copies[0][1]))
    for key, value in first.docinfo.items():
        if isinstance(value, pikepdf.String) and key != "/Subject":
            joined.docinfo[key] = value
    joined.Root.PageMode = pikepdf.Name.UseOutlines
    out = io.BytesIO()
    joined.save(out)
    return out.getvalue()


def _moved(copy: Any, items: Iterable[Any], start: int) -> list[Any]:
    """A copy's bookmarks (and theirs, nested), pointing at its pages in the joined file."""
    import pikepdf

    moved = []
    for item in items:
        page = _page_index(copy, item.destination)
        new = pikepdf.OutlineItem(item.title, start + page if page is not None else None)
        new.children.extend(_moved(copy, item.children, start))
        moved.append(new)
    return moved


def _page_index(copy: Any, destination: Any) -> int | None:
    """The 0-based page a destination shows: an explicit [page /XYZ …] or a named destination."""
    import pikepdf

    if isinstance(destination, (pikepdf.String, pikepdf.Name, str)):
        names = copy.Root.get("/Names")
        if names is None or "/Dests" not in names:
            return None
        found = pikepdf.NameTree(names.Dests).get(str(destination))
        destination = found.get("/D") if isinstance(found, pikepdf.Dictionary) else found
    if isinstance(destination, pikepdf.Array) and len(destination) and isinstance(destination[0], pikepdf.Dictionary):
        index: int = copy.pages.index(pikepdf.Page(destination[0]))
        return index
    return None


def copy_starts(page_counts: Sequence[int]) -> list[int]:
    """The 1-based first page of each copy in the combined file (always odd)."""
    starts, page = [], 1
    for count in page_counts:
        starts.append(page)
        page += count + (count % 2)
    return starts
