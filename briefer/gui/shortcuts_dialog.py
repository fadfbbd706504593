"""Help ▸ Keyboard shortcuts: a table made from the window's own menus, so it cannot drift from
them, followed by the keys that work inside the panels (which are not menu commands).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefer.gui.i18n import N_, _
from briefer.gui.menus import menu_actions, plain_label
from briefer.gui.screen_fit import fit_to_screen

# keys handled by the widgets themselves: (where, what, keys)
PANEL_KEYS = (
    (N_("Everywhere"), N_("Next or previous control, page header or pane"), N_("Tab, Shift+Tab")),
    (N_("Page headers"), N_("Open the page"), N_("Space")),
    (N_("Sections, countries"), N_("Tick or untick"), N_("Space")),
    (N_("Sections"), N_("Move the section up or down"), N_("Ctrl+Up, Ctrl+Down")),
    (N_("Find bar"), N_("Next, previous hit; close"), N_("Enter, Shift+Enter; Esc")),
    (N_("Preview"), N_("Scroll"), N_("Arrows, Page Up, Page Down")),
)


@dataclass(frozen=True, slots=True)
class ShortcutRow:
    menu: str  # "File", "View ▸ …"
    command: str  # the menu text without its mnemonic
    keys: str  # "Ctrl+Shift+Z, Ctrl+Y", in the platform's own spelling


def shortcut_rows(bar: QMenuBar) -> list[ShortcutRow]:
    """Every menu command that has a shortcut, in menu order, then the keys of the panels."""
    rows = []
    for path, action in menu_actions(bar):
        keys = [k for k in action.shortcuts() if not k.isEmpty()]
        if keys:
            text = QKeySequence.listToString(keys, QKeySequence.SequenceFormat.NativeText).replace("; ", ", ")
            rows.append(ShortcutRow(path, plain_label(action.text()), text))
    rows += [ShortcutRow(_(where), _(what), _(keys)) for where, what, keys in PANEL_KEYS]
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[ShortcutRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Keyboard shortcuts — briefer"))
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setHorizontalHeaderLabels([_("Menu"), _("Command"), _("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAccessibleName(_("Keyboard shortcuts"))
        self.table.setAccessibleDescription(_("One row per command: its menu, its name and its keys"))
        for row, item in enumerate(rows):
            for column, text in enumerate((item.menu, item.command, item.keys)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("The menus show these keys too; Alt with an underlined letter opens a menu."), self))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 620, 640)

    def rows(self) -> list[tuple[str, str, str]]:
        """The table as text, row by row (what people read)."""
        found = []
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, column) for column in range(3)]
            menu, command, keys = (cell.text() if cell is not None else "" for cell in cells)
            found.append((menu, command, keys))
        return found
