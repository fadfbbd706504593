"""The app without a mouse: every panel page reachable (Ctrl+1 … Ctrl+4, headers in the Tab order),
focus visible at every stop, every control named for screen readers, mnemonics unique in every
menu, the shortcuts listed from the menus, and a brief built and exported with keys alone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QImage
from PySide6.QtWidgets import QApplication, QMenu, QTabBar, QWidget
from pytestqt.qtbot import QtBot

from briefer.gui.main_window import MainWindow
from briefer.gui.menus import menu_actions, plain_label
from briefer.gui.shortcuts_dialog import ShortcutsDialog, shortcut_rows
from briefer.gui.window_recipes import RECENT_ENTRY
from tests.gui.conftest import Dialogs, wait_for_preview

CTRL = Qt.KeyboardModifier.ControlModifier
NO = Qt.KeyboardModifier.NoModifier


def activate(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def key(qtbot: QtBot, which: Qt.Key, modifiers: Qt.KeyboardModifier = NO) -> None:
    """A key pressed where the keyboard's focus is, as a person would press it."""
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, which, modifiers)


def focus_is_in(widget: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and (focus is widget or widget.isAncestorOf(focus))


@pytest.mark.parametrize("page", range(4))
def test_ctrl_number_opens_each_panel_page_and_focus_lands_in_it(qtbot: QtBot, window: MainWindow, page: int) -> None:
    activate(qtbot, window)
    window.preview.view.setFocus()
    qtbot.keyClick(window.preview.view, getattr(Qt.Key, f"Key_{page + 1}"), CTRL)
    toolbox = window.panel.toolbox
    assert toolbox.currentIndex() == page
    assert focus_is_in(toolbox.widget(page))


def test_ctrl_2_opens_audience_and_countries_with_the_audience_focused(qtbot: QtBot, window: MainWindow) -> None:
    activate(qtbot, window)
    window.panel.tree.setFocus()
    key(qtbot, Qt.Key.Key_2, CTRL)
    assert window.panel.toolbox.itemText(window.panel.toolbox.currentIndex()) == "Audience and countries"
    assert QApplication.focusWidget() is window.panel.audience


def test_the_page_headers_take_the_focus_in_the_tab_order(qtbot: QtBot, window: MainWindow) -> None:
    activate(qtbot, window)
    headers = window.panel.headers()
    assert [h.text() for h in headers] == ["Sections", "Audience and countries", "Layout and options", "Prepared for"]
    headers[0].setFocus(Qt.FocusReason.TabFocusReason)
    reached = []
    for _ in range(12):  # the Sections page has a hint, the tree and four buttons
        key(qtbot, Qt.Key.Key_Tab)
        if QApplication.focusWidget() in headers and QApplication.focusWidget() not in reached:
            reached.append(QApplication.focusWidget())
    assert reached == headers[1:]  # each header after the controls of the open page before it
    header = headers[2]
    header.setFocus(Qt.FocusReason.TabFocusReason)
    key(qtbot, Qt.Key.Key_Space)
    assert window.panel.toolbox.currentIndex() == 2


def _focus_chain(window: MainWindow) -> list[QWidget]:
    """Every widget Tab stops at, in the window, from its current focus round to it again."""
    start = QApplication.focusWidget()
    assert start is not None
    chain = [start]
    while True:
        nxt = chain[-1].nextInFocusChain()
        while not (nxt.isVisible() and nxt.isEnabled() and nxt.focusPolicy() & Qt.FocusPolicy.TabFocus):
            nxt = nxt.nextInFocusChain()
            if nxt is start:
                break
        if nxt is start or nxt in chain or len(chain) > 200:
            return chain
        chain.append(nxt.focusProxy() or nxt)


def test_focus_is_visible_at_every_tab_stop(qtbot: QtBot, window: MainWindow) -> None:
    activate(qtbot, window)
    window.panel.headers()[0].setFocus(Qt.FocusReason.TabFocusReason)
    key(qtbot, Qt.Key.Key_Tab)  # a real Tab press: the window now shows keyboard focus
    stops: dict[int, tuple[QWidget, QImage]] = {}
    for _ in range(80):
        key(qtbot, Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        assert widget is not None
        if id(widget) in stops:
            continue
        focused = widget.grab().toImage()
        window.menuBar().setFocus(Qt.FocusReason.OtherFocusReason)  # park the focus elsewhere
        stops[id(widget)] = (widget, focused)
        unfocused = widget.grab().toImage()
        name = widget.accessibleName() or widget.metaObject().className()
        assert focused != unfocused, f"no visible focus on {name}"
        widget.setFocus(Qt.FocusReason.TabFocusReason)
    names = {w.metaObject().className() for w, _image in stops.values()}
    assert {"QToolBoxButton", "QPdfView", "SectionsTree", "QPushButton", "QSpinBox"} <= names, names


def _focusable(window: MainWindow) -> list[QWidget]:
    return [
        w
        for w in window.findChildren(QWidget)
        if w.window() is window and w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(window)
    ]


def test_every_control_has_an_accessible_name_and_description(window: MainWindow) -> None:
    for page in range(4):  # the controls of every page, not only the one open
        window.panel.toolbox.setCurrentIndex(page)
        missing = []
        for widget in _focusable(window):
            face = QAccessible.queryAccessibleInterface(widget)
            assert face is not None
            if isinstance(widget, QTabBar):  # a screen reader reads the focused tab
                face = face.child(widget.currentIndex())
            name, description = face.text(QAccessible.Text.Name), face.text(QAccessible.Text.Description)
            if not name.strip() or not description.strip():
                missing.append(f"{widget.metaObject().className()} {name!r}: {description!r}")
        assert not missing, "\n".join(missing)


def _menus(window: MainWindow) -> list[tuple[str, QMenu]]:
    menus = []

    def walk(menu: QMenu, path: str) -> None:
        menu.aboutToShow.emit()  # the recent submenus fill themselves when they open
        menus.append((path, menu))
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, f"{path} ▸ {plain_label(action.text())}")

    for top in window.menuBar().actions():
        menu = top.menu()
        assert isinstance(menu, QMenu)
        walk(menu, plain_label(top.text()))
    return menus


def _mnemonic(text: str) -> str:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else ""


def test_the_menu_bar_and_every_menu_have_unique_mnemonics(window: MainWindow) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    letters = [_mnemonic(t) for t in titles]
    assert all(letters) and len(set(letters)) == len(letters), titles
    checked = 0
    for path, menu in _menus(window):
        # every command, but not the entries naming recent files and reports
        commands = [a for a in menu.actions() if not a.isSeparator() and a.data() != RECENT_ENTRY]
        letters = [_mnemonic(a.text()) for a in commands]
        assert all(letters), f"{path}: no mnemonic in {[a.text() for a in commands if not _mnemonic(a.text())]}"
        assert len(set(letters)) == len(letters), f"{path}: {[a.text() for a in commands]}"
        checked += 1
    assert checked >= 6  # File, its two recent submenus, Edit, View, Help


def test_keyboard_shortcuts_lists_every_shortcut_of_the_menus(
    qtbot: QtBot, window: MainWindow, dialogs: Dialogs
) -> None:
    activate(qtbot, window)
    window.commands.shortcuts.trigger()
    assert len(dialogs.shortcuts) == 1
    dialog = ShortcutsDialog(shortcut_rows(window.menuBar()))
    qtbot.add_widget(dialog)
    shown = dialog.rows()
    for path, action in menu_actions(window.menuBar()):
        for sequence in action.shortcuts():
            text = sequence.toString()
            assert any(plain_label(action.text()) == command and text in keys for _m, command, keys in shown), (
                f"{path} ▸ {action.text()} ({text}) is not listed"
            )
    assert ("Edit", "Undo", "Ctrl+Z") in shown
    assert any(command == "Redo" and "Ctrl+Shift+Z" in keys and "Ctrl+Y" in keys for _m, command, keys in shown)
    assert any(keys.startswith("Ctrl+2") for _m, _c, keys in shown)


def test_a_brief_is_built_and_exported_with_keys_alone(
    qtbot: QtBot, window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    activate(qtbot, window)
    window.preview.view.setFocus()
    key(qtbot, Qt.Key.Key_2, CTRL)  # Audience and countries, the audience list focused
    key(qtbot, Qt.Key.Key_Down)  # the first audience
    audience = window.panel.audience.currentData()
    assert audience
    key(qtbot, Qt.Key.Key_Tab)  # to the country filter
    assert QApplication.focusWidget() is window.panel.countries.filter
    qtbot.keyClicks(window.panel.countries.filter, "Finl")
    key(qtbot, Qt.Key.Key_Tab)  # to the list of countries, which shows Finland alone
    assert QApplication.focusWidget() is window.panel.countries.list
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Space)
    assert window.panel.recipe().countries == ("FI",)
    key(qtbot, Qt.Key.Key_4, CTRL)  # Prepared for: the recipient's field
    qtbot.keyClicks(QApplication.focusWidget(), "Committee on Defence")
    wait_for_preview(qtbot, window)
    dialogs.save_paths.append(str(tmp_path / "keys.pdf"))
    key(qtbot, Qt.Key.Key_E, CTRL)
    written = (tmp_path / "keys.pdf").read_bytes()
    assert written == window.preview.pdf()
    recipe = window.last_preview.recipe
    assert (recipe.audience, recipe.countries, recipe.prepared_for.recipient) == (
        audience,
        ("FI",),
        "Committee on Defence",
    )
