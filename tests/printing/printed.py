"""What came out of a test printer, read back: pages, their text and sizes, and the fonts embedded."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import cached_property

import pypdfium2 as pdfium
from pypdf import PdfReader

FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class Printed:
    data: bytes

    @cached_property
    def reader(self) -> PdfReader:
        return PdfReader(io.BytesIO(self.data))

    @property
    def page_count(self) -> int:
        return len(self.reader.pages)

    @cached_property
    def texts(self) -> list[str]:
        document = pdfium.PdfDocument(self.data)
        try:
            return [squash(page.get_textpage().get_text_range()) for page in document]
        finally:
            document.close()

    def page_size(self, index: int) -> tuple[float, float]:
        box = self.reader.pages[index].mediabox
        return round(float(box.width)), round(float(box.height))

    def fonts(self) -> dict[str, bool]:
        """Every font the pages use (in forms too: pdftopdf wraps each page in one), and whether its
        program is embedded."""
        found: dict[str, bool] = {}
        for page in self.reader.pages:
            _collect_fonts(page.get("/Resources"), found, set())
        return found


def _collect_fonts(resources: object, found: dict[str, bool], seen: set[int]) -> None:
    if resources is None:
        return
    resources = resources.get_object()  # type: ignore[attr-defined]
    for font in (resources.get("/Font") or {}).values():
        font = font.get_object()
        descriptor = font.get("/FontDescriptor")
        if descriptor is None and "/DescendantFonts" in font:
            descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
        descriptor = descriptor.get_object() if descriptor is not None else {}
        found[str(font.get("/BaseFont"))] = any(key in descriptor for key in FONT_FILES)
    for ref in (resources.get("/XObject") or {}).values():
        form = ref.get_object()
        if form.get("/Subtype") == "/Form" and id(form) not in seen:
            seen.add(id(form))
            _collect_fonts(form.get("/Resources"), found, seen)
