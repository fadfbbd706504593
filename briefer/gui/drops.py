"""Files dropped on the window: a recipe (.yaml, .yml) or a briefer PDF is opened, wherever it
lands (on a text field it is opened, not typed in as a path). Other drops go on as before.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, Signal
from PySide6.QtGui import QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

OPENED_SUFFIXES = (".yaml", ".yml", ".pdf")


def dropped_files(mime: QMimeData | None) -> list[Path]:
    """The local recipe and PDF files a drag carries (empty when it carries anything else)."""
    if mime is None or not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [p for p in paths if p.suffix.lower() in OPENED_SUFFIXES]


class FileDrops(QObject):
    """Catches file drags on the widgets it watches before they do (an event filter)."""

    files_dropped = Signal(list)  # the recipe or PDF paths dropped (list of Path)

    def watch(self, window: QWidget) -> None:
        """Watch the window and every widget in it that takes drops of its own."""
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        for widget in window.findChildren(QWidget):
            if widget.acceptDrops():
                widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        # a QDragEnterEvent is a QDragMoveEvent
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(event, QDragMoveEvent):
            if dropped_files(event.mimeData()):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            files = dropped_files(event.mimeData())
            if files:
                event.acceptProposedAction()
                self.files_dropped.emit(files)
                return True
        return super().eventFilter(watched, event)
