"""The find bar under the preview: QtPdf's QPdfSearchModel finds, QPdfView highlights the hits.

The model searches one page per call, synchronously; this bar asks for one page per turn of the
event loop (in page order), so the window never waits for a whole document and the hits are
numbered in reading order. Enter or F3 goes to the next hit, Shift+Enter or Shift+F3 to the
previous one, Esc closes the bar. Knows the view and its document; never builds anything.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtPdf import QPdfDocument, QPdfSearchModel
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from briefer.gui.i18n import _
from briefer.gui.tool_button import tool_button

TYPING_PAUSE_MS = 250


class FindBar(QWidget):
    hit_changed = Signal(int, QRectF)  # the page (from 0) and the rectangle (in points) of the hit now framed
    closed = Signal()  # the bar was closed (Esc or its button); focus should go back to the preview

    def __init__(self, view: QPdfView, current_page: Callable[[], int], parent: QWidget | None = None) -> None:
        """`current_page`: the page on show (from 0), where the first move starts from."""
        super().__init__(parent)
        self.view = view
        self._current_page = current_page
        self.model = QPdfSearchModel(self)
        self._document: QPdfDocument | None = None
        self._searched = 0  # pages searched so far, from the first
        self._index = -1  # the hit framed, counting from 0 in reading order; -1: none yet
        self._wanted = 0  # +1 or -1: a move asked for before the pages it needs were searched
        self._step = QTimer(self)  # one page per turn of the event loop; dies with the bar
        self._step.setSingleShot(True)
        self._step.setInterval(0)
        self._step.timeout.connect(self._search_page)
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(_("Find in the brief"))
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName(_("Find in the brief"))
        self.field.setAccessibleDescription(_("Enter or F3: next; Shift+Enter or Shift+F3: previous; Esc: close"))
        self.field.installEventFilter(self)
        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.setInterval(TYPING_PAUSE_MS)
        self.pause.timeout.connect(self.restart)
        self.field.textChanged.connect(self.pause.start)
        self.previous_button = self._button("↑", _("Previous (Shift+F3)"), self.find_previous)
        self.next_button = self._button("↓", _("Next (F3)"), self.find_next)
        self.count = QLabel(self)
        self.count.setMinimumWidth(self.count.fontMetrics().horizontalAdvance("888 of 888 …") + 8)
        self.close_button = self._button("✕", _("Close the find bar (Esc)"), self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(QLabel(_("Find:"), self))
        layout.addWidget(self.field, 1)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.count)
        layout.addWidget(self.close_button)
        self.hide()

    def _button(self, text: str, tip: str, slot: Callable[[], object]) -> QToolButton:
        return tool_button(self, text, tip, slot, name=tip)

    # -- opening and closing -------------------------------------------------------------

    def open_bar(self) -> None:
        self.show()
        self.view.setSearchModel(self.model)
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def close_bar(self) -> None:
        self.pause.stop()
        self.view.setSearchModel(None)  # type: ignore[arg-type]  # no highlights while the bar is closed
        self.view.setCurrentSearchResultIndex(-1)
        self.hide()
        self.closed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            key = event if isinstance(event, QKeyEvent) else None
            if key is not None and key.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                back = bool(key.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self.find_previous() if back else self.find_next()
                return True
            if key is not None and key.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)

    # -- searching -------------------------------------------------------------------------

    def set_document(self, document: QPdfDocument) -> None:
        """A new document on show: search it again (the old hits mean nothing in it)."""
        self._document = document
        self.model.setDocument(document)
        self.restart()

    def restart(self) -> None:
        """Search from the first page for the text in the field."""
        self.pause.stop()
        self._step.stop()
        self._searched = 0
        self._index = -1
        self.model.setSearchString(self.field.text())
        self.view.setCurrentSearchResultIndex(-1)
        self._show_count()
        if self.field.text() and self._document is not None:
            self._step.start()

    @property
    def complete(self) -> bool:
        return self._document is None or self._searched >= self._document.pageCount()

    def hits(self) -> int:
        """Hits found so far (all of them once `complete`)."""
        return self.model.rowCount(QModelIndex())

    def _search_page(self) -> None:
        if self._document is None or not shiboken6.isValid(self._document) or self.complete:
            return
        self.model.resultsOnPage(self._searched)  # searches that page now, if not yet searched
        self._searched += 1
        if self._wanted:
            self._move(self._wanted)
        self._show_count()
        if not self.complete:
            self._step.start()

    # -- moving between hits -----------------------------------------------------------

    def find_next(self) -> None:
        self._ask(+1)

    def find_previous(self) -> None:
        self._ask(-1)

    def _ask(self, step: int) -> None:
        if self.isHidden():
            self.open_bar()
        if self.pause.isActive():
            self.restart()  # typed, then Enter at once: search what was typed
        if not self.field.text():
            return
        self._wanted = step
        self._move(step)
        self._show_count()

    def _move(self, step: int) -> None:
        """Frame the next (+1) or previous (-1) hit when the pages searched so far decide it."""
        target = self._target(step)
        if target is None:
            return  # not decided yet: the next page searched asks again
        self._wanted = 0
        if target < 0:
            return  # nothing found
        self._index = target
        self.view.setCurrentSearchResultIndex(target)
        link = self.model.resultAtIndex(target)
        rects = link.rectangles()
        self.hit_changed.emit(link.page(), rects[0] if rects else QRectF(link.location(), link.location()))

    def _target(self, step: int) -> int | None:
        """The hit to frame; -1 for none at all; None while the answer depends on pages not yet searched."""
        total = self.hits()
        if self._index >= 0:
            wanted = self._index + step
            if 0 <= wanted < total:
                return wanted
            if not self.complete:
                return None
            return (wanted % total) if total else -1
        # the first move goes from the page on show
        here = self._current_page()
        pages = [self.model.resultAtIndex(i).page() for i in range(total)]
        if step > 0:
            later = [i for i, page in enumerate(pages) if page >= here]
            if later:
                return later[0]
        elif self._searched > here:
            earlier = [i for i, page in enumerate(pages) if page <= here]
            if earlier:
                return earlier[-1]
        if not self.complete:
            return None
        if not total:
            return -1
        return 0 if step > 0 else total - 1

    def _show_count(self) -> None:
        total = self.hits()
        if not self.field.text():
            text = ""
        elif self.complete and not total:
            text = _("Not found")
        elif self._index >= 0:
            text = _("{n} of {total}").format(n=self._index + 1, total=total)
        else:
            text = _("{total} found").format(total=total)
        if text and not self.complete:
            text += " …"
        self.count.setText(text)
        self.count.setAccessibleName(text)
        self.next_button.setEnabled(bool(self.field.text()))
        self.previous_button.setEnabled(bool(self.field.text()))
