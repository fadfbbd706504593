"""Dialogs sized to the screen they open on: the size they would like, but never larger than the
screen's available area (taskbars and panels left out), and placed inside it.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

SCREEN_MARGIN = 24  # pixels kept free around a dialog, for its frame and title bar


def available_area(widget: QWidget) -> QRect | None:
    """The available geometry of the screen `widget` (or its parent) is on."""
    anchor = widget.parentWidget() or widget
    screen = anchor.screen() if anchor is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def fit_to_screen(widget: QWidget, width: int, height: int, area: QRect | None = None) -> None:
    """Resize `widget` to (width, height) or less, so that it fits `area` (by default its
    screen's available area), and move it inside that area."""
    room = area if area is not None else available_area(widget)
    if room is None or room.isEmpty():
        widget.resize(width, height)
        return
    width = max(widget.minimumWidth(), min(width, room.width() - 2 * SCREEN_MARGIN))
    height = max(widget.minimumHeight(), min(height, room.height() - 2 * SCREEN_MARGIN))
    widget.resize(width, height)
    frame = widget.frameGeometry()
    x = min(max(frame.x(), room.x() + SCREEN_MARGIN), room.right() - width - SCREEN_MARGIN)
    y = min(max(frame.y(), room.y() + SCREEN_MARGIN), room.bottom() - height - SCREEN_MARGIN)
    widget.move(max(room.x(), x), max(room.y(), y))
