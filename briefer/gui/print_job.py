"""One print job off the UI thread: send the PDF to CUPS, follow the job until it leaves the queue,
cancel it on request. Every CUPS call runs on a worker (worker.run_task); never touches a widget.

Imports Qt core, the printing core and worker.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import cast

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from briefer.gui.worker import Outcome, run_task
from briefer.printing import cups
from briefer.printing.cups import JobState, JobStatus, Printers
from briefer.printing.options import PrintOptions
from briefer.printing.send import Document, SentJob, send

POLL_MS = 250  # how often the job's state is asked for while it is in the queue
STEPS = 4  # checking and sending, queued, printing, done


@dataclass(frozen=True, slots=True)
class JobProgress:
    step: int  # of STEPS
    text: str  # what is happening, for people
    warning: str = ""  # e.g. the printer stopped while the job waits; "" when all is well


@dataclass(frozen=True, slots=True)
class JobEnd:
    """How a job ended: printed (job set), cancelled, or failed (error set)."""

    job: SentJob | None = None
    cancelled: bool = False
    error: BaseException | None = None


class PrintJob(QObject):
    """Sends `document` once; emits progress while CUPS holds the job, then how it ended."""

    progress_changed = Signal(object)  # a JobProgress, on the UI thread
    job_ended = Signal(object)  # a JobEnd, once, on the UI thread

    def __init__(self, document: Document, options: PrintOptions, printers: Printers, parent: QObject | None = None):
        super().__init__(parent)
        self.document, self.options, self.printers = document, options, printers
        self.job: SentJob | None = None
        self.running = False
        self.cancelling = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one CUPS call at a time, in order
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._poll)

    def start(self) -> None:
        printer = self.options.printer or self.printers.default or "the default printer"
        self.running = True
        self.progress_changed.emit(JobProgress(0, f"Sending {self.document.pages} pages to {printer}…"))
        # send() lists the printers again: the state shown in the dialog may be minutes old
        run_task(partial(send, self.document, self.options), self._sent, self._pool, self)

    def cancel(self) -> None:
        """Take the job out of the queue (or never send it); job_ended follows with cancelled=True."""
        if not self.running or self.cancelling:
            return
        self.cancelling = True
        if self.job is not None:
            self._timer.stop()
            run_task(partial(cups.cancel, self.job.job_id, self.job.printer), self._poll_after, self._pool, self)

    def wait_for_done(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)

    def _sent(self, outcome: Outcome) -> None:
        if outcome.error is not None:
            # nothing was queued; after a Cancel that is what was asked for
            self._end(JobEnd(cancelled=True) if self.cancelling else JobEnd(error=outcome.error))
            return
        self.job = cast(SentJob, outcome.value)
        if self.cancelling:  # Cancel came while lp was sending: take the job straight out again
            run_task(partial(cups.cancel, self.job.job_id, self.job.printer), self._poll_after, self._pool, self)
            return
        self.progress_changed.emit(JobProgress(1, f"Queued on {self.job.printer} as job {self.job.job_id}"))
        self._timer.start(POLL_MS)

    def _poll_after(self, outcome: Outcome) -> None:
        if outcome.error is not None:
            self._end(JobEnd(self.job, error=outcome.error))
            return
        self._poll()

    def _poll(self) -> None:
        assert self.job is not None
        run_task(partial(cups.job_status, self.job.job_id, self.job.printer), self._polled, self._pool, self)

    def _polled(self, outcome: Outcome) -> None:
        assert self.job is not None
        if outcome.error is not None:
            self._end(JobEnd(self.job, error=outcome.error))
            return
        status = cast(JobStatus, outcome.value)
        if status.state is JobState.DONE:
            self._end(JobEnd(self.job, cancelled=self.cancelling))
            return
        self.progress_changed.emit(self._progress(status))
        self._timer.start(POLL_MS)

    def _progress(self, status: JobStatus) -> JobProgress:
        assert self.job is not None
        printer = status.printer
        warning = ""
        if not printer.enabled:
            waits = "The job waits in its queue; Cancel removes it."
            warning = f"The printer {printer.name} is {printer.state_text()}. {waits}"
        if self.cancelling:
            return JobProgress(1, f"Cancelling job {self.job.job_id}…", warning)
        if status.state is JobState.PRINTING:
            return JobProgress(2, f"{printer.name} is printing job {self.job.job_id}…", warning)
        return JobProgress(1, f"Queued on {printer.name} as job {self.job.job_id}", warning)

    def _end(self, end: JobEnd) -> None:
        self.running = False
        self._timer.stop()
        self.job_ended.emit(end)
