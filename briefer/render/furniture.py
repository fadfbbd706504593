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

from briefer.render.fonts import FALLBACK, fallback_runs
from briefer.render.structure import WATERMARK
from briefer.render.styles import Styles
from briefer.render.tagging import tagged_artifact

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
    page_of: str  # "Page {page} of {pages}"


def define_page_furniture(
    canv: Canvas, kinds: list[str], furniture: Furniture, styles: Styles, total: str | None = None
) -> None:
    """Define every page's furniture form; `kinds` is each page's template id, in page order;
    `total` stands for the page count when it is not yet known (None: it is len(kinds))."""
    for page, kind in enumerate(kinds, start=1):
        canv.beginForm(furniture_form(page))
        if kind == "body":
            _header(canv, furniture, styles)
            _footer(canv, page, len(kinds) if total is None else total, furniture, styles)
        canv.endForm()


def define_page_numbers(canv: Canvas, pages: dict[str, int | str], styles: Styles) -> None:
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
    if _width(text, font, size) <= width:
        return text
    room = width - stringWidth("…", font, size)
    used = 0.0
    index = 0
    for run, fallback in fallback_runs(text):
        for char in run:
            used += stringWidth(char, FALLBACK if fallback else font, size)
            if used > room:
                return text[:index].rstrip() + "…"
            index += 1
    return text


def _width(text: str, font: str, size: float) -> float:
    return sum(stringWidth(run, FALLBACK if fallback else font, size) for run, fallback in fallback_runs(text))


def _draw(canv: Canvas, x: float, y: float, text: str, font: str, size: float, right: bool = False) -> None:
    """One line at (x, y), or ending at x when `right`; Chinese, Japanese and Korean runs in the fallback font."""
    runs = fallback_runs(text)
    canv.setFont(font, size)
    if len(runs) == 1 and not runs[0][1]:
        (canv.drawRightString if right else canv.drawString)(x, y, text)
        return
    if right:
        x -= _width(text, font, size)
    for run, fallback in runs:
        face = FALLBACK if fallback else font
        canv.setFont(face, size)
        canv.drawString(x, y, run)
        x += stringWidth(run, face, size)
    canv.setFont(font, size)


def _header(canv: Canvas, furniture: Furniture, styles: Styles) -> None:
    m, fonts, palette = styles.metrics, styles.fonts, styles.palette
    size = m.furniture_size
    y = m.page_height - m.top + 2.2 * size
    right = m.page_width - m.right
    half = m.frame_width / 2 - size
    canv.setFillColor(palette.muted)
    _draw(canv, m.left, y, _fit(furniture.short_title, fonts.sans.bold, size, half), fonts.sans.bold, size)
    if furniture.audience_line:
        line = _fit(furniture.audience_line, fonts.sans.regular, size, half)
        _draw(canv, right, y, line, fonts.sans.regular, size, right=True)
    canv.setStrokeColor(palette.rule)
    canv.setLineWidth(0.5)
    canv.line(m.left, y - 0.8 * size, right, y - 0.8 * size)


def _footer(canv: Canvas, page: int, total: int | str, furniture: Furniture, styles: Styles) -> None:
    m, fonts, palette = styles.metrics, styles.fonts, styles.palette
    size = m.furniture_size
    y = m.bottom - 3.2 * size
    right = m.page_width - m.right
    number = furniture.page_of.format(page=page, pages=total)
    canv.setFillColor(palette.muted)
    canv.setFont(fonts.sans.regular, size)
    canv.drawRightString(right, y, number)
    if furniture.prepared_line:
        room = m.frame_width - stringWidth(number, fonts.sans.regular, size) - 2 * size
        _draw(canv, m.left, y, _fit(furniture.prepared_line, fonts.sans.regular, size, room), fonts.sans.regular, size)


def draw_watermark(canv: Canvas, word: str, styles: Styles) -> None:
    """The watermark word across the page. Drawn on the page itself, not in a form: ReportLab
    gives a form no graphics states, and the watermark's translucency needs one."""
    m = styles.metrics
    font = styles.fonts.sans.bold
    angle = math.degrees(math.atan2(m.page_height, m.page_width))
    diagonal = math.hypot(m.page_width, m.page_height)
    size = min(0.6 * diagonal / max(_width(word, font, 1), 1e-6), 120.0)
    with tagged_artifact(canv, WATERMARK):
        _draw_word(canv, word, font, size, angle, styles)


def _draw_word(canv: Canvas, word: str, font: str, size: float, angle: float, styles: Styles) -> None:
    m = styles.metrics
    canv.saveState()
    # drawn over the page, so it shows on tinted boxes too; translucent, so text stays legible
    canv.setFillColor(styles.palette.watermark)
    canv.setFillAlpha(0.16)
    canv.translate(m.page_width / 2, m.page_height / 2)
    canv.rotate(angle)
    _draw(canv, _width(word, font, size) / 2, -size * 0.35, word, font, size, right=True)
    canv.restoreState()
