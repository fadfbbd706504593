"""Printing the whole report: time from "Print" to the job queued in CUPS, and the job's size beside
the PDF's, for the PDF path (the printing core, and the app from File ▸ Print) and, side by side,
the raster path (every page a bitmap at the printer's resolution on a QPrinter, as the app used
to print and still does where there is no CUPS).

Targets: Print to queued < 2 s; job < 2x the PDF's size; no UI-thread stall > 50 ms while printing.
Prints to a private CUPS scheduler with a PDF queue (tests/cups_server.py), never a real printer.
Run: .venv/bin/python bench/bench_print.py [--runs N] [--raster-pages N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
import time
from pathlib import Path

from bench_gui import Heartbeat, wait_until  # also points the app's settings at a temporary file

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # for tests.cups_server: the tests' private scheduler

from PySide6.QtPrintSupport import QPrinter  # noqa: E402

from briefer.build import build_bytes  # noqa: E402
from briefer.content.load import load_report  # noqa: E402
from briefer.gui import dialogs  # noqa: E402
from briefer.gui.app import create_app  # noqa: E402
from briefer.gui.main_window import MainWindow  # noqa: E402
from briefer.gui.printing import draw_pages  # noqa: E402
from briefer.printing.options import PrintOptions  # noqa: E402
from briefer.printing.send import read_document, send  # noqa: E402
from briefer.tailor.recipe import Recipe  # noqa: E402
from briefer.tailor.recipe_file import save_recipe  # noqa: E402
from tests.cups_server import PdfQueue, start_cups  # noqa: E402

WHOLE_REPORT = Recipe(audience="parliamentarians", countries=("FI", "LT", "UA"))
MB = 1024 * 1024
PATIENCE = 120.0  # seconds any one step of printing may take before the bench gives up


def bench_core(queue: PdfQueue, pdf: bytes, runs: int) -> tuple[list[float], int, int]:
    """Print to queued (s) per run, the spooled job's size and what reached the printer, in bytes."""
    times, job_size, printed = [], 0, 0
    for _ in range(runs + 1):
        queue.clear()
        started = time.perf_counter()
        job = send(read_document(pdf), PrintOptions(printer=queue.name, title="bench"))
        times.append(time.perf_counter() - started)
        queue.wait_until_done(job.job_id)
        job_size, printed = len(queue.spooled_document(job.job_id)), len(queue.printed())
    return times[1:], job_size, printed  # the first run warms pypdf's import and CUPS's caches


def bench_app(queue: PdfQueue, runs: int) -> tuple[list[float], list[float], tuple[float, float], int]:
    """File ▸ Print to the dialog (s), Print to queued (s), the longest UI stall (ms) of the idle
    window and while printing, the job's size."""
    app = create_app()
    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    recipe_file = Path(os.environ["BRIEFER_SETTINGS"]).with_name("whole-report.yaml")
    save_recipe(WHOLE_REPORT, recipe_file)
    window.open_recipe_file(recipe_file)
    wait_until(
        app,
        limit=PATIENCE,
        condition=lambda: window.last_preview is not None and window.last_preview.recipe == window.panel.recipe(),
    )
    heartbeat = Heartbeat()
    # the same heartbeat over the idle window first: what the machine's own load costs
    heartbeat.start()
    idle_until = time.perf_counter() + 3.0
    wait_until(app, limit=PATIENCE, condition=lambda: time.perf_counter() > idle_until)
    heartbeat.stop()
    idle = max(heartbeat.gaps, default=0.0)
    to_dialog, to_queued, job_size = [], [], 0
    heartbeat.start()
    for _ in range(runs):
        started = time.perf_counter()
        window.commands.print.trigger()
        wait_until(
            app, limit=PATIENCE, condition=lambda: window.print_dialog is not None and window.print_dialog.isVisible()
        )
        to_dialog.append(time.perf_counter() - started)
        dialog = window.print_dialog
        assert dialog is not None
        pause = time.perf_counter() + 0.3  # a person reads the dialog before clicking Print
        wait_until(app, limit=PATIENCE, condition=lambda p=pause: time.perf_counter() > p)
        started = time.perf_counter()
        dialog.print_button.click()
        wait_until(
            app,
            limit=PATIENCE,
            condition=lambda d=dialog: d.job is not None and (d.job.job is not None or not d.job.running),
        )
        to_queued.append(time.perf_counter() - started)
        wait_until(app, limit=PATIENCE, condition=lambda d=dialog: not d.isVisible())
        assert dialog.job is not None and dialog.job.job is not None, dialog.warning.text()
        job_size = len(queue.spooled_document(dialog.job.job.job_id))
    heartbeat.stop()
    dialogs.ask_save_changes = lambda parent, name: "discard"
    window.close()
    return to_dialog, to_queued, (idle, max(heartbeat.gaps, default=0.0)), job_size


