"""Draw an at-a-glance page with ReportLab: always exactly one page, or a clear error.

What the page shows, what gives way and how its notes are numbered is decided in
briefer.tailor.glance; content gives way in the order tailor.glance.DROPS defines; each candidate is measured with
Flowable.wrap at the real width before anything is drawn. Notes are numbered on the page and
set at its foot. Uses the project's registered fonts (briefer.render.fonts), never built-ins.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, HRFlowable, Table, TableStyle

from briefer.output import OutputError
from briefer.render.fonts import Fonts, register_fonts
from briefer.render.markup import escape, inline_markup, note_key
from briefer.render.paragraph import Paragraph
from briefer.render.styles import Fixed, Role, Scale, build_metrics, build_palette, paragraph_styles
from briefer.tailor.brief import Brief, BriefText, Layout
from briefer.tailor.glance import GlanceContent, GlanceNote, number_notes, reductions, select_glance

MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 18 * mm, 15 * mm, 13 * mm
NOTES_GAP = 10  # points between the body and the rule above the notes
SLACK = 1.0  # points kept free, so rounding in ReportLab's frame never pushes a line out


class GlanceError(OutputError):
    """Even the minimum at-a-glance content does not fit on one page."""


@dataclass(frozen=True, slots=True)
class Glance:
    pdf: bytes
    dropped: tuple[str, ...]  # what gave way, in order, as phrases ("the 4 asks (…)")
    notes: int  # notes printed at the foot


# The page's roles: smaller than a brief's, to fit one page; large print scales them by 1.25.
GLANCE_ROLES: dict[str, Role] = {
    "kicker": Role("sans.bold", 8.5, 10, "accent", space_after=Fixed(2)),
    "title": Role("sans.bold", 19, 22),
    "subtitle": Role("serif.italic", 10.5, 13, "muted", space_before=Fixed(1)),
    "meta": Role("sans.regular", 9, 11.5, "accent", space_before=Fixed(5)),
    "heading": Role("sans.bold", 11, 13.5, "accent", space_before=Fixed(9), space_after=Fixed(4)),
    "subheading": Role("sans.bold", 9, 11, space_before=Fixed(4), space_after=Fixed(2)),
    "body": Role("serif.regular", 9.5, 12.5, space_after=Fixed(4)),
    "item": Role(
        "serif.regular",
        9.5,
        12.5,
        left_indent=13,
        bullet_face="sans.bold",
        bullet_size=8.5,
        bullet_colour="accent",
        space_after=3,
    ),
    "cell": Role("serif.regular", 8.5, 10.5),
    "head_cell": Role("sans.bold", 8.5, 10.5, "accent"),
    "country_cell": Role("sans.bold", 8.5, 10.5),
    "note": Role(
        "sans.regular", 6.8, 8.2, left_indent=10, bullet_face="sans.regular", bullet_size=6.8, space_after=Fixed(0.6)
    ),
    "footer": Role("sans.regular", 6.8, 8.2, "muted", space_before=Fixed(3)),
}


@dataclass(frozen=True, slots=True)
class _Styles:
    kicker: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    meta: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    body: ParagraphStyle
    item: ParagraphStyle
    cell: ParagraphStyle
    head_cell: ParagraphStyle
    country_cell: ParagraphStyle
    note: ParagraphStyle
    footer: ParagraphStyle
    accent: colors.Color
    rule: colors.Color
    tint: colors.Color


def _styles(fonts: Fonts, layout: Layout) -> _Styles:
    palette = build_palette(layout.grayscale)
    metrics = build_metrics(layout)
    scale = Scale(1.25 if layout.large_print else 1.0, digits=None)
    styles = paragraph_styles(GLANCE_ROLES, fonts, palette, metrics, scale, bullet_face="sans.regular", bullet_size=8.5)
    return _Styles(**styles, accent=palette.accent, rule=palette.rule, tint=palette.tint)


def markup(text: BriefText, s: _Styles) -> str:
    """Escaped paragraph markup; note marks link to their notes at the foot."""
    return inline_markup(text, s.accent)


# --- flowables -------------------------------------------------------------------------------


def _header(content: GlanceContent, s: _Styles) -> list[Flowable]:
    items: list[Flowable] = [
        Paragraph(escape(content.kicker.upper()), s.kicker),
        Paragraph(escape(content.title), s.title),
    ]
    if content.subtitle:
        items.append(Paragraph(escape(content.subtitle), s.subtitle))
    if content.particulars:
        items.append(Paragraph(escape(content.particulars), s.meta))
    if content.prepared_for:
        items.append(Paragraph(escape(content.prepared_for), s.meta))
    items.append(HRFlowable(width="100%", thickness=1.2, color=s.accent, spaceBefore=6, spaceAfter=0))
    return items


def _key_messages(content: GlanceContent, s: _Styles) -> list[Flowable]:
    if not content.messages and not content.introduction:
        return []
    items: list[Flowable] = [Paragraph(escape(content.key_messages_title), s.heading)]
    if content.introduction:
        items.append(Paragraph(markup(content.introduction, s), s.body))
    for n, message in enumerate(content.messages, start=1):
        items.append(Paragraph(markup(message, s), s.item, bulletText=f"{n}."))
    if content.asks:
        items.append(Paragraph(escape(content.asks_title), s.heading))
        for ask in content.asks:
            items.append(Paragraph(markup(ask, s), s.item, bulletText="•"))
    return items


def _status(content: GlanceContent, s: _Styles, width: float) -> list[Flowable]:
    if not content.status:
        return []
    head = [Paragraph(escape(h), s.head_cell) for h in content.status_headers]
    rows = [head]
    for row in content.status:
        cells = [Paragraph(escape(row.country), s.country_cell)]
        cells += [Paragraph(markup(cell, s), s.cell) for cell in row.cells]
        rows.append(cells)
    first = min(0.26 * width, 48 * mm)
    columns = len(content.status_headers) - 1
    rest = (width - first) / max(1, columns)
    table = Table(rows, colWidths=[first, *([rest] * columns)], repeatRows=0, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                # cells are Paragraphs, but the table still sets its default font (Helvetica)
                ("FONT", (0, 0), (-1, -1), s.cell.fontName, s.cell.fontSize),
                ("BACKGROUND", (0, 0), (-1, 0), s.tint),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, s.rule),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return [Paragraph(escape(content.status_title), s.heading), table]


def _facts(content: GlanceContent, s: _Styles) -> list[Flowable]:
    if not content.facts:
        return []
    items: list[Flowable] = [Paragraph(escape(content.facts_title), s.heading)]
    if len(content.facts) == 1:
        groups: list[tuple[str | None, tuple[BriefText, ...]]] = [(None, content.facts[0].facts)]
    else:
        groups = [(c.country, c.facts) for c in content.facts]
    for country, facts in groups:
        if country:
            items.append(Paragraph(escape(country), s.subheading))
        items += [Paragraph(markup(fact, s), s.item, bulletText="•") for fact in facts]
    return items


def _foot(notes: tuple[GlanceNote, ...], content: GlanceContent, s: _Styles) -> list[Flowable]:
    items: list[Flowable] = []
    if notes:
        items.append(HRFlowable(width="30%", thickness=0.5, color=s.rule, hAlign="LEFT", spaceAfter=3))
        items += [
            Paragraph(f'<a name="{note_key(n.number)}"/>{markup(n.text, s)}', s.note, bulletText=f"{n.number}")
            for n in notes
        ]
    items.append(Paragraph(f"{escape(content.source_label)} {markup(content.citation, s)}", s.footer))
    return items


def _height(flowables: Sequence[Flowable], width: float) -> float:
    """The height a frame needs for `flowables`, measured as the frame will lay them out."""
    total = 0.0
    for i, flowable in enumerate(flowables):
        _, h = flowable.wrap(width, 1e6)
        total += h + flowable.getSpaceAfter() + (flowable.getSpaceBefore() if i else 0.0)
    return total


# --- the page ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Layout:
    content: GlanceContent
    body: list[Flowable]
    foot: list[Flowable]
    body_height: float
    foot_height: float


def _layout(content: GlanceContent, notes_by_number: dict[int, BriefText], s: _Styles, width: float) -> _Layout:
    numbered, notes = number_notes(content, notes_by_number)
    body = _header(numbered, s) + _key_messages(numbered, s) + _status(numbered, s, width) + _facts(numbered, s)
    foot = _foot(notes, numbered, s)
    return _Layout(numbered, body, foot, _height(body, width), _height(foot, width))


def render_glance(brief: Brief) -> Glance:
    """One page for `brief` (tailored with full citations); raises GlanceError if it cannot fit."""
    fonts = register_fonts()
    s = _styles(fonts, brief.layout)
    page_w, page_h = brief.layout.page_size.points
    width = page_w - 2 * MARGIN_X
    available = page_h - MARGIN_TOP - MARGIN_BOTTOM
    notes_by_number = {n.number: n.text for n in brief.notes}

    content = select_glance(brief)
    if not content.messages and not content.status:
        raise GlanceError("an at-a-glance page needs an audience or a focus country")
    chosen = None
    for candidate, dropped in reductions(content):
        layout = _layout(candidate, notes_by_number, s, width)
        needed = layout.body_height + NOTES_GAP + layout.foot_height + SLACK
        if needed <= available:
            chosen = (layout, dropped)
            break
    if chosen is None:
        raise GlanceError(
            f"the at-a-glance page for {content.label} does not fit on one page even with only "
            f"its minimum (heading, three key messages, status table): it needs {needed:.0f} pt of "
            f"{available:.0f} pt; choose fewer focus countries"
        )
    layout, dropped = chosen
    return Glance(_draw(brief, layout, s, page_w, page_h, width), dropped, _count_notes(layout))


def _count_notes(layout: _Layout) -> int:
    return sum(1 for f in layout.foot if isinstance(f, Paragraph) and f.bulletText)


def _draw(brief: Brief, layout: _Layout, s: _Styles, page_w: float, page_h: float, width: float) -> bytes:
    out = io.BytesIO()
    # the initial font would otherwise be Helvetica, listed in the page even if never used
    canvas = Canvas(
        out,
        pagesize=(page_w, page_h),
        invariant=1,
        pageCompression=1,
        initialFontName=s.body.fontName,
        initialFontSize=s.body.fontSize,
    )
    canvas.setTitle(layout.content.document_title)
    canvas.setAuthor(", ".join(brief.authors))
    canvas.setSubject(brief.prepared_for.line())
    canvas.setCreator("briefer")
    foot_h = layout.foot_height + SLACK
    body_bottom = MARGIN_BOTTOM + foot_h + NOTES_GAP
    for flowables, bottom, height in (
        (layout.body, body_bottom, page_h - MARGIN_TOP - body_bottom),
        (layout.foot, MARGIN_BOTTOM, foot_h),
    ):
        frame = Frame(
            MARGIN_X,
            bottom,
            width,
            height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            showBoundary=0,
        )
        pending = list(flowables)
        frame.addFromList(pending, canvas)
        if pending:  # the measurement above promised a fit; a miss is a bug, never a silent cut
            raise RuntimeError(f"at-a-glance layout overflowed by {len(pending)} flowable(s)")
    canvas.showPage()
    canvas.save()
    return out.getvalue()
