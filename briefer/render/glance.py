"""Draw an at-a-glance page with ReportLab: always exactly one page, or a clear error.

What the page shows, what gives way and how its notes are numbered is decided in
briefer.tailor.glance; content gives way in the order tailor.glance.DROPS defines; each candidate is measured with
Flowable.wrap at the real width before anything is drawn. Notes are numbered on the page and
set at its foot. Uses the project's registered fonts (briefer.render.fonts), never built-ins.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Frame, HRFlowable, Table, TableStyle

from briefer.output import OutputError
from briefer.render.fonts import Fonts, register_fonts
from briefer.render.markup import escape, inline_markup, link_describer, note_key
from briefer.render.paragraph import Paragraph
from briefer.render.pdfwriter import PackedCanvas
from briefer.render.structure import StructureTree, role, tag_list, tag_table
from briefer.render.styles import Fixed, Role, Scale, build_metrics, build_palette, paragraph_styles
from briefer.render.tagged_pdf import DocumentInfo, finish_tagged_pdf
from briefer.render.tagging import TaggingCanvas
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


@dataclass(frozen=True, slots=True)
class _Maker:
    """Makes the page's paragraphs, each with its element in the page's structure tree."""

    s: _Styles
    tree: StructureTree
    notes: frozenset[int]  # the numbers of the notes at the foot: markers link to them

    def markup(self, text: BriefText) -> str:
        """Escaped paragraph markup; note marks link to their notes at the foot (in the text's colour)."""
        return inline_markup(text, self.s.accent, self.notes, tint_links=False)

    def para(self, markup: str, style: ParagraphStyle, element: str = "P", **kw: object) -> Paragraph:
        return role(Paragraph(markup, style, **kw), self.tree.root.child(element))

    def plain(self, text: str, style: ParagraphStyle, element: str = "P") -> Paragraph:
        return self.para(escape(text), style, element)

    def items(self, texts: Sequence[BriefText], bullets: Sequence[str]) -> list[Flowable]:
        """A list: one bulleted paragraph per text."""
        items = [Paragraph(self.markup(t), self.s.item, bulletText=b) for t, b in zip(texts, bullets, strict=True)]
        tag_list(items, self.tree.root, numbered=bullets[0] != "•")
        return list(items)


# --- flowables -------------------------------------------------------------------------------


def _header(content: GlanceContent, m: _Maker) -> list[Flowable]:
    s = m.s
    items: list[Flowable] = [m.plain(content.kicker.upper(), s.kicker), m.plain(content.title, s.title, "H1")]
    if content.subtitle:
        items.append(m.plain(content.subtitle, s.subtitle))
    if content.particulars:
        items.append(m.plain(content.particulars, s.meta))
    if content.prepared_for:
        items.append(m.plain(content.prepared_for, s.meta))
    items.append(HRFlowable(width="100%", thickness=1.2, color=s.accent, spaceBefore=6, spaceAfter=0))
    return items


def _key_messages(content: GlanceContent, m: _Maker) -> list[Flowable]:
    s = m.s
    if not content.messages and not content.introduction:
        return []
    items: list[Flowable] = [m.plain(content.key_messages_title, s.heading, "H1")]
    if content.introduction:
        items.append(m.para(m.markup(content.introduction), s.body))
    if content.messages:
        items += m.items(content.messages, [f"{n}." for n in range(1, len(content.messages) + 1)])
    if content.asks:
        items.append(m.plain(content.asks_title, s.heading, "H1"))
        items += m.items(content.asks, ["•"] * len(content.asks))
    return items


def _status(content: GlanceContent, m: _Maker, width: float) -> list[Flowable]:
    s = m.s
    if not content.status:
        return []
    head = [Paragraph(escape(h), s.head_cell) for h in content.status_headers]
    rows = [head]
    for row in content.status:
        cells = [Paragraph(escape(row.country), s.country_cell)]
        cells += [Paragraph(m.markup(cell), s.cell) for cell in row.cells]
        rows.append(cells)
    tag_table(rows, m.tree.root, header_rows=1, header_columns=1)
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
    return [m.plain(content.status_title, s.heading, "H1"), table]


def _facts(content: GlanceContent, m: _Maker) -> list[Flowable]:
    s = m.s
    if not content.facts:
        return []
    items: list[Flowable] = [m.plain(content.facts_title, s.heading, "H1")]
    if len(content.facts) == 1:
        groups: list[tuple[str | None, tuple[BriefText, ...]]] = [(None, content.facts[0].facts)]
    else:
        groups = [(c.country, c.facts) for c in content.facts]
    for country, facts in groups:
        if country:
            items.append(m.plain(country, s.subheading, "H2"))
        items += m.items(facts, ["•"] * len(facts))
    return items


def _foot(notes: tuple[GlanceNote, ...], content: GlanceContent, m: _Maker) -> list[Flowable]:
    s = m.s
    items: list[Flowable] = []
    if notes:
        items.append(HRFlowable(width="30%", thickness=0.5, color=s.rule, hAlign="LEFT", spaceAfter=3))
        for n in notes:
            key = note_key(n.number)
            note = Paragraph(f'<a name="{key}"/>{m.markup(n.text)}', s.note, bulletText=f"{n.number}")
            element = m.tree.note(key)  # placed right after its marker
            items.append(role(note, element, label=element.child("Lbl", kept=True)))
    items.append(m.para(f"{escape(content.source_label)} {m.markup(content.citation)}", s.footer))
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
    tree: StructureTree


def _layout(
    content: GlanceContent, notes_by_number: dict[int, BriefText], s: _Styles, width: float, brief: Brief
) -> _Layout:
    numbered, notes = number_notes(content, notes_by_number)
    tree = StructureTree(brief.language or "en", link_describer(brief.words))
    m = _Maker(s, tree, frozenset(n.number for n in notes))
    body = _header(numbered, m) + _key_messages(numbered, m) + _status(numbered, m, width) + _facts(numbered, m)
    foot = _foot(notes, numbered, m)
    return _Layout(numbered, body, foot, _height(body, width), _height(foot, width), tree)


def render_glance(brief: Brief, *, tagged: bool = True) -> Glance:
    """One page for `brief` (tailored with full citations); raises GlanceError if it cannot fit.
    Tagged (PDF/UA-1); `tagged=False` only for measuring what tagging costs."""
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
        layout = _layout(candidate, notes_by_number, s, width, brief)
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
    return Glance(_draw(brief, layout, s, page_w, page_h, width, tagged), dropped, _count_notes(layout))


def _count_notes(layout: _Layout) -> int:
    return sum(1 for f in layout.foot if isinstance(f, Paragraph) and f.bulletText)


def _draw(brief: Brief, layout: _Layout, s: _Styles, page_w: float, page_h: float, width: float, tagged: bool) -> bytes:
    out = io.BytesIO()
    make = functools.partial(TaggingCanvas, tree=layout.tree) if tagged else PackedCanvas
    # the initial font would otherwise be Helvetica, listed in the page even if never used
    canvas = make(
        out,
        pagesize=(page_w, page_h),
        invariant=1,
        pageCompression=1,
        initialFontName=s.body.fontName,
        initialFontSize=s.body.fontSize,
        lang=layout.tree.lang,
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
    if isinstance(canvas, TaggingCanvas):
        info = DocumentInfo(layout.content.document_title, brief.authors, brief.prepared_for.line(), layout.tree.lang)
        finish_tagged_pdf(canvas, info)
    canvas.save()
    return out.getvalue()
