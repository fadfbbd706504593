"""The window's actions (with their shortcuts) and the menus that hold them.

Creates and arranges only; the main window connects each action to what it does. Every menu
item has a mnemonic of its own within its menu (tests/gui/test_keyboard.py checks each menu).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from briefer.gui.i18n import N_, _

Key = QKeySequence.StandardKey


@dataclass(frozen=True)
class Actions:
    new: QAction
    open: QAction
    open_report: QAction
    save: QAction
    save_as: QAction
    export_pdf: QAction
    export_markdown: QAction
    glance: QAction
    fit_pages: QAction
    batch: QAction
    print: QAction
    reload: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    find: QAction
    find_next: QAction
    find_previous: QAction
    panel_pages: tuple[QAction, ...]  # Ctrl+1 … Ctrl+4: the recipe panel's pages, in order
    zoom_in: QAction
    zoom_out: QAction
    fit_width: QAction
    fit_page: QAction
    go_to_page: QAction
    side_panel: QAction
    guide: QAction
    shortcuts: QAction
    about: QAction


def _action(parent: QWidget, text: str, tip: str, *keys: QKeySequence | Key | str) -> QAction:
    action = QAction(text, parent)
    action.setStatusTip(tip)
    shortcuts = [k if isinstance(k, QKeySequence) else QKeySequence(k) for k in keys]
    shortcuts = [k for k in shortcuts if not k.isEmpty()]  # a standard key a platform leaves unbound
    if shortcuts:
        action.setShortcuts(shortcuts)
        keys_text = QKeySequence.listToString(shortcuts, QKeySequence.SequenceFormat.NativeText).replace("; ", ", ")
        action.setToolTip(f"{plain_label(text)} ({keys_text})")
    else:
        action.setToolTip(plain_label(text))
    return action


def plain_label(text: str) -> str:
    """A menu text as people read it: no mnemonic marker, no trailing ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").replace("…", "")


def _file_actions(parent: QWidget) -> dict[str, QAction]:
    return {
        "new": _action(parent, _("&New"), _("Start again from the whole report"), Key.New),
        "open": _action(parent, _("&Open recipe…"), _("Open a recipe, or the recipe inside a briefer PDF"), Key.Open),
        "open_report": _action(
            parent, _("Open repor&t…"), _("Open another report: a folder holding report.yaml"), "Ctrl+Shift+O"
        ),
        "save": _action(parent, _("&Save"), _("Save the recipe"), Key.Save),
        "save_as": _action(parent, _("Save &as…"), _("Save the recipe under a new name"), "Ctrl+Shift+S"),
        "export_pdf": _action(parent, _("&Export PDF…"), _("Write the brief as a PDF file"), "Ctrl+E"),
        "export_markdown": _action(parent, _("Export &Markdown…"), _("Write the brief as Markdown"), "Ctrl+Shift+E"),
        "glance": _action(
            parent,
            _("One page at a &glance…"),
            _("Write the one-page at-a-glance handout of this brief as a PDF"),
            "Ctrl+Shift+G",
        ),
        "fit_pages": _action(
            parent,
            _("&Fit in pages…"),
            _("Leave content out, in a set order, until the brief fits in the pages you give"),
            "Ctrl+Shift+F",
        ),
        "batch": _action(
            parent, _("&Batch…"), _("Build many briefs at once: audiences × countries, or one per recipient"), "Ctrl+B"
        ),
        "print": _action(parent, _("&Print…"), _("Print the brief"), Key.Print),
        "reload": _action(parent, _("Re&load content"), _("Read the content folder again"), "F5"),
        "quit": _action(parent, _("&Quit"), _("Close briefer"), Key.Quit),
    }


def _edit_actions(parent: QWidget) -> dict[str, QAction]:
    return {
        "undo": _action(parent, _("&Undo"), _("Take back the last change to the choices"), "Ctrl+Z"),
        "redo": _action(parent, _("&Redo"), _("Make the change taken back again"), "Ctrl+Shift+Z", "Ctrl+Y"),
        "find": _action(parent, _("&Find in preview…"), _("Find words in the brief on show"), Key.Find),
        "find_next": _action(parent, _("Find &next"), _("Go to the next place the words are found"), "F3"),
        "find_previous": _action(
            parent, _("Find &previous"), _("Go to the previous place the words are found"), "Shift+F3"
        ),
    }