def bench_raster(queue: PdfQueue, pdf: bytes, pages: int) -> tuple[float, int, int]:
    """The raster path over the first `pages` pages: seconds to queued, the job's size, the dpi."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(queue.name)
    printer.setFullPage(True)
    printer.setFromTo(1, pages)
    before = set(all_jobs(queue))
    started = time.perf_counter()
    draw_pages(pdf, printer, lambda done, total: None, threading.Event())  # Qt submits the job at the end
    seconds = time.perf_counter() - started
    job = max(set(all_jobs(queue)) - before, key=lambda j: int(j.rsplit("-", 1)[1]))
    queue.wait_until_done(job, timeout=600)
    return seconds, len(queue.spooled_document(job)), printer.resolution()


def all_jobs(queue: PdfQueue) -> list[str]:
    out = queue.cups.run("lpstat", "-W", "all", "-o", queue.name, check=False).stdout
    return [line.split()[0] for line in out.splitlines() if line and not line[0].isspace()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each PDF-path measurement")
    parser.add_argument("--raster-pages", type=int, default=3, help="pages the raster path prints (0: skip it)")
    args = parser.parse_args()

    cups = start_cups()
    try:
        os.environ["CUPS_SERVER"] = cups.server
        queue = cups.add_pdf_queue("bench-pdf")
        cups.set_default(queue.name)
        pdf = build_bytes(load_report(ROOT / "content"), WHOLE_REPORT)
        pages = read_document(pdf).pages
        print("printing core…", file=sys.stderr)
        core, core_size, printed = bench_core(queue, pdf, args.runs)
        print("the app…", file=sys.stderr)
        to_dialog, to_queued, stall, app_size = bench_app(queue, args.runs)
        print("the raster path…", file=sys.stderr)
        raster = bench_raster(queue, pdf, min(args.raster_pages, pages)) if args.raster_pages > 0 else None
    finally:
        cups.stop()
    report(args, pdf, pages, core, core_size, printed, to_dialog, to_queued, stall, app_size, raster)


def report(args, pdf, pages, core, core_size, printed, to_dialog, to_queued, stall, app_size, raster) -> None:  # noqa: ANN001
    size = len(pdf)
    rows = [
        (f"the whole report: {pages} pages, PDF size (MB)", f"{size / MB:.2f}", ""),
        ("printing core: Print to job queued, median (s)", f"{statistics.median(core):.3f}", "< 2"),
        ("  fastest (s)", f"{min(core):.3f}", ""),
        ("  job size / PDF size", f"{core_size / size:.2f}", "< 2"),
        ("  what reached the printer (PJL + PDF after pdftopdf) (MB)", f"{printed / MB:.2f}", ""),
        ("app: File ▸ Print to the dialog shown, median (s)", f"{statistics.median(to_dialog):.3f}", ""),
        ("app: Print to job queued, median (s)", f"{statistics.median(to_queued):.3f}", "< 2"),
        ("  job size / PDF size", f"{app_size / size:.2f}", "< 2"),
        ("app: longest UI-thread stall while printing (ms)", f"{stall[1]:.1f}", "< 50"),
        ("  the same heartbeat over the idle window, 3 s (ms)", f"{stall[0]:.1f}", ""),
    ]
    if raster is not None:
        seconds, raster_size, dpi = raster
        done = min(args.raster_pages, pages)
        rows += [
            (f"raster path, {done} pages at {dpi} dpi: to job queued (s)", f"{seconds:.1f}", ""),
            ("  job size (MB)", f"{raster_size / MB:.1f}", ""),
            (
                f"  per page: time (s) / size (MB); x{pages} pages",
                f"{seconds / done:.1f} / {raster_size / done / MB:.1f}",
                "",
            ),
        ]
    width = max(len(r[0]) for r in rows)
    print(f"{'what':<{width}}  {'value':>11}  {'target':>6}")
    for name, value, target in rows:
        print(f"{name:<{width}}  {value:>11}  {target:>6}")
    print(f"({args.runs} timed runs after one warm-up; a private CUPS scheduler, Generic PDF Printer queue)")


if __name__ == "__main__":
    main()
