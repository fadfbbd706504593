"""The sections tree: drops reorder sections (never nest them), blocks stay in their section."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot

from briefer.content.model import Report
from briefer.gui.sections_tree import SectionsTree

IDS = ["foreword", "introduction", "unacceptable-harm", "military-utility", "self-destruct", "right-hands",
       "conclusion"]  # fmt: skip


@pytest.fixture
def tree(qtbot: QtBot, report: Report) -> SectionsTree:
    tree = SectionsTree()
    qtbot.add_widget(tree)
    tree.set_report(report, [s.id for s in report.sections], {s.id for s in report.sections}, set())
    tree.resize(400, 600)
    tree.show()
    qtbot.waitExposed(tree)
    return tree


def drop(tree: SectionsTree, dragged: str, onto_item, upper: bool) -> None:  # noqa: ANN001 (a tree item)
    tree.setCurrentItem(tree.section_item(dragged))
    rect = tree.visualItemRect(onto_item)
    y = rect.top() + 2 if upper else rect.bottom() - 2
    mime = tree.model().mimeData([tree.indexFromItem(tree.section_item(dragged))])
    event = QDropEvent(
        QPointF(rect.center().x(), y),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    tree.dropEvent(event)
    assert event.dropAction() == Qt.DropAction.IgnoreAction  # Qt must not delete the dragged row


def test_drop_above_a_section(qtbot: QtBot, tree: SectionsTree) -> None:
    with qtbot.wait_signal(tree.choice_changed):
        drop(tree, "conclusion", tree.section_item("foreword"), upper=True)
    assert tree.order() == ["conclusion", *IDS[:-1]]


def test_drop_below_a_section_moving_down(tree: SectionsTree) -> None:
    drop(tree, "foreword", tree.section_item("unacceptable-harm"), upper=False)
    assert tree.order()[:3] == ["introduction", "unacceptable-harm", "foreword"]


def test_drop_on_a_block_goes_after_its_section_and_keeps_children(tree: SectionsTree) -> None:
    quote = tree.block_item("ukraine-pullquote")
    drop(tree, "conclusion", quote, upper=True)
    assert tree.order().index("conclusion") == tree.order().index("unacceptable-harm") + 1
    assert tree.section_item("unacceptable-harm").childCount() == 2
    assert all(tree.section_item(i) is not None for i in IDS) and tree.topLevelItemCount() == len(IDS)


def test_blocks_cannot_be_dragged(tree: SectionsTree) -> None:
    assert not tree.block_item("source-of-confusion").flags() & Qt.ItemFlag.ItemIsDragEnabled
    assert tree.section_item("foreword").flags() & Qt.ItemFlag.ItemIsDragEnabled
    assert not tree.section_item("foreword").flags() & Qt.ItemFlag.ItemIsDropEnabled


def test_unticking_a_section_greys_its_blocks(tree: SectionsTree) -> None:
    section = tree.section_item("unacceptable-harm")
    section.setCheckState(0, Qt.CheckState.Unchecked)
    assert not section.child(0).flags() & Qt.ItemFlag.ItemIsEnabled
    assert tree.checked_sections() == [i for i in IDS if i != "unacceptable-harm"]
    section.setCheckState(0, Qt.CheckState.Checked)
    assert section.child(0).flags() & Qt.ItemFlag.ItemIsEnabled