# the recipe panel's pages as the View menu names them (RecipePanel.PAGES is the same order)
PAGE_MENU_TEXTS = (
    (N_("&Sections"), N_("Show the sections to tick and order")),
    (N_("&Audience and countries"), N_("Show the audience and the focus countries")),
    (N_("&Layout and options"), N_("Show the page size, notes, language and what to include")),
    (N_("P&repared for"), N_("Show who the brief is prepared for, and the covering note")),
)


def _view_actions(parent: QWidget) -> dict[str, object]:
    pages = tuple(
        _action(parent, _(text), _(tip), f"Ctrl+{n}") for n, (text, tip) in enumerate(PAGE_MENU_TEXTS, start=1)
    )
    side = _action(parent, _("Si&de panel"), _("Show the outline and the pages beside the preview"), "F9")
    side.setCheckable(True)
    return {
        "panel_pages": pages,
        "zoom_in": _action(parent, _("Zoom &in"), _("Make the preview larger"), Key.ZoomIn, "Ctrl+="),
        "zoom_out": _action(parent, _("Zoom &out"), _("Make the preview smaller"), Key.ZoomOut),
        "fit_width": _action(parent, _("Fit &width"), _("Fit the page width to the preview"), "Ctrl+0"),
        "fit_page": _action(parent, _("Fit &page"), _("Show a whole page in the preview"), "Ctrl+9"),
        "go_to_page": _action(parent, _("&Go to page…"), _("Type a page number to show that page"), "Ctrl+G"),
        "side_panel": side,
    }


def _help_actions(parent: QWidget) -> dict[str, QAction]:
    return {
        "guide": _action(parent, _("&Quick guide"), _("How to make a brief, in five steps"), Key.HelpContents),
        "shortcuts": _action(parent, _("&Keyboard shortcuts"), _("Every keyboard shortcut of the app"), "Ctrl+/"),
        "about": _action(parent, _("&About briefer"), _("The open report's credits and the font licences")),
    }


def create_actions(parent: QWidget) -> Actions:
    found: dict[str, object] = {
        **_file_actions(parent),
        **_edit_actions(parent),
        **_view_actions(parent),
        **_help_actions(parent),
    }
    return Actions(**found)  # type: ignore[arg-type]


@dataclass(frozen=True)
class RecentMenus:
    """The two submenus the window fills each time they open."""

    recipes: QMenu
    reports: QMenu


def fill_menus(bar: QMenuBar, actions: Actions) -> RecentMenus:
    """Put the actions in File, Edit, View and Help; returns the (empty) recent recipes and reports submenus."""
    a = actions
    file_menu = bar.addMenu(_("&File"))
    _add(file_menu, a.new, a.open)
    recent = file_menu.addMenu(_("Open &recent recipe"))
    file_menu.addSeparator()
    file_menu.addAction(a.open_report)
    reports = file_menu.addMenu(_("Open re&cent report"))
    file_menu.addSeparator()
    _add(file_menu, a.save, a.save_as)
    file_menu.addSeparator()
    _add(file_menu, a.export_pdf, a.export_markdown, a.batch)
    file_menu.addSeparator()
    _add(file_menu, a.glance, a.fit_pages)
    file_menu.addSeparator()
    file_menu.addAction(a.print)
    file_menu.addSeparator()
    file_menu.addAction(a.reload)
    file_menu.addSeparator()
    file_menu.addAction(a.quit)
    edit_menu = bar.addMenu(_("&Edit"))
    _add(edit_menu, a.undo, a.redo)
    edit_menu.addSeparator()
    _add(edit_menu, a.find, a.find_next, a.find_previous)
    view_menu = bar.addMenu(_("&View"))
    _add(view_menu, *a.panel_pages)
    view_menu.addSeparator()
    _add(view_menu, a.zoom_in, a.zoom_out, a.fit_width, a.fit_page)
    view_menu.addSeparator()
    _add(view_menu, a.go_to_page, a.side_panel)
    help_menu = bar.addMenu(_("&Help"))
    _add(help_menu, a.guide, a.shortcuts)
    help_menu.addSeparator()
    help_menu.addAction(a.about)
    return RecentMenus(recent, reports)


def _add(menu: QMenu, *actions: QAction) -> None:
    for action in actions:
        menu.addAction(action)


def menu_actions(bar: QMenuBar) -> list[tuple[str, QAction]]:
    """Every action in the menus, with the path of menu titles it sits under ("File ▸ Open recent recipe")."""
    found: list[tuple[str, QAction]] = []

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, f"{path} ▸ {plain_label(action.text())}")
            elif not action.isSeparator():
                found.append((path, action))

    for top in bar.actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            walk(menu, plain_label(top.text()))
    return found
