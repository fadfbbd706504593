"""The focus countries: a filter box over a checkable list, remembering the order they were ticked.

Speaks in ISO country codes; the order chosen is the order the country boxes print in.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefer.content.model import Report
from briefer.gui.i18n import _

CODE_ROLE = Qt.ItemDataRole.UserRole


class CountriesList(QWidget):
    countries_changed = Signal()  # a country was ticked or unticked by the user

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chosen: list[str] = []
        self._quiet = False
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(_("Filter countries…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.list = QListWidget(self)
        self.list.setUniformItemSizes(True)
        self.list.itemChanged.connect(self._item_changed)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.clear_button = QPushButton(_("Clear"), self)
        self.clear_button.setToolTip(_("Untick every country"))
        self.clear_button.clicked.connect(self.clear_choice)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        self._update_summary()

    def set_report(self, report: Report) -> None:
        self._quiet = True
        try:
            self.list.clear()
            for country in sorted(report.countries, key=lambda c: c.name.casefold()):
                item = QListWidgetItem(f"{country.name} ({country.code})")
                item.setData(CODE_ROLE, country.code)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.list.addItem(item)
        finally:
            self._quiet = False
        self.set_countries(tuple(self._chosen))
        self._apply_filter(self.filter.text())

    def items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def item(self, code: str) -> QListWidgetItem | None:
        return next((it for it in self.items() if it.data(CODE_ROLE) == code), None)

    def countries(self) -> tuple[str, ...]:
        """The ticked codes, in the order they were ticked."""
        return tuple(self._chosen)

    def set_countries(self, codes: tuple[str, ...]) -> None:
        known = {it.data(CODE_ROLE) for it in self.items()}
        self._chosen = [c for c in dict.fromkeys(codes) if c in known]
        self._quiet = True
        try:
            for item in self.items():
                on = item.data(CODE_ROLE) in self._chosen
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        finally:
            self._quiet = False
        self._update_summary()

    def clear_choice(self) -> None:
        if self._chosen:
            self.set_countries(())
            self.countries_changed.emit()

    def _item_changed(self, item: QListWidgetItem) -> None:
        if self._quiet:
            return
        code = item.data(CODE_ROLE)
        if item.checkState() == Qt.CheckState.Checked and code not in self._chosen:
            self._chosen.append(code)
        elif item.checkState() != Qt.CheckState.Checked and code in self._chosen:
            self._chosen.remove(code)
        self._update_summary()
        self.countries_changed.emit()

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for item in self.items():
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def _update_summary(self) -> None:
        if not self._chosen:
            self.summary.setText(_("No focus countries"))
        else:
            names = [it.text().rsplit(" (", 1)[0] for c in self._chosen if (it := self.item(c)) is not None]
            self.summary.setText(_("Focus: ") + ", ".join(names))
        self.summary.setToolTip(self.summary.text())
        self.clear_button.setEnabled(bool(self._chosen))
