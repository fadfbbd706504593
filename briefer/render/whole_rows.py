"""Tables whose rows stay whole across a page break, unless a row could never fit on a page.

ReportLab splits inside a row (`splitInRow`) whenever no whole row fits in what is left of a
page, so a three-line treaty-status row ended a page with "withdrawn (effective 10 January"
and went on with "2026)" overleaf. Splitting inside a row is only needed for rows too tall to
move whole (a 3,000-character cell must still print): here a row splits only when some row of
the table is taller than `tallest_whole`, a share of the page's frame.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, Table

# A row up to a third of the body frame moves to the next page whole; a taller one may split.
WHOLE_ROW_SHARE = 1 / 3


class WholeRowsTable(Table):
    splitInRow: int  # ReportLab's own attribute, untyped there

    def __init__(self, *args: Any, tallest_whole: float = float("inf"), **kwargs: Any) -> None:
        kwargs.setdefault("splitInRow", 1)
        super().__init__(*args, **kwargs)
        self.tallest_whole = tallest_whole

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        if getattr(self, "availWidth", None) != availWidth:  # not yet measured at this width by wrap
            self._calc(availWidth, availHeight)
        in_row: int = self.splitInRow
        body = self._rowHeights[self.repeatRows if isinstance(self.repeatRows, int) else 0 :]
        if max(body, default=0.0) <= self.tallest_whole:
            self.splitInRow = 0
        try:
            parts: list[Flowable] = super().split(availWidth, availHeight)
        finally:
            self.splitInRow = in_row
        for part in parts:  # ReportLab makes the pieces through self.__class__, without our settings
            if isinstance(part, WholeRowsTable):
                part.tallest_whole, part.splitInRow = self.tallest_whole, in_row
        return parts


def whole_rows_table(data: list[list[Flowable]], frame_height: float, **kwargs: Any) -> WholeRowsTable:
    return WholeRowsTable(data, tallest_whole=frame_height * WHOLE_ROW_SHARE, **kwargs)
