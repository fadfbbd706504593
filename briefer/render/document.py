"""The ReportLab document: page templates (cover, body), page ends that draw the notes, and
the bookkeeping the furniture forms need. Imports ReportLab and briefer.render modules.
"""

from __future__ import annotations

from typing import IO

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame
from reportlab.platypus.doctemplate import BaseDocTemplate, PageTemplate

from briefer.render.footnotes import NoteFrame
from briefer.render.furniture import draw_watermark, furniture_form
from briefer.render.notes_area import NoteLedger
from briefer.render.styles import Styles
from briefer.render.tagging import tagged_artifact

COVER, BODY = "cover", "body"


class BriefDocTemplate(BaseDocTemplate):
    """Lays out a brief's story. The caller finishes the canvas (forms, catalog) and saves it."""

    def __init__(
        self,
        stream: IO[bytes],
        styles: Styles,
        ledger: NoteLedger | None,
        *,
        cover: bool,
        watermark: str,
        title: str,
        author: str,
        subject: str,
        keywords: list[str],
        lang: str,
        first_pages: int | None = None,
    ) -> None:
        m = styles.metrics
        super().__init__(
            stream,
            pagesize=(m.page_width, m.page_height),
            leftMargin=m.left,
            rightMargin=m.right,
            topMargin=m.top,
            bottomMargin=m.bottom,
            title=title,
            author=author,
            subject=subject,
            keywords=keywords,
            creator="briefer",
            lang=lang,
            invariant=1,  # fixed dates and ids: the same brief gives the same bytes
            displayDocTitle=True,
            # ReportLab starts every page in Helvetica unless told otherwise
            initialFontName=styles.fonts.serif.regular,
            initialFontSize=styles.metrics.body_size,
        )
        self._doSave = 0  # forms and catalog entries are added after layout, then saved
        self.styles = styles
        self.ledger = ledger
        self.watermark = watermark
        self.page_kinds: list[str] = []
        self.first_pages = first_pages  # stop laying out after this many pages (None: never)
        self.stopped = False  # True once that many pages are laid out
        self.cut = False  # True when the story went on after them: the document is not whole
        body = self._body_frame(styles, ledger)
        cover_frame = Frame(0, 0, m.page_width, m.page_height, 0, 0, 0, 0, id="cover")
        templates = [
            PageTemplate(BODY, [body], onPage=self._begin_body, onPageEnd=self._end_page),
            PageTemplate(COVER, [cover_frame], onPageEnd=self._end_page),
        ]
        if cover:
            templates.reverse()  # the first template is the first page's
        self.addPageTemplates(templates)

    @staticmethod
    def _body_frame(styles: Styles, ledger: NoteLedger | None) -> Frame:
        m = styles.metrics
        geometry = (m.left, m.bottom, m.frame_width, m.frame_height)
        padding = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
        if ledger is None:
            return Frame(*geometry, id=BODY, **padding)
        return NoteFrame(ledger, m.body_leading, *geometry, id=BODY, **padding)

    def handle_flowable(self, flowables: list[Flowable]) -> None:
        if self.stopped and flowables is not self._hanging:
            self.cut = self.cut or bool(flowables)
            del flowables[:]  # the rest of the story is not laid out: the build ends here
            return
        super().handle_flowable(flowables)

    def clean_hanging(self) -> None:
        if not self.stopped:  # once stopped, the next page is never begun (it would be blank)
            super().clean_hanging()

    def _begin_body(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        # runs before the frame resets, so the frame sees this page's carried notes
        if self.ledger is not None:
            self.ledger.start_page()

    def _end_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        kind = self.pageTemplate.id
        self.page_kinds.append(kind)
        if kind == BODY and self.ledger is not None:
            self.ledger.draw(canv, self.styles.metrics.left, self.styles.metrics.bottom)
        if self.watermark:
            draw_watermark(canv, self.watermark, self.styles)
        with tagged_artifact(canv):  # running head and page number
            canv.doForm(furniture_form(len(self.page_kinds)))
        if self.first_pages is not None and len(self.page_kinds) >= self.first_pages:
            self.stopped = True  # takes effect before the next flowable: this page is whole
            # links to what is not laid out (contents entries, notes overleaf) go to this page
            for key, destination in canv._destinations.items():
                if destination.fmt is None:
                    canv.bookmarkPage(key)
