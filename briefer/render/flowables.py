"""Brief parts to ReportLab flowables, through an explicit dispatch table (PARTS); blocks are
built by briefer.render.blocks (BLOCKS). Also the notes and the sources list.

Each flowable gets its role in the tagged PDF where it is made (context.py, structure.py).
Imports ReportLab, the brief model and briefer.render modules.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.platypus import Flowable, Table

from briefer.content.model import Span
from briefer.render.blocks import BLOCKS, continued_title, heading_flowables
from briefer.render.boxes import Box, mark_box_heading
from briefer.render.context import NOTES_KEY, SOURCES_KEY, Context, new_context, part_key
from briefer.render.flowtags import tags
from briefer.render.headings import Anchor, HeadingGroup
from briefer.render.markup import escape, note_key
from briefer.render.paragraph import Paragraph
from briefer.render.structure import Artifact, role, tag_list, tag_table
from briefer.render.styles import table_style
from briefer.render.tables import comparison_flowables
from briefer.render.whole_rows import whole_rows_table
from briefer.tailor.brief import (
    BHeading,
    Brief,
    BriefNote,
    BriefText,
    ComparisonTable,
    CountryBox,
    KeyMessagesPart,
    Part,
    SectionPart,
    SourceEntry,
)

__all__ = ["NOTES_KEY", "SOURCES_KEY", "Context", "new_context", "part_key"]


# --- parts --------------------------------------------------------------------------------


def _section(part: SectionPart, ctx: Context) -> list[Flowable]:
    """The section's title, then its blocks; every heading is kept with what follows it, and
    headings that follow one another (a title, then a sub-heading) travel together."""
    ctx = ctx.within("Sect", part.title)
    title = ctx.heading(part_key(part), part.title, None, part.printed_title)
    heads: list[Flowable] = list(title.heads)
    story: list[Flowable] = []
    level = 1  # of the last heading's element: the title is an H1, and no level may be skipped
    for block in part.blocks:
        if isinstance(block, BHeading):
            level = min(block.level - 1, level + 1)
            heads += heading_flowables(block, ctx, f"H{level}")
            continue
        flowables = BLOCKS[type(block)](block, ctx)
        first, *rest = flowables
        story += [HeadingGroup(heads, first) if heads else first, *rest]
        heads = []
    if heads:
        story.append(HeadingGroup(heads, None))
    if part.attribution:
        story.append(ctx.plain(part.attribution, "attribution"))
    return story


def _key_messages(part: KeyMessagesPart, ctx: Context) -> list[Flowable]:
    ctx = ctx.within("Sect", part.title)
    content: list[Flowable] = [mark_box_heading(ctx.plain(part.title, "box_title", element="H1"))]
    if part.introduction:
        content.append(ctx.text(part.introduction, "box_text"))
    messages = [ctx.text(m, "box_item", bulletText=f"{i}.") for i, m in enumerate(part.messages, start=1)]
    content += messages
    tag_list(messages, ctx.parent, numbered=True)
    if part.asks:
        content += _headed_bullets(part.asks_title, part.asks, ctx)
    return _boxed(part, content, "key", ctx)


def _country(part: CountryBox, ctx: Context) -> list[Flowable]:
    s = ctx.styles
    ctx = ctx.within("Aside", part.title)
    content: list[Flowable] = [mark_box_heading(ctx.plain(part.title, "box_title", element="H1"))]
    if part.instruments:
        _, right, _, left = ctx.boxes["country"].padding
        content.append(_status_table(part, ctx, s.metrics.frame_width - left - right))
    if part.facts:
        content += _headed_bullets(part.facts_title, part.facts, ctx)
    return _boxed(part, content, "country", ctx)


def _headed_bullets(title: str, items: tuple[BriefText, ...], ctx: Context) -> list[Flowable]:
    """A sub-heading in a box and its bulleted items, tagged as one list under it."""
    heading = mark_box_heading(ctx.plain(title, "subheading", element="H2"))
    bullets = [ctx.text(item, "box_item", bulletText="•") for item in items]
    tag_list(bullets, ctx.parent, numbered=False)
    return [heading, *bullets]


def _boxed(part: KeyMessagesPart | CountryBox, content: list[Flowable], style: str, ctx: Context) -> list[Flowable]:
    """`content` in the part's box, its title repeated where the box goes on overleaf, kept with its anchor."""
    box = Box(content, ctx.boxes[style], continuation=continued_title((Span(part.title),), ctx))
    return [HeadingGroup([Anchor(part_key(part), part.title, ctx.registry)], box)]


