"""What every builder of flowables shares: the styles, the box styles, the registry anchors
report to, how brief text becomes paragraph markup, and the structure element new flowables'
elements go under.

Each flowable gets its role in the tagged PDF where it is made (structure.py): a paragraph made
by Context.text or Context.plain is a P unless told otherwise, under the element the context is
within. Imports ReportLab, the brief model and briefer.render modules (styles, markup, boxes,
headings, structure).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TypeVar

from reportlab.platypus import Flowable

from briefer.render.boxes import BoxStyle, Rule
from briefer.render.headings import Anchor, HeadingGroup, PageRegistry
from briefer.render.markup import escape, inline_markup, link_describer
from briefer.render.paragraph import Paragraph
from briefer.render.structure import Node, StructureTree, role
from briefer.render.styles import Styles
from briefer.tailor.brief import BriefNote, BriefText, Part
from briefer.tailor.wording import Words

_F = TypeVar("_F", bound=Flowable)

# destination names; a part's is prefixed so no report id can collide with these or with notes
NOTES_KEY, SOURCES_KEY = "briefer-notes", "briefer-sources"


def part_key(part: Part) -> str:
    """The PDF destination name of a part's heading."""
    return f"part-{part.id}"


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

    def caption(self, label: str, caption: BriefText) -> Paragraph | None:
        """ "Table 1: Caption" with the label in bold, or None when there is neither. Its role is
        given by the table or figure it captions (structure.tag_table, tag_figure)."""
        if not label and not caption:
            return None
        lead = self.words.label.format(label=label) if caption else label
        bold = f"<b>{escape(lead)}</b> " if label else ""
        return Paragraph(bold + self.markup(caption), self.styles.caption)

    def heading(
        self, key: str, title: str, following: Flowable | None, printed: BriefText | None = None
    ) -> HeadingGroup:
        """A part's heading (outline level 0, an H1), kept with the start of what follows it."""
        anchor = Anchor(key, title, self.registry)
        shown = self.text(printed, "heading", element="H1") if printed else self.plain(title, "heading", element="H1")
        return HeadingGroup([anchor, shown], following)


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
        # a figure with its caption and source moves to the next page whole, never split
        "figure": BoxStyle(space_before=gap * 0.5, space_after=gap, keep_below=1e9),
    }


def emphasised(style: BoxStyle, ctx: Context) -> BoxStyle:
    """A box about a focus country also gets the emphasis bar."""
    top, right, bottom, left = style.padding
    return replace(
        style, left=Rule(3.0, ctx.styles.palette.emphasis_rule), padding=(top, right, bottom, max(left, 12.0) + 3.0)
    )
