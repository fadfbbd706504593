"""Registers the embedded TrueType fonts (Noto Serif, Noto Sans; OFL) with ReportLab, once a process,
and the fallback for Chinese, Japanese and Korean (Noto Sans CJK, subset), only when text needs it.

Imports ReportLab and briefer.content.resources (which finds the files: assets/fonts in a
checkout, the package's own copy when installed) only. A missing file is a MissingPartError.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from briefer.content.resources import font_dir, require_files
from briefer.render.font_files import load_fonts

FONT_DIR = font_dir()


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


SUBSETS_KEPT = 16  # a face's most recently made subsets


def remember_subsets(face: TTFontFace) -> None:
    """Keep the face's last few subsets. A subset (the font file embedded for the characters a
    brief uses) is a pure function of those characters, and a long-lived process makes the same
    ones over and over: the app's preview after each change, a batch's copies of one recipe."""
    make = face.makeSubset
    remembered = functools.lru_cache(maxsize=SUBSETS_KEPT)(lambda codes: make(list(codes)))
    face.makeSubset = lambda codes: remembered(tuple(codes))


_FILES = {
    "serif": ("BrieferSerif", "NotoSerif"),
    "sans": ("BrieferSans", "NotoSans"),
}
_FACES = {"regular": "Regular", "bold": "Bold", "italic": "Italic", "bold_italic": "BoldItalic"}


@functools.cache
def register_fonts() -> Fonts:
    """Register both families (the first call reads the files; later calls are free)."""
    faces = [
        (f"{family}-{suffix}", FONT_DIR / f"{stem}-{suffix}.ttf")
        for family, stem in _FILES.values()
        for suffix in _FACES.values()
    ]
    require_files([path for _, path in faces], "the fonts briefs are set in")
    for font in load_fonts(MeasuredTTFont, faces):
        remember_subsets(font.face)
        pdfmetrics.registerFont(font)
    families = {}
    for role, (family_name, _) in _FILES.items():
        family = Family(**{face: f"{family_name}-{suffix}" for face, suffix in _FACES.items()})
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


FALLBACK = "BrieferCJK"  # one face serves every style: names need no bold CJK
FALLBACK_FILE = "NotoSansCJK-Names.ttf"


@functools.cache
def base_characters() -> frozenset[int]:
    """What the text fonts print (every face of both families covers the same characters)."""
    font = pdfmetrics.getFont(register_fonts().serif.regular)
    return frozenset(font.face.charToGlyph)


@functools.cache
def _outside_base() -> re.Pattern[str]:
    """A run of characters the text fonts lack (line breaks and tabs are never printed)."""
    return re.compile(_class(base_characters(), negate=True) + "+")


@functools.cache
def fallback_characters() -> frozenset[int]:
    """What the fallback font prints; reading it (0.2 s) happens at the first text that needs it."""
    (font,) = load_fonts(MeasuredTTFont, [(FALLBACK, FONT_DIR / FALLBACK_FILE)])
    remember_subsets(font.face)
    pdfmetrics.registerFont(font)
    pdfmetrics.registerFontFamily(FALLBACK, normal=FALLBACK, bold=FALLBACK, italic=FALLBACK, boldItalic=FALLBACK)
    return frozenset(font.face.charToGlyph) - {0x20}


def fallback_runs(text: str) -> list[tuple[str, bool]]:
    """`text` cut into (run, needs the fallback font) pieces, in order; one piece for most text."""
    outside = _outside_base()
    if outside.search(text) is None:
        return [(text, False)]
    fallback = fallback_characters()
    runs: list[tuple[str, bool]] = []
    for char in text:
        needs = ord(char) in fallback and ord(char) not in base_characters()
        if runs and runs[-1][1] == needs:
            runs[-1] = (runs[-1][0] + char, needs)
        else:
            runs.append((char, needs))
    return runs


def _class(codes: frozenset[int], negate: bool = False) -> str:
    """A regular-expression character class of `codes`, as ranges."""
    ranges: list[str] = []
    ordered = sorted(c for c in codes if c > 0x20)
    start = previous = ordered[0]
    for code in [*ordered[1:], -1]:
        if code == previous + 1:
            previous = code
            continue
        ranges.append(re.escape(chr(start)) + ("-" + re.escape(chr(previous)) if previous > start else ""))
        start = previous = code
    return "[" + ("^\\s" if negate else "") + "".join(ranges) + "]"
