"""The CUPS tools, against a private scheduler: printers and their state, a job's state, cancel."""

from __future__ import annotations

import pytest

from briefer.printing import cups
from briefer.printing.cups import JobState, Printer, parse_lpstat
from briefer.printing.errors import PrintingUnavailableError
from briefer.printing.options import PrintOptions, lp_options
from tests.batch.pdfs import numbered_pdf
from tests.cups_server import PdfQueue

LPSTAT = """printer office now printing office-12.  enabled since Mon 01 Jan 2024 09:00:00
printer lab disabled since Mon 01 Jan 2024 09:00:00 -
\tpaper jam
office accepting requests since Mon 01 Jan 2024 09:00:00
lab not accepting requests since Mon 01 Jan 2024 09:00:00 -
\tpaper jam
system default destination: office
device for office: ipp://printer.example/ipp/print
device for lab: usb://Make/Model
"""


def test_lpstat_output_becomes_printers() -> None:
    printers = parse_lpstat(LPSTAT)
    assert printers.default == "office"
    assert printers.printers == (
        Printer("office", printing="office-12", device="ipp://printer.example/ipp/print"),
        Printer("lab", enabled=False, accepting=False, reason="paper jam", device="usb://Make/Model"),
    )
    assert printers.printers[0].state_text() == "printing office-12"
    assert printers.printers[1].state_text() == "stopped: paper jam"


def test_the_printers_and_the_default(pdf_printer: PdfQueue, cups_server) -> None:  # noqa: ANN001
    other = cups_server.add_pdf_queue()
    printers = cups.list_printers()
    assert printers.default == pdf_printer.name
    assert {pdf_printer.name, other.name} <= set(printers.names)
    found = printers.find(pdf_printer.name)
    assert found is not None and found.ready and found.state_text() == "idle"
    assert found.device.endswith(f"{pdf_printer.name}.out")
    other.disable("out of paper")
    other.refuse("out of paper")
    stopped = cups.list_printers().find(other.name)
    assert stopped == Printer(other.name, False, False, "", "out of paper", stopped.device if stopped else "")
    assert stopped is not None and stopped.state_text() == "stopped: out of paper"


def test_a_held_job_is_queued_and_cancel_leaves_nothing(pdf_printer: PdfQueue) -> None:
    pdf_printer.hold_jobs()
    job_id = cups.submit(numbered_pdf(2), pdf_printer.name, lp_options(PrintOptions(), (), None, None))
    status = cups.job_status(job_id, pdf_printer.name)
    assert status.state is JobState.QUEUED and status.printer.enabled
    assert pdf_printer.queued_jobs() == [job_id]
    assert cups.cancel(job_id, pdf_printer.name) is True
    assert cups.job_status(job_id, pdf_printer.name).state is JobState.DONE
    assert pdf_printer.queued_jobs() == []
    assert pdf_printer.job_attributes(job_id)["job-state"] == "canceled"
    assert pdf_printer.printed() == b""
    assert cups.cancel(job_id, pdf_printer.name) is False  # already out of the queue


def test_a_job_on_a_stopped_printer_waits_and_says_why(pdf_printer: PdfQueue) -> None:
    pdf_printer.disable("paper jam")
    job_id = cups.submit(numbered_pdf(1), pdf_printer.name, [])
    status = cups.job_status(job_id, pdf_printer.name)
    assert status.state is JobState.QUEUED
    assert not status.printer.enabled and status.printer.reason == "paper jam"
    pdf_printer.resume()
    assert pdf_printer.wait_until_done(job_id)["job-state"] == "completed"
    assert cups.job_status(job_id, pdf_printer.name).state is JobState.DONE


def test_a_scheduler_that_is_not_running_is_named(monkeypatch: pytest.MonkeyPatch, cups_server) -> None:  # noqa: ANN001
    monkeypatch.setenv("CUPS_SERVER", "localhost:9")
    with pytest.raises(PrintingUnavailableError, match="CUPS at localhost:9 is not running or cannot be reached"):
        cups.list_printers()


def test_missing_tools_are_named(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # noqa: ANN001
    monkeypatch.setenv("PATH", str(tmp_path))
    assert not cups.cups_available()
    with pytest.raises(PrintingUnavailableError, match="the CUPS tool 'lpstat' is not installed"):
        cups.list_printers()
