"""File ▸ Batch…: the dialog plans as the choices change, builds in worker processes, cancels cleanly."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QListWidget
from pytestqt.qtbot import QtBot

from briefer.gui.batch_choices import KEY, ticked
from briefer.gui.batch_dialog import BatchDialog
from briefer.gui.main_window import MainWindow
from briefer.gui.screen_fit import fit_to_screen
from briefer.tailor.recipe import Recipe
from tests.gui.conftest import Dialogs

RUN_TIMEOUT_MS = 60_000
AUDIENCES = ["parliamentarians", "defence", "diplomats", "media", "public"]


def open_batch(window: MainWindow, folder: Path) -> BatchDialog:
    window.commands.batch.trigger()
    dialog = window.batch_dialog
    assert dialog is not None and dialog.isVisible() and dialog.isModal()
    dialog.choices.folder.setText(str(folder))
    return dialog


def tick(box: QListWidget, *keys: str) -> None:
    """Tick items as a click on their box does (itemChanged follows)."""
    items = {box.item(i).data(KEY): box.item(i) for i in range(box.count())}
    for key in keys:
        items[key].setCheckState(Qt.CheckState.Checked)


def build_and_wait(qtbot: QtBot, dialog: BatchDialog) -> None:
    assert dialog.build_button.isEnabled()
    with qtbot.waitSignal(dialog.running_changed, timeout=RUN_TIMEOUT_MS, check_params_cb=lambda on: not on):
        qtbot.mouseClick(dialog.build_button, Qt.MouseButton.LeftButton)
    assert not dialog.running


def assert_whole_pdfs(folder: Path) -> list[str]:
    """Every file in `folder` is a complete PDF (no .part files left); their names."""
    names = sorted(p.name for p in folder.iterdir())
    for name in names:
        assert name.endswith(".pdf"), name
        path = folder / name
        assert path.read_bytes().startswith(b"%PDF")
        assert len(PdfReader(path).pages) > 0
    return names


def result_lines(dialog: BatchDialog) -> list[str]:
    return [dialog.results.item(i).text() for i in range(dialog.results.count())]


def test_batch_sits_in_the_file_menu_after_export_markdown(window: MainWindow) -> None:
    actions = window.menuBar().actions()[0].menu().actions()
    index = actions.index(window.commands.export_markdown)
    assert actions[index + 1] is window.commands.batch
    assert window.commands.batch.text() == "&Batch…"


def test_two_audiences_by_one_country_build_two_briefs(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, dialogs: Dialogs
) -> None:
    folder = tmp_path / "out"
    dialog = open_batch(window, folder)
    tick(dialog.choices.audiences, "parliamentarians", "media")
    tick(dialog.choices.countries, "FI")
    assert dialog.message.text() == f"This builds 2 briefs into {folder}."
    build_and_wait(qtbot, dialog)
    names = assert_whole_pdfs(folder)
    assert names == ["media-finland.pdf", "parliamentarians-finland.pdf"]
    lines = result_lines(dialog)
    assert sorted(line.split()[0] for line in lines) == names
    assert all("pages" in line for line in lines)
    assert dialog.status.text().startswith("Done: 2 briefs built in ")
    assert dialog.progress.value() == dialog.progress.maximum() == 2 and dialog.progress.text() == "2 of 2 briefs"
    assert dialog.open_folder.isEnabled() and dialog.close_button.text() == "Close"
    assert dialog.message.text().endswith("All 2 are in the folder already: building replaces them.")
    assert window.settings.batch_folder == str(folder)
    qtbot.mouseClick(dialog.open_folder, Qt.MouseButton.LeftButton)
    assert dialogs.opened == [str(folder)] and not dialogs.errors
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    window.commands.batch.trigger()  # a new dialog, in the folder used last
    assert window.batch_dialog is not dialog and window.batch_dialog.choices.folder.text() == str(folder)


def test_a_folder_that_cannot_be_written_is_explained_in_the_dialog(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, dialogs: Dialogs
) -> None:
    blocker = tmp_path / "taken"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    dialog = open_batch(window, blocker)
    build_and_wait(qtbot, dialog)
    assert dialog.message.text().startswith(f"Cannot write into {blocker}: it is a file")
    assert dialog.message.styleSheet() == dialog.error_style()
    assert dialog.status.text() == "Stopped after 0 of 1 brief: see why above." and not dialogs.errors
    assert dialog.build_button.isEnabled()  # change the folder and build again


def test_cancel_stops_promptly_and_leaves_only_whole_files(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    dialog = open_batch(window, folder)
    tick(dialog.choices.audiences, *AUDIENCES)
    tick(dialog.choices.countries, "EE", "FI", "LV")
    assert dialog.message.text() == f"This builds 15 briefs into {folder}."
    qtbot.mouseClick(dialog.build_button, Qt.MouseButton.LeftButton)
    assert dialog.running and dialog.close_button.text() == "Cancel" and not dialog.choices.isEnabled()
    qtbot.waitUntil(lambda: len(dialog.written) >= 1, timeout=RUN_TIMEOUT_MS)  # the first progress with a file
    with qtbot.waitSignal(dialog.running_changed, timeout=10_000, check_params_cb=lambda on: not on):
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
        assert dialog.status.text() == "Cancelling…"
    assert dialog.isVisible()  # Cancel stops the run; it does not close the dialog
    names = assert_whole_pdfs(folder)
    assert 1 <= len(names) < 15
    assert dialog.status.text() == f"Cancelled after {len(names)} of 15 briefs; the briefs built are in the folder."
    assert len(result_lines(dialog)) == len(names)
    qtbot.wait(300)
    assert assert_whole_pdfs(folder) == names  # nothing arrives after the run has ended


def test_closing_while_running_cancels_then_closes(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    dialog = open_batch(window, folder)
    tick(dialog.choices.audiences, *AUDIENCES)
    tick(dialog.choices.countries, "EE", "FI")
    qtbot.mouseClick(dialog.build_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.status.text() == "Cancelling…"  # the UI goes on while the run stops
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert not dialog.running and dialog.status.text().startswith("Cancelled after ")
    assert len(assert_whole_pdfs(folder)) < 10


def test_a_recipients_list_without_a_title_column_builds_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, dialogs: Dialogs
) -> None:
    people = tmp_path / "people.csv"
    people.write_text("name,organisation\nAnna Virtanen,Eduskunta\n", encoding="utf-8")
    folder = tmp_path / "out"
    dialog = open_batch(window, folder)
    radio = dialog.choices.by_recipient
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))  # on its circle
    assert not dialog.choices.audiences.isEnabled() and dialog.choices.combined.isEnabled()
    dialogs.open_paths.append(str(people))
    qtbot.mouseClick(dialog.choices.choose_recipients, Qt.MouseButton.LeftButton)
    assert dialog.choices.recipients.text() == str(people)
    text = dialog.message.text()
    assert text.startswith("The recipients list people.csv cannot be used:")
    assert "line 1: missing column title" in text
    assert dialog.message.styleSheet() == dialog.error_style() and not dialog.build_button.isEnabled()
    qtbot.mouseClick(dialog.build_button, Qt.MouseButton.LeftButton)
    assert dialog.run is None and not folder.exists() and not dialogs.errors


def test_a_good_recipients_list_makes_one_copy_each_or_one_print_file(window: MainWindow, tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_text("name,title,organisation\nAnna Virtanen,MP,Eduskunta\nJan Kowalski,,Sejm\n", encoding="utf-8")
    out = tmp_path / "out"
    dialog = open_batch(window, out)
    dialog.choices.by_recipient.setChecked(True)
    dialog.choices.recipients.setText(str(people))
    dialog.choices.recipients.editingFinished.emit()
    assert dialog.message.text() == f"This builds 2 briefs into {out}."
    dialog.choices.combined.setChecked(True)
    assert dialog.message.text() == f"This builds 2 personalised briefs, all in one print file, into {out}."


def test_the_brief_count_follows_the_ticks(window: MainWindow, tmp_path: Path) -> None:
    out = tmp_path / "out"
    dialog = open_batch(window, out)
    choices = dialog.choices
    assert dialog.message.text() == f"This builds 1 brief into {out}."  # the recipe on show: no audience, no country
    tick(choices.audiences, "parliamentarians")
    assert dialog.message.text() == f"This builds 1 brief into {out}."
    tick(choices.audiences, "media")
    assert dialog.message.text() == f"This builds 2 briefs into {out}."
    tick(choices.countries, "FI", "EE")
    assert dialog.message.text() == f"This builds 4 briefs into {out}."
    choices.booklets.setChecked(True)
    assert dialog.message.text() == (
        f"This builds 4 briefs, each with its booklet (to print on both sides and fold), into {out}."
    )
    choices.glance.setChecked(True)
    assert not choices.booklets.isChecked() and not choices.booklets.isEnabled()
    assert dialog.message.text() == f"This builds 4 briefs, each one page at a glance, into {out}."
    assert dialog.message.toolTip().splitlines()[0] == "parliamentarians-estonia-at-a-glance.pdf"
    choices.folder.setText("")
    assert dialog.message.text() == "Choose an output folder" and not dialog.build_button.isEnabled()


def test_the_dialog_starts_from_the_recipe_on_show(window: MainWindow, tmp_path: Path) -> None:
    window.panel.set_recipe(Recipe(audience="defence", countries=("UA", "PL")))
    dialog = open_batch(window, tmp_path / "out")
    assert dialog.message.text() == f"This builds 2 briefs into {tmp_path / 'out'}."  # one per country of the recipe
    assert dialog.choices.recipe.audience == "defence"
    dialog.choices.glance.setChecked(True)
    assert dialog.message.toolTip().splitlines() == [
        "defence-ukraine-at-a-glance.pdf",
        "defence-poland-at-a-glance.pdf",
    ]


def test_the_dialog_fits_a_1280_by_720_screen_with_its_buttons_in_reach(qtbot: QtBot, window: MainWindow) -> None:
    window.commands.batch.trigger()
    dialog = window.batch_dialog
    assert dialog is not None
    for room in (QRect(0, 0, 1280, 720 - 40), QRect(0, 0, 1024, 768 - 40), dialog.screen().availableGeometry()):
        fit_to_screen(dialog, 760, 760, room)  # what opening on that screen does (a taskbar of 40 px)
        QApplication.processEvents()
        frame = dialog.frameGeometry()
        assert room.contains(frame), (room, frame)
        for button in (dialog.build_button, dialog.close_button, dialog.open_folder):
            corner = button.mapTo(dialog, QPoint(0, 0))
            inside = QRect(corner, button.size())
            assert dialog.rect().contains(inside) and button.isVisible(), (room, button.text(), inside)
    assert dialog.isVisible()


def test_the_dialog_opens_on_the_real_screen_inside_it(window: MainWindow) -> None:
    window.commands.batch.trigger()
    dialog = window.batch_dialog
    room = dialog.screen().availableGeometry()  # the offscreen screen: 800 x 600
    assert dialog.width() <= room.width() and dialog.height() <= room.height()
    assert dialog.rect().contains(QRect(dialog.build_button.mapTo(dialog, QPoint(0, 0)), dialog.build_button.size()))


def test_the_dialog_reopens_with_its_last_choices(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    out = tmp_path / "out"
    dialog = open_batch(window, out)
    choices = dialog.choices
    tick(choices.audiences, "media", "defence")
    tick(choices.countries, "UA")
    choices.booklets.setChecked(True)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    window.commands.batch.trigger()
    again = window.batch_dialog
    assert again is not dialog
    assert ticked(again.choices.audiences) == ["defence", "media"] and ticked(again.choices.countries) == ["UA"]
    assert again.choices.booklets.isChecked() and again.choices.folder.text() == str(out)
    assert again.message.text().startswith("This builds 2 briefs, each with its booklet")
    again.choices.by_recipient.setChecked(True)
    again.choices.recipients.setText(str(tmp_path / "people.csv"))
    qtbot.keyClick(again, Qt.Key.Key_Escape)  # Esc closes and remembers too
    window.commands.batch.trigger()
    third = window.batch_dialog
    assert third.choices.by_recipient.isChecked() and third.choices.recipients.text() == str(tmp_path / "people.csv")


def test_a_long_log_line_wraps_and_its_tooltip_holds_it_all(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    folder = tmp_path / ("a folder with a long name " * 3).strip()
    dialog = open_batch(window, folder)
    tick(dialog.choices.audiences, "parliamentarians")
    tick(dialog.choices.countries, "UA", "FI")
    dialog.choices.glance.setChecked(True)
    build_and_wait(qtbot, dialog)
    results = dialog.results
    assert results.wordWrap() and results.count() == 2
    for row in range(results.count()):
        item = results.item(row)
        assert str(Path(item.data(Qt.ItemDataRole.UserRole))) in item.toolTip() and item.text() in item.toolTip()
        assert results.visualItemRect(item).width() <= results.viewport().width()
