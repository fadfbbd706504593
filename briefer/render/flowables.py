"""Brief parts and blocks to ReportLab flowables, through explicit dispatch tables.

Each flowable gets its role in the tagged PDF where it is made (structure.py): a paragraph made
by Context.text or Context.plain is a P unless told otherwise, under the element the context is
within. Imports ReportLab, the brief model and briefer.render modules (styles, markup, boxes, headings).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from reportlab.platypus import Flowable, Table

from briefer.render.boxes import Box, BoxStyle, Rule, mark_box_heading
from briefer.render.flowtags import tags
from briefer.render.headings import Anchor, HeadingGroup, PageRegistry
from briefer.render.markup import escape, hex_colour, inline_markup, link_describer, note_key
from briefer.render.paragraph import Paragraph
from briefer.render.structure import Artifact, Node, StructureTree, role, tag_list, tag_table
from briefer.render.styles import Styles, table_style
from briefer.tailor.brief import (
    BDefinition,
    BParagraph,
    BPullQuote,
    BriefNote,
    BriefText,
    BSidebar,
    ComparisonTable,
    CountryBox,
    KeyMessagesPart,
    Part,
    SectionPart,
    SourceEntry,
)
from briefer.tailor.wording import Words

_F = TypeVar("_F", bound=Flowable)

# destination names; a part's is prefixed so no report id can collide with these or with notes
NOTES_KEY, SOURCES_KEY = "briefer-notes", "briefer-sources"


@dataclass(frozen=True, slots=True)
class Context:
    """What every builder needs: the styles, box styles, the registry anchors report to, and
    the structure element that the elements of new flowables go under."""

    styles: Styles
    registry: PageRegistry
    boxes: dict[str, BoxStyle]
    notes: frozenset[int]  # the numbers of the brief's notes, the targets markers may link to
    words: Words
    tree: StructureTree
    parent: Node

    def markup(self, text: BriefText) -> str:
        return inline_markup(text, self.styles.palette.accent, self.notes)

    def text(self, text: BriefText, style_name: str = "body", *, element: str = "P", **kw: object) -> Paragraph:
        """A paragraph of brief text with linked note markers."""
        return self.tag(Paragraph(self.markup(text), getattr(self.styles, style_name), **kw), element)

    def plain(self, text: str, style_name: str, *, element: str = "P", **kw: object) -> Paragraph:
        return self.tag(Paragraph(escape(text), getattr(self.styles, style_name), **kw), element)

    def tag(self, flowable: _F, element: str, **details: object) -> _F:
        """Give `flowable` a new element of type `element` under this context's element."""
        role(flowable, self.parent.child(element, **details))
        return flowable

    def within(self, element: str, title: str = "") -> Context:
        """A context whose flowables' elements go under a new element (a Sect, an Aside …)."""
        return replace(self, parent=self.parent.child(element, title=title))

    def heading(self, key: str, title: str, following: Flowable | None, level: int = 1) -> HeadingGroup:
        anchor = Anchor(key, title, self.registry)
        return HeadingGroup(anchor, self.plain(title, "heading", element=f"H{level}"), following)


def new_context(
    styles: Styles,
    registry: PageRegistry,
    notes: tuple[BriefNote, ...],
    words: Words,
    tree: StructureTree | None = None,
) -> Context:
    """A context whose flowables' elements go into `tree` (a new one for words.language if None)."""
    tree = tree or StructureTree(words.language, link_describer(words))
    numbers = frozenset(n.number for n in notes)
    return Context(styles, registry, _box_styles(styles), numbers, words, tree, tree.root)


def part_key(part: Part) -> str:
    """The PDF destination name of a part's heading."""
    return f"part-{part.id}"


# --- box styles -------------------------------------------------------------------------


