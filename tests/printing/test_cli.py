"""`briefer print`, `briefer printers` and `briefer batch --print`, to a real CUPS PDF queue."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefer.cli import main
from tests.cups_server import PdfQueue
from tests.printing.printed import Printed

JOB = re.compile(r"as job (\S+) \(")


def job_id(stdout: str) -> str:
    match = JOB.search(stdout)
    assert match, stdout
    return match.group(1)


def test_printers_marks_the_default(pdf_printer: PdfQueue, cups_server, capsys) -> None:  # noqa: ANN001
    stopped = cups_server.add_pdf_queue()
    stopped.disable("paper jam")
    assert main(["printers"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert re.search(rf"^\* {pdf_printer.name} +idle$", "\n".join(lines), re.M), lines
    assert re.search(rf"^  {stopped.name} +stopped: paper jam$", "\n".join(lines), re.M), lines


def test_printers_with_none_set_up(empty_cups: str, monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # noqa: ANN001
    monkeypatch.setenv("CUPS_SERVER", empty_cups)
    assert main(["printers"]) == 2
    assert f"briefer: no printer is set up (CUPS at {empty_cups} knows none)" in capsys.readouterr().err


def test_print_builds_the_whole_report_and_prints_it(pdf_printer: PdfQueue, capsys) -> None:  # noqa: ANN001
    args = ["print", "--audience", "parliamentarians", "--country", "FI", "--country", "LT", "--country", "UA"]
    assert main([*args, "--copies", "2", "--duplex", "long"]) == 0
    out = capsys.readouterr().out
    assert f"sent the brief to {pdf_printer.name} as job " in out
    assert out.rstrip().endswith("(21 pages × 2 copies, two-sided, long edge)")
    attributes = pdf_printer.wait_until_done(job_id(out))
    assert attributes["copies"] == "2" and attributes["sides"] == "two-sided-long-edge"
    printed = Printed(pdf_printer.printed_pdf())
    assert printed.page_count == 44  # 21 pages and a blank back, twice
    assert printed.texts[0].startswith("LEX INTERNATIONAL FUND Withdrawal Symptoms")
    assert printed.texts[22] == printed.texts[0]
    assert "Finland" in " ".join(printed.texts) and all(printed.fonts().values())


def test_print_an_existing_pdf_in_part(pdf_printer: PdfQueue, brief_pdf: bytes, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    path = tmp_path / "brief.pdf"
    path.write_bytes(brief_pdf)
    assert main(["print", str(path), "--printer", pdf_printer.name, "--pages", "1-3,5", "--grayscale"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"sent {path} to {pdf_printer.name} as job ") and "(4 pages)" in out
    attributes = pdf_printer.wait_until_done(job_id(out))
    assert attributes["page-ranges"] == "1-3,5-5" and attributes["print-color-mode"] == "monochrome"
    assert attributes["job-name"] == "brief.pdf"
    assert pdf_printer.spooled_document(job_id(out)) == brief_pdf
    assert Printed(pdf_printer.printed_pdf()).page_count == 4


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--printer", "nonesuch"], "briefer: there is no printer named 'nonesuch': choose one of "),
        (["--pages", "19-23"], "briefer: cannot print pages '19-23' on {printer}: page 23 is past the end"),
        (["--copies", "0"], "briefer: cannot print 0 copies on {printer}: give 1 to 999"),
        (["--audience", "media"], "briefer: print {pdf} as it is, or build a brief with --audience: not both"),
    ],
)
def test_print_failures_exit_2_and_name_the_printer(
    pdf_printer: PdfQueue,
    brief_pdf: bytes,
    tmp_path: Path,
    capsys,
    args: list[str],
    message: str,  # noqa: ANN001
) -> None:
    path = tmp_path / "brief.pdf"
    path.write_bytes(brief_pdf)
    assert main(["print", str(path), *args]) == 2
    assert capsys.readouterr().err.startswith(message.format(printer=pdf_printer.name, pdf=path))
    assert pdf_printer.queued_jobs() == [] and pdf_printer.printed() == b""


def test_print_to_a_stopped_printer(pdf_printer: PdfQueue, brief_pdf: bytes, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    path = tmp_path / "brief.pdf"
    path.write_bytes(brief_pdf)
    pdf_printer.disable("paper jam")
    assert main(["print", str(path)]) == 2
    assert capsys.readouterr().err == f"briefer: the printer {pdf_printer.name} is stopped: paper jam\n"


def test_print_what_is_not_a_pdf(pdf_printer: PdfQueue, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    recipe = tmp_path / "recipe.yaml"
    recipe.write_text("audience: media\n")
    assert main(["print", str(recipe)]) == 2
    assert f"{recipe} is a recipe: print the brief it makes with --recipe {recipe}" in capsys.readouterr().err
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    assert main(["print", str(text)]) == 2
    assert capsys.readouterr().err == f"briefer: cannot print {text}: it is not a PDF\n"


def test_batch_print_sends_the_run_in_order_each_on_a_fresh_sheet(
    pdf_printer: PdfQueue,
    tmp_path: Path,
    capsys,  # noqa: ANN001
) -> None:
    out = tmp_path / "out"
    args = ["batch", "--sections", "foreword", "--audience", "media", "--country", "UA", "--country", "FI"]
    assert main([*args, "--jobs", "1", "-o", str(out), "--print", "--duplex", "long"]) == 0
    stdout = capsys.readouterr().out
    assert f"sent 2 files to {pdf_printer.name} as job " in stdout and "each copy on a fresh sheet" in stdout
    attributes = pdf_printer.wait_until_done(job_id(stdout))
    assert attributes["sides"] == "two-sided-long-edge" and attributes["job-name"] == "2 briefer handouts"
    ukraine, finland = (Printed((out / f"media-{c}.pdf").read_bytes()) for c in ("ukraine", "finland"))
    assert ukraine.page_count % 2 == 1  # so a blank back must follow it
    printed = Printed(pdf_printer.printed_pdf())
    assert printed.texts == [*ukraine.texts, "", *finland.texts] + [""] * (finland.page_count % 2)


def test_batch_print_checks_the_printer_before_building(pdf_printer: PdfQueue, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    out = tmp_path / "out"
    assert main(["batch", "--audience", "media", "--country", "FI", "-o", str(out), "--print", "--printer", "x"]) == 2
    assert "briefer: there is no printer named 'x'" in capsys.readouterr().err
    assert not out.exists()
