"""Preview builds in a warm child process, so ReportLab never holds the UI thread's interpreter lock.

A build in a thread shares the GIL with the UI: measured stalls of 50–60 ms (mostly garbage
collection of the build's objects); in a child process the UI thread never waits. The child is
`python -m briefer.gui.build_process`, fed pickled requests on stdin. No Qt on either side.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pickle
import select
import struct
import subprocess
import sys
import threading
import time
import traceback
import warnings
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, BinaryIO, cast

import briefer

# Light to import, so the app can start the child before it imports Qt and its window (app.py):
# the core is imported where it is used, in the child and once a reply comes back.
if TYPE_CHECKING:
    from briefer.content.model import Report
    from briefer.gui.preview_job import Preview
    from briefer.gui.short_jobs import Job
    from briefer.tailor.recipe import Recipe

_LENGTH = struct.Struct("!Q")
BUILD_SECONDS = 60.0  # a preview taking longer is stopped (the whole 250-page report takes 2 s)
CHILD_MEMORY = 3 * 1024**3  # bytes of address space the child may use
BUILD_NICE = 5  # the child's priority below the app's (a niceness step)


def _send(stream: IO[bytes], message: object) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_LENGTH.pack(len(data)) + data)
    stream.flush()


class BuildTimeout(Exception):
    """The child did not answer in time."""


def _receive(stream: IO[bytes], timeout: float | None = None) -> object | None:
    """The next message, or None when the other side has gone; BuildTimeout after `timeout` s."""
    if timeout is not None and not select.select([stream], [], [], timeout)[0]:
        raise BuildTimeout
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        return None
    (size,) = _LENGTH.unpack(head)
    data = stream.read(size)
    return pickle.loads(data) if len(data) == size else None


# --- in the child ---------------------------------------------------------------------------


def _build(
    report: Report,
    request: Recipe | Job,
    first_pages: int = 0,
    on_first_pages: Callable[[Preview], None] | None = None,
) -> object:
    """A preview of a recipe (its first pages handed on first, when asked), or what another job
    (a short form) makes."""
    from briefer.gui.preview_job import build_preview
    from briefer.gui.short_jobs import Job

    if isinstance(request, Job):
        return request.run(report)
    return build_preview(report, request, first_pages, on_first_pages)


def _build_side_by_side(report: Report, recipe: Recipe, first_pages: int, replies: BinaryIO) -> Preview:
    """In the child, where fork exists: tailor once, then lay out the first pages in a forked copy
    of this process (on the machine's other core) while this one lays out the whole brief. The
    copy sends its reply and exits before this one sends the whole brief (it is waited for)."""
    from briefer.gui.preview_job import first_pages_preview, whole_preview
    from briefer.tailor.tailor import tailor

    started = time.perf_counter()
    brief = tailor(report, recipe)
    with warnings.catch_warnings():
        # Python 3.12+ warns about forking with threads: the only other thread here sleeps and
        # polls getppid (_exit_with_parent), holding no lock the copy could need
        warnings.simplefilter("ignore", DeprecationWarning)
        copy = os.fork()
    if copy == 0:  # the copy: nothing here may return into the serving loop
        try:
            first = first_pages_preview(brief, recipe, first_pages, started)
            if first.first_pages:
                _send(replies, ("first-pages", first))
        finally:
            os._exit(0)
    try:
        return whole_preview(brief, recipe, started)
    finally:
        os.waitpid(copy, 0)


def _warm_up() -> None:
    """Import what a build uses before the first request comes (the PDF renderer's modules are
    imported on a first build otherwise: ~0.2 s of the first preview), and load the fonts."""
    from briefer.content.resources import MissingPartError
    from briefer.gui import preview_job, short_jobs  # noqa: F401
    from briefer.render import pdf  # noqa: F401
    from briefer.render.fonts import register_fonts

    with contextlib.suppress(MissingPartError):  # then every build says so, in the preview
        register_fonts()


def serve(requests: BinaryIO, replies: BinaryIO) -> None:
    """Answer (key, report or None, recipe, first pages) requests until the parent closes the pipe.

    The report comes only when it changed; the child keeps the last one under the parent's key.
    A request with first pages gets a ("first-pages", Preview) reply before its answer when the
    brief is longer than that.
    """
    from briefer.content.problems import ContentError
    from briefer.content.resources import MissingPartError
    from briefer.gui.short_jobs import Job
    from briefer.tailor.recipe_check import RecipeError

    _warm_up()
    reports: dict[int, Report] = {}
    while (request := _receive(requests)) is not None:
        key, report, recipe, first_pages = cast("tuple[int, Report | None, Recipe | Job, int]", request)
        if report is not None:
            reports = {key: report}
        held = reports.get(key)
        reply: tuple[str, object]
        if held is None:
            reply = ("missing", None)
        else:
            try:
                if first_pages > 0 and hasattr(os, "fork") and not isinstance(recipe, Job):
                    reply = ("ok", _build_side_by_side(held, recipe, first_pages, replies))
                else:
                    reply = ("ok", _build(held, recipe, first_pages, partial(_send_first_pages, replies)))
            except ContentError as exc:
                # a ContentError does not survive pickling (its argument is its message): send the parts
                reply = ("recipe" if isinstance(exc, RecipeError) else "content", exc.problems)
            except MissingPartError as exc:
                reply = ("missing-part", str(exc))
            except Exception as exc:  # shown in the preview panel, where it can be reported
                reply = ("error", "".join(traceback.format_exception(exc)))
        _send(replies, reply)


def _send_first_pages(replies: BinaryIO, preview: Preview) -> None:
    _send(replies, ("first-pages", preview))


def main() -> None:
    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # anything printed goes to stderr, never into the replies
    _limit_memory()
    _yield_to_the_app()
    _exit_with_parent()
    serve(sys.stdin.buffer, replies)


def _limit_memory() -> None:
    """A build that runs away fails with MemoryError (shown in the preview) instead of taking
    the machine's memory; a whole report needs under 200 MB."""
    try:
        import resource
    except ImportError:  # not on Windows
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = CHILD_MEMORY if hard == resource.RLIM_INFINITY else min(CHILD_MEMORY, hard)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _yield_to_the_app() -> None:
    """Run at a lower priority than the app: on a two-core machine this process and its copy
    laying out the first pages can take both cores, and the window must still answer at once.
    BRIEFER_BUILD_NICE changes the step (0: none)."""
    with contextlib.suppress(AttributeError, OSError, ValueError):  # no os.nice on Windows
        os.nice(int(os.environ.get("BRIEFER_BUILD_NICE", BUILD_NICE)))


def _exit_with_parent() -> None:
    """End as soon as the app is gone, even in the middle of a build: the end of input is only
    read between builds, and a killed app must not leave its preview process running."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="briefer-parent-watch", daemon=True).start()


# --- in the app -----------------------------------------------------------------------------


# how a frozen app (the desktop bundle, which has no `python -m`) starts itself as the child;
# the bundle's entry script (packaging/briefer_main.py) answers this first argument
FROZEN_CHILD_ARGUMENT = "--briefer-build-process"


def child_command() -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable, FROZEN_CHILD_ARGUMENT]
    # -P: the working folder is not put on sys.path, so a briefer/ there cannot shadow ours
    return [sys.executable, "-P", "-m", "briefer.gui.build_process"]


class BuildProcessError(RuntimeError):
    """The child process failed in a way that is not about the recipe or the content."""


class PreviewTooSlow(BuildProcessError):
    """A build ran past the time limit and was stopped; the message says what to do."""


class ProcessBuild:
    """A build function (report, recipe) -> Preview that runs in one warm child process.

    Call it from a worker thread: it blocks that thread, not the UI, until the child answers.
    The report crosses to the child only when it changes (about 2 ms to pickle the whole report).
    """

    def __init__(self, time_limit: float = BUILD_SECONDS) -> None:
        self._lock = threading.Lock()
        self._child: subprocess.Popen[bytes] | None = None
        self._sent: Report | None = None  # kept alive so identity means "the same report"
        self._key = 0
        self._stops = 0  # counts stop() calls: a build running across one gives up
        self.time_limit = time_limit
        self.in_thread = False  # True when no child could be started: build in the calling thread

    def start(self) -> None:
        """Start the child now, so it warms up while the window opens."""
        with self._lock:
            self._ensure_child()

    def _ensure_child(self) -> subprocess.Popen[bytes] | None:
        if self.in_thread:
            return None
        if self._child is not None and self._child.poll() is not None:
            self._stop_child()  # it died between builds: close its pipes before starting another
        if self._child is None:
            source = str(Path(briefer.__file__).resolve().parents[1])
            path = os.environ.get("PYTHONPATH", "")
            env = {**os.environ, "PYTHONPATH": source + (os.pathsep + path if path else "")}
            try:
                self._child = subprocess.Popen(
                    child_command(),
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    env=env,
                )
            except OSError:  # no processes allowed here: builds run in the worker thread instead
                self.in_thread = True
                self._child = None
            self._sent = None
        return self._child

    def __call__(
        self,
        report: Report,
        recipe: Recipe,
        first_pages: int = 0,
        on_first_pages: Callable[[Preview], None] | None = None,
    ) -> Preview:
        """The preview of `recipe`; with `first_pages`, `on_first_pages` gets the brief's first
        pages alone first, when the brief is longer (called in this thread)."""
        from briefer.content.problems import ContentError
        from briefer.content.resources import MissingPartError
        from briefer.gui.i18n import _
        from briefer.tailor.recipe_check import RecipeError

        with self._lock:  # one build at a time: the child holds one report
            stops = self._stops
            for _attempt in range(3):
                child = self._ensure_child()
                if child is None:
                    return cast("Preview", _build(report, recipe, first_pages, on_first_pages))
                fresh = report is not self._sent
                if fresh:
                    self._key += 1
                request = (self._key, report if fresh else None, recipe, first_pages)
                reply = self._exchange(child, request, on_first_pages)
                if reply is None:  # the child died (killed, out of memory): start another
                    self._stop_child()
                    if stops != self._stops:
                        raise BuildProcessError("the preview process was stopped")
                    continue
                kind, value = cast(tuple[str, Any], reply)
                if kind == "missing":
                    self._sent = None
                    continue
                self._sent = report
                if kind == "ok":
                    return cast("Preview", value)
                if kind == "missing-part":
                    raise MissingPartError(str(value))
                if kind in ("recipe", "content"):
                    raise (RecipeError if kind == "recipe" else ContentError)(value)
                raise BuildProcessError(_("the preview process failed:\n{details}").format(details=value))
        raise BuildProcessError(_("the preview process stopped answering (it was restarted twice)"))

    def _exchange(
        self, child: subprocess.Popen[bytes], request: object, on_first_pages: Callable[[Preview], None] | None
    ) -> object | None:
        """Send one request and wait for its answer, handing on first pages that come before it;
        None when the child has gone."""
        assert child.stdin is not None and child.stdout is not None
        try:
            _send(child.stdin, request)
            while True:
                reply = _receive(child.stdout, self.time_limit)
                if not (isinstance(reply, tuple) and reply[0] == "first-pages"):
                    return reply
                if on_first_pages is not None:
                    on_first_pages(cast("Preview", reply[1]))
        except (BrokenPipeError, OSError):
            return None
        except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError, ValueError):
            # a reply cut short (the copy laying out the first pages killed while it wrote):
            # what follows on the pipe cannot be read, so this child is done with
            self._stop_child(kill=True)
            return None
        except BuildTimeout:
            self._stop_child(kill=True)
            raise PreviewTooSlow(
                f"building the preview took more than {self.time_limit:g} seconds, so it was "
                "stopped; export the brief (File ▸ Export PDF) to build it without a time limit"
            ) from None

    def _stop_child(self, kill: bool = False) -> None:
        child, self._child, self._sent = self._child, None, None
        if child is None:
            return
        if kill:
            child.kill()
        with contextlib.suppress(OSError):
            if child.stdin is not None:
                child.stdin.close()  # the child ends at the end of its input
        try:
            child.wait(timeout=2)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
        if child.stdout is not None:
            child.stdout.close()

    def run_job(self, report: Report, job: Job) -> object:
        """Run a short-form job in the child (as a preview is built), blocking the calling thread."""
        return self(report, cast("Recipe", job))

    def stop(self) -> None:
        """End the child now, even in the middle of a build (that build raises BuildProcessError).

        Safe from any thread; the next build starts a new child.
        """
        self._stops += 1
        child = self._child
        if child is not None and child.poll() is None:
            child.kill()

    def shutdown(self) -> None:
        """Stop the child; a build in progress is ended, not waited for."""
        self.stop()
        with self._lock:
            self._stop_child()


_shared: ProcessBuild | None = None


def shared_process_build() -> ProcessBuild:
    """The app's one build process, started on first use and stopped when the app exits."""
    global _shared
    if _shared is None:
        _shared = ProcessBuild()
        atexit.register(_shared.shutdown)
    return _shared


if __name__ == "__main__":
    main()
