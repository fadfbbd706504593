"""What runs in a batch worker process: set up once (report, fonts), then build jobs.

Workers return bytes and never write files; the parent writes each one atomically, so a
cancelled or failed batch leaves only finished files. Imports the core and batch modules.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefer.batch.impose import impose_booklet
from briefer.batch.plan import Job
from briefer.content.model import Report
from briefer.content.problems import ContentError
from briefer.output import OutputError

if TYPE_CHECKING:
    from briefer.batch.copies import CopyMaker, Template


@dataclass(frozen=True, slots=True)
class Output:
    stem: str  # "" for a booklet made only to be joined into a combined file
    kind: str  # "brief" | "booklet" | "glance" | "parts" (a recipient's, to put on a template)
    pdf: bytes
    pages: int
    detail: str = ""  # e.g. "3 sheets, 2 blank pages"
    template: bytes = b""  # of "parts": the template they go on (batch/copies.py)


@dataclass(frozen=True, slots=True)
class JobResult:
    index: int
    outputs: tuple[Output, ...] = ()
    dropped: tuple[str, ...] = ()  # at-a-glance content that gave way
    error: str = ""  # bad input found while building (the message), "" on success


_report: Report | None = None


def init_worker(report: Report) -> None:
    """Process initialiser: keep the report, ignore Ctrl-C (the parent decides), end with the
    parent, warm the fonts."""
    global _report
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    exit_with_parent()
    _report = report
    warm_up()


def exit_with_parent() -> None:
    """End this worker as soon as its parent is gone, even mid-build (`kill -9` of a batch).

    A worker waits for jobs on a queue whose other end it holds itself, so it would never see
    its parent go; multiprocessing gives each child a sentinel that becomes ready then.
    """
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        parent.join()
        os._exit(1)

    threading.Thread(target=watch, name="briefer-parent-watch", daemon=True).start()


def warm_up() -> None:
    """Register fonts and import the renderers now, not in the middle of the first job."""
    from briefer.render.fonts import register_fonts

    register_fonts()
    import briefer.render.glance  # noqa: F401
    import briefer.render.pdf  # noqa: F401
    import briefer.render.personal  # noqa: F401


def run_job(index: int, job: Job) -> JobResult:
    """Entry point in a worker process (after init_worker)."""
    assert _report is not None, "init_worker was not run"
    return build_job(_report, index, job)


def build_job(report: Report, index: int, job: Job) -> JobResult:
    try:
        if job.glance:
            return _glance(report, index, job)
        return _brief(report, index, job)
    except (ContentError, OutputError) as exc:
        # these carry unpicklable state (problem lists); their message says everything
        return JobResult(index, error=str(exc))


def _brief(report: Report, index: int, job: Job) -> JobResult:
    from briefer.build import build_bytes, page_count

    if job.joined:
        made = _copies(report).parts(job.recipe)
        if made is not None:
            return JobResult(index, (_parts_output(job, *made),))
        pdf = build_bytes(report, job.recipe)  # its parts do not fit: the copy is built whole
    elif job.personal:
        pdf = _copies(report).build(job.recipe)
    else:
        pdf = build_bytes(report, job.recipe)
    outputs = [Output(job.stem, "brief", pdf, page_count(pdf))]
    if job.booklet:
        booklet = impose_booklet(pdf)
        sheets = f"{booklet.sheets} sheet{'s' if booklet.sheets != 1 else ''}"
        blanks = f", {booklet.blanks} blank page{'s' if booklet.blanks != 1 else ''} added" if booklet.blanks else ""
        detail = f"{booklet.pages} pages on {sheets}{blanks}"
        outputs.append(Output(job.booklet_stem, "booklet", booklet.pdf, booklet.sheets * 2, detail))
    return JobResult(index, tuple(outputs))


_copy_maker: CopyMaker | None = None


def _parts_output(job: Job, template: Template, parts: bytes) -> Output:
    """A recipient's parts for the combined file, and their template (the parent keeps one of each)."""
    return Output(job.stem, "parts", parts, template.pages, template=template.pdf)


def _copies(report: Report) -> CopyMaker:
    """This process's maker of personalised copies, which keeps each recipe's template."""
    from briefer.batch.copies import CopyMaker

    global _copy_maker
    if _copy_maker is None or _copy_maker.report is not report:
        _copy_maker = CopyMaker(report)
    return _copy_maker


def _glance(report: Report, index: int, job: Job) -> JobResult:
    from briefer.build import build_glance

    glance = build_glance(report, job.recipe)
    return JobResult(index, (Output(job.stem, "glance", glance.pdf, 1),), glance.dropped)
