"""The contents page: one linked entry per anchored part, with dot leaders and a page number
that the furniture forms fill in once layout is over. Tagged as a TOC of TOCI elements, each
entry's title and page number the content of its Link.

Imports ReportLab and briefer.render modules.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from briefer.render.context import Context
from briefer.render.furniture import page_number_form
from briefer.render.markup import escape
from briefer.render.paragraph import Paragraph
from briefer.render.structure import Node, role
from briefer.render.styles import Styles
from briefer.render.tagging import tagged_content


class ContentsEntry(Flowable):
    """Title … page number; the whole line links to the part."""

    def __init__(self, key: str, title: str, styles: Styles, link: Node, level: int = 0) -> None:
        super().__init__()
        self.key = key
        self.styles = styles
        self.link = link
        style = styles.contents_entry if level == 0 else styles.contents_sub
        self.paragraph = role(Paragraph(escape(title), style), link)
        self.indent = level * styles.metrics.body_size * 1.6
        size = styles.contents_entry.fontSize
        self._number_room = stringWidth("0000", styles.contents_entry.fontName, size)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        _, height = self.paragraph.wrap(availWidth - self.indent - self._number_room - 12, availHeight)
        self.width, self.height = availWidth, height
        return self.width, self.height

    def draw(self) -> None:
        canv, style, palette = self.canv, self.paragraph.style, self.styles.palette
        self.paragraph.drawOn(canv, self.indent, 0)
        lines = self.paragraph.blPara.lines
        last = lines[-1]
        extra = last.extraSpace if hasattr(last, "extraSpace") else last[0]
        text_end = self.indent + self.paragraph.width - extra
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


def contents_flowables(title: str, entries: list[tuple[str, str, int]], ctx: Context) -> list[Flowable]:
    """The contents heading and its entries; entries are (anchor key, title, level) in reading order."""
    ctx = ctx.within("Sect", title)
    heading = ctx.plain(title, "heading", element="H1")
    heading.spaceBefore = 0
    describe = ctx.words.contents_link
    # a sub-heading's entry is a TOCI in a TOC of its own, inside the entry it comes under
    tocs = [ctx.parent.child("TOC")]
    last: Node | None = None
    entry_flowables = []
    for key, entry, level in entries:
        if level >= len(tocs) and last is not None:
            tocs.append(last.child("TOC"))
        del tocs[max(level, 0) + 1 :]
        last = tocs[-1].child("TOCI")
        link = last.child("Link", contents=describe.format(title=entry))
        entry_flowables.append(ContentsEntry(key, entry, ctx.styles, link, level))
    return [heading, *entry_flowables]
