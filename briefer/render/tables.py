"""Tables: a table block (caption, header rows repeated on each page, aligned cells, source),
the comparison of focus countries, and the column widths both take from their content.

A table's columns keep the relative widths the content gives them, except that a column too
narrow for its longest word takes room from the others; a table whose words cannot all fit
the text width is refused by briefer.render.check before a brief is built.
Imports ReportLab, the brief model and briefer.render modules.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table

from briefer.content.model import Column, Span
from briefer.render.boxes import Box
from briefer.render.context import Context, emphasised, part_key
from briefer.render.headings import HeadingGroup
from briefer.render.markup import escape, word_pieces
from briefer.render.paragraph import Paragraph
from briefer.render.structure import tag_table
from briefer.render.styles import Styles, table_style
from briefer.render.whole_rows import whole_rows_table
from briefer.tailor.brief import BriefText, BTable, ComparisonTable, brief_plain

PADDING = 6.0  # points left and right of a cell's text
_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}


# --- widths -------------------------------------------------------------------------------


def longest_word(texts: Iterable[Sequence[object]], style: ParagraphStyle, styles: Styles) -> float:
    """The width of the widest unbreakable run in these texts (spans and note marks), in `style`.
    Web addresses break where briefer lets them; a note mark adds a superscript to its word."""
    widest = 0.0
    for text in texts:
        previous = 0.0  # the width of the word running on into the next part
        for part in text:
            if not isinstance(part, Span):
                previous += style.fontSize * 0.6 * 2  # a note mark: a superscript of two figures
                widest = max(widest, previous)
                continue
            font = _font(style, styles, part)
            words = [w for chunk in part.text.split() for w in word_pieces(chunk)] or [""]
            widths = [stringWidth(w, font, style.fontSize) for w in words]
            if part.text[:1].strip():  # a span that starts mid-word continues the word before it
                widths[0] += previous
            widest = max(widest, *widths)
            previous = widths[-1] if part.text[-1:].strip() else 0.0
    return widest


def _font(style: ParagraphStyle, styles: Styles, span: Span) -> str:
    family = (
        styles.fonts.sans
        if style.fontName in (styles.fonts.sans.regular, styles.fonts.sans.bold)
        else styles.fonts.serif
    )
    if span.bold or style.fontName in (styles.fonts.sans.bold, styles.fonts.serif.bold):
        return str(family.bold)
    return str(family.italic if span.italic else family.regular)


def fit_widths(shares: Sequence[float], minimums: Sequence[float], total: float) -> list[float] | None:
    """Column widths in the proportion of `shares`, each at least its minimum; None when the
    minimums alone exceed `total`."""
    if sum(minimums) > total + 1e-6:
        return None
    fixed: dict[int, float] = {}
    while True:
        free = [i for i in range(len(shares)) if i not in fixed]
        room = total - sum(fixed.values())
        weight = sum(shares[i] for i in free) or 1.0
        widths = {i: room * shares[i] / weight for i in free}
        short = [i for i in free if widths[i] < minimums[i]]
        if not short:
            return [fixed.get(i, widths.get(i, 0.0)) for i in range(len(shares))]
        for i in short:
            fixed[i] = minimums[i]


def table_widths(
    columns: Sequence[Column],
    cells: Sequence[Sequence[Sequence[object]]],
    style: ParagraphStyle,
    styles: Styles,
    total: float,
) -> list[float] | None:
    """The widths of a table's columns at a text width of `total`; None if it cannot fit."""
    minimums = [
        longest_word((row[i] for row in cells if i < len(row)), style, styles) + 2 * PADDING + 1
        for i in range(len(columns))
    ]
    return fit_widths([c.width for c in columns], minimums, total)


# --- a table block ------------------------------------------------------------------------


