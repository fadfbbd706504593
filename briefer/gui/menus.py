"""The window's actions (with their shortcuts) and the menus that hold them.

Creates and arranges only; the main window connects each action to what it does.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from briefer.gui.i18n import _

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
    batch: QAction
    print: QAction
    reload: QAction
    quit: QAction
    zoom_in: QAction
    zoom_out: QAction
    fit_width: QAction
    about: QAction


def _action(parent: QWidget, text: str, tip: str, *keys: QKeySequence | Key | str) -> QAction:
    action = QAction(text, parent)
    action.setStatusTip(tip)
    shortcuts = [k if isinstance(k, QKeySequence) else QKeySequence(k) for k in keys]
    if shortcuts:
        action.setShortcuts(shortcuts)
        action.setToolTip(f"{text.replace('…', '').replace('&', '')} ({shortcuts[0].toString()})")
    return action


def create_actions(parent: QWidget) -> Actions:
    return Actions(
        new=_action(parent, _("&New"), _("Start again from the whole report"), Key.New),
        open=_action(parent, _("&Open recipe…"), _("Open a recipe, or the recipe inside a briefer PDF"), Key.Open),
        open_report=_action(
            parent, _("Open re&port…"), _("Open another report: a folder holding report.yaml"), "Ctrl+Shift+O"
        ),
        save=_action(parent, _("&Save"), _("Save the recipe"), Key.Save),
        save_as=_action(parent, _("Save &as…"), _("Save the recipe under a new name"), "Ctrl+Shift+S"),
        export_pdf=_action(parent, _("&Export PDF…"), _("Write the brief as a PDF file"), "Ctrl+E"),
        export_markdown=_action(parent, _("Export &Markdown…"), _("Write the brief as Markdown"), "Ctrl+Shift+E"),
        batch=_action(
            parent, _("&Batch…"), _("Build many briefs at once: audiences × countries, or one per recipient"), "Ctrl+B"
        ),
        print=_action(parent, _("&Print…"), _("Print the brief"), Key.Print),
        reload=_action(parent, _("&Reload content"), _("Read the content folder again"), "F5"),
        quit=_action(parent, _("&Quit"), _("Close briefer"), Key.Quit),
        zoom_in=_action(parent, _("Zoom &in"), _("Make the preview larger"), Key.ZoomIn, "Ctrl+="),
        zoom_out=_action(parent, _("Zoom &out"), _("Make the preview smaller"), Key.ZoomOut),
        fit_width=_action(parent, _("&Fit width"), _("Fit the page width to the preview"), "Ctrl+0"),
        about=_action(parent, _("&About briefer"), _("The open report's credits and the font licences")),
    )


@dataclass(frozen=True)
class RecentMenus:
    """The two submenus the window fills each time they open."""

    recipes: QMenu
    reports: QMenu


def fill_menus(bar: QMenuBar, actions: Actions) -> RecentMenus:
    """Put the actions in File, View and Help; returns the (empty) recent recipes and reports submenus."""
    file_menu = bar.addMenu(_("&File"))
    file_menu.addAction(actions.new)
    file_menu.addAction(actions.open)
    recent = file_menu.addMenu(_("Open &recent"))
    file_menu.addSeparator()
    file_menu.addAction(actions.open_report)
    reports = file_menu.addMenu(_("Open recent repor&t"))
    file_menu.addSeparator()
    file_menu.addAction(actions.save)
    file_menu.addAction(actions.save_as)
    file_menu.addSeparator()
    file_menu.addAction(actions.export_pdf)
    file_menu.addAction(actions.export_markdown)
    file_menu.addAction(actions.batch)
    file_menu.addAction(actions.print)
    file_menu.addSeparator()
    file_menu.addAction(actions.reload)
    file_menu.addSeparator()
    file_menu.addAction(actions.quit)
    view_menu = bar.addMenu(_("&View"))
    view_menu.addAction(actions.zoom_in)
    view_menu.addAction(actions.zoom_out)
    view_menu.addAction(actions.fit_width)
    help_menu = bar.addMenu(_("&Help"))
    help_menu.addAction(actions.about)
    return RecentMenus(recent, reports)
