"""Run a batch plan on all cores, with progress and prompt cancellation; write each file atomically.

The API the CLI and the app share: `build_batch(report, plan, outdir, jobs=, on_progress=,
cancel=)`. Qt-free: call it from a worker thread and relay `on_progress` to the UI thread
(it is called on the thread that runs build_batch). Imports the core and batch modules.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import sys
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from briefer.batch.combine import Joiner
from briefer.batch.errors import BatchError
from briefer.batch.plan import BatchPlan
from briefer.batch.worker import JobResult, Output, build_job, init_worker, run_job, warm_up
from briefer.content.model import Report
from briefer.inputs import reason
from briefer.output import write_atomically

# imported once by the fork server, so each worker starts with them loaded and the fonts registered
PRELOAD = ["briefer.batch.worker", "briefer.build", "briefer.batch.copies", "pikepdf", "briefer.batch.fork_preload"]
POLL_SECONDS = 0.05  # how often a waiting batch looks at the cancel flag
AHEAD = 2  # jobs handed to the pool per worker: enough to keep every worker busy


class CancelFlag(Protocol):
    """Anything with is_set(): a threading.Event, or the app's own flag."""

    def is_set(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class WrittenFile:
    path: Path
    kind: str  # "brief" | "booklet" | "glance" | "combined" | "combined-booklet"
    label: str  # whose file it is: "Members of parliament · Finland", a recipient's name
    pages: int
    detail: str = ""  # e.g. "3 sheets, 2 blank pages added"
    dropped: tuple[str, ...] = ()  # at-a-glance content that gave way


@dataclass(frozen=True, slots=True)
class Progress:
    """Sent after each finished job (and once with done=0 before the first)."""

    done: int
    total: int
    label: str = ""  # the job just finished
    written: tuple[WrittenFile, ...] = ()  # files that job wrote (none in a combined run)


@dataclass(frozen=True, slots=True)
class BatchResult:
    files: tuple[WrittenFile, ...]  # in the order they were written
    cancelled: bool
    seconds: float
    workers: int


ProgressCallback = Callable[[Progress], None]


def default_jobs() -> int:
    return os.cpu_count() or 1


def build_batch(
    report: Report,
    plan: BatchPlan,
    outdir: Path | str,
    *,
    jobs: int | None = None,
    on_progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
) -> BatchResult:
    """Build every job of `plan` into `outdir` (created if needed).

    jobs: worker processes (default: every core; 1 builds in this process).
    cancel: once set, pending jobs are dropped and running ones abandoned; build_batch returns
    promptly with cancelled=True, leaving only the files already written (each one complete).
    Raises BatchError when a job fails on its input; files written before stay.
    """
    started = time.perf_counter()
    if jobs is not None and jobs < 1:
        raise BatchError(f"--jobs must be 1 or more, not {jobs}")
    folder = Path(outdir)
    _make_folder(folder)
    workers = max(1, min(jobs or default_jobs(), len(plan.jobs)))
    sink = _Sink(plan, folder, on_progress)
    sink.report_start()
    if workers == 1:
        cancelled = _run_here(report, plan, sink, cancel)
    else:
        cancelled = _run_pool(report, plan, sink, cancel, workers)
    if not cancelled:
        sink.finish()
    return BatchResult(tuple(sink.written), cancelled, time.perf_counter() - started, workers)


def _make_folder(folder: Path) -> None:
    try:
        if folder.exists() and not folder.is_dir():
            raise BatchError(f"cannot write into {folder}: it is a file, not a folder")
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BatchError(f"cannot create the folder {folder}: {reason(exc)}") from exc


def _run_here(report: Report, plan: BatchPlan, sink: _Sink, cancel: CancelFlag | None) -> bool:
    warm_up()
    for index, job in enumerate(plan.jobs):
        if cancel is not None and cancel.is_set():
            return True
        sink.accept(build_job(report, index, job))
    return False


def _run_pool(report: Report, plan: BatchPlan, sink: _Sink, cancel: CancelFlag | None, workers: int) -> bool:
    """Keep at most AHEAD jobs per worker in flight; finished ones come back through a queue.

    Neither concurrent.futures.wait() nor thousands of pending futures: a Ctrl-C landing in
    wait() can leave a future's lock held, and cancelling 10,000 futures then never returns.
    A SimpleQueue's get() is interrupted cleanly, and a few futures are cancelled at once.
    """
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=_context(), initializer=init_worker, initargs=(report,))
    finished = False
    done: queue.SimpleQueue[Future[JobResult]] = queue.SimpleQueue()
    waiting = iter(enumerate(plan.jobs))
    running: set[Future[JobResult]] = set()
    try:
        while True:
            while len(running) < workers * AHEAD and (item := next(waiting, None)) is not None:
                future = pool.submit(run_job, *item)
                running.add(future)
                future.add_done_callback(done.put)
            if not running:
                break
            if cancel is not None and cancel.is_set():
                return True
            try:
                future = done.get(timeout=POLL_SECONDS)
            except queue.Empty:
                continue
            running.discard(future)
            try:
                result = future.result()
            except BrokenProcessPool as exc:
                raise BatchError(f"a build process stopped unexpectedly ({exc}); nothing more was built") from exc
            sink.accept(result)
        finished = True
        return False
    finally:
        # After a cancel, an error or an interrupt, drop the queued jobs and stop the workers
        # now: their results would be discarded, and the interpreter's exit would wait for them.
        # The pool cancels its own futures (cancelling them here as well makes Python 3.11's
        # pool fail on them once its workers are stopped); `pool` stays referenced meanwhile.
        processes, manager = _workers(pool), getattr(pool, "_executor_manager_thread", None)  # shutdown forgets them
        pool.shutdown(wait=finished, cancel_futures=True)
        if not finished:
            for process in processes:
                with contextlib.suppress(OSError, ValueError):
                    process.terminate()
            if manager is not None:
                # the pool's thread notices the stopped workers and closes its pipes; an exit
                # racing it makes Python 3.11 write to a closed pipe (a traceback at exit)
                manager.join(timeout=5)