def _box_styles(styles: Styles) -> dict[str, BoxStyle]:
    p = styles.palette
    pad = round(styles.metrics.body_size * 1.15, 1)
    gap = round(styles.metrics.body_leading * 0.8, 1)
    return {
        "sidebar": BoxStyle(background=p.tint, padding=(pad, pad, pad * 0.6, pad), space_before=gap, space_after=gap),
        "key": BoxStyle(
            background=p.tint,
            top=Rule(3.0, p.accent),
            padding=(pad, pad, pad * 0.6, pad),
            space_after=gap,
        ),
        "country": BoxStyle(
            background=p.tint,
            left=Rule(3.0, p.accent),
            padding=(pad, pad, pad * 0.6, pad + 3.0),
            space_before=gap * 0.5,
            space_after=gap,
        ),
        "quote": BoxStyle(
            top=Rule(1.2, p.accent),
            bottom=Rule(1.2, p.accent),
            padding=(pad * 0.8, pad * 1.5, pad * 0.3, pad * 1.5),
            space_before=gap,
            space_after=gap * 1.3,
            keep_below=styles.metrics.frame_height * 0.4,  # a quote split in two stops being one
        ),
        "emphasis": BoxStyle(
            background=p.emphasis_tint,
            left=Rule(2.5, p.emphasis_rule),
            padding=(pad * 0.5, pad * 0.6, pad * 0.05, pad * 0.6 + 2.5),
            space_after=round(styles.body.spaceAfter, 1),
        ),
        "plain": BoxStyle(space_before=gap * 0.3, space_after=gap),
    }


def _emphasised(style: BoxStyle, ctx: Context) -> BoxStyle:
    """A box about a focus country also gets the emphasis bar."""
    return replace(style, left=Rule(3.0, ctx.styles.palette.emphasis_rule), padding=_wider_left(style.padding))


