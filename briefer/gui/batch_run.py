"""One batch run off the UI thread: build_batch through worker.run_task, progress relayed by a queued signal.

Imports Qt core, the batch API and worker.py; never touches a widget.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal

from briefer.batch import BatchPlan, build_batch
from briefer.content.model import Report
from briefer.gui.worker import Outcome, run_task


class BatchRun(QObject):
    """Builds `plan` into `folder` once. Parentless on purpose: the running task holds it, so it
    outlives a dialog closed mid-run, and nothing emits on a deleted object."""

    progress_changed = Signal(object)  # a runner.Progress, emitted on the worker thread (connect it queued)
    run_finished = Signal(object)  # on the UI thread: the Outcome, a BatchResult or the exception that stopped it

    def __init__(self, report: Report, plan: BatchPlan, folder: Path) -> None:
        super().__init__()
        self.report, self.plan, self.folder = report, plan, folder
        self._cancel = threading.Event()
        self.running = False

    def start(self) -> None:
        report, plan, folder, cancel = self.report, self.plan, self.folder, self._cancel

        def work() -> object:  # on a pool thread: plain data in and out
            # jobs=None, every core: the runner starts its processes from a fork server, a fresh
            # interpreter started with exec (not forked from this threaded Qt process), so it is safe here.
            return build_batch(report, plan, folder, on_progress=self.progress_changed.emit, cancel=cancel)

        self.running = True
        run_task(work, self._finished, QThreadPool.globalInstance())

    def cancel(self) -> None:
        """Nothing new starts; build_batch returns within moments and the files written so far stay."""
        self._cancel.set()

    @property
    def cancelling(self) -> bool:
        return self.running and self._cancel.is_set()

    def _finished(self, outcome: Outcome) -> None:
        self.running = False
        self.run_finished.emit(outcome)
