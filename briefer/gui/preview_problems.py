"""The panel of problems shown in place of the preview: what went wrong and where, so the window
never goes blank. Imports Qt widgets only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from briefer.gui.i18n import _


class ProblemsPanel(QWidget):
    """What went wrong and where, in place of the preview, so the window never goes blank."""

    back_requested = Signal()  # "Back to the last good preview" was clicked

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
        self.details.setAccessibleName(_("Problems"))
        self.details.setAccessibleDescription(_("Each problem with the file and line to fix"))
        self.back = QPushButton(_("Back to the last good preview"), self)
        self.back.setToolTip(_("Show the brief built from the content as it was before these errors"))
        self.back.clicked.connect(self.back_requested)
        self.back.hide()
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 24, 24, 24)
        column.addWidget(self.title)
        column.addWidget(self.hint)
        column.addWidget(self.details, 1)
        column.addWidget(self.back, 0, Qt.AlignmentFlag.AlignLeft)

    def show_problems(self, title: str, hint: str, lines: list[str]) -> None:
        self.title.setText(title)
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self.details.setPlainText("\n".join(lines))
        self.details.setVisible(bool(lines))
