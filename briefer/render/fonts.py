"""Registers the embedded TrueType fonts (Noto Serif, Noto Sans; OFL) with ReportLab, once a process.

Imports ReportLab only. The files live in assets/fonts beside their licence.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parents[2] / "assets" / "fonts"


@dataclass(frozen=True, slots=True)
class Family:
    """The ReportLab names of one family's four static faces."""

    regular: str
    bold: str
    italic: str
    bold_italic: str


@dataclass(frozen=True, slots=True)
class Fonts:
    serif: Family  # running text
    sans: Family  # headings, labels, header and footer


class MeasuredTTFont(TTFont):
    """A TTFont that remembers the width of each word it has measured.

    Line breaking measures the same words over and over; without a C accelerator each
    measurement walks the word's characters in Python, the largest single cost of a render.
    Only words are kept (short strings, and at most CACHED_WORDS of them): a long line or a
    whole paragraph measured once would otherwise stay in memory for the life of the process.
    """

    CACHED_LENGTH = 64
    CACHED_WORDS = 200_000

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        self._em_widths: dict[str, float] = {}

    def stringWidth(self, text: str | bytes, size: float, encoding: str = "utf8") -> float:  # noqa: N802
        if not isinstance(text, str):
            text = text.decode(encoding or "utf8")
        width = self._em_widths.get(text)
        if width is None:
            widths = self.face.charWidths.get
            default = self.face.defaultWidth
            width = sum(widths(ord(ch), default) for ch in text)
            if len(text) <= self.CACHED_LENGTH:
                if len(self._em_widths) >= self.CACHED_WORDS:
                    self._em_widths.clear()
                self._em_widths[text] = width
        # the same expression as ReportLab's own, so widths match to the last bit
        return 0.001 * size * width


_FILES = {
    "serif": ("BrieferSerif", "NotoSerif"),
    "sans": ("BrieferSans", "NotoSans"),
}
_FACES = {"regular": "Regular", "bold": "Bold", "italic": "Italic", "bold_italic": "BoldItalic"}


@functools.cache
def register_fonts() -> Fonts:
    """Register both families (the first call reads the files; later calls are free)."""
    families = {}
    for role, (family_name, file_stem) in _FILES.items():
        names = {}
        for face, suffix in _FACES.items():
            name = f"{family_name}-{suffix}"
            pdfmetrics.registerFont(MeasuredTTFont(name, str(FONT_DIR / f"{file_stem}-{suffix}.ttf")))
            names[face] = name
        family = Family(**names)
        # lets <b> and <i> in paragraph markup find the right face
        pdfmetrics.registerFontFamily(
            family_name,
            normal=family.regular,
            bold=family.bold,
            italic=family.italic,
            boldItalic=family.bold_italic,
        )
        families[role] = family
    return Fonts(**families)
