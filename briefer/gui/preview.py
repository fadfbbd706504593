"""The preview pane: the real PDF in a QPdfView (zoom, "page n of N"), or a panel of problems.

Shows bytes it is given; it never builds anything itself.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefer.gui.i18n import _

ZOOM_STEP = 1.25
ZOOM_MIN = 0.25
ZOOM_MAX = 4.0


class ProblemsPanel(QWidget):
    """What went wrong and where, in place of the preview, so the window never goes blank."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.details, 1)

    def show_problems(self, title: str, hint: str, lines: list[str]) -> None:
        self.title.setText(title)
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self.details.setPlainText("\n".join(lines))
        self.details.setVisible(bool(lines))


class PreviewPane(QWidget):
    """A QPdfView of the latest brief, with zoom buttons and a page label below it."""

    page_changed = Signal(int, int)  # (current page counting from 1, page count) as the reader scrolls

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document: QPdfDocument | None = None
        self._buffer: QBuffer | None = None  # QPdfDocument reads from it lazily: keep it alive
        self._pdf: bytes = b""

        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setStyleSheet("QPdfView { background: palette(mid); }")
        self.view.pageNavigator().currentPageChanged.connect(self._emit_page)

        self.problems = ProblemsPanel(self)
        self.placeholder = QLabel(_("Building the preview…"), self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)

        self.stack = QStackedWidget(self)
        for widget in (self.placeholder, self.view, self.problems):
            self.stack.addWidget(widget)

        self.page_label = QLabel("", self)
        self.zoom_label = QLabel(_("100%"), self)
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("400%") + 12)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 2, 6, 2)
        bar.addWidget(self.page_label)
        bar.addStretch(1)
        self.zoom_buttons: dict[str, QToolButton] = {}
        for key, text, tip, slot in (
            ("out", "−", _("Zoom out (Ctrl+-)"), self.zoom_out),
            ("fit", _("Fit width"), _("Fit the page width to the window (Ctrl+0)"), self.fit_width),
            ("in", "+", _("Zoom in (Ctrl++)"), self.zoom_in),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.setAutoRaise(True)
            button.clicked.connect(slot)
            self.zoom_buttons[key] = button
        bar.addWidget(self.zoom_buttons["out"])
        bar.addWidget(self.zoom_label)
        bar.addWidget(self.zoom_buttons["in"])
        bar.addWidget(self.zoom_buttons["fit"])

        self._show_zoom(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bar)

    # -- what is shown -------------------------------------------------------------

    def show_pdf(self, pdf: bytes) -> None:
        """Replace the document, keeping the reader's place when the new one is as long."""
        scroll = self.view.verticalScrollBar().value()
        hscroll = self.view.horizontalScrollBar().value()
        buffer = QBuffer()
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document = QPdfDocument(self)
        document.load(buffer)  # a QBuffer is read at once: the document is ready on return
        old_document, old_buffer = self._document, self._buffer
        self._document, self._buffer, self._pdf = document, buffer, pdf
        self.view.setDocument(document)
        self.stack.setCurrentWidget(self.view)
        self._show_zoom(True)
        self.view.verticalScrollBar().setValue(scroll)
        self.view.horizontalScrollBar().setValue(hscroll)
        if old_document is not None:
            old_document.deleteLater()
        if old_buffer is not None:
            old_buffer.close()
        self._emit_page()
        self._update_zoom_label()

    def show_problems(self, title: str, hint: str, lines: list[str]) -> None:
        self.problems.show_problems(title, hint, lines)
        self.stack.setCurrentWidget(self.problems)
        self.page_label.setText("")
        self._show_zoom(False)

    def show_message(self, text: str) -> None:
        self.placeholder.setText(text)
        self.stack.setCurrentWidget(self.placeholder)
        self.page_label.setText("")
        self._show_zoom(False)

    def _show_zoom(self, visible: bool) -> None:
        """Zoom controls only where there is a page to zoom."""
        for widget in (*self.zoom_buttons.values(), self.zoom_label):
            widget.setVisible(visible)

    def showing_pdf(self) -> bool:
        return self.stack.currentWidget() is self.view

    def document(self) -> QPdfDocument | None:
        return self._document

    def pdf(self) -> bytes:
        """The bytes of the document on show (empty before the first build)."""
        return self._pdf

    def page_count(self) -> int:
        return self._document.pageCount() if self._document is not None else 0

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    # -- zoom ----------------------------------------------------------------------------

    def zoom_in(self) -> None:
        self._set_zoom(self._effective_zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._set_zoom(self._effective_zoom() / ZOOM_STEP)

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._update_zoom_label()

    def _set_zoom(self, factor: float) -> None:
        factor = max(ZOOM_MIN, min(ZOOM_MAX, factor))
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(factor)
        self._update_zoom_label()

    def _update_zoom_label(self) -> None:
        fitting = self.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
        self.zoom_label.setText(f"{round(self._effective_zoom() * 100)}%" if self.page_count() else "")
        self.zoom_buttons["fit"].setEnabled(not fitting)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._update_zoom_label()

    def _effective_zoom(self) -> float:
        """The factor on screen, also when fitting the width (where zoomFactor is not updated)."""
        if self.view.zoomMode() != QPdfView.ZoomMode.FitToWidth or self.page_count() == 0:
            return self.view.zoomFactor()
        assert self._document is not None
        page_width = self._document.pagePointSize(0).width() * self.view.logicalDpiX() / 72
        margins = self.view.documentMargins()
        room = self.view.viewport().width() - margins.left() - margins.right()
        return room / page_width if page_width > 0 else 1.0

    def _emit_page(self, *_ignored: object) -> None:
        count = self.page_count()
        if count == 0 or not self.showing_pdf():
            self.page_label.setText("")
            return
        page = min(self.current_page(), count - 1) + 1
        self.page_label.setText(_("Page {page} of {count}").format(page=page, count=count))
        self.page_changed.emit(page, count)
