"""The contents page: one linked entry per anchored part, with dot leaders and a page number
that the furniture forms fill in once layout is over. Tagged as a TOC of TOCI elements, each
entry's title and page number the content of its Link.

Imports ReportLab and briefer.render modules.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from briefer.render.flowables import Context
from briefer.render.furniture import page_number_form
from briefer.render.markup import escape
from briefer.render.paragraph import Paragraph
from briefer.render.structure import Node, role
from briefer.render.styles import Styles
from briefer.render.tagging import tagged_content


class ContentsEntry(Flowable):
    """Title … page number; the whole line links to the part."""

    def __init__(self, key: str, title: str, styles: Styles, link: Node) -> None:
        super().__init__()
        self.key = key
        self.styles = styles
        self.link = link
        self.paragraph = role(Paragraph(escape(title), styles.contents_entry), link)
        size = styles.contents_entry.fontSize
        self._number_room = stringWidth("0000", styles.contents_entry.fontName, size)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        _, height = self.paragraph.wrap(availWidth - self._number_room - 12, availHeight)
        self.width, self.height = availWidth, height
        return self.width, self.height

    def draw(self) -> None:
        canv, style, palette = self.canv, self.styles.contents_entry, self.styles.palette
        self.paragraph.drawOn(canv, 0, 0)
        lines = self.paragraph.blPara.lines
        last = lines[-1]
        extra = last.extraSpace if hasattr(last, "extraSpace") else last[0]
        text_end = self.paragraph.width - extra
        baseline = self.height - style.fontSize - (len(lines) - 1) * style.leading
        leader_end = self.width - self._number_room - 4
        if leader_end - text_end > 12:
            canv.saveState()
            canv.setStrokeColor(palette.rule)
            canv.setLineWidth(0.9)
            canv.setDash(0.9, 3.2)
            canv.setLineCap(1)
            canv.line(text_end + 6, baseline + 1, leader_end, baseline + 1)
            canv.restoreState()
        with tagged_content(canv, self.link):
            canv.saveState()
            canv.translate(self.width, baseline)
            canv.doForm(page_number_form(self.key))
            canv.restoreState()
            canv.linkRect("", self.key, (0, 0, self.width, self.height), relative=1, thickness=0)


def contents_flowables(title: str, entries: list[tuple[str, str]], ctx: Context) -> list[Flowable]:
    """The contents heading and its entries; entries are (anchor key, title) in reading order."""
    ctx = ctx.within("Sect", title)
    heading = ctx.plain(title, "heading", element="H1")
    heading.spaceBefore = 0
    toc = ctx.parent.child("TOC")
    describe = ctx.words.contents_link
    entry_flowables = [
        ContentsEntry(key, entry, ctx.styles, toc.child("TOCI").child("Link", contents=describe.format(title=entry)))
        for key, entry in entries
    ]
    return [heading, *entry_flowables]
