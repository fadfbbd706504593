"""A box around flowables (tint, rules, padding) that splits across pages line by line.

Imports ReportLab only. Sidebars, key messages, country boxes, pull quotes and emphasised
passages are all Boxes with different BoxStyles.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable, Paragraph

from briefer.render.flowtags import tags

_HUGE = 1e9
_TALL_TITLES = 144.0  # points: ten lines of a box title


@dataclass(frozen=True, slots=True)
class Rule:
    width: float
    colour: Color


@dataclass(frozen=True, slots=True)
class BoxStyle:
    background: Color | None = None
    left: Rule | None = None  # a bar down the left edge, inside the padding
    top: Rule | None = None  # drawn on the first part only when the box splits
    bottom: Rule | None = None  # drawn on the last part only
    padding: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # top, right, bottom, left
    space_before: float = 0.0
    space_after: float = 0.0
    keep_below: float = 0.0  # a box shorter than this moves to the next page whole rather than split


class Box(Flowable):
    """Flowables in a box. When it must split, it splits the child that crosses the page end,
    so a long sidebar continues on the next page with the rest of its text."""

    def __init__(
        self,
        content: Sequence[Flowable],
        style: BoxStyle,
        *,
        continuation: Callable[[], list[Flowable]] | None = None,
        opens: bool = True,
        closes: bool = True,
    ) -> None:
        super().__init__()
        self.content = list(content)
        self.box_style = style
        self.continuation = continuation  # makes the heading of a continued part, e.g. "Title (continued)"
        self.opens = opens
        self.closes = closes
        # a split part that starts or ends at a page edge needs no outer space there
        self.spaceBefore = style.space_before if opens else 0.0
        self.spaceAfter = style.space_after if closes else 0.0
        self._sizes: list[float] = []
        self._wrapped_width: float | None = None

    def child_flowables(self) -> list[Flowable]:
        return self.content

    # --- measuring ------------------------------------------------------------------

    def _inner_width(self, width: float) -> float:
        _, right, _, left = self.box_style.padding
        return width - left - right

    def _wrap_child(self, child: Flowable, width: float) -> float:
        # a child's height depends on the width alone, and a box is measured many times while
        # the frame looks for the best split, so each child remembers its height
        cached = tags(child).box_size
        if cached is not None and cached[0] == width:
            return cached[1]
        canv = getattr(self, "canv", None)
        height = child.wrapOn(canv, width, _HUGE)[1] if canv is not None else child.wrap(width, _HUGE)[1]
        tags(child).box_size = (width, height)
        return height

    def _pad_vertical(self) -> float:
        top, _, bottom, _ = self.box_style.padding
        return (top if self.opens else top * 0.5) + (bottom if self.closes else bottom * 0.5)

    @staticmethod
    def _gap(before: Flowable | None, child: Flowable) -> float:
        if before is None:
            return 0.0
        return max(before.getSpaceAfter(), child.getSpaceBefore())

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if self._wrapped_width != availWidth:
            inner = self._inner_width(availWidth)
            self._sizes = [self._wrap_child(c, inner) for c in self.content]
            self._wrapped_width = availWidth
        total = self._pad_vertical()
        previous = None
        for child, height in zip(self.content, self._sizes, strict=True):
            total += self._gap(previous, child) + height
            previous = child
        self.width, self.height = availWidth, total
        return self.width, self.height

    # --- splitting ------------------------------------------------------------------

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        self.wrap(availWidth, availHeight)
        if self.height <= availHeight:
            return [self]
        if self.height < self.box_style.keep_below:
            return []
        inner = self._inner_width(availWidth)
        top, _, _, _ = self.box_style.padding
        room = availHeight - (top if self.opens else top * 0.5) - self.box_style.padding[2] * 0.5
        first: list[Flowable] = []
        rest: list[Flowable] = []
        used = 0.0
        previous = None
        for index, (child, height) in enumerate(zip(self.content, self._sizes, strict=True)):
            gap = self._gap(previous, child)
            if used + gap + height <= room:
                first.append(child)
                used += gap + height
                previous = child
                continue
            left = room - used - gap
            parts = child.split(inner, left) if left > 0 else []
            if len(parts) >= 2:
                first.append(parts[0])
                rest = list(parts[1:])
            else:
                rest = [child]
            rest += self.content[index + 1 :]
            break
        if not rest:
            # everything fits once the bottom padding is halved, as for a part that continues
            return [Box(first, self.box_style, continuation=self.continuation, opens=self.opens, closes=False)]
        keep = len(first)
        while keep and tags(first[keep - 1]).box_heading:
            keep -= 1
        if keep and not _only_headings(first[:keep]):
            # a sub-heading ("Facts") goes over with what it heads
            first, rest = first[:keep], first[keep:] + rest
        # a part of titles alone waits for the next page, unless the titles are taller than any
        # title should be and fill most of this page: they would fill the next one as well
        if not first or (_only_headings(first) and used < max(room / 2, _TALL_TITLES)):
            return []
        head = self.continuation() if self.continuation else []
        return [
            Box(first, self.box_style, continuation=self.continuation, opens=self.opens, closes=False),
            Box(head + rest, self.box_style, continuation=self.continuation, opens=False, closes=self.closes),
        ]

    # --- drawing --------------------------------------------------------------------

    def draw(self) -> None:
        canv = self.canv
        style = self.box_style
        top, _, _, left = style.padding
        width, height = self.width, self.height
        canv.saveState()
        if style.background is not None:
            canv.setFillColor(style.background)
            canv.rect(0, 0, width, height, stroke=0, fill=1)
        if style.left is not None:
            canv.setFillColor(style.left.colour)
            canv.rect(0, 0, style.left.width, height, stroke=0, fill=1)
        for rule, y, shown in ((style.top, height, self.opens), (style.bottom, 0.0, self.closes)):
            if rule is not None and shown:
                canv.setStrokeColor(rule.colour)
                canv.setLineWidth(rule.width)
                canv.line(0, y, width, y)
        canv.restoreState()
        if self._wrapped_width != width:
            self.wrap(width, height)
        y = height - (top if self.opens else top * 0.5)
        previous = None
        inner = self._inner_width(width)
        for child, child_height in zip(self.content, self._sizes, strict=True):
            y -= self._gap(previous, child) + child_height
            if isinstance(child, Paragraph) and not hasattr(child, "blPara"):
                child.wrap(inner, _HUGE)  # a failed trial split drops a paragraph's lines
            x = left
            if getattr(child, "hAlign", "LEFT") == "CENTER":  # an image narrower than the box
                x += max(inner - child.wrap(inner, _HUGE)[0], 0.0) / 2
            child.drawOn(canv, x, y)
            previous = child


def mark_box_heading(flowable: Flowable) -> Flowable:
    """Flag a box's title: a part of a split box may not consist of titles alone."""
    tags(flowable).box_heading = True
    return flowable


def _only_headings(flowables: list[Flowable]) -> bool:
    return all(tags(f).box_heading for f in flowables)
