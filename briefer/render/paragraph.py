"""A ReportLab Paragraph that parses its markup once per style and breaks its lines once per width.

ReportLab re-breaks a paragraph on every wrap, and drops its breaks after a split that
fails; finding where notes fit asks the same paragraph for the same width many times. Line
breaks depend only on the text, the style and the width, so they are kept per width. The
live preview rebuilds the same paragraphs again and again, so parsed markup is kept per
(markup, style) for the process, and each paragraph gets its own copies of the fragments.
On a TaggingCanvas it draws its text as its element's content (structure.role), its bullet as
its label's. Imports ReportLab and briefer.render's tagging modules.
"""

from __future__ import annotations

import copy
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Paragraph as _ReportLabParagraph

from briefer.render.flowtags import tags
from briefer.render.structure import Artifact, Node, inherit_role
from briefer.render.tagging import TaggingCanvas

_PARSED_LIMIT = 20_000  # entries; a few briefs' worth of paragraphs, well under 10 MB
_parsed: dict[tuple[str, int, int], tuple[ParagraphStyle, ParagraphStyle, list[Any], str | None, str]] = {}


class Paragraph(_ReportLabParagraph):
    # ReportLab's own attributes, as _setup sets them
    text: str
    style: ParagraphStyle
    frags: list[Any]
    bulletText: str | None  # noqa: N815 (ReportLab's name)

    def _setup(
        self,
        text: Any,
        style: ParagraphStyle,
        bulletText: str | None,  # noqa: N803 (ReportLab's name)
        frags: list[Any] | None,
        cleaner: Any,
    ) -> None:
        if frags is not None or not isinstance(text, str):
            super()._setup(text, style, bulletText, frags, cleaner)
            return
        key = (text, id(style), int(self.caseSensitive))
        hit = _parsed.get(key)
        if hit is None or hit[0] is not style:
            super()._setup(text, style, bulletText, frags, cleaner)
            if len(_parsed) >= _PARSED_LIMIT:
                _parsed.clear()
            # only a bullet written in the markup belongs to the entry; a caller's is per paragraph
            from_markup = self.bulletText if self.bulletText is not bulletText else None
            # the style is kept in the entry so that its id cannot be reused by another style
            _parsed[key] = (style, self.style, [f.clone() for f in self.frags], from_markup, self.text)
            return
        _, parsed_style, parsed_frags, from_markup, cleaned = hit
        self.text = cleaned
        self.frags = [f.clone() for f in parsed_frags]
        self.style = parsed_style
        self.bulletText = from_markup if from_markup is not None else bulletText
        self.debug = 0
        return None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        kept = self.__dict__.get("_breaks")
        if kept is not None and kept[0] == availWidth:
            _, self._wrapWidths, self.blPara, self.height = kept
            self.width = availWidth
            return availWidth, self.height
        width, height = super().wrap(availWidth, availHeight)
        if availWidth >= 1e-8:
            self._breaks = (availWidth, self._wrapWidths, self.blPara, height)
        return width, height

    def split(self, availWidth: float, availHeight: float) -> list[_ReportLabParagraph]:  # noqa: N803
        kept = self.__dict__.get("_breaks")
        if "blPara" not in self.__dict__ and kept is not None and kept[0] == availWidth:
            self._wrapWidths, self.blPara, self.height = kept[1], kept[2], kept[3]
            self.width = availWidth
        lines = len(self.blPara.lines) if "blPara" in self.__dict__ else 0
        parts = super().split(availWidth, availHeight)
        if len(parts) == 2 and lines - len(parts[0].blPara.lines) > LONG_LINES:
            parts = [parts[0], *self._rest_in_pieces(len(parts[0].blPara.lines))]
        inherit_role(self, parts)
        return parts

    def _rest_in_pieces(self, start: int) -> list[_ReportLabParagraph]:
        """The lines from `start` on as paragraphs of PIECE_LINES lines, set with no space
        between them, so they print as the one paragraph they are.

        ReportLab hands the rest of a split paragraph on as one paragraph and breaks it again
        from its words on the next page, and the next: for a paragraph a hundred pages long,
        that is the whole rest of it on every page. A piece ends where a line ends, so breaking
        it again gives the same lines (greedy breaking of left-aligned text).
        """
        bl_para, style = self.blPara, self.style
        cut = self._get_split_blParaFunc()
        end = len(bl_para.lines)
        tops = list(range(start, end, PIECE_LINES))
        if len(tops) > 1 and end - tops[-1] < PIECE_LINES:
            tops.pop()  # the last piece is never short: it keeps the paragraph's own widow control
        # no space and no orphan control between pieces: a piece starts inside the paragraph
        inner = copy.copy(style)
        inner.firstLineIndent = inner.spaceBefore = inner.spaceAfter = 0
        inner.allowOrphans = inner.allowWidows = 1
        last = copy.copy(inner)
        last.spaceAfter, last.allowWidows = style.spaceAfter, style.allowWidows
        bounds = [*tops, end]
        return [
            self.__class__(None, last if stop == end else inner, frags=cut(bl_para, top, stop))
            for top, stop in zip(bounds, bounds[1:], strict=False)
        ]

    # --- tagged drawing ------------------------------------------------------------------------

    def draw(self) -> None:
        canv = self.canv
        node = tags(self).node
        if not isinstance(canv, TaggingCanvas) or node is None:
            super().draw()
        elif isinstance(node, Artifact):
            with canv.artifact(node.kind):
                super().draw()
        else:
            # the bullet is drawn first, as ordinary text: into its label's sequence
            if self.bulletText:
                canv.begin(tags(self).label or node)
            self._tagged_as = node
            try:
                super().draw()
            finally:
                del self._tagged_as
                canv.end()

    def beginText(self, x: float, y: float) -> PDFTextObject:  # noqa: N802 (ReportLab's name)
        node: Node | None = self.__dict__.get("_tagged_as")
        if node is None:
            return super().beginText(x, y)
        return self.canv.tagged_text(x, y, node)


# The rest of a split paragraph longer than this many lines goes on in pieces (see
# Paragraph._rest_in_pieces); ordinary paragraphs are split as ReportLab splits them.
LONG_LINES = 200
PIECE_LINES = 100
