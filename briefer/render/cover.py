"""The cover page, the cover-note page, and the title block a brief without a cover opens with.

Imports ReportLab, the brief model and briefer.render modules. The cover's band and rules are
page furniture (artifacts); its words are elements of a Sect.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, HRFlowable, Spacer, Table

from briefer.render.boxes import Box, BoxStyle, Rule
from briefer.render.context import Context
from briefer.render.markup import escape, inline_markup, text_markup
from briefer.render.paragraph import Paragraph
from briefer.render.structure import tag_table
from briefer.render.styles import table_style
from briefer.render.whole_rows import whole_rows_table
from briefer.tailor.brief import Brief


class BottomAligned(Flowable):
    """Takes the rest of the frame and draws its content at the bottom of it."""

    def __init__(self, content: Flowable) -> None:
        super().__init__()
        self.content = content

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        _, self._content_height = self.content.wrap(availWidth, availHeight)
        self.width, self.height = availWidth, max(availHeight, self._content_height)
        return self.width, self.height

    def draw(self) -> None:
        self.content.drawOn(self.canv, 0, 0)


def _facts_table(rows: list[tuple[str, str]], ctx: Context, width: float) -> Table:
    styles = ctx.styles
    label_width = width * 0.24
    data = [
        [Paragraph(escape(label.upper()), styles.cover_label), Paragraph(escape(value), styles.cover_value)]
        for label, value in rows
    ]
    tag_table(data, ctx.parent, header_rows=0, header_columns=1)  # each label heads its row
    table = whole_rows_table(
        data, styles.metrics.frame_height, colWidths=[label_width, width - label_width], hAlign="LEFT"
    )
    table.setStyle(
        table_style(
            styles,
            [
                ("VALIGN", (0, 0), (-1, -1), "BASELINE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, styles.palette.rule),
            ],
        )
    )
    return table


def cover_flowables(brief: Brief, ctx: Context) -> list[Flowable]:
    """The cover: a band with the title, then audience, countries, prepared-for and credits."""
    styles = ctx.styles
    m, palette = styles.metrics, styles.palette
    scale = m.body_size / 10.5
    ctx = ctx.within("Sect")
    band_content: list[Flowable] = [
        ctx.plain(brief.publisher.upper(), "cover_kicker"),
        ctx.text(brief.printed_title, "cover_title", element="H1"),
    ]
    if brief.subtitle:
        band_content.append(ctx.text(brief.printed_subtitle, "cover_subtitle"))
    band = Box(
        band_content,
        BoxStyle(background=palette.accent, padding=(72 * scale, m.right, 40 * scale, m.left)),
    )
    inner: list[Flowable] = [Spacer(1, 30 * scale)]
    if brief.audience_line:
        inner.append(ctx.plain(brief.audience_line, "cover_audience"))
    if brief.cover_facts:
        inner += [Spacer(1, 12 * scale), _facts_table(list(brief.cover_facts), ctx, m.frame_width)]
    words = brief.words
    credits: list[Flowable] = [
        ctx.plain(words.based_on_report.upper(), "cover_label"),
        Spacer(1, 3),
        ctx.tag(Paragraph(_citation(brief), styles.cover_value), "P"),
    ]
    if brief.authors_line:
        credits += [
            Spacer(1, 8 * scale),
            ctx.plain(words.written_by.upper(), "cover_label"),
            Spacer(1, 3),
            ctx.plain(brief.authors_line, "cover_value"),
        ]
    credits_box = Box(credits, BoxStyle(top=Rule(1.0, palette.accent), padding=(10 * scale, 0, 0, 0)))
    margins = BoxStyle(padding=(0, m.right, 0, m.left))
    foot = Box([credits_box], BoxStyle(padding=(0, m.right, m.bottom * 0.8, m.left)))
    return [band, Box(inner, margins), BottomAligned(foot)]


def _citation(brief: Brief) -> str:
    """How to cite the report, and where to find it (a link) when the report gives its address."""
    citation = inline_markup(brief.report_citation)
    return f"{citation} {text_markup(brief.url)}" if brief.url else citation


def title_block(brief: Brief, ctx: Context) -> list[Flowable]:
    """The opening of a brief without a cover: title, subtitle and one line of particulars."""
    styles = ctx.styles
    story: list[Flowable] = [ctx.text(brief.printed_title, "title", element="H1")]
    if brief.subtitle:
        story.append(ctx.text(brief.printed_subtitle, "subtitle"))
    based_on = f"{escape(brief.words.based_on)} {_citation(brief)}"
    lines = [escape(line) for line in brief.particulars] + [based_on]
    story.append(ctx.tag(Paragraph("<br/>".join(lines), styles.title_line), "P"))
    space = styles.metrics.body_leading * 0.6
    rule = HRFlowable(width="100%", thickness=1.0, color=styles.palette.accent, spaceBefore=space, spaceAfter=space)
    return [*story, rule]


def cover_note_flowables(brief: Brief, ctx: Context) -> list[Flowable]:
    """The sender's own note, paragraphs split at blank lines."""
    ctx = ctx.within("Sect", brief.words.cover_note)
    heading = ctx.plain(brief.words.cover_note, "heading", element="H1")
    heading.spaceBefore = 0
    paragraphs = [p.strip() for p in brief.cover_note.replace("\r\n", "\n").split("\n\n") if p.strip()]
    body = ctx.styles.body
    return [heading, *(ctx.tag(Paragraph(escape(p).replace("\n", "<br/>"), body), "P") for p in paragraphs)]
