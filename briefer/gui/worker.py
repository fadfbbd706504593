"""Background work: `run_task` (Picard's shape) and the preview builder with generation numbers.

The rule, as in Anki's QueryOp: a task gets plain data, returns plain data and never touches a
widget; its outcome is delivered on the main thread through a queued signal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from briefer.content.model import Report
from briefer.gui.preview_job import Preview, build_preview
from briefer.tailor.recipe import Recipe


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a task returned, or the exception it raised (then `value` is None)."""

    value: object = None
    error: BaseException | None = None


class _Relay(QObject):
    """Lives on the main thread; the worker emits through it, so delivery is queued there."""

    outcome_changed = Signal(object)  # the task's Outcome, emitted once from the worker thread

    def __init__(self, on_done: Callable[[Outcome], None], owner: QObject | None) -> None:
        super().__init__()
        self._on_done = on_done
        self._owner = owner
        self.outcome_changed.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _deliver(self, outcome: Outcome) -> None:
        _live.discard(self)
        self.deleteLater()
        if self._owner is None or shiboken6.isValid(self._owner):
            self._on_done(outcome)  # else whoever asked is gone (a closed window): drop it


class _Task(QRunnable):
    def __init__(self, func: Callable[[], object], relay: _Relay) -> None:
        super().__init__()
        self._func = func
        self._relay = relay

    def run(self) -> None:
        try:
            outcome = Outcome(value=self._func())
        except Exception as exc:  # every failure goes back to the main thread to be shown
            outcome = Outcome(error=exc)
        self._relay.outcome_changed.emit(outcome)


_live: set[_Relay] = set()  # relays waiting for their task; kept here so they are not collected


def run_task(
    func: Callable[[], object],
    on_done: Callable[[Outcome], None],
    pool: QThreadPool,
    owner: QObject | None = None,
) -> None:
    """Run `func()` on `pool`, then `on_done(outcome)` on the main thread unless `owner` was deleted.

    Call it from the main thread.
    """
    relay = _Relay(on_done, owner)
    _live.add(relay)
    pool.start(_Task(func, relay))


# (report, recipe) -> Preview; build_preview and ProcessBuild also take (first_pages, on_first_pages)
BuildFunction = Callable[..., Preview]


class PreviewBuilder(QObject):
    """Builds previews one at a time; only the newest request's result is ever announced.

    Each request gets the next generation number. While a build runs, newer requests wait in a
    single slot (a newer one replaces an older one), so a burst of changes costs at most one
    wasted build; a build that finishes after a newer request was made is thrown away.
    """

    preview_changed = Signal(object)  # a Preview (recipe, PDF bytes, stats) for the newest request
    first_pages_changed = Signal(object)  # a Preview of only the first pages of the newest request's brief
    _first_pages_built = Signal(int, object)  # (generation, Preview), emitted from the worker thread
    problems_changed = Signal(object)  # the exception (often a RecipeError) the newest request raised
    busy_changed = Signal(bool)  # True from a request until its result (or failure) is announced

    def __init__(self, build: BuildFunction = build_preview, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._generation = 0
        self._running = False
        self._waiting: tuple[int, Report, Recipe, int] | None = None
        self._busy = False
        self.discarded = 0  # builds finished too late to be shown (for tests and the bench)
        self._first_pages_built.connect(self._first_pages_ready, Qt.ConnectionType.QueuedConnection)

    @property
    def generation(self) -> int:
        return self._generation

    @property
    def busy(self) -> bool:
        return self._busy

    def request(self, report: Report, recipe: Recipe, first_pages: int = 0) -> int:
        """Ask for a preview of `recipe`; returns the request's generation number. With
        `first_pages`, the brief's first pages alone come first (first_pages_changed) when it is
        longer, while the whole brief is built (the build function must take them)."""
        self._generation += 1
        self._waiting = (self._generation, report, recipe, first_pages)
        self._set_busy(True)
        if not self._running:
            self._start_waiting()
        return self._generation

    def cancel(self) -> None:
        """Forget every request: whatever is running now will be discarded when it ends."""
        self._generation += 1
        self._waiting = None
        self._set_busy(False)

    def wait_for_done(self, msecs: int = -1) -> bool:
        """Block until the pool is idle (for quitting and tests); queued results still need the event loop."""
        return self._pool.waitForDone(msecs)

    def _start_waiting(self) -> None:
        assert self._waiting is not None
        generation, report, recipe, first_pages = self._waiting
        self._waiting = None
        self._running = True
        build = partial(self._build, report, recipe)
        if first_pages > 0:
            build = partial(build, first_pages, partial(self._first_pages_built.emit, generation))
        run_task(build, partial(self._finished, generation), self._pool, self)

    def _first_pages_ready(self, generation: int, preview: Preview) -> None:
        if generation == self._generation:  # else a newer request was made meanwhile
            self.first_pages_changed.emit(preview)

    def _finished(self, generation: int, outcome: Outcome) -> None:
        self._running = False
        if self._waiting is not None:
            self._start_waiting()  # a newer request waited for this build: start it first
        if generation != self._generation:
            self.discarded += 1
            return
        self._set_busy(False)
        if outcome.error is not None:
            self.problems_changed.emit(outcome.error)
        else:
            self.preview_changed.emit(outcome.value)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)
