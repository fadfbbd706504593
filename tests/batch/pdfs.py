"""Small synthetic PDFs for imposition and joining tests: each page says which page it is."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas


def numbered_pdf(pages: int, size: tuple[float, float] = A4, prefix: str = "P", outline: bool = False) -> bytes:
    """`pages` pages, page n showing "<prefix>n" in its middle (test data, so a built-in font)."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=size, invariant=1)
    for n in range(1, pages + 1):
        canvas.setFont("Helvetica", 40)
        canvas.drawCentredString(size[0] / 2, size[1] / 2, f"{prefix}{n}")
        if outline:
            canvas.bookmarkPage(f"{prefix}{n}")
            canvas.addOutlineEntry(f"{prefix} section {n}", f"{prefix}{n}", level=0)
        canvas.showPage()
    canvas.save()
    return out.getvalue()
