"""A section's blocks to ReportLab flowables, through one explicit dispatch table (BLOCKS).

Each builder returns the block's flowables in order, each with its role in the tagged PDF; a
list's items are separate paragraphs, so a page may end between two items and each item's notes
go to the foot of its own page. Imports ReportLab, the brief model and briefer.render modules.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.platypus import Flowable

from briefer.render.boxes import Box, mark_box_heading
from briefer.render.context import Context, emphasised
from briefer.render.figures import figure_flowables
from briefer.render.headings import Anchor
from briefer.render.markup import escape, hex_colour
from briefer.render.paragraph import Paragraph
from briefer.render.structure import Artifact, role, tag_list
from briefer.render.tables import table_flowables
from briefer.tailor.brief import (
    BDefinition,
    BFigure,
    BHeading,
    BList,
    BParagraph,
    BPullQuote,
    BriefText,
    BSidebar,
    BTable,
    brief_plain,
)


def _paragraph(block: BParagraph, ctx: Context) -> list[Flowable]:
    paragraph = ctx.text(block.text)
    return [_mark_emphasis([paragraph], ctx)] if block.emphasised else [paragraph]


def _definition(block: BDefinition, ctx: Context) -> list[Flowable]:
    s = ctx.styles
    term = f'<font name="{s.fonts.sans.bold}" color="{hex_colour(s.palette.accent)}">{ctx.markup(block.term)}</font>'
    paragraph = ctx.tag(Paragraph(f"{term} {ctx.markup(block.text)}", s.body), "P")
    return [_mark_emphasis([paragraph], ctx)] if block.emphasised else [paragraph]


def _mark_emphasis(flowables: list[Flowable], ctx: Context) -> Flowable:
    return Box(flowables, ctx.boxes["emphasis"])


def _sidebar(block: BSidebar, ctx: Context) -> list[Flowable]:
    style = ctx.boxes["sidebar"]
    if block.emphasised:
        style = emphasised(style, ctx)
    ctx = ctx.within("Aside", brief_plain(block.title))
    content: list[Flowable] = []
    if block.title:
        content.append(mark_box_heading(ctx.text(block.title, "box_title", element="H2")))
    content += [ctx.text(p, "box_text") for p in block.paragraphs]
    return [Box(content, style, continuation=continued_title(block.title, ctx))]


def _pull_quote(block: BPullQuote, ctx: Context) -> list[Flowable]:
    style = ctx.boxes["quote"]
    if block.emphasised:
        style = emphasised(style, ctx)
    return [Box([ctx.within("BlockQuote").text(block.text, "pull_quote")], style)]


def heading_flowables(block: BHeading, ctx: Context, element: str) -> list[Flowable]:
    """An anchor (outline entry, link target) and the heading, drawn as `element` (H2, H3: the
    section says which, so that no level is skipped); the section keeps them with what follows."""
    anchor = Anchor(block.anchor, brief_plain(block.text), ctx.registry, level=block.level - 2)
    return [anchor, ctx.text(block.text, "heading3" if block.level == 3 else "heading4", element=element)]


def _list(block: BList, ctx: Context) -> list[Flowable]:
    """An L of LIs, each bullet an Lbl and each item's text an LBody; an item's own items are
    an L inside its LBody."""
    items: list[Flowable] = []
    tops: list[Flowable] = []
    nested: list[list[Flowable]] = []
    for n, item in enumerate(block.items, start=1):
        top = ctx.text(item.text, "list_item", bulletText=f"{n}." if block.numbered else "•")
        subs = [
            ctx.text(sub, "list_item_nested", bulletText=f"{chr(ord('a') + m % 26)}." if block.numbered else "–")
            for m, sub in enumerate(item.items)
        ]
        tops.append(top)
        nested.append(subs)
        items += [top, *subs]
    tag_list(tops, ctx.parent, numbered=block.numbered, nested=nested)
    # the list ends with the space a paragraph leaves
    items[-1].spaceAfter = max(items[-1].getSpaceAfter(), ctx.styles.body.spaceAfter)
    return [_mark_emphasis(items, ctx)] if block.emphasised else items


CONTINUED_TITLE = 60  # characters: a continued part's title stays a line or two, whatever the title's length


def continued_title(title: BriefText, ctx: Context) -> Callable[[], list[Flowable]]:
    """The heading of a box's continuation on the next page: "Title (continued)", an artifact
    (it repeats the title: page furniture)."""
    plain = brief_plain(title)
    # a title as tall as the page, repeated on every part, would leave no room to continue
    if len(plain) > CONTINUED_TITLE:
        markup = escape(plain[:CONTINUED_TITLE].rsplit(" ", 1)[0].rstrip() + "…")
    else:
        markup = ctx.markup(title)

    def make() -> list[Flowable]:
        continued = escape(ctx.words.continued)
        heading = Paragraph(f"{markup} <i>{continued}</i>", ctx.styles.box_title)
        return [mark_box_heading(role(heading, Artifact()))]

    return make


# each builder takes the block type it is filed under
BLOCKS: dict[type, Callable[[Any, Context], list[Flowable]]] = {
    BParagraph: _paragraph,
    BDefinition: _definition,
    BSidebar: _sidebar,
    BPullQuote: _pull_quote,
    BList: _list,
    BTable: table_flowables,
    BFigure: figure_flowables,
}
