"""File ▸ Print through the real window: the PDF itself goes to a real CUPS PDF queue in the
background, Cancel takes the job out of the queue, every failure is a dialog naming the printer;
and where there is no CUPS, the raster path prints in a worker with progress and Cancel."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from briefer.gui.main_window import MainWindow
from briefer.gui.print_dialog import PrintDialog
from briefer.gui.print_job import JobEnd
from briefer.gui.printing import page_range
from briefer.printing.errors import PrinterNotReadyError
from briefer.printing.options import Duplex
from tests.cups_server import PdfQueue
from tests.gui.conftest import Dialogs
from tests.printing.printed import Printed

TIMEOUT_MS = 60_000


def open_print_dialog(qtbot: QtBot, window: MainWindow) -> PrintDialog:
    window.commands.print.trigger()
    qtbot.waitUntil(lambda: window.print_dialog is not None and window.print_dialog.isVisible(), timeout=TIMEOUT_MS)
    dialog = window.print_dialog
    assert dialog is not None and dialog.isModal()
    return dialog


def print_and_wait(qtbot: QtBot, dialog: PrintDialog) -> JobEnd:
    with qtbot.waitSignal(dialog.print_ended, timeout=TIMEOUT_MS) as blocker:
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def choose(box, data: object) -> None:  # noqa: ANN001 (a QComboBox)
    index = box.findData(data)
    assert index >= 0, data
    box.setCurrentIndex(index)


def test_the_dialog_lists_the_printers_and_their_state(
    qtbot: QtBot,
    window: MainWindow,
    pdf_printer: PdfQueue,
    cups_server,  # noqa: ANN001
) -> None:
    stopped = cups_server.add_pdf_queue()
    stopped.disable("paper jam")
    dialog = open_print_dialog(qtbot, window)
    items = [dialog.printer.itemText(i) for i in range(dialog.printer.count())]
    assert f"{pdf_printer.name} (default) — idle" in items
    assert f"{stopped.name} — stopped: paper jam" in items
    assert dialog.printer.currentData() == pdf_printer.name
    pages = window.preview.page_count()
    assert dialog.pages.placeholderText() == f"all {pages}, or e.g. 1-3,5"
    assert dialog.status.text() == f"{pages} pages, laid out on A4."
    assert dialog.paper.currentText() == "A4" and dialog.copies.value() == 1 and dialog.collate.isChecked()


def test_the_whole_report_prints_through_the_app(
    qtbot: QtBot, window: MainWindow, pdf_printer: PdfQueue, dialogs: Dialogs
) -> None:
    dialog = open_print_dialog(qtbot, window)
    dialog.copies.setValue(2)
    choose(dialog.duplex, Duplex.LONG)
    end = print_and_wait(qtbot, dialog)
    assert end.error is None and not end.cancelled and end.job is not None
    assert not dialog.isVisible() and dialogs.errors == []
    assert window.statusBar().currentMessage() == f"Printed on {pdf_printer.name}: {end.job.describe()}"
    attributes = pdf_printer.wait_until_done(end.job.job_id)
    assert attributes["copies"] == "2" and attributes["sides"] == "two-sided-long-edge"
    assert attributes["job-name"] == window.recipe_origin
    pdf = window.preview.pdf()
    assert pdf_printer.spooled_document(end.job.job_id) == pdf  # the preview's PDF itself
    source, printed = Printed(pdf), Printed(pdf_printer.printed_pdf())
    per_copy = source.page_count + source.page_count % 2  # a blank back after an odd copy
    assert printed.page_count == 2 * per_copy
    assert printed.texts[: source.page_count] == source.texts
    assert printed.texts[per_copy : per_copy + source.page_count] == source.texts
    assert all(printed.fonts().values()) and "SET DUPLEX=ON" in pdf_printer.pjl()


def test_cancel_leaves_no_job_queued(qtbot: QtBot, window: MainWindow, pdf_printer: PdfQueue) -> None:
    pdf_printer.hold_jobs()  # a secure-release printer: the job waits in the queue until released
    dialog = open_print_dialog(qtbot, window)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Queued on"), timeout=TIMEOUT_MS)
    assert dialog.close_button.text() == "Cancel" and not dialog.printer.isEnabled()
    job = dialog.job.job if dialog.job else None
    assert job is not None and pdf_printer.queued_jobs() == [job.job_id]
    with qtbot.waitSignal(dialog.print_ended, timeout=TIMEOUT_MS) as blocker:
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].cancelled
    assert pdf_printer.queued_jobs() == []
    assert pdf_printer.job_attributes(job.job_id)["job-state"] == "canceled"
    assert pdf_printer.printed() == b"" and not dialog.isVisible()
    assert window.statusBar().currentMessage() == f"Printing cancelled: job {job.job_id} taken off {pdf_printer.name}"


def test_a_printer_that_stops_while_the_job_waits(
    qtbot: QtBot, window: MainWindow, pdf_printer: PdfQueue, dialogs: Dialogs
) -> None:
    pdf_printer.hold_jobs()
    dialog = open_print_dialog(qtbot, window)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Queued on"), timeout=TIMEOUT_MS)
    pdf_printer.disable("paper jam")
    qtbot.waitUntil(lambda: bool(dialogs.errors), timeout=TIMEOUT_MS)
    title, text, _ = dialogs.errors[0]
    assert title == "The printer has stopped"
    assert (
        text == f"The printer {pdf_printer.name} is stopped: paper jam. The job waits in its queue; Cancel removes it."
    )
    assert dialog.warning.text() == text
    qtbot.wait(600)  # more polls: the same problem is not shown again
    assert len(dialogs.errors) == 1
    with qtbot.waitSignal(dialog.print_ended, timeout=TIMEOUT_MS):
        dialog.reject()  # Esc while printing: cancel, then close
    assert pdf_printer.queued_jobs() == [] and not dialog.isVisible()


@pytest.mark.parametrize("problem", ["stopped", "removed"])
def test_a_printer_that_went_away_after_the_dialog_opened(
    qtbot: QtBot, window: MainWindow, pdf_printer: PdfQueue, dialogs: Dialogs, problem: str
) -> None:
    dialog = open_print_dialog(qtbot, window)
    if problem == "stopped":
        pdf_printer.disable("out of toner")
        expected = f"the printer {pdf_printer.name} is stopped: out of toner"
    else:
        pdf_printer.cups.add_pdf_queue()  # another printer stays: the message lists it
        pdf_printer.remove()
        expected = f"there is no printer named {pdf_printer.name!r}"
    end = print_and_wait(qtbot, dialog)
    assert end.job is None and end.error is not None
    assert dialogs.errors[0][0] == "Cannot print" and dialogs.errors[0][1].startswith(expected)
    assert dialog.isVisible() and dialog.print_button.isEnabled() and dialog.close_button.text() == "Close"
    if problem == "stopped":
        assert isinstance(end.error, PrinterNotReadyError) and pdf_printer.queued_jobs() == []


def test_a_bad_page_range_is_refused_before_anything_is_sent(
    qtbot: QtBot, window: MainWindow, pdf_printer: PdfQueue, dialogs: Dialogs
) -> None:
    dialog = open_print_dialog(qtbot, window)
    dialog.pages.setText("2-400")
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert dialogs.errors == [
        (
            "Cannot print",
            f"cannot print pages '2-400' on {pdf_printer.name}: page 400 is past the end "
            f"(the document has {window.preview.page_count()} pages)",
            [],
        )
    ]
    assert dialog.job is None and pdf_printer.queued_jobs() == []


def test_no_printer_at_all(
    qtbot: QtBot, window: MainWindow, empty_cups: str, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CUPS_SERVER", empty_cups)
    window.commands.print.trigger()
    qtbot.waitUntil(lambda: bool(dialogs.errors), timeout=TIMEOUT_MS)
    assert dialogs.errors[0][:2] == (
        "Cannot print",
        f"no printer is set up (CUPS at {empty_cups} knows none): add one in the system settings",
    )
    assert window.print_dialog is None or not window.print_dialog.isVisible()


def pdf_file_printer(path: Path, dpi: int = 100) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(dpi)
    printer.setFullPage(True)
    return printer


def start_raster(qtbot: QtBot, window: MainWindow, dialogs: Dialogs, printer: QPrinter, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("PATH", "/nonexistent")  # a machine without the CUPS tools (Windows)
    dialogs.raster_printers.append(printer)
    window.raster_print = None
    window.commands.print.trigger()
    qtbot.waitUntil(lambda: window.raster_print is not None, timeout=TIMEOUT_MS)


def test_without_cups_the_raster_path_prints_in_the_background(
    qtbot: QtBot, window: MainWindow, dialogs: Dialogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "raster.pdf"
    start_raster(qtbot, window, dialogs, pdf_file_printer(out), monkeypatch)
    run = window.raster_print
    assert run is not None
    seen: list[tuple[int, int]] = []
    run.progress_changed.connect(lambda done, total: seen.append((done, total)), Qt.ConnectionType.QueuedConnection)
    with qtbot.waitSignal(run.print_ended, timeout=TIMEOUT_MS) as blocker:
        pass
    pages = window.preview.page_count()
    assert blocker.args[0].value == (pages, False)
    assert seen and seen[-1] == (pages, pages)
    printed = Printed(out.read_bytes())
    assert printed.page_count == pages
    assert printed.fonts() == {}  # bitmaps: why this path is only the fallback
    assert window.statusBar().currentMessage() == f"Sent {pages} pages to the printer"


def test_the_raster_path_can_be_cancelled(
    qtbot: QtBot, window: MainWindow, dialogs: Dialogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    start_raster(qtbot, window, dialogs, pdf_file_printer(tmp_path / "raster.pdf", dpi=300), monkeypatch)
    run = window.raster_print
    assert run is not None
    run.progress_changed.connect(lambda done, total: run.cancel(), Qt.ConnectionType.QueuedConnection)
    with qtbot.waitSignal(run.print_ended, timeout=TIMEOUT_MS) as blocker:
        pass
    drawn, cancelled = blocker.args[0].value
    assert cancelled and drawn < window.preview.page_count()
    assert re.fullmatch(r"Printing cancelled after \d+ pages? to the printer", window.statusBar().currentMessage())


def test_page_range_bounds() -> None:
    printer = QPrinter()
    assert page_range(printer, 5) == range(5)
    printer.setFromTo(4, 9)
    assert page_range(printer, 5) == range(3, 5)