def _workers(pool: ProcessPoolExecutor) -> list[multiprocessing.process.BaseProcess]:
    """The pool's worker processes (concurrent.futures has no public way to them before 3.14)."""
    return list((getattr(pool, "_processes", None) or {}).values())


def _context() -> multiprocessing.context.BaseContext:
    """Fork is fastest, but forking a threaded process (the app) can deadlock the child, and
    macOS and Windows lack it: use a preloaded fork server where there is one, else spawn."""
    if sys.platform.startswith("linux") and "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)
        _start_fork_server()
        return ctx
    return multiprocessing.get_context("spawn")


def _start_fork_server() -> None:
    """The fork server is a new interpreter run with `-c`, which puts the working folder first on
    sys.path: a folder holding a `briefer/` of its own (a checkout, a report's folder) would
    shadow the real package in every worker. PYTHONSAFEPATH (Python 3.11+) leaves it off; the
    server lives as long as this process, so it is set only while the server starts."""
    from multiprocessing import forkserver

    saved = os.environ.get("PYTHONSAFEPATH")
    os.environ["PYTHONSAFEPATH"] = "1"
    try:
        forkserver.ensure_running()
    finally:
        if saved is None:
            del os.environ["PYTHONSAFEPATH"]
        else:
            os.environ["PYTHONSAFEPATH"] = saved


class _Sink:
    """Receives finished jobs in any order: writes files, keeps copies to join, reports progress."""

    def __init__(self, plan: BatchPlan, folder: Path, on_progress: ProgressCallback | None) -> None:
        self.plan = plan
        self.folder = folder
        self.on_progress = on_progress
        self.written: list[WrittenFile] = []
        self.copies: dict[int, JobResult] = {}  # finished, waiting for the ones before them to be joined
        self.joined = 0  # jobs joined into the combined files so far, in the plan's order
        self.joiners: dict[str, Joiner] = {}
        self.done = 0

    def report_start(self) -> None:
        if self.on_progress:
            self.on_progress(Progress(0, len(self.plan.jobs)))

    def accept(self, result: JobResult) -> None:
        job = self.plan.jobs[result.index]
        if result.error:
            raise BatchError(f"{job.label}: {result.error}")
        now: list[WrittenFile] = []
        if self.plan.combined_stem:
            self.copies[result.index] = result
            self._join_ready()
        else:
            for out in result.outputs:
                if out.stem:
                    now.append(
                        self._write(
                            out.stem,
                            out.kind,
                            job.label,
                            out.pdf,
                            out.pages,
                            out.detail,
                            result.dropped if out.kind == "glance" else (),
                        )
                    )
        self.done += 1
        if self.on_progress:
            self.on_progress(Progress(self.done, len(self.plan.jobs), job.label, tuple(now)))

    def _join_ready(self) -> None:
        """Join the finished copies that are next in the plan's order, while the rest build."""
        while (result := self.copies.pop(self.joined, None)) is not None:
            label = self.plan.jobs[result.index].label
            for out in result.outputs:
                joiner = self._joiner("combined-booklet" if out.kind == "booklet" else "combined")
                if out.kind != "parts":
                    joiner.add(label, out.pdf)
                elif not joiner.add_personal(label, out.template, out.pdf):
                    raise BatchError(f"{label}: a bug in briefer: the copy's cover does not fit its template")
            self.joined += 1

    def _joiner(self, kind: str) -> Joiner:
        if kind not in self.joiners:
            self.joiners[kind] = Joiner()
        return self.joiners[kind]

    def finish(self) -> None:
        """Write the combined files of a combined run."""
        for kind, stem in (
            ("combined", self.plan.combined_stem),
            ("combined-booklet", self.plan.combined_booklet_stem),
        ):
            joiner = self.joiners.get(kind)
            if not stem or joiner is None:
                continue
            pdf = joiner.finish()
            detail = f"{joiner.copies} copies, each starting on a right-hand page"
            self._write(stem, kind, "all copies", pdf, _pages(pdf), detail, ())

    def _write(
        self, stem: str, kind: str, label: str, pdf: bytes, pages: int, detail: str, dropped: tuple[str, ...]
    ) -> WrittenFile:
        path = self.folder / f"{stem}.pdf"
        write_atomically(path, pdf)
        written = WrittenFile(path, kind, label, pages, detail, dropped)
        self.written.append(written)
        return written


def _pages(pdf: bytes) -> int:
    from briefer.build import page_count

    return page_count(pdf)


__all__ = ["BatchResult", "Output", "Progress", "WrittenFile", "build_batch", "default_jobs"]
