"""After a change, the page where it took effect: the section just ticked, else the first page
whose text differs from the brief shown before (body pages before the cover and contents).

Page texts are read from the QPdfDocument on show, one page per turn of the event loop (QtPdf
holds the interpreter while it reads a page, 10–25 ms), so the window never waits for a whole
document; the texts are kept for the next comparison. Changes that move every page (page size,
notes, language, large print, a watermark) keep the reader's place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtPdf import QPdfDocument

# a change to these reflows or marks every page: the reader's place is kept
GLOBAL_FIELDS = frozenset(
    {"page_size", "notes", "citations", "language", "untranslated", "large_print", "grayscale", "watermark"}
)
_NUMBER = re.compile(r"\d+")


def masked(text: str) -> str:
    """A page's text with its numbers masked and its spacing collapsed: page numbers, note numbers
    and the contents' page references change whenever anything before them does."""
    return _NUMBER.sub("#", " ".join(text.split()))


def first_changed_page(old: Sequence[str | None], new: Sequence[str], body_start: int) -> int | None:
    """The page of `new` to show: the first body page (from `body_start`) that differs from `old`,
    else the first front page that does; None when nothing differs or every page does.
    A page of `old` not read (None) counts as unknown, not as a difference."""
    differing = []
    for page, text in enumerate(new):
        before = old[page] if page < len(old) else ""
        if before is None:
            continue
        if masked(before) != masked(text):
            differing.append(page)
    if not differing:
        differing = [p for p, t in enumerate(new) if p < len(old) and old[p] is not None and old[p] != t]
    if not differing or (len(differing) == len(new) and len(new) > 1):
        return None
    body = [p for p in differing if p >= body_start]
    return body[0] if body else differing[0]


class ChangeFinder(QObject):
    """Reads each preview's page texts in small steps and says where the latest change shows."""

    page_found = Signal(int)  # the page (from 0) where the change just built took effect

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._previous: list[str | None] = []  # the texts of the brief shown before this one
        self._texts: list[str | None] = []  # the texts of the brief on show, as far as read
        self._document: QPdfDocument | None = None
        self._wanted: int | None = None  # the first body page, when a change is to be located once read
        self._next = 0  # the next page to read
        self._step = QTimer(self)  # one page per turn of the event loop; dies with the window
        self._step.setSingleShot(True)
        self._step.setInterval(0)
        self._step.timeout.connect(self._read_page)

    def follow(self, document: QPdfDocument, field: str, ticked_page: int | None, body_start: int) -> None:
        """A new brief is on show after a change made in `field`; `ticked_page`: the page of the
        section the change ticked (found in the outline), if any."""
        self._step.stop()
        self._previous, self._texts = self._texts, [None] * document.pageCount()
        self._document = document
        self._wanted = None
        if ticked_page is not None:
            self.page_found.emit(ticked_page)
        elif field and field not in GLOBAL_FIELDS:
            self._wanted = body_start
        self._next = 0
        self._step.start()

    def forget(self) -> None:
        """The brief on show was replaced by something else (a message, problems): compare nothing."""
        self._step.stop()
        self._previous, self._texts, self._document, self._wanted = [], [], None, None

    @property
    def reading(self) -> bool:
        return any(text is None for text in self._texts)

    def _read_page(self) -> None:
        document, page = self._document, self._next
        if document is None or not shiboken6.isValid(document) or page >= len(self._texts):
            return
        self._texts[page] = document.getAllText(page).text()
        self._next += 1
        if self._next < len(self._texts):
            self._step.start()
            return
        if self._wanted is not None and self._previous:
            body_start, self._wanted = self._wanted, None
            found = first_changed_page(self._previous, [t or "" for t in self._texts], body_start)
            if found is not None:
                self.page_found.emit(found)
