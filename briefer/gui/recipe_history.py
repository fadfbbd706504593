"""Undo and redo of every change to the recipe: a QUndoStack of recipe states.

A Recipe is a frozen dataclass, so a command holds the recipe before and after the change; undo
and redo hand a state to `show` (which sets the widgets without recording anything). Typing in
one text field makes one command: consecutive changes to the same field merge (each field has
its own command id), so Ctrl+Z takes back the word typed, not one letter.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from briefer.tailor.recipe import Recipe

ShowState = Callable[[Recipe, str], None]  # (recipe to show, the field the change was in)


def _field_id(field: str) -> int:
    """A stable, positive command id per field (QUndoCommand ids are ints; -1 means never merge)."""
    return zlib.crc32(field.encode("utf-8")) & 0x7FFFFFFF


class RecipeEdit(QUndoCommand):
    """One change: `before` -> `after`, made in `field`; `typing` changes to one field merge."""

    def __init__(self, show: ShowState, before: Recipe, after: Recipe, field: str, typing: bool, text: str) -> None:
        super().__init__(text)
        self._show = show
        self.before = before
        self.after = after
        self.field = field
        self.typing = typing
        self.shown = True  # the widgets already show `after` when the command is pushed

    def id(self) -> int:
        return _field_id(self.field) if self.typing else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt's name)
        if not isinstance(other, RecipeEdit) or not other.typing or other.field != self.field:
            return False
        self.after = other.after
        self.setObsolete(self.after == self.before)  # typed and deleted again: nothing to undo
        return True

    def redo(self) -> None:
        if self.shown:
            self.shown = False  # the first redo is the push itself
            return
        self._show(self.after, self.field)

    def undo(self) -> None:
        self._show(self.before, self.field)


class RecipeHistory(QObject):
    """The window's undo stack and the recipe state it last recorded."""

    def __init__(self, show: ShowState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._show_state = show
        self.stack = QUndoStack(self)
        self.current = Recipe()
        self._replaying = False

    def reset(self, recipe: Recipe) -> None:
        """A new starting point (a new, opened or reloaded recipe): nothing to undo."""
        self.stack.clear()
        self.current = recipe

    def record(self, recipe: Recipe, field: str, typing: bool, text: str) -> None:
        """The user changed the recipe on show to `recipe` (in `field`)."""
        if self._replaying or recipe == self.current:
            return
        before, self.current = self.current, recipe
        self.stack.push(RecipeEdit(self._show, before, recipe, field, typing, text))

    def apply(self, recipe: Recipe, field: str, text: str) -> None:
        """Show `recipe` as one undoable change made by the app (a page budget, say)."""
        if recipe == self.current:
            return
        command = RecipeEdit(self._show, self.current, recipe, field, False, text)
        command.shown = False
        self.stack.push(command)  # its redo shows it

    def _show(self, recipe: Recipe, field: str) -> None:
        self._replaying = True
        try:
            self._show_state(recipe, field)
        finally:
            self._replaying = False
        self.current = recipe
