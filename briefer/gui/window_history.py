"""The main window's Edit ▸ Undo and Redo: every change to the recipe, through recipe_history.py.

A mixin of MainWindow. A change the user makes is recorded; undo and redo set the widgets from
the state (recording nothing), open the panel page it was made on, and rebuild the preview.
Opening, starting a new recipe or switching reports starts a new history.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow

from briefer.gui.i18n import _
from briefer.gui.recipe_history import RecipeHistory
from briefer.gui.recipe_panel import field_name, field_page
from briefer.tailor.recipe import Recipe

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer

    from briefer.gui.menus import Actions
    from briefer.gui.recipe_panel import RecipePanel

CLICK_DELAY_MS = 15  # gathers the changes one gesture makes (select all, a drop) into one build

# The mixin is typed as the window it is mixed into; at run time it is a plain class.
if TYPE_CHECKING:
    _Window = QMainWindow
else:
    _Window = object


class HistoryActions(_Window):
    if TYPE_CHECKING:
        panel: RecipePanel
        commands: Actions
        debounce: QTimer
        changed_field: str
        changed_section: str | None

        def _update_title(self) -> None: ...
        def _show_warnings(self, recipe: Recipe) -> None: ...

    def _make_history(self) -> None:
        self.history = RecipeHistory(self._show_state, self)
        stack = self.history.stack
        undo, redo = self.commands.undo, self.commands.redo
        undo.triggered.connect(stack.undo)
        redo.triggered.connect(stack.redo)
        stack.canUndoChanged.connect(self._enable_undo)
        stack.canRedoChanged.connect(self._enable_redo)
        stack.undoTextChanged.connect(self._show_undo_text)
        stack.redoTextChanged.connect(self._show_redo_text)
        undo.setEnabled(False)
        redo.setEnabled(False)

    # methods, not lambdas: Qt drops these connections before the window's actions are deleted
    def _enable_undo(self, can: bool) -> None:
        self.commands.undo.setEnabled(can)

    def _enable_redo(self, can: bool) -> None:
        self.commands.redo.setEnabled(can)

    def _show_undo_text(self, what: str) -> None:
        self.commands.undo.setText(_("&Undo {what}").format(what=what) if what else _("&Undo"))

    def _show_redo_text(self, what: str) -> None:
        self.commands.redo.setText(_("&Redo {what}").format(what=what) if what else _("&Redo"))

    def _record_change(self, recipe: Recipe, typing: bool) -> None:
        field = self.panel.last_field
        self.history.record(recipe, field, typing, field_name(field))

    def start_history(self) -> None:
        """What the panel shows now is where undo stops."""
        self.history.reset(self.panel.recipe())

    def _show_state(self, recipe: Recipe, field: str) -> None:
        """Undo or redo: show `recipe` on the page of `field`, and build it."""
        self.panel.set_recipe(recipe)
        if field_page(field) >= 0:
            self.panel.toolbox.setCurrentIndex(field_page(field))
        self.changed_field, self.changed_section = field, None
        self._update_title()
        self._show_warnings(recipe)
        self.debounce.start(CLICK_DELAY_MS)
