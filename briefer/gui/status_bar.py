"""The window's status bar: messages and labels that are elided (never cut off) with the whole
text in a tooltip, and a warning colour chosen from the palette in use for 4.5:1 contrast.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QLabel, QStatusBar, QStyle, QStyleOption, QWidget

from briefer.gui.contrast import RGB, readable

MIN_LABEL_WIDTH = 60  # a label may shrink to this; its text is elided and whole in its tooltip


def _rgb(colour: QColor) -> RGB:
    return colour.red(), colour.green(), colour.blue()


def readable_colour(palette: QPalette, candidates: tuple[RGB, ...]) -> QColor:
    """A text colour from `candidates` with 4.5:1 on the palette's window colour (else its text colour)."""
    background = _rgb(palette.color(QPalette.ColorRole.Window))
    fallback = _rgb(palette.color(QPalette.ColorRole.WindowText))
    return QColor(*readable(candidates, background, fallback))


class ElidedLabel(QLabel):
    """A one-line label that shrinks: what does not fit ends in '…', the whole text is its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        self._full = text
        self.setToolTip(text)
        self.setAccessibleName(text)
        self._elide()
        self.updateGeometry()

    def full_text(self) -> str:
        return self._full

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(self._full) + margins.left() + margins.right() + 2
        return QSize(width, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(min(MIN_LABEL_WIDTH, self.sizeHint().width()), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = self.contentsRect().width()
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(0, room))
        super().setText(shown)


class StatusBar(QStatusBar):
    """Shows a passing message elided to the room left by the permanent labels, whole in the tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.messageChanged.connect(self._message_changed)

    def _message_changed(self, text: str) -> None:
        self.setToolTip(text)
        self.update()

    def message_room(self) -> int:
        """The width the passing message may take: up to the first permanent label shown."""
        lefts = [w.x() for w in self.findChildren(QWidget) if w.parent() is self and w.isVisible() and w.x() > 0]
        right = min([x for x in lefts if x > self.width() // 3], default=self.width())
        return max(0, right - 8)

    def shown_message(self) -> str:
        """The passing message as drawn: elided to fit."""
        return self.fontMetrics().elidedText(self.currentMessage(), Qt.TextElideMode.ElideRight, self.message_room())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        message = self.currentMessage()
        if not message:
            super().paintEvent(event)
            return
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, option, painter, self)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        rect = self.rect().adjusted(6, 0, 0, 0)
        rect.setWidth(self.message_room() - 6)
        flags = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine
        painter.drawText(rect, int(flags), self.shown_message())
