"""Running header, footer ("Page n of N"), watermark and contents page numbers.

Each page calls a form XObject that is only defined once layout is over, when the page
count and every heading's page are known: one layout pass serves them all.
Imports ReportLab and briefer.render.styles.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from briefer.render.styles import Styles

_LINE_BREAKS = re.compile(r"[^\S ]+")  # whitespace other than a plain space


def furniture_form(page: int) -> str:
    return f"furniture{page}"


def page_number_form(key: str) -> str:
    return f"pageno-{key}"


@dataclass(frozen=True, slots=True)
class Furniture:
    """What the running header and footer say."""

    short_title: str
    audience_line: str  # "Briefing for …" or ""
    prepared_line: str  # PreparedFor.line()


def define_page_furniture(canv: Canvas, kinds: list[str], furniture: Furniture, styles: Styles) -> None:
    """Define every page's furniture form; `kinds` is each page's template id, in page order."""
    total = len(kinds)
    for page, kind in enumerate(kinds, start=1):
        canv.beginForm(furniture_form(page))
        if kind == "body":
            _header(canv, furniture, styles)
            _footer(canv, page, total, furniture, styles)
        canv.endForm()


def define_page_numbers(canv: Canvas, pages: dict[str, int], styles: Styles) -> None:
    """A form per anchor holding its page number, right-aligned at the form's origin."""
    font, size = styles.contents_entry.fontName, styles.contents_entry.fontSize
    for key, page in pages.items():
        canv.beginForm(page_number_form(key), -size * 6, -size, 0, size * 2)
        canv.setFont(font, size)
        canv.setFillColor(styles.palette.text)
        canv.drawRightString(0, 0, str(page))
        canv.endForm()


@functools.lru_cache(maxsize=256)
def _fit(text: str, font: str, size: float, width: float) -> str:
    """One line: line breaks and tabs become spaces, and a line too long for `width` is
    shortened with an ellipsis so it never runs into its neighbour.

    Linear in the text's length: the widths of its characters are added up once (ReportLab
    measures a TrueType string as the sum of its glyphs' widths), never the width of every
    prefix. Cached: every page draws the same header and footer.
    """
    text = _LINE_BREAKS.sub(" ", text)
    if stringWidth(text, font, size) <= width:
        return text
    room = width - stringWidth("…", font, size)
    used = 0.0
    for index, char in enumerate(text):
        used += stringWidth(char, font, size)
        if used > room:
            return text[:index].rstrip() + "…"
    return text


def _header(canv: Canvas, furniture: Furniture, styles: Styles) -> None:
    m, fonts, palette = styles.metrics, styles.fonts, styles.palette
    size = m.furniture_size
    y = m.page_height - m.top + 2.2 * size
    right = m.page_width - m.right
    half = m.frame_width / 2 - size
    canv.setFillColor(palette.muted)
    canv.setFont(fonts.sans.bold, size)
    canv.drawString(m.left, y, _fit(furniture.short_title, fonts.sans.bold, size, half))
    if furniture.audience_line:
        canv.setFont(fonts.sans.regular, size)
        canv.drawRightString(right, y, _fit(furniture.audience_line, fonts.sans.regular, size, half))
    canv.setStrokeColor(palette.rule)
    canv.setLineWidth(0.5)
    canv.line(m.left, y - 0.8 * size, right, y - 0.8 * size)


def _footer(canv: Canvas, page: int, total: int, furniture: Furniture, styles: Styles) -> None:
    m, fonts, palette = styles.metrics, styles.fonts, styles.palette
    size = m.furniture_size
    y = m.bottom - 3.2 * size
    right = m.page_width - m.right
    number = f"Page {page} of {total}"
    canv.setFillColor(palette.muted)
    canv.setFont(fonts.sans.regular, size)
    canv.drawRightString(right, y, number)
    if furniture.prepared_line:
        room = m.frame_width - stringWidth(number, fonts.sans.regular, size) - 2 * size
        canv.drawString(m.left, y, _fit(furniture.prepared_line, fonts.sans.regular, size, room))


def draw_watermark(canv: Canvas, word: str, styles: Styles) -> None:
    """The watermark word across the page. Drawn on the page itself, not in a form: ReportLab
    gives a form no graphics states, and the watermark's translucency needs one."""
    m = styles.metrics
    font = styles.fonts.sans.bold
    angle = math.degrees(math.atan2(m.page_height, m.page_width))
    diagonal = math.hypot(m.page_width, m.page_height)
    size = min(0.6 * diagonal / max(stringWidth(word, font, 1), 1e-6), 120.0)
    canv.saveState()
    # drawn over the page, so it shows on tinted boxes too; translucent, so text stays legible
    canv.setFillColor(styles.palette.watermark)
    canv.setFillAlpha(0.16)
    canv.translate(m.page_width / 2, m.page_height / 2)
    canv.rotate(angle)
    canv.setFont(font, size)
    canv.drawCentredString(0, -size * 0.35, word)
    canv.restoreState()