def _wider_left(padding: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    top, right, bottom, left = padding
    return top, right, bottom, max(left, 12.0) + 3.0


# --- blocks -------------------------------------------------------------------------------


def _paragraph(block: BParagraph, ctx: Context) -> Flowable:
    paragraph = ctx.text(block.text)
    return _mark_emphasis(paragraph, ctx) if block.emphasised else paragraph


def _definition(block: BDefinition, ctx: Context) -> Flowable:
    s = ctx.styles
    term = f'<font name="{s.fonts.sans.bold}" color="{hex_colour(s.palette.accent)}">{escape(block.term)}</font>'
    paragraph = ctx.tag(Paragraph(f"{term} {ctx.markup(block.text)}", s.body), "P")
    return _mark_emphasis(paragraph, ctx) if block.emphasised else paragraph


def _mark_emphasis(paragraph: Paragraph, ctx: Context) -> Flowable:
    return Box([paragraph], ctx.boxes["emphasis"])


def _sidebar(block: BSidebar, ctx: Context) -> Flowable:
    style = ctx.boxes["sidebar"]
    if block.emphasised:
        style = _emphasised(style, ctx)
    ctx = ctx.within("Aside", block.title)
    content: list[Flowable] = []
    if block.title:
        content.append(mark_box_heading(ctx.plain(block.title, "box_title", element="H2")))
    content += [ctx.text(p, "box_text") for p in block.paragraphs]
    return Box(content, style, continuation=_continued_title(block.title, ctx))


def _pull_quote(block: BPullQuote, ctx: Context) -> Flowable:
    style = ctx.boxes["quote"]
    if block.emphasised:
        style = _emphasised(style, ctx)
    return Box([ctx.within("BlockQuote").text(block.text, "pull_quote")], style)


# each builder takes the block type it is filed under
BLOCKS: dict[type, Callable[[Any, Context], Flowable]] = {
    BParagraph: _paragraph,
    BDefinition: _definition,
    BSidebar: _sidebar,
    BPullQuote: _pull_quote,
}


# --- parts --------------------------------------------------------------------------------


def _section(part: SectionPart, ctx: Context) -> list[Flowable]:
    ctx = ctx.within("Sect", part.title)
    blocks = [BLOCKS[type(b)](b, ctx) for b in part.blocks]
    story: list[Flowable] = [ctx.heading(part_key(part), part.title, blocks[0] if blocks else None), *blocks[1:]]
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
        content.append(mark_box_heading(ctx.plain(part.asks_title, "subheading", element="H2")))
        asks = [ctx.text(a, "box_item", bulletText="•") for a in part.asks]
        content += asks
        tag_list(asks, ctx.parent, numbered=False)
    box = Box(content, ctx.boxes["key"], continuation=_continued_title(part.title, ctx))
    return [HeadingGroup(Anchor(part_key(part), part.title, ctx.registry), None, box)]


def _country(part: CountryBox, ctx: Context) -> list[Flowable]:
    s = ctx.styles
    ctx = ctx.within("Aside", part.title)
    content: list[Flowable] = [mark_box_heading(ctx.plain(part.title, "box_title", element="H1"))]
    if part.treaties:
        _, right, _, left = ctx.boxes["country"].padding
        content.append(_treaty_table(part, ctx, s.metrics.frame_width - left - right))
    if part.facts:
        content.append(mark_box_heading(ctx.plain(part.facts_title, "subheading", element="H2")))
        facts = [ctx.text(f, "box_item", bulletText="•") for f in part.facts]
        content += facts
        tag_list(facts, ctx.parent, numbered=False)
    box = Box(content, ctx.boxes["country"], continuation=_continued_title(part.title, ctx))
    return [HeadingGroup(Anchor(part_key(part), part.title, ctx.registry), None, box)]


def _treaty_table(part: CountryBox, ctx: Context, width: float) -> Table:
    s = ctx.styles
    head = [Paragraph(escape(h.upper()), s.label) for h in part.status_headers]
    rows: list[list[Flowable]] = [head]
    for row in part.treaties:
        treaty = Paragraph(f"<b>{escape(row.treaty)}</b><br/>{escape(row.treaty_name)}", s.table_cell)
        dates = "<br/>".join(f"<b>{escape(label)}</b> {escape(value)}" for label, value in row.dates) or escape(
            ctx.words.no_status
        )
        rows.append([treaty, ctx.text(row.status, "table_cell"), Paragraph(dates, s.table_cell)])
    table = Table(rows, colWidths=[width * 0.27, width * 0.38, width * 0.35], repeatRows=1, hAlign="LEFT", splitInRow=1)
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


def _comparison(part: ComparisonTable, ctx: Context) -> list[Flowable]:
    s = ctx.styles
    ctx = ctx.within("Sect", part.title)
    if not part.headers:
        return [ctx.heading(part_key(part), part.title, None)]
    head = [Paragraph(escape(h), s.table_head) for h in part.headers]
    body = [
        [Paragraph(f"<b>{escape(c)}</b>" if i == 0 else escape(c), s.table_cell) for i, c in enumerate(row)]
        for row in part.rows
    ]
    width = s.metrics.frame_width
    columns = max(len(part.headers), 1)
    first = width * (0.22 if columns > 1 else 1.0)
    widths = [first] + [(width - first) / (columns - 1)] * (columns - 1)
    table = Table([head, *body], colWidths=widths, repeatRows=1, hAlign="LEFT", splitInRow=1)
    tag_table([head, *body], ctx.parent, header_rows=1, header_columns=1)
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), s.palette.accent),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LINEBELOW", (0, -1), (-1, -1), 0.8, s.palette.accent),
    ]
    commands += [("BACKGROUND", (0, r), (-1, r), s.palette.stripe) for r in range(2, len(body) + 1, 2)]
    table.setStyle(table_style(s, commands))
    # a Box gives the table the split behaviour HeadingGroup relies on
    box = Box([table], ctx.boxes["plain"])
    return [ctx.heading(part_key(part), part.title, box)]


CONTINUED_TITLE = 60  # characters: a continued part's title stays a line or two, whatever the title's length


def _continued_title(title: str, ctx: Context) -> Callable[[], list[Flowable]]:
    # a title as tall as the page, repeated on every part, would leave no room to continue
    if len(title) > CONTINUED_TITLE:
        title = title[:CONTINUED_TITLE].rsplit(" ", 1)[0].rstrip() + "…"

    def make() -> list[Flowable]:
        continued = escape(ctx.words.continued)
        heading = Paragraph(f"{escape(title)} <i>{continued}</i>", ctx.styles.box_title)
        return [mark_box_heading(role(heading, Artifact()))]  # repeats the title: page furniture

    return make


# each builder takes the part type it is filed under
PARTS: dict[type, Callable[[Any, Context], list[Flowable]]] = {
    KeyMessagesPart: _key_messages,
    CountryBox: _country,
    ComparisonTable: _comparison,
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
