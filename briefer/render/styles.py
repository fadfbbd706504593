"""Page geometry, colours and paragraph styles, built from a brief's layout options.

Paragraph styles are data: a table of Roles (face, size, leading, colour, spacing) turned into
ReportLab styles by one function, shared by the brief (BRIEF_ROLES) and the at-a-glance page.
Imports ReportLab, the brief model and briefer.render.fonts. Every style names a registered
font explicitly, so ReportLab's built-in Helvetica default never reaches the PDF.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import TableStyle

from briefer.render.fonts import Fonts, register_fonts
from briefer.tailor.brief import Layout
from briefer.tailor.recipe import PageSize


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


# --- paragraph styles as a table ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Lead:
    """A space in body leadings (the brief's vertical rhythm): round(x × body leading)."""

    times: float


@dataclass(frozen=True, slots=True)
class Own:
    """A space in the style's own leading: round(x × leading)."""

    times: float


@dataclass(frozen=True, slots=True)
class Fixed:
    """Points that stay the same in large print."""

    points: float


# points at normal print (scaled for large print); "body", "note", "body_leading" or
# "note_leading" from Metrics; or a number of body leadings (Lead)
Size = float | str | Lead
Space = float | Lead | Own | Fixed  # a bare float is points, scaled like sizes


@dataclass(frozen=True, slots=True)
class Role:
    """One paragraph style: its face, size, leading, colour and spacing. Faces are
    'serif.regular', 'sans.bold' and the like; colours are Palette fields."""

    face: str
    size: Size
    leading: Size
    colour: str = "text"
    space_before: Space = 0.0
    space_after: Space = 0.0
    left_indent: Space = 0.0
    first_line_indent: Space = 0.0
    align: int = TA_LEFT
    bullet_face: str = ""  # "" : the table's default bullet face
    bullet_size: Size = ""  # "" : the table's default bullet size
    bullet_indent: Space = 0.0
    bullet_colour: str = ""
    splits: bool = False  # may leave a single line at a page foot or head (notes, table cells)


@dataclass(frozen=True, slots=True)
class Scale:
    """How a table's sizes grow for large print, and how they are rounded."""

    factor: float
    digits: int | None = 1  # None: not rounded

    def __call__(self, points: float) -> float:
        value = points * self.factor
        return value if self.digits is None else round(value, self.digits)


def paragraph_styles(
    roles: dict[str, Role],
    fonts: Fonts,
    palette: Palette,
    metrics: Metrics,
    scale: Scale,
    *,
    bullet_face: str = "serif.regular",
    bullet_size: Size = "body",
) -> dict[str, ParagraphStyle]:
    """ParagraphStyles for a table of roles. Every style names a registered font."""

    def size(value: Size) -> float:
        if isinstance(value, Lead):
            return round(value.times * metrics.body_leading, 1)
        if value == "body":
            return metrics.body_size
        if value == "note":
            return metrics.note_size
        if value == "body_leading":
            return metrics.body_leading
        if value == "note_leading":
            return metrics.note_leading
        assert isinstance(value, float | int)
        return scale(value)

    def space(value: Space, leading: float) -> float:
        if isinstance(value, Lead):
            return round(value.times * metrics.body_leading, 1)
        if isinstance(value, Own):
            return round(value.times * leading, 1)
        if isinstance(value, Fixed):
            return value.points
        return scale(value) if value else 0.0

    styles = {}
    for name, role in roles.items():
        leading = size(role.leading)
        # ReportLab draws bullets (list marks, note numbers) in black unless told otherwise
        bullet = {"bulletColor": getattr(palette, role.bullet_colour)} if role.bullet_colour else {}
        styles[name] = ParagraphStyle(
            name,
            fontName=_face(fonts, role.face),
            fontSize=size(role.size),
            leading=leading,
            textColor=getattr(palette, role.colour),
            spaceBefore=space(role.space_before, leading),
            spaceAfter=space(role.space_after, leading),
            leftIndent=space(role.left_indent, leading),
            firstLineIndent=space(role.first_line_indent, leading),
            alignment=role.align,
            bulletFontName=_face(fonts, role.bullet_face or bullet_face),
            bulletFontSize=size(role.bullet_size or bullet_size),
            bulletIndent=space(role.bullet_indent, leading),
            **bullet,
            allowWidows=int(role.splits),
            allowOrphans=int(role.splits),
        )
    return styles


def _face(fonts: Fonts, name: str) -> str:
    """The registered font of 'serif.bold' and the like."""
    family, weight = name.split(".")
    return str(getattr(getattr(fonts, family), weight))


# The brief's roles, at 10.5 pt body text; large print scales every size with the body text.
BRIEF_ROLES: dict[str, Role] = {
    "body": Role("serif.regular", "body", "body_leading", space_after=Lead(0.55)),
    "heading": Role("sans.bold", 16, 20, "accent", space_before=Lead(1.3), space_after=Lead(0.5)),
    "subheading": Role("sans.bold", 10.5, 14, "accent", space_before=Lead(0.5), space_after=Lead(0.25)),
    "heading3": Role("sans.bold", 12.5, 16, "accent", space_before=Lead(0.9), space_after=Lead(0.35)),
    "heading4": Role("sans.bold", "body", "body_leading", space_before=Lead(0.7), space_after=Lead(0.2)),
    "list_item": Role(
        "serif.regular",
        "body",
        "body_leading",
        left_indent=16,
        bullet_indent=3,
        bullet_colour="accent",
        space_after=Lead(0.25),
    ),
    "list_item_nested": Role(
        "serif.regular",
        "body",
        "body_leading",
        left_indent=32,
        bullet_indent=19,
        bullet_colour="accent",
        space_after=Lead(0.2),
    ),
    "caption": Role("sans.regular", 9.5, 12.5, space_before=Lead(0.4), space_after=Lead(0.3)),
    "source_line": Role("serif.italic", 8.5, 11, "muted", space_before=Fixed(3), space_after=Lead(0.6)),
    "box_title": Role("sans.bold", 11, 14.5, "accent", space_after=Lead(0.35)),
    "box_text": Role("serif.regular", 9.5, 13.6, space_after=Own(0.4)),
    "box_item": Role(
        "serif.regular", 9.5, 13.6, left_indent=16, bullet_face="sans.bold", bullet_size=9.5, space_after=Own(0.3)
    ),
    "pull_quote": Role("serif.italic", 13.5, 19, "accent"),
    "attribution": Role("serif.italic", "body", "body_leading", align=TA_RIGHT, space_before=Lead(0.3)),
    "label": Role("sans.bold", 7.5, 10, "muted"),
    "note": Role("serif.regular", "note", "note_leading", left_indent=Fixed(0.0), bullet_size="note", splits=True),
    "note_continued": Role("serif.italic", "note", "note_leading", "muted", bullet_size="note"),
    "source": Role("serif.regular", 9.5, 13.6, left_indent=14, first_line_indent=-14, space_after=Own(0.35)),
    "table_head": Role("sans.bold", 8.5, 11, "on_accent", splits=True),
    "table_cell": Role("serif.regular", 8.8, 11.8, splits=True),
    "contents_entry": Role("sans.regular", "body", Lead(1.3)),
    "contents_sub": Role("sans.regular", 9.5, Lead(1.15), "muted"),
    "title": Role("sans.bold", 24, 29, "accent", space_after=4),
    "subtitle": Role("sans.regular", 13, 17, "muted", space_after=6),
    "title_line": Role("sans.regular", 9, 13, "muted"),
    "cover_kicker": Role("sans.bold", 9, 12, "on_accent_soft", space_after=14),
    "cover_title": Role("sans.bold", 32, 37, "on_accent", space_after=10),
    "cover_subtitle": Role("sans.regular", 15, 20, "on_accent_soft"),
    "cover_audience": Role("sans.bold", 15, 20, "accent", space_after=4),
    "cover_label": Role("sans.bold", 8, 11, "muted", splits=True),
    "cover_value": Role("serif.regular", 10.5, 14, splits=True),
}


@dataclass(frozen=True, slots=True)
class Styles:
    """The brief's paragraph styles by job (BRIEF_ROLES), with its fonts, colours and metrics."""

    fonts: Fonts
    palette: Palette
    metrics: Metrics
    body: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    heading3: ParagraphStyle  # a section's sub-heading
    heading4: ParagraphStyle
    list_item: ParagraphStyle
    list_item_nested: ParagraphStyle
    caption: ParagraphStyle  # "Table 1: …" above a table or figure
    source_line: ParagraphStyle  # "Source: …" under it
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
    contents_sub: ParagraphStyle  # a sub-heading's entry
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
def _build_styles(page_size: PageSize, large_print: bool, grayscale: bool) -> Styles:
    fonts = register_fonts()
    palette = build_palette(grayscale)
    m = build_metrics(Layout(page_size=page_size, large_print=large_print))
    roles = dict(BRIEF_ROLES)
    # a note's number hangs in an indent of about two figures of the note size
    note_indent = Fixed(round(m.note_size * 1.9, 1))
    roles["note"] = replace(roles["note"], left_indent=note_indent)
    roles["note_continued"] = replace(roles["note_continued"], left_indent=note_indent)
    scale = Scale(m.body_size / 10.5)
    styles = paragraph_styles(roles, fonts, palette, m, scale)
    return Styles(fonts=fonts, palette=palette, metrics=m, **styles)


def table_style(styles: Styles, commands: list[tuple[object, ...]]) -> TableStyle:
    """A TableStyle that names our font: a table sets its cells' font itself, Helvetica by default."""
    base: list[tuple[object, ...]] = [("FONT", (0, 0), (-1, -1), styles.fonts.serif.regular, styles.metrics.body_size)]
    return TableStyle(base + commands)
