"""A ReportLab Paragraph that breaks its lines once per width.

ReportLab re-breaks a paragraph on every wrap, and drops its breaks after a split that
fails; finding where notes fit asks the same paragraph for the same width many times. Line
breaks depend only on the text, the style and the width, so they are kept per width.
Imports ReportLab only.
"""

from __future__ import annotations

from reportlab.platypus import Paragraph as _ReportLabParagraph


class Paragraph(_ReportLabParagraph):
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
        return super().split(availWidth, availHeight)
