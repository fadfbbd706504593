"""Beside the preview: the brief's outline (its PDF bookmarks) and small images of its pages.

The outline is QtPdf's QPdfBookmarkModel over the document on show; the page images come from
a QPdfPageRenderer in its multi-threaded mode (rendered on its own thread, one page at a time,
delivered as they are done), and only while the Pages tab is on show. Clicking either asks for
a page through `page_chosen`; the pane does the scrolling.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtPdf import QPdfBookmarkModel, QPdfDocument, QPdfDocumentRenderOptions, QPdfPageRenderer
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem, QTabWidget, QTreeView, QWidget

from briefer.gui.i18n import _

THUMB_WIDTH = 96


class SidePanel(QTabWidget):
    page_chosen = Signal(int, float)  # a page (from 0) and a height on it in points (0: its top) to show

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document: QPdfDocument | None = None
        self._requests: set[int] = set()  # the renderer's request ids for the document on show
        self._rendered = False  # the page images of the document on show were asked for
        self.bookmarks = QPdfBookmarkModel(self)
        self.outline = QTreeView(self)
        self.outline.setModel(self.bookmarks)
        self.outline.setHeaderHidden(True)
        self.outline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.outline.setAccessibleName(_("Outline"))
        self.outline.setAccessibleDescription(_("The brief's headings; Enter or a click shows the page"))
        self.outline.activated.connect(self._bookmark_chosen)
        self.outline.clicked.connect(self._bookmark_chosen)
        self.pages = QListWidget(self)
        self.pages.setViewMode(QListView.ViewMode.IconMode)
        self.pages.setFlow(QListView.Flow.TopToBottom)
        self.pages.setWrapping(False)
        self.pages.setMovement(QListView.Movement.Static)
        self.pages.setIconSize(QSize(THUMB_WIDTH, round(THUMB_WIDTH * 1.42)))
        self.pages.setSpacing(4)
        self.pages.setUniformItemSizes(True)
        self.pages.setAccessibleName(_("Pages"))
        self.pages.setAccessibleDescription(_("A small image of each page; Enter or a click shows that page"))
        self.pages.itemActivated.connect(self._page_item_chosen)
        self.pages.itemClicked.connect(self._page_item_chosen)
        self.renderer = QPdfPageRenderer(self)
        self.renderer.setRenderMode(QPdfPageRenderer.RenderMode.MultiThreaded)
        self.renderer.pageRendered.connect(self._page_rendered)
        self.addTab(self.outline, _("Outline"))
        self.addTab(self.pages, _("Pages"))
        self.setTabToolTip(0, _("The brief's headings"))
        self.setTabToolTip(1, _("A small image of each page"))
        self.currentChanged.connect(self._render_if_shown)
        self.tabBar().setUsesScrollButtons(False)
        self.tabBar().setAccessibleDescription(_("Outline or pages: the arrow keys switch"))
        self.setAccessibleName(_("Outline and pages"))
        self.setAccessibleDescription(_("Beside the preview: the brief's headings and its pages"))

    # -- the document -------------------------------------------------------------------

    def set_document(self, document: QPdfDocument) -> None:
        self._document = document
        self._requests.clear()
        self._rendered = False
        self.bookmarks.setDocument(document)
        self.outline.expandAll()
        self.renderer.setDocument(document)
        self.pages.clear()
        for page in range(document.pageCount()):
            item = QListWidgetItem(str(page + 1), self.pages)
            item.setData(Qt.ItemDataRole.UserRole, page)
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            item.setToolTip(_("Page {page}").format(page=page + 1))
        self._render_if_shown()

    def show_current(self, page: int) -> None:
        """Mark the page on show in the page list (without asking to show it again)."""
        if 0 <= page < self.pages.count():
            self.pages.blockSignals(True)
            self.pages.setCurrentRow(page)
            self.pages.blockSignals(False)

    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)  # type: ignore[arg-type]
        self._render_if_shown()

    def _render_if_shown(self) -> None:
        """Ask for the page images once per document, and only when someone can see them."""
        document = self._document
        if self._rendered or document is None or not self.isVisible() or self.currentWidget() is not self.pages:
            return
        self._rendered = True
        for page in range(document.pageCount()):
            size = document.pagePointSize(page)
            height = round(THUMB_WIDTH * size.height() / size.width()) if size.width() else THUMB_WIDTH
            request = self.renderer.requestPage(page, QSize(THUMB_WIDTH, height), QPdfDocumentRenderOptions())
            self._requests.add(request)

    def thumbnails_done(self) -> int:
        """How many page images have arrived for the document on show."""
        return sum(1 for i in range(self.pages.count()) if not self.pages.item(i).icon().isNull())

    def _page_rendered(self, page: int, _size: QSize, image: QImage, _options: object, request: int) -> None:
        if request not in self._requests or not 0 <= page < self.pages.count():
            return  # an image of a document no longer on show
        self._requests.discard(request)
        self.pages.item(page).setIcon(QIcon(QPixmap.fromImage(image)))

    # -- choosing -----------------------------------------------------------------------

    def _bookmark_chosen(self, index: QModelIndex) -> None:
        page = index.data(int(QPdfBookmarkModel.Role.Page))
        location = index.data(int(QPdfBookmarkModel.Role.Location))
        if isinstance(page, int):
            self.page_chosen.emit(page, location.y() if isinstance(location, QPointF) else 0.0)

    def _page_item_chosen(self, item: QListWidgetItem) -> None:
        self.page_chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)), 0.0)

    def bookmark_pages(self) -> dict[str, int]:
        """Each heading of the outline (every level) and the page it is on."""
        found: dict[str, int] = {}

        def walk(parent: QModelIndex) -> None:
            for row in range(self.bookmarks.rowCount(parent)):
                index = self.bookmarks.index(row, 0, parent)
                title = index.data(Qt.ItemDataRole.DisplayRole)
                page = index.data(int(QPdfBookmarkModel.Role.Page))
                if isinstance(title, str) and isinstance(page, int):
                    found.setdefault(title, page)
                walk(index)

        walk(QModelIndex())
        return found
