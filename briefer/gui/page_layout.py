"""Where QPdfView puts each page of a multi-page document, as plain arithmetic.

QPdfView keeps its page geometry private and updates its "current page" only when the viewport
moves, so after a zoom its page number can be stale. This module repeats its layout rule
(pages stacked top to bottom, centred, `spacing` apart inside `margins`, sizes rounded as Qt
rounds them), so the preview can say which page is on show at any zoom, keep the point at the
centre of the view where it was when zooming, and scroll to a place on a page.
No Qt: sizes in points and pixels as plain numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum


class Fit(Enum):
    CUSTOM = "custom"  # the zoom factor as given
    WIDTH = "width"  # the widest page fills the viewport's width
    PAGE = "page"  # each page fits inside the viewport


@dataclass(frozen=True, slots=True)
class Rect:
    x: int
    y: int
    width: int
    height: int

    @property
    def bottom(self) -> int:
        return self.y + self.height


@dataclass(frozen=True, slots=True)
class View:
    """What decides the layout: the pages' sizes in points, the zoom, and the viewport in pixels."""

    page_sizes: tuple[tuple[float, float], ...]
    fit: Fit
    zoom: float  # pixels per point at 72 dpi, before the screen's resolution (QPdfView's zoomFactor)
    resolution: float  # the screen's logical dpi / 72
    viewport: tuple[int, int]  # width, height
    margins: tuple[int, int, int, int] = (6, 6, 6, 6)  # left, top, right, bottom
    spacing: int = 3


def _qt_round(value: float) -> int:
    """qRound: halves away from zero."""
    return math.floor(value + 0.5) if value >= 0 else -math.floor(-value + 0.5)


def _page_size(view: View, width_pt: float, height_pt: float) -> tuple[int, int]:
    left, _top, right, _bottom = view.margins
    base = (_qt_round(width_pt * view.resolution), _qt_round(height_pt * view.resolution))
    if view.fit is Fit.CUSTOM:
        scale = view.resolution * view.zoom
        return _qt_round(width_pt * scale), _qt_round(height_pt * scale)
    if view.fit is Fit.WIDTH:
        factor = (view.viewport[0] - left - right) / base[0] if base[0] else 1.0
        return _qt_round(base[0] * factor), _qt_round(base[1] * factor)
    room_w, room_h = view.viewport[0] - left - right, view.viewport[1] - view.spacing
    if not base[0] or not base[1]:
        return base
    # QSize::scaled(room, Qt::KeepAspectRatio), in its integer arithmetic
    width_for_height = room_h * base[0] // base[1]
    if width_for_height <= room_w:
        return width_for_height, room_h
    return room_w, room_w * base[1] // base[0]


def page_rects(view: View) -> tuple[Rect, ...]:
    """Each page's rectangle in document pixels (the scroll bars' coordinates)."""
    sizes = [_page_size(view, w, h) for w, h in view.page_sizes]
    left, top, right, _bottom = view.margins
    total_width = max((w for w, _h in sizes), default=0) + left + right
    rects = []
    y = top
    for width, height in sizes:
        x = (max(total_width, view.viewport[0]) - width) // 2
        rects.append(Rect(x, y, width, height))
        y += height + view.spacing
    return tuple(rects)


def scale_of(view: View, page: int) -> float:
    """Pixels per point on `page` (what its rectangle's width divided by its width in points gives)."""
    rect = page_rects(view)[page]
    width_pt = view.page_sizes[page][0]
    return rect.width / width_pt if width_pt else 1.0


def page_at(rects: tuple[Rect, ...], y: float) -> int:
    """The page at document height `y`: the one it falls on, else the nearest (a gap goes to the page below)."""
    for index, rect in enumerate(rects):
        if y < rect.bottom:
            return index
    return max(0, len(rects) - 1)


def current_page(view: View, scroll_y: int) -> int:
    """The page on show: the one under a line 40% down the viewport, as QPdfView decides it."""
    rects = page_rects(view)
    if not rects:
        return 0
    return page_at(rects, scroll_y + view.viewport[1] * 0.4)


@dataclass(frozen=True, slots=True)
class Anchor:
    """A point on a page, in points from the page's top-left corner."""

    page: int
    x: float
    y: float


def anchor_at(view: View, doc_x: float, doc_y: float) -> Anchor:
    """The point on a page under document pixel (doc_x, doc_y)."""
    rects = page_rects(view)
    page = page_at(rects, doc_y)
    rect = rects[page]
    scale = scale_of(view, page)
    return Anchor(page, (doc_x - rect.x) / scale, (doc_y - rect.y) / scale)


def position_of(view: View, anchor: Anchor) -> tuple[float, float]:
    """Document pixels of a point on a page."""
    rects = page_rects(view)
    page = min(anchor.page, len(rects) - 1)
    rect = rects[page]
    scale = scale_of(view, page)
    return rect.x + anchor.x * scale, rect.y + anchor.y * scale


def scroll_to_centre(view: View, anchor: Anchor) -> tuple[int, int]:
    """Scroll values that put `anchor` at the centre of the viewport (clamped by the scroll bars later)."""
    x, y = position_of(view, anchor)
    return _qt_round(x - view.viewport[0] / 2), _qt_round(y - view.viewport[1] / 2)
