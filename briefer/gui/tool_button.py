"""The flat tool buttons of the preview's bars and the status bar, made one way: text, a tooltip
that a screen reader reads as the description, and a name for it when the text is a symbol.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QToolButton, QWidget


def tool_button(parent: QWidget, text: str, tip: str, slot: Callable[[], object], name: str = "") -> QToolButton:
    """A flat button showing `text`; `name` is what a screen reader says when `text` says too little."""
    button = QToolButton(parent)
    button.setText(text)
    button.setToolTip(tip)
    button.setAccessibleDescription(tip)
    if name:
        button.setAccessibleName(name)
    button.setAutoRaise(True)
    button.clicked.connect(slot)
    return button
