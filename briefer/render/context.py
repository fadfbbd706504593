"""What every builder of flowables shares: the styles, the box styles, the registry anchors
report to, and how brief text becomes paragraph markup.

Imports ReportLab, the brief model and briefer.render modules (styles, markup, boxes, headings).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from reportlab.platypus import Flowable

from briefer.render.boxes import BoxStyle, Rule
from briefer.render.headings import Anchor, HeadingGroup, PageRegistry
from briefer.render.markup import escape, inline_markup
from briefer.render.paragraph import Paragraph
from briefer.render.styles import Styles
from briefer.tailor.brief import BriefNote, BriefText, Part
from briefer.tailor.wording import Words

# destination names; a part's is prefixed so no report id can collide with these or with notes
NOTES_KEY, SOURCES_KEY = "briefer-notes", "briefer-sources"


def part_key(part: Part) -> str:
    """The PDF destination name of a part's heading."""
    return f"part-{part.id}"


@dataclass(frozen=True, slots=True)
class Context:
    """What every builder needs: the styles, box styles and the registry anchors report to."""

    styles: Styles
    registry: PageRegistry
    boxes: dict[str, BoxStyle]
    notes: frozenset[int]  # the numbers of the brief's notes, the targets markers may link to
    words: Words

    def markup(self, text: BriefText) -> str:
        return inline_markup(text, self.styles.palette.accent, self.notes)

    def text(self, text: BriefText, style_name: str = "body", **kw: object) -> Paragraph:
        """A paragraph of brief text with linked note markers."""
        return Paragraph(self.markup(text), getattr(self.styles, style_name), **kw)

    def plain(self, text: str, style_name: str, **kw: object) -> Paragraph:
        return Paragraph(escape(text), getattr(self.styles, style_name), **kw)

    def caption(self, label: str, caption: BriefText) -> Paragraph | None:
        """ "Table 1: Caption" with the label in bold, or None when there is neither."""
        if not label and not caption:
            return None
        lead = self.words.label.format(label=label) if caption else label
        bold = f"<b>{escape(lead)}</b> " if label else ""
        return Paragraph(bold + self.markup(caption), self.styles.caption)

    def heading(
        self, key: str, title: str, following: Flowable | None, printed: BriefText | None = None
    ) -> HeadingGroup:
        """A part's heading (outline level 0), kept with the start of what follows it."""
        anchor = Anchor(key, title, self.registry)
        shown = self.text(printed, "heading") if printed else self.plain(title, "heading")
        return HeadingGroup([anchor, shown], following)


def new_context(styles: Styles, registry: PageRegistry, notes: tuple[BriefNote, ...], words: Words) -> Context:
    return Context(styles, registry, _box_styles(styles), frozenset(n.number for n in notes), words)


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
