"""The sections as a checkable tree: drag (or move) to reorder; boxes and pull quotes as children.

Knows the report's sections and blocks; speaks in section ids and block ids, never in Recipes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from briefer.content.model import PullQuote, Report, Section, Sidebar, plain_text
from briefer.gui.i18n import _

ID_ROLE = Qt.ItemDataRole.UserRole
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
PREVIEW_CHARS = 60


def _child_label(block: Sidebar | PullQuote) -> str:
    if isinstance(block, Sidebar):
        return _("Box: {title}").format(title=block.title)
    text = plain_text(block.text).strip()
    short = text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1].rstrip() + "…"
    return _("Pull quote: “{text}”").format(text=short)


class SectionsTree(QTreeWidget):
    """Top-level items are sections (drag to reorder); their children are optional blocks."""

    choice_changed = Signal()  # any tick, untick or reorder by the user

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(True)
        self.setAnimated(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._quiet = False
        self.itemChanged.connect(self._item_changed)

    # -- filling ------------------------------------------------------------------------

    def set_report(self, report: Report, order: list[str], checked: set[str], excluded: set[str]) -> None:
        """Show the sections in `order` (then any others), ticking `checked` and all blocks but `excluded`."""
        by_id = {s.id: s for s in report.sections}
        ids = [i for i in order if i in by_id] + [s.id for s in report.sections if s.id not in order]
        self._quiet = True
        try:
            self.clear()
            for section_id in ids:
                self.addTopLevelItem(self._section_item(by_id[section_id], section_id in checked, excluded))
            self.expandAll()
            self._grey_children()
        finally:
            self._quiet = False

    def _section_item(self, section: Section, checked: bool, excluded: set[str]) -> QTreeWidgetItem:
        item = QTreeWidgetItem([section.title])
        item.setData(0, ID_ROLE, section.id)
        item.setData(0, KIND_ROLE, "section")
        item.setToolTip(0, f"<p><b>{section.title}</b></p><p>{section.summary}</p>")
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
        item.setFlags(flags | Qt.ItemFlag.ItemIsDragEnabled)  # not a drop target: no sections in sections
        item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        for block in section.blocks:
            if isinstance(block, Sidebar | PullQuote):
                child = QTreeWidgetItem([_child_label(block)])
                child.setData(0, ID_ROLE, block.id)
                child.setData(0, KIND_ROLE, "box" if isinstance(block, Sidebar) else "quote")
                child.setToolTip(0, _("Untick to leave this out of the brief"))
                child.setFlags(flags)
                child.setCheckState(0, Qt.CheckState.Unchecked if block.id in excluded else Qt.CheckState.Checked)
                item.addChild(child)
        return item

    # -- reading ------------------------------------------------------------------------

    def section_items(self) -> list[QTreeWidgetItem]:
        return [_present(self.topLevelItem(i)) for i in range(self.topLevelItemCount())]

    def section_item(self, section_id: str) -> QTreeWidgetItem | None:
        return next((it for it in self.section_items() if it.data(0, ID_ROLE) == section_id), None)

    def block_item(self, block_id: str) -> QTreeWidgetItem | None:
        for section in self.section_items():
            for child in _children(section):
                if child.data(0, ID_ROLE) == block_id:
                    return child
        return None

    def order(self) -> list[str]:
        """Every section id, in the order shown."""
        return [it.data(0, ID_ROLE) for it in self.section_items()]

    def checked_sections(self) -> list[str]:
        """The ticked section ids, in the order shown."""
        return [it.data(0, ID_ROLE) for it in self.section_items() if it.checkState(0) == Qt.CheckState.Checked]

    def excluded_blocks(self) -> list[str]:
        """Ids of the boxes and pull quotes that are unticked."""
        return [
            child.data(0, ID_ROLE)
            for section in self.section_items()
            for child in _children(section)
            if child.checkState(0) != Qt.CheckState.Checked
        ]

    # -- changing -------------------------------------------------------------------------

    def set_all_checked(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        self._quiet = True
        try:
            for item in self.section_items():
                item.setCheckState(0, state)
            self._grey_children()
        finally:
            self._quiet = False
        self.choice_changed.emit()

    def move_section(self, section_id: str, row: int) -> None:
        """Move a section to `row` (also what the Move up/down buttons do)."""
        item = self.section_item(section_id)
        if item is None:
            return
        row = max(0, min(self.topLevelItemCount() - 1, row))
        current = self.indexOfTopLevelItem(item)
        if row == current:
            return
        self._quiet = True
        try:
            expanded = item.isExpanded()
            self.takeTopLevelItem(current)
            self.insertTopLevelItem(row, item)
            item.setExpanded(expanded)
            self.setCurrentItem(item)
        finally:
            self._quiet = False
        self.choice_changed.emit()

    def move_current(self, step: int) -> None:
        item = self.currentItem()
        if item is not None and item.parent() is not None:
            item = item.parent()
        if item is not None:
            self.move_section(item.data(0, ID_ROLE), self.indexOfTopLevelItem(item) + step)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's name)
        """A section dropped on the upper half of a row goes before that row's section, else after it."""
        dragged = self.currentItem()
        if dragged is None or dragged.parent() is not None or event.source() not in (self, None):
            event.ignore()  # only sections move, and only within this tree
            return
        point = event.position().toPoint()
        target = self.itemAt(point)
        if target is None:
            row = self.topLevelItemCount() - 1  # below the last row: to the end
        else:
            after = point.y() > self.visualItemRect(target).center().y()
            parent = target.parent()
            if parent is not None:  # on one of a section's blocks: after that section
                target, after = parent, True
            row = self.indexOfTopLevelItem(target) + (1 if after else 0)
            if self.indexOfTopLevelItem(dragged) < row:
                row -= 1  # the dragged row leaves a gap above the target
        # moved here, not by Qt: report no move back to the drag, or Qt would delete the source row
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        self.move_section(dragged.data(0, ID_ROLE), row)

    def _item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        if self._quiet:
            return
        self._quiet = True
        try:
            self._grey_children()
        finally:
            self._quiet = False
        self.choice_changed.emit()

    def _grey_children(self) -> None:
        """Blocks of an unticked section are shown disabled: they cannot appear anyway."""
        for section in self.section_items():
            on = section.checkState(0) == Qt.CheckState.Checked
            for child in _children(section):
                flags = child.flags()
                if on:
                    child.setFlags(flags | Qt.ItemFlag.ItemIsEnabled)
                else:
                    child.setFlags(flags & ~Qt.ItemFlag.ItemIsEnabled)


def _present(item: QTreeWidgetItem | None) -> QTreeWidgetItem:
    """An item Qt's API types as optional, at an index known to exist."""
    assert item is not None
    return item


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    return [_present(item.child(i)) for i in range(item.childCount())]
