"""Page geometry, colours and paragraph styles, built from a brief's layout options.

Imports ReportLab, the brief model and briefer.render.fonts. Every style names a registered
font explicitly, so ReportLab's built-in Helvetica default never reaches the PDF.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import TableStyle

from briefer.render.fonts import Fonts, register_fonts
from briefer.tailor.brief import Layout


@dataclass(frozen=True, slots=True)
class Palette:
    """Every colour the PDF uses. Text colours keep WCAG AA contrast on their backgrounds."""

    text: Color
    muted: Color
    accent: Color  # headings, rules, links; also the cover band
    on_accent: Color  # text on the accent band
    on_accent_soft: Color
    tint: Color  # box background
    stripe: Color  # alternate table rows
    rule: Color
    emphasis_rule: Color  # marks passages about a focus country
    emphasis_tint: Color
    watermark: Color


_COLOURS = {
    "text": "#1B1F23",
    "muted": "#4A565D",
    "accent": "#0B4F6C",
    "on_accent": "#FFFFFF",
    "on_accent_soft": "#D3E6EE",
    "tint": "#EAF2F5",
    "stripe": "#F3F7F9",
    "rule": "#9DB5C0",
    "emphasis_rule": "#B0580A",
    "emphasis_tint": "#FBF3E9",
    "watermark": "#6E6E6E",
}


def _grey(colour: Color) -> Color:
    """The same lightness as a neutral grey (Rec. 709 luma), so contrast survives."""
    level = 0.2126 * colour.red + 0.7152 * colour.green + 0.0722 * colour.blue
    return Color(level, level, level)


def build_palette(grayscale: bool) -> Palette:
    colours = {name: HexColor(value) for name, value in _COLOURS.items()}
    if grayscale:
        colours = {name: _grey(c) for name, c in colours.items()}
    return Palette(**colours)


@dataclass(frozen=True, slots=True)
class Metrics:
    """Page size, margins and the type sizes everything else is derived from (points)."""

    page_width: float
    page_height: float
    left: float
    right: float
    top: float
    bottom: float
    body_size: float
    body_leading: float
    note_size: float
    note_leading: float
    furniture_size: float

    @property
    def frame_width(self) -> float:
        return self.page_width - self.left - self.right

    @property
    def frame_height(self) -> float:
        return self.page_height - self.top - self.bottom


def build_metrics(layout: Layout) -> Metrics:
    width, height = layout.page_size.points
    if layout.large_print:
        # wider text block: at 14 pt a narrow measure would leave five words a line
        return Metrics(width, height, 20 * mm, 20 * mm, 24 * mm, 22 * mm, 14.0, 20.0, 12.0, 16.0, 10.0)
    return Metrics(width, height, 25 * mm, 25 * mm, 24 * mm, 22 * mm, 10.5, 15.0, 8.5, 11.2, 7.5)


@dataclass(frozen=True, slots=True)
class Styles:
    """Paragraph styles by job; all sizes scale from Metrics."""

    fonts: Fonts
    palette: Palette
    metrics: Metrics
    body: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    box_title: ParagraphStyle
    box_text: ParagraphStyle
    box_item: ParagraphStyle  # numbered or bulleted line in a box
    pull_quote: ParagraphStyle
    attribution: ParagraphStyle
    label: ParagraphStyle  # small sans caption, e.g. "Key dates"
    note: ParagraphStyle
    note_continued: ParagraphStyle
    source: ParagraphStyle
    table_head: ParagraphStyle
    table_cell: ParagraphStyle
    contents_entry: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    title_line: ParagraphStyle
    cover_kicker: ParagraphStyle
    cover_title: ParagraphStyle
    cover_subtitle: ParagraphStyle
    cover_audience: ParagraphStyle
    cover_label: ParagraphStyle
    cover_value: ParagraphStyle

    @property
    def note_indent(self) -> float:
        return self.note.leftIndent


def build_styles(layout: Layout) -> Styles:
    """The styles for a layout; built once per page size, print size and colour choice."""
    return _build_styles(layout.page_size, layout.large_print, layout.grayscale)


@functools.cache
def _build_styles(page_size: str, large_print: bool, grayscale: bool) -> Styles:
    fonts = register_fonts()
    palette = build_palette(grayscale)
    m = build_metrics(Layout(page_size=page_size, large_print=large_print))
    serif, sans = fonts.serif, fonts.sans
    size, lead = m.body_size, m.body_leading
    scale = size / 10.5  # large print scales every size with the body text

    def style(name: str, **kw: object) -> ParagraphStyle:
        base: dict[str, object] = {
            "fontName": serif.regular,
            "fontSize": size,
            "leading": lead,
            "textColor": palette.text,
            "bulletFontName": serif.regular,
            "bulletFontSize": size,
            "allowWidows": 0,
            "allowOrphans": 0,
            "alignment": TA_LEFT,
        }
        base.update(kw)
        return ParagraphStyle(name, **base)  # type: ignore[arg-type]

    small = round(9.5 * scale, 1)
    small_lead = round(13.6 * scale, 1)
    note_indent = round(m.note_size * 1.9, 1)
    return Styles(
        fonts=fonts,
        palette=palette,
        metrics=m,
        body=style("body", spaceAfter=round(0.55 * lead, 1)),
        heading=style(
            "heading",
            fontName=sans.bold,
            fontSize=round(16 * scale, 1),
            leading=round(20 * scale, 1),
            textColor=palette.accent,
            spaceBefore=round(1.3 * lead, 1),
            spaceAfter=round(0.5 * lead, 1),
        ),
        subheading=style(
            "subheading",
            fontName=sans.bold,
            fontSize=round(10.5 * scale, 1),
            leading=round(14 * scale, 1),
            textColor=palette.accent,
            spaceBefore=round(0.5 * lead, 1),
            spaceAfter=round(0.25 * lead, 1),
        ),
        box_title=style(
            "box_title",
            fontName=sans.bold,
            fontSize=round(11 * scale, 1),
            leading=round(14.5 * scale, 1),
            textColor=palette.accent,
            spaceAfter=round(0.35 * lead, 1),
        ),
        box_text=style("box_text", fontSize=small, leading=small_lead, spaceAfter=round(0.4 * small_lead, 1)),
        box_item=style(
            "box_item",
            fontSize=small,
            leading=small_lead,
            leftIndent=round(16 * scale, 1),
            bulletIndent=0,
            bulletFontName=sans.bold,
            bulletFontSize=small,
            spaceAfter=round(0.3 * small_lead, 1),
        ),
        pull_quote=style(
            "pull_quote",
            fontName=serif.italic,
            fontSize=round(13.5 * scale, 1),
            leading=round(19 * scale, 1),
            textColor=palette.accent,
        ),
        attribution=style("attribution", fontName=serif.italic, alignment=TA_RIGHT, spaceBefore=round(0.3 * lead, 1)),
        label=style(
            "label",
            fontName=sans.bold,
            fontSize=round(7.5 * scale, 1),
            leading=round(10 * scale, 1),
            textColor=palette.muted,
        ),
        note=style(
            "note",
            fontSize=m.note_size,
            leading=m.note_leading,
            leftIndent=note_indent,
            bulletIndent=0,
            bulletFontName=serif.regular,
            bulletFontSize=m.note_size,
            # notes split only when one is longer than the space a page can give it
            allowWidows=1,
            allowOrphans=1,
        ),
        note_continued=style(
            "note_continued",
            fontName=serif.italic,
            fontSize=m.note_size,
            leading=m.note_leading,
            leftIndent=note_indent,
            bulletIndent=0,
            bulletFontName=serif.regular,
            bulletFontSize=m.note_size,
            textColor=palette.muted,
        ),
        source=style(
            "source",
            fontSize=small,
            leading=small_lead,
            leftIndent=round(14 * scale, 1),
            firstLineIndent=-round(14 * scale, 1),
            spaceAfter=round(0.35 * small_lead, 1),
        ),
        table_head=style(
            "table_head",
            fontName=sans.bold,
            fontSize=round(8.5 * scale, 1),
            leading=round(11 * scale, 1),
            textColor=palette.on_accent,
            allowOrphans=1,
            allowWidows=1,
        ),
        table_cell=style(
            "table_cell",
            fontSize=round(8.8 * scale, 1),
            leading=round(11.8 * scale, 1),
            allowOrphans=1,
            allowWidows=1,
        ),
        contents_entry=style("contents_entry", fontName=sans.regular, leading=round(1.3 * lead, 1)),
        title=style(
            "title",
            fontName=sans.bold,
            fontSize=round(24 * scale, 1),
            leading=round(29 * scale, 1),
            textColor=palette.accent,
            spaceAfter=round(4 * scale, 1),
        ),
        subtitle=style(
            "subtitle",
            fontName=sans.regular,
            fontSize=round(13 * scale, 1),
            leading=round(17 * scale, 1),
            textColor=palette.muted,
            spaceAfter=round(6 * scale, 1),
        ),
        title_line=style(
            "title_line",
            fontName=sans.regular,
            fontSize=round(9 * scale, 1),
            leading=round(13 * scale, 1),
            textColor=palette.muted,
        ),
        cover_kicker=style(
            "cover_kicker",
            fontName=sans.bold,
            fontSize=round(9 * scale, 1),
            leading=round(12 * scale, 1),
            textColor=palette.on_accent_soft,
            spaceAfter=round(14 * scale, 1),
        ),
        cover_title=style(
            "cover_title",
            fontName=sans.bold,
            fontSize=round(32 * scale, 1),
            leading=round(37 * scale, 1),
            textColor=palette.on_accent,
            spaceAfter=round(10 * scale, 1),
        ),
        cover_subtitle=style(
            "cover_subtitle",
            fontName=sans.regular,
            fontSize=round(15 * scale, 1),
            leading=round(20 * scale, 1),
            textColor=palette.on_accent_soft,
        ),
        cover_audience=style(
            "cover_audience",
            fontName=sans.bold,
            fontSize=round(15 * scale, 1),
            leading=round(20 * scale, 1),
            textColor=palette.accent,
            spaceAfter=round(4 * scale, 1),
        ),
        cover_label=style(
            "cover_label",
            fontName=sans.bold,
            fontSize=round(8 * scale, 1),
            leading=round(11 * scale, 1),
            textColor=palette.muted,
            allowOrphans=1,
            allowWidows=1,
        ),
        cover_value=style(
            "cover_value",
            fontName=serif.regular,
            fontSize=round(10.5 * scale, 1),
            leading=round(14 * scale, 1),
            allowOrphans=1,
            allowWidows=1,
        ),
    )


def table_style(styles: Styles, commands: list[tuple[object, ...]]) -> TableStyle:
    """A TableStyle that names our font: a table sets its cells' font itself, Helvetica by default."""
    base: list[tuple[object, ...]] = [("FONT", (0, 0), (-1, -1), styles.fonts.serif.regular, styles.metrics.body_size)]
    return TableStyle(base + commands)
