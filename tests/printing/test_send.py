"""Printing the whole report to a real CUPS PDF queue: the PDF itself is sent, and what the printer
receives has every page, text, embedded fonts and the job's duplex, copies, paper and colour."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.printing import cups
from briefer.printing.cups import Printer, Printers
from briefer.printing.errors import (
    JobRefusedError,
    NoPrinterError,
    PageRangeError,
    PrinterNotReadyError,
    PrintError,
    UnknownPrinterError,
)
from briefer.printing.options import Duplex, PrintOptions
from briefer.printing.send import choose_printer, read_document, read_document_file, send, send_handouts
from briefer.tailor.recipe import PageSize
from tests.batch.pdfs import numbered_pdf
from tests.cups_server import PdfQueue
from tests.printing.printed import Printed

A4 = (595, 842)


def test_the_whole_report_prints_as_itself(pdf_printer: PdfQueue, brief_pdf: bytes) -> None:
    document = read_document(brief_pdf)
    assert document.pages == 21 and document.paper is PageSize.A4
    job = send(document, PrintOptions(copies=2, duplex=Duplex.LONG, title="whole report"))
    assert job.printer == pdf_printer.name and job.describe() == "21 pages × 2 copies, two-sided, long edge"
    attributes = pdf_printer.wait_until_done(job.job_id)
    assert attributes["job-state"] == "completed"
    assert pdf_printer.spooled_document(job.job_id) == brief_pdf  # the PDF itself, not a bitmap of it
    assert int(attributes["job-k-octets"]) <= len(brief_pdf) // 1024 + 1
    assert attributes["copies"] == "2" and attributes["sides"] == "two-sided-long-edge"
    assert attributes["collate"] == "true" and attributes["job-name"] == "whole report"

    printed = Printed(pdf_printer.printed_pdf())
    # 21 pages, then a blank back so the second copy starts on a fresh sheet
    assert printed.page_count == 2 * 22
    assert printed.texts[21] == "" and printed.texts[43] == ""
    source = Printed(brief_pdf)
    assert printed.texts[:21] == source.texts and printed.texts[22:43] == source.texts
    assert "Withdrawal Symptoms" in printed.texts[0] and "Ibid." in " ".join(printed.texts)
    assert {printed.page_size(n) for n in range(printed.page_count)} == {A4}
    fonts = printed.fonts()
    assert fonts and all(fonts.values()), fonts
    assert any("NotoSerif" in name for name in fonts)
    pjl = pdf_printer.pjl()
    assert "SET DUPLEX=ON" in pjl and "SET BINDING=LONGEDGE" in pjl and "SET PAPER=A4" in pjl


def test_pages_short_edge_letter_and_grayscale(pdf_printer: PdfQueue, brief_pdf: bytes) -> None:
    options = PrintOptions(pages="1-3,5", duplex=Duplex.SHORT, paper=PageSize.LETTER, grayscale=True)
    job = send(read_document(brief_pdf), options)
    assert job.pages == 4
    attributes = pdf_printer.wait_until_done(job.job_id)
    assert attributes["page-ranges"] == "1-3,5-5"
    assert attributes["sides"] == "two-sided-short-edge" and attributes["print-color-mode"] == "monochrome"
    printed = Printed(pdf_printer.printed_pdf())
    source = Printed(brief_pdf)
    assert printed.texts == [source.texts[0], source.texts[1], source.texts[2], source.texts[4]]
    assert printed.page_size(0) == (612, 792)
    pjl = pdf_printer.pjl()
    assert "SET BINDING=SHORTEDGE" in pjl and "SET PAPER=LETTER" in pjl
    assert "SET RENDERMODE=GRAYSCALE" in pjl  # the driver's own setting, found with lpoptions


def test_uncollated_copies_repeat_each_page(pdf_printer: PdfQueue) -> None:
    job = send(read_document(numbered_pdf(2)), PrintOptions(copies=2, collate=False, duplex=Duplex.NONE))
    attributes = pdf_printer.wait_until_done(job.job_id)
    assert attributes["collate"] == "false" and attributes["sides"] == "one-sided"
    assert Printed(pdf_printer.printed_pdf()).texts == ["P1", "P1", "P2", "P2"]


def test_handouts_go_as_one_job_each_on_a_fresh_sheet(pdf_printer: PdfQueue, tmp_path: Path) -> None:
    paths = []
    for name, pages in (("ann", 3), ("bo", 2), ("cy", 1)):
        paths.append(tmp_path / f"{name}.pdf")
        paths[-1].write_bytes(numbered_pdf(pages, prefix=name.upper()))
    job = send_handouts(paths, PrintOptions(duplex=Duplex.LONG))
    pdf_printer.wait_until_done(job.job_id)
    assert Printed(pdf_printer.printed_pdf()).texts == ["ANN1", "ANN2", "ANN3", "", "BO1", "BO2", "CY1"]

    pdf_printer.clear()
    job = send_handouts(paths, PrintOptions(duplex=Duplex.NONE))  # one-sided: no blank sheets
    pdf_printer.wait_until_done(job.job_id)
    assert Printed(pdf_printer.printed_pdf()).texts == ["ANN1", "ANN2", "ANN3", "BO1", "BO2", "CY1"]


def test_a_stopped_printer_is_named_with_its_reason(pdf_printer: PdfQueue, brief_pdf: bytes) -> None:
    pdf_printer.disable("paper jam in tray 2")
    with pytest.raises(PrinterNotReadyError) as caught:
        send(read_document(brief_pdf), PrintOptions())
    assert str(caught.value) == f"the printer {pdf_printer.name} is stopped: paper jam in tray 2"
    assert pdf_printer.queued_jobs() == []


def test_a_printer_not_accepting_jobs_is_named(pdf_printer: PdfQueue, brief_pdf: bytes) -> None:
    pdf_printer.refuse("toner being replaced")
    with pytest.raises(PrinterNotReadyError, match=f"the printer {pdf_printer.name} is not accepting jobs: toner"):
        send(read_document(brief_pdf), PrintOptions(printer=pdf_printer.name))


def test_a_refused_job_names_the_printer(pdf_printer: PdfQueue, brief_pdf: bytes) -> None:
    pdf_printer.allow_only("someone-else")
    with pytest.raises(JobRefusedError) as caught:
        send(read_document(brief_pdf), PrintOptions())
    assert str(caught.value).startswith(f"the printer {pdf_printer.name} refused the job: ")
    assert str(caught.value).endswith("Not allowed to print")


def test_an_unknown_printer_lists_the_known_ones(pdf_printer: PdfQueue, brief_pdf: bytes) -> None:
    with pytest.raises(UnknownPrinterError) as caught:
        send(read_document(brief_pdf), PrintOptions(printer="nonesuch"))
    assert str(caught.value).startswith("there is no printer named 'nonesuch': choose one of ")
    assert pdf_printer.name in str(caught.value)


def test_a_page_range_past_the_end_sends_nothing(pdf_printer: PdfQueue, brief_pdf: bytes) -> None:
    with pytest.raises(PageRangeError, match=f"cannot print pages '20-25' on {pdf_printer.name}: page 25"):
        send(read_document(brief_pdf), PrintOptions(pages="20-25"))
    assert pdf_printer.queued_jobs() == [] and pdf_printer.printed() == b""


def test_choosing_a_printer_needs_one_or_a_default() -> None:
    with pytest.raises(NoPrinterError, match="no printer is set up"):
        choose_printer(Printers(), None)
    two = Printers((Printer("a"), Printer("b")))
    with pytest.raises(NoPrinterError, match="no printer chosen and no default printer is set: choose one of a, b"):
        choose_printer(two, None)
    assert choose_printer(two, "b").name == "b"


def test_no_printers_at_all(empty_cups: str, brief_pdf: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CUPS_SERVER", empty_cups)
    assert cups.list_printers() == Printers()
    with pytest.raises(NoPrinterError, match=f"no printer is set up \\(CUPS at {empty_cups} knows none\\)"):
        send(read_document(brief_pdf), PrintOptions())


def test_what_is_not_a_pdf_is_named(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    with pytest.raises(PrintError, match=f"cannot print {path}: it is not a PDF"):
        read_document_file(path)
    with pytest.raises(PrintError, match="cannot print .*missing.pdf: No such file"):
        read_document_file(tmp_path / "missing.pdf")
    with pytest.raises(PrintError, match="cannot print the brief: the PDF cannot be read"):
        read_document(b"%PDF-1.4\nnot really")
