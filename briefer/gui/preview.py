"""The preview pane: the real PDF in a QPdfView with its page number, zoom, find bar and side
panel (outline and pages), a banner when it shows the last good brief, or a panel of problems.

Zoom is always QPdfView's custom factor (fit width and fit page compute it), so highlights and
page numbers stay true at every zoom; page_layout.py says where each page is. Shows bytes it is
given; it never builds anything itself.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefer.gui import page_layout as layout
from briefer.gui.i18n import _
from briefer.gui.preview_find import FindBar
from briefer.gui.preview_problems import ProblemsPanel
from briefer.gui.preview_side import SidePanel
from briefer.gui.tool_button import tool_button

ZOOM_STEP = 1.25
ZOOM_MIN = 0.25
ZOOM_MAX = 4.0
FOCUS_STYLE = "QPdfView { border: 2px solid transparent; } QPdfView:focus { border: 2px solid palette(highlight); }"


class PreviewPane(QWidget):
    """A QPdfView of the latest brief, with a page number, zoom controls, find bar and side panel."""

    page_changed = Signal(int, int)  # (current page counting from 1, page count) as the reader scrolls or zooms

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document: QPdfDocument | None = None
        self._buffer: QBuffer | None = None  # QPdfDocument reads from it lazily: keep it alive
        self._retired: tuple[QPdfDocument, QBuffer] | None = None  # the document shown before
        self._pdf: bytes = b""
        self._sizes: tuple[tuple[float, float], ...] = ()
        self.fit = layout.Fit.WIDTH  # WIDTH and PAGE follow the view's size; CUSTOM keeps the factor
        self._asked: tuple[int, int] | None = None  # (page, scroll value) of the last "go to page"
        screen = QGuiApplication.primaryScreen()
        self._resolution = screen.logicalDotsPerInch() / 72 if screen else 96 / 72  # as QPdfView takes it

        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setPageSpacing(12)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # fit width stays put
        self.view.setStyleSheet(FOCUS_STYLE)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view.setAccessibleName(_("Preview of the brief"))
        self.view.setAccessibleDescription(_("The brief as it will print; arrow and Page keys scroll"))
        self.view.verticalScrollBar().valueChanged.connect(self._update_page)
        self.view.pageNavigator().currentPageChanged.connect(self._update_page)
        self.view.viewport().installEventFilter(self)

        self.side = SidePanel(self)
        self.side.page_chosen.connect(self.go_to_page)
        self.find_bar = FindBar(self.view, self.current_page, self)
        self.find_bar.hit_changed.connect(self._show_hit)
        self.find_bar.closed.connect(self._find_closed)
        self.doc_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.doc_splitter.addWidget(self.side)
        self.doc_splitter.addWidget(self.view)
        self.doc_splitter.setStretchFactor(1, 1)
        self.doc_splitter.setChildrenCollapsible(False)
        self.doc_splitter.setSizes([150, 600])
        self.side.hide()

        document_page = self._document_page()

        self.problems = ProblemsPanel(self)
        self.problems.back_requested.connect(self._show_document_page)
        self.placeholder = QLabel(_("Building the preview…"), self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.document_page = document_page
        self.stack = QStackedWidget(self)
        for widget in (self.placeholder, document_page, self.problems):
            self.stack.addWidget(widget)
        self.stack.currentChanged.connect(self._show_controls)

        main = QVBoxLayout(self)
        main.setContentsMargins(0, 0, 0, 0)
        main.setSpacing(0)
        main.addWidget(self.stack, 1)
        main.addWidget(self.find_bar)
        main.addLayout(self._bottom_bar())
        self._show_controls()

    def _document_page(self) -> QWidget:
        """The pages (with the side panel) under a banner saying when they are built from the last good content."""
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.show_errors = QPushButton(_("Show the errors"), self)
        self.show_errors.setToolTip(_("What is wrong with the content, file by file and line by line"))
        self.show_errors.clicked.connect(self._show_problems_panel)
        banner_row = QHBoxLayout()
        banner_row.setContentsMargins(8, 4, 8, 4)
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.show_errors)
        self.set_banner("")
        document_page = QWidget(self)
        column = QVBoxLayout(document_page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addLayout(banner_row)
        column.addWidget(self.doc_splitter, 1)
        return document_page

    def _bottom_bar(self) -> QHBoxLayout:
        self.page_box = QSpinBox(self)
        self.page_box.setPrefix(_("Page "))
        self.page_box.setKeyboardTracking(False)
        self.page_box.setAccessibleName(_("Page number"))
        self.page_box.setToolTip(_("The page on show; type a number and press Enter to go there (Ctrl+G)"))
        self.page_box.valueChanged.connect(self._page_typed)
        self.page_box.lineEdit().setAccessibleName(_("Page number"))
        self.page_box.lineEdit().setAccessibleDescription(_("Type a page number and press Enter to go there"))
        self.page_box.setAccessibleDescription(_("Type a page number and press Enter to go there"))
        self.zoom_label = QLabel(_("100%"), self)
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("400%") + 12)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 2, 6, 2)
        bar.addWidget(self.page_box)
        bar.addStretch(1)
        self.zoom_buttons: dict[str, QToolButton] = {}
        for key, text, tip, slot in (
            ("out", "−", _("Zoom out (Ctrl+-)"), self.zoom_out),
            ("in", "+", _("Zoom in (Ctrl++)"), self.zoom_in),
            ("fit", _("Fit width"), _("Fit the page width to the window (Ctrl+0)"), self.fit_width),
            ("page", _("Fit page"), _("Show a whole page (Ctrl+9)"), self.fit_page),
        ):
            self.zoom_buttons[key] = tool_button(self, text, tip, slot, name=tip)
        bar.addWidget(self.zoom_buttons["out"])
        bar.addWidget(self.zoom_label)
        bar.addWidget(self.zoom_buttons["in"])
        bar.addWidget(self.zoom_buttons["fit"])
        bar.addWidget(self.zoom_buttons["page"])
        return bar

    # -- what is shown -------------------------------------------------------------

    def show_pdf(self, pdf: bytes, *, one_size: bool = False) -> None:
        """Replace the document, keeping the reader's place when the new one is as long.

        `one_size`: every page has the first page's size (a brief is all one paper), so only the
        first is measured: QtPdf loads a page to measure it, ~0.5 ms each on the UI thread."""
        scroll = self.view.verticalScrollBar().value()
        hscroll = self.view.horizontalScrollBar().value()
        buffer = QBuffer()
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document = QPdfDocument(self)
        document.load(buffer)  # a QBuffer is read at once: the document is ready on return
        old_document, old_buffer = self._document, self._buffer
        self._document, self._buffer, self._pdf = document, buffer, pdf
        count = document.pageCount()
        measured = range(1 if one_size and count else count)
        self._sizes = tuple((size.width(), size.height()) for size in map(document.pagePointSize, measured))
        if one_size and count:
            self._sizes *= count
        self.view.setDocument(document)
        self.side.set_document(document)
        self.find_bar.set_document(document)
        self.stack.setCurrentWidget(self.document_page)
        self._apply_fit()
        self.view.verticalScrollBar().setValue(scroll)
        self.view.horizontalScrollBar().setValue(hscroll)
        # the document replaced lives on until the next replacement: the change finder may still
        # be reading its pages when a preview of the first pages replaces it for a moment
        if self._retired is not None:
            self._retired[0].deleteLater()
            self._retired[1].close()
        self._retired = (old_document, old_buffer) if old_document is not None and old_buffer is not None else None
        self.page_box.setSuffix(_(" of {count}").format(count=document.pageCount()))
        self._update_page()

    def show_problems(self, title: str, hint: str, lines: list[str], *, last_good: bool = False) -> None:
        """The problems in place of the preview; `last_good`: a brief built before them can be shown again."""
        self.problems.show_problems(title, hint, lines)
        self.problems.back.setVisible(last_good and self._document is not None)
        self.stack.setCurrentWidget(self.problems)

    def show_message(self, text: str) -> None:
        self.placeholder.setText(text)
        self.stack.setCurrentWidget(self.placeholder)

    def set_banner(self, text: str) -> None:
        """A line above the pages saying what they are built from ('' hides it)."""
        self.banner.setText(text)
        self.banner.setToolTip(text)
        self.banner.setVisible(bool(text))
        self.show_errors.setVisible(bool(text))

    def _show_problems_panel(self) -> None:
        self.stack.setCurrentWidget(self.problems)

    def _show_document_page(self) -> None:
        self.stack.setCurrentWidget(self.document_page)

    def _find_closed(self) -> None:
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_controls(self, *_index: int) -> None:
        """Page number and zoom controls only where there is a page to show."""
        showing = self.showing_pdf()
        for widget in (*self.zoom_buttons.values(), self.zoom_label, self.page_box):
            widget.setVisible(showing)
        if not showing and self.find_bar.isVisible():
            self.find_bar.close_bar()

    def showing_pdf(self) -> bool:
        return self.stack.currentWidget() is self.document_page and self._document is not None

    def document(self) -> QPdfDocument | None:
        return self._document

    def pdf(self) -> bytes:
        """The bytes of the document on show (empty before the first build)."""
        return self._pdf

    def page_count(self) -> int:
        return self._document.pageCount() if self._document is not None else 0

    # -- where we are ----------------------------------------------------------------

    def _layout(self) -> layout.View:
        margins = self.view.documentMargins()
        viewport = self.view.viewport()
        return layout.View(
            page_sizes=self._sizes,
            fit=layout.Fit.CUSTOM,
            zoom=self.view.zoomFactor(),
            resolution=self._resolution,
            viewport=(viewport.width(), viewport.height()),
            margins=(margins.left(), margins.top(), margins.right(), margins.bottom()),
            spacing=self.view.pageSpacing(),
        )

    def current_page(self) -> int:
        """The page on show, from 0: the one asked for while the view stays where it went, else
        the one under a line 40% down the view (QPdfView's rule, kept true after a zoom)."""
        if not self._sizes:
            return 0
        scroll = self.view.verticalScrollBar().value()
        if self._asked is not None and self._asked[1] == scroll:
            return self._asked[0]
        return layout.current_page(self._layout(), scroll)

    def page_text(self) -> str:
        """'Page 3 of 13', as the page box shows it ('' with no document on show)."""
        return self.page_box.text() if self.showing_pdf() else ""

    def _update_page(self, *_ignored: object) -> None:
        count = self.page_count()
        if count == 0:
            return
        page = min(self.current_page(), count - 1) + 1
        self.page_box.blockSignals(True)
        self.page_box.setRange(1, count)
        self.page_box.setValue(page)
        self.page_box.blockSignals(False)
        self.side.show_current(page - 1)
        self.page_changed.emit(page, count)

    def _page_typed(self, value: int) -> None:
        self.go_to_page(value - 1)

    def go_to_page(self, page: int, y_points: float = 0.0) -> None:
        """Show `page` (from 0) from its top, or with the height `y_points` on it a fifth of the way down."""
        if not self._sizes:
            return
        page = max(0, min(page, len(self._sizes) - 1))
        view = self._layout()
        rect = layout.page_rects(view)[page]
        value = rect.y + y_points * layout.scale_of(view, page) - view.viewport[1] * 0.2 if y_points else rect.y
        bar = self.view.verticalScrollBar()
        bar.setValue(round(value))
        self._asked = (page, bar.value())  # the last pages cannot scroll to the top: still the page asked for
        self._update_page()

    def focus_page_box(self) -> None:
        self.page_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.page_box.selectAll()

    def _show_hit(self, page: int, rect: QRectF) -> None:
        self.go_to_page(page, max(1.0, rect.top()))

    # -- zoom ----------------------------------------------------------------------------

    def zoom_factor(self) -> float:
        return self.view.zoomFactor()

    def zoom_in(self) -> None:
        self.set_zoom(self.view.zoomFactor() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.view.zoomFactor() / ZOOM_STEP)

    def set_zoom(self, factor: float, fit: layout.Fit = layout.Fit.CUSTOM) -> None:
        """Zoom, keeping the point at the centre of the view where it is (and the page on show)."""
        self.fit = fit
        factor = max(ZOOM_MIN, min(ZOOM_MAX, factor))
        if not self._sizes:
            self.view.setZoomFactor(factor)
            self._update_zoom_label()
            return
        before = self._layout()
        hbar, vbar = self.view.horizontalScrollBar(), self.view.verticalScrollBar()
        asked = self._asked if self._asked is not None and self._asked[1] == vbar.value() else None
        centre = layout.anchor_at(before, hbar.value() + before.viewport[0] / 2, vbar.value() + before.viewport[1] / 2)
        self.view.setZoomFactor(factor)
        after = self._layout()
        x, y = layout.scroll_to_centre(after, centre)
        hbar.setValue(x)
        vbar.setValue(y)
        if asked is not None:
            self._asked = (asked[0], vbar.value())  # still the page asked for
        self._update_zoom_label()
        self._update_page()

    def fit_width(self) -> None:
        self.set_zoom(self._fitting(layout.Fit.WIDTH), layout.Fit.WIDTH)

    def fit_page(self) -> None:
        page = self.current_page()
        self.set_zoom(self._fitting(layout.Fit.PAGE), layout.Fit.PAGE)
        self.go_to_page(page)

    def _fitting(self, fit: layout.Fit) -> float:
        """The factor that fits the widest page's width (WIDTH) or a whole page (PAGE) in the view."""
        if not self._sizes:
            return self.view.zoomFactor()
        view = self._layout()
        left, top, right, bottom = view.margins
        width = max(w for w, _h in self._sizes) * self._resolution
        across = (view.viewport[0] - left - right) / width
        if fit is layout.Fit.WIDTH:
            return across
        height = max(h for _w, h in self._sizes) * self._resolution
        return min(across, (view.viewport[1] - top - bottom - self.view.pageSpacing()) / height)

    def _apply_fit(self) -> None:
        if self.fit is not layout.Fit.CUSTOM:
            self.view.setZoomFactor(max(ZOOM_MIN, min(ZOOM_MAX, self._fitting(self.fit))))
        self._update_zoom_label()

    def _update_zoom_label(self) -> None:
        self.zoom_label.setText(f"{round(self.view.zoomFactor() * 100)}%" if self.page_count() else "")
        self.zoom_buttons["fit"].setEnabled(self.fit is not layout.Fit.WIDTH)
        self.zoom_buttons["page"].setEnabled(self.fit is not layout.Fit.PAGE)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize and self.fit is not layout.Fit.CUSTOM:
            self._apply_fit()
            self._update_page()
        return super().eventFilter(watched, event)