@functools.cache
def aligned(style: ParagraphStyle, align: str) -> ParagraphStyle:
    """`style` with the column's alignment (styles are built once per layout, so this is cached)."""
    if _ALIGN[align] == style.alignment:
        return style
    return ParagraphStyle(f"{style.name}-{align}", parent=style, alignment=_ALIGN[align])


def table_flowables(block: BTable, ctx: Context) -> list[Flowable]:
    s = ctx.styles
    box = ctx.boxes["emphasis"]
    _, right, _, left = emphasised(box, ctx).padding if block.emphasised else (0.0, 0.0, 0.0, 0.0)
    total = s.metrics.frame_width - left - right
    cells = [*block.header, *block.rows]
    widths = table_widths(block.columns, cells, s.table_cell, s, total)
    if widths is None:  # refused by the layout check before a build; shares, should it get here
        widths = [total * c.width / sum(c.width for c in block.columns) for c in block.columns]
    head = [_row(row, block, "table_head", ctx) for row in block.header]
    body = [_row(row, block, "table_cell", ctx) for row in block.rows]
    table = data_table(head, body, widths, ctx)
    flowables: list[Flowable] = [table]
    caption = ctx.caption(block.label, block.caption)
    # a Table with THead (its header rows: TH, scope Column) and TBody; the caption its first child
    tag_table([*head, *body], ctx.parent, header_rows=len(head), title=brief_plain(block.caption), caption=caption)
    if caption is not None:
        flowables = [HeadingGroup([caption], table)]
    if block.source:
        flowables.append(ctx.text(block.source, "source_line"))
    if block.emphasised:
        return [Box(flowables, emphasised(box, ctx))]
    return flowables


def _row(row: Sequence[BriefText], block: BTable, role: str, ctx: Context) -> list[Flowable]:
    style = getattr(ctx.styles, role)
    return [Paragraph(ctx.markup(cell), aligned(style, block.columns[i].align)) for i, cell in enumerate(row)]


def data_table(head: list[list[Flowable]], body: list[list[Flowable]], widths: Sequence[float], ctx: Context) -> Table:
    """Header rows on the accent colour (repeated on each page the table reaches), striped rows."""
    s = ctx.styles
    table = whole_rows_table(
        [*head, *body], s.metrics.frame_height, colWidths=list(widths), repeatRows=len(head), hAlign="LEFT"
    )
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LINEBELOW", (0, -1), (-1, -1), 0.8, s.palette.accent),
    ]
    if head:
        commands.append(("BACKGROUND", (0, 0), (-1, len(head) - 1), s.palette.accent))
    first = len(head)
    commands += [("BACKGROUND", (0, r), (-1, r), s.palette.stripe) for r in range(first + 1, first + len(body), 2)]
    table.setStyle(table_style(s, commands))
    table.spaceBefore = s.caption.spaceAfter
    table.spaceAfter = s.body.spaceAfter
    return table


# --- the comparison of focus countries ------------------------------------------------------


def comparison_flowables(part: ComparisonTable, ctx: Context) -> list[Flowable]:
    s = ctx.styles
    ctx = ctx.within("Sect", part.title)
    if not part.headers:
        return [ctx.heading(part_key(part), part.title, None)]
    head = [[Paragraph(escape(h), s.table_head) for h in part.headers]]
    body = [
        [Paragraph(f"<b>{escape(c)}</b>" if i == 0 else escape(c), s.table_cell) for i, c in enumerate(row)]
        for row in part.rows
    ]
    width = s.metrics.frame_width
    columns = max(len(part.headers), 1)
    first = width * (0.22 if columns > 1 else 1.0)
    widths = [first] + [(width - first) / (columns - 1)] * (columns - 1)
    table = data_table(head, body, widths, ctx)
    tag_table([*head, *body], ctx.parent, header_rows=1, header_columns=1)  # each country heads its row
    # a Box gives the table the split behaviour HeadingGroup relies on
    box = Box([table], ctx.boxes["plain"])
    return [ctx.heading(part_key(part), part.title, box)]