def _status_table(part: CountryBox, ctx: Context, width: float) -> Table:
    s = ctx.styles
    head = [Paragraph(escape(h.upper()), s.label) for h in part.status_headers]
    rows: list[list[Flowable]] = [head]
    for row in part.instruments:
        instrument = Paragraph(f"<b>{escape(row.short)}</b><br/>{escape(row.name)}", s.table_cell)
        details = "<br/>".join(f"<b>{escape(label)}</b> {escape(value)}" for label, value in row.details) or escape(
            ctx.words.no_status
        )
        rows.append([instrument, ctx.text(row.status, "table_cell"), Paragraph(details, s.table_cell)])
    table = whole_rows_table(
        rows, s.metrics.frame_height, colWidths=[width * 0.27, width * 0.38, width * 0.35], repeatRows=1, hAlign="LEFT"
    )
    tag_table(rows, ctx.parent, header_rows=1, header_columns=1)
    table.setStyle(
        table_style(
            s,
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, s.palette.accent),
                ("LINEBELOW", (0, 1), (-1, -2), 0.4, s.palette.rule),
            ],
        )
    )
    table.spaceAfter = s.body.spaceAfter
    return table


# each builder takes the part type it is filed under
PARTS: dict[type, Callable[[Any, Context], list[Flowable]]] = {
    KeyMessagesPart: _key_messages,
    CountryBox: _country,
    ComparisonTable: comparison_flowables,
    SectionPart: _section,
}


def body_flowables(parts: tuple[Part, ...], ctx: Context) -> list[Flowable]:
    story: list[Flowable] = []
    for part in parts:
        story += PARTS[type(part)](part, ctx)
    return story


# --- notes and sources --------------------------------------------------------------------


def note_paragraph(note: BriefNote, ctx: Context, *, placed: bool = False) -> Paragraph:
    """A note, its number hanging in the margin; the destination its marker links to. Its Note
    element sits under the context's element when `placed` (endnotes), else right after its
    reference (notes at the foot of the page)."""
    key = note_key(note.number)
    markup = f'<a name="{key}"/>{ctx.markup(note.text)}'
    paragraph = Paragraph(markup, ctx.styles.note, bulletText=str(note.number))
    tags(paragraph).note_number = note.number
    element = ctx.tree.note(key, ctx.parent if placed else None)
    role(paragraph, element, label=element.child("Lbl", kept=True))
    return paragraph


def continued_note_label(number: int, ctx: Context) -> Paragraph:
    label = Paragraph(escape(ctx.words.continued), ctx.styles.note_continued, bulletText=str(number))
    return role(label, Artifact())


def endnotes(notes: tuple[BriefNote, ...], ctx: Context) -> list[Flowable]:
    ctx = ctx.within("Sect", ctx.words.notes)
    paragraphs: list[Flowable] = [note_paragraph(n, ctx, placed=True) for n in notes]
    for p in paragraphs:
        p.spaceAfter = round(ctx.styles.metrics.note_leading * 0.35, 1)
    return [ctx.heading(NOTES_KEY, ctx.words.notes, paragraphs[0]), *paragraphs[1:]]


def sources_list(sources: tuple[SourceEntry, ...], ctx: Context) -> list[Flowable]:
    ctx = ctx.within("Sect", ctx.words.sources)
    paragraphs = [ctx.text(s.text, "source") for s in sources]
    return [ctx.heading(SOURCES_KEY, ctx.words.sources, paragraphs[0]), *paragraphs[1:]]


def about_flowables(brief: Brief, ctx: Context) -> list[Flowable]:
    """The report's paragraph about its publisher, last in the brief, under a small heading
    (an H2: it closes the brief's end matter, after the sources' H1)."""
    ctx = ctx.within("Sect", ctx.words.about_publisher)
    heading = ctx.plain(ctx.words.about_publisher, "subheading", element="H2")
    return [HeadingGroup([heading], ctx.text(brief.about, "source"))]
