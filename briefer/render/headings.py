"""Headings that stay with what follows them, and the anchors that give each heading a PDF
destination, an outline entry and a recorded page number (for the contents).

Imports ReportLab and the footnote frame's trial placement (footnotes.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.platypus import Flowable, Frame
from reportlab.platypus.doctemplate import ActionFlowable, FrameBreak

from briefer.render.footnotes import trial_cursor


@dataclass
class PageRegistry:
    """Where each anchored heading landed, filled in while the document is laid out."""

    pages: dict[str, int] = field(default_factory=dict)
    outline_level: int = -1  # the level of the last outline entry: a new one may go one deeper


class Anchor(Flowable):
    """A zero-size mark before a heading: PDF destination, outline entry, page record.

    `level` is the heading's depth: 0 for a part (a section, the key messages, the sources),
    1 for a sub-heading of level 3, 2 for one of level 4.
    """

    _ZEROSIZE = True
    _SPACETRANSFER = True  # invisible to spacing: the heading's space collapses as if it were alone

    def __init__(self, key: str, title: str, registry: PageRegistry, *, outline: bool = True, level: int = 0) -> None:
        super().__init__()
        self.key = key
        self.title = title
        self.registry = registry
        self.outline = outline
        self.level = level

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0.0, 0.0

    def draw(self) -> None:
        canv = self.canv
        canv.bookmarkHorizontal(self.key, 0, 0)
        if self.outline:
            # an outline may not skip a level: a level-4 heading straight under a section sits at level 1
            level = min(self.level, self.registry.outline_level + 1)
            canv.addOutlineEntry(self.title, self.key, level=level)
            self.registry.outline_level = level
        self.registry.pages[self.key] = canv.getPageNumber()


class HeadingGroup(Flowable):
    """Headings (and their anchors) kept with the start of what follows them.

    ReportLab's keepWithNext moves a heading and the whole next paragraph to a new page when
    the paragraph does not fit entirely; this group only asks that the next flowable can
    begin under the headings, and asks the frame itself, so the room for notes counts too.
    `heads` are anchors and heading paragraphs in order: a section title and the sub-heading
    right under it travel together.
    """

    def __init__(self, heads: list[Flowable], following: Flowable | None) -> None:
        super().__init__()
        self.heads = heads
        self.following = following

    def child_flowables(self) -> list[Flowable]:
        return [*self.heads, *([self.following] if self.following is not None else [])]

    @property
    def _visible(self) -> list[Flowable]:
        return [h for h in self.heads if not isinstance(h, Anchor)]

    def getSpaceBefore(self) -> float:  # noqa: N802
        visible = self._visible
        first = visible[0] if visible else self.following
        return first.getSpaceBefore() if first is not None else 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        # always too tall, so the frame calls split, where the decision is made
        return availWidth, 1e9

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        frame = getattr(self, "_frame", None)
        parts = self.child_flowables()
        if frame is None or frame._atTop or self._fits(frame, availWidth, availHeight):
            return parts
        return [FrameBreak(), *parts]

    def _fits(self, frame: Frame, width: float, height: float) -> bool:
        visible = self._visible
        taken = 0.0
        previous: Flowable | None = None
        for head in visible:
            if previous is not None:
                taken += max(previous.getSpaceAfter(), head.getSpaceBefore())
            taken += head.wrap(width, height)[1]
            previous = head
        if taken > height:
            return False
        if previous is not None:
            space_above = previous.getSpaceAfter()
            taken += space_above
        else:
            # the frame has already set aside the following flowable's space before
            space_above = self.following.getSpaceBefore() if self.following is not None else 0.0
        if self.following is None:
            return True
        return can_start_at(frame, self.following, self.canv, frame._y1p + height - taken, space_above)


def can_start_at(frame: Frame, flowable: Flowable, canv: object, y: float, space_above: float) -> bool:
    """Whether the frame could place at least part of `flowable` with its cursor at `y`.

    Runs the frame's own split on a moved cursor (a NoteFrame's split counts the notes).
    """
    with trial_cursor(frame, y, space_above):
        flowable.wrapOn(canv, frame._getAvailableWidth(), max(y - frame._y1p, 0.0))
        parts = frame.split(flowable, canv)
    return bool(parts) and not isinstance(parts[0], ActionFlowable)
