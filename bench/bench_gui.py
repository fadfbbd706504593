"""App responsiveness, offscreen: start to first preview, change to updated preview, change to
the changed page visible, UI stalls.

Targets (issue 16): first preview within 1 s; change to the changed page visible within 120 ms
median and 250 ms p95; no UI-thread stall over 30 ms. "Updated preview" is the whole brief on
show, as measured before; "the changed page visible" is when the page the reader is left on (the
page the app jumped to for the change, or the place it kept) is on show with the change: in the
first pages alone, shown while the rest is built, if that page was on show there, else in the
whole brief. After each change the bench waits until the app has read the new pages (its jump
made) before the next one. A 5 ms QTimer heartbeat runs during the changes; its longest gap is the
longest stall. Run from another checkout's tree to compare (PYTHONPATH=that/tree python
bench/bench_gui.py): what that tree lacks (an early build process, first pages) is left out.
Run: .venv/bin/python bench/bench_gui.py [--changes N] [--in-thread]
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()  # before Qt or briefer is imported: "start" is the script's start

import argparse  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from collections.abc import Callable  # noqa: E402
from dataclasses import dataclass  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# never read or write the user's settings
os.environ["BRIEFER_SETTINGS"] = os.path.join(tempfile.mkdtemp(prefix="briefer-bench-"), "bench.ini")

from PySide6.QtCore import QElapsedTimer, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from briefer.gui import app as gui_app  # noqa: E402

# as the app starts (run_app): the warm build process first, then the window's modules
if "--in-thread" not in sys.argv and hasattr(gui_app, "start_preview_process"):
    gui_app.start_preview_process()

from briefer.gui import dialogs  # noqa: E402
from briefer.gui.app import create_app  # noqa: E402
from briefer.gui.main_window import MainWindow  # noqa: E402
from briefer.gui.preview_job import Preview, build_preview  # noqa: E402
from briefer.gui.recipe_panel import RecipePanel  # noqa: E402

COUNTRIES = ["FI", "UA", "LT", "EE", "PL"]


class Heartbeat:
    """Counts the longest gap between 5 ms ticks: how long the UI thread could not run."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._tick)
        self.clock = QElapsedTimer()
        self.gaps: list[float] = []

    def start(self) -> None:
        self.gaps.clear()
        self.clock.start()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        self.gaps.append(self.clock.nsecsElapsed() / 1e6)
        self.clock.restart()


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


@dataclass
class Change:
    """One change's times (ms after it was made) and whether only the first pages showed it first."""

    whole: float  # the whole brief on show
    visible: float  # the page the change shows on, on show: the reader's page once all settles
    first_pages: bool  # `visible` came from a preview of the first pages alone
    typed: bool
    build: float  # the build of the whole brief alone


def make_change(panel: RecipePanel, n: int) -> bool:
    """The n-th change a person makes: toggle countries, options, an audience, text; True for typing."""
    step = n % 4
    if step == 0:
        item = panel.countries.item(COUNTRIES[(n // 4) % len(COUNTRIES)])
        ticked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked)
    elif step == 1:
        panel.flags["grayscale"].toggle()
    elif step == 2:
        panel.audience.setCurrentIndex((panel.audience.currentIndex() + 1) % panel.audience.count())
    else:
        panel.watermark.setText(f"DRAFT {n}")
    return step == 3


def measure_change(app: QApplication, window: MainWindow, n: int) -> Change:
    """Make one change; wait for the whole brief and for the app to settle on the changed page.

    The change counts as visible when the page the reader is left on (the change finder's jump, or
    the place kept) is on show: in a preview of the first pages alone if it was on show there,
    else when the whole brief shows it (its jump, if it jumped)."""
    events: list[tuple[str, float, Preview | None, int]] = []  # (kind, time, preview, page on show)

    def record(kind: str, preview: Preview | None) -> None:
        events.append((kind, time.perf_counter(), preview, window.preview.current_page()))

    hooks = [(window.preview_changed, lambda p: record("whole", p))]
    if hasattr(window, "first_pages_shown"):  # this branch's first pages (main has none)
        hooks.append((window.first_pages_shown, lambda p: record("first", p)))
    hooks.append((window.change_finder.page_found, lambda _page: record("jump", None)))
    for signal, slot in hooks:
        signal.connect(slot)
    began = time.perf_counter()
    typed = make_change(window.panel, n)
    wanted = window.panel.recipe()

    def whole_shown() -> bool:
        return any(k == "whole" and p is not None and p.recipe == wanted for k, _t, p, _pg in events)

    wait_until(app, whole_shown)
    wait_until(app, lambda: not window.change_finder.reading)  # its jump, if any, is made by now
    for signal, slot in hooks:
        signal.disconnect(slot)
    index, (_k, whole_at, preview, _pg) = next(
        (i, e) for i, e in enumerate(events) if e[0] == "whole" and e[2] is not None and e[2].recipe == wanted
    )
    settled = window.preview.current_page()
    visible_at = max([whole_at] + [t for k, t, _p, _pg in events[index:] if k == "jump"])
    first = [
        t
        for k, t, p, page in events[:index]
        if k == "first" and p is not None and p.recipe == wanted and page == settled and settled < p.stats.pages
    ]
    assert preview is not None
    return Change(
        whole=(whole_at - began) * 1000,
        visible=((min(first) if first else visible_at) - began) * 1000,
        first_pages=bool(first),
        typed=typed,
        build=preview.seconds * 1000,
    )


def wait_until(app: QApplication, condition: Callable[[], bool], limit: float = 60.0) -> None:
    """Run the app's events until `condition` holds; the bench ends if `limit` seconds pass first."""
    deadline = time.perf_counter() + limit
    while not condition():
        if time.perf_counter() > deadline:
            raise SystemExit(f"timed out: {limit:g} s passed waiting for the app")
        app.processEvents()
        time.sleep(0.001)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--changes", type=int, default=20)
    parser.add_argument(
        "--in-thread", action="store_true", help="build in a worker thread instead of the child process"
    )
    args = parser.parse_args()

    app = create_app()
    window = MainWindow(build=build_preview if args.in_thread else None)
    window.resize(1280, 800)
    window.show()
    shown: list[tuple[float, Preview]] = []
    window.preview_changed.connect(lambda p: shown.append((time.perf_counter(), p)))
    wait_until(app, lambda: bool(shown))
    first = shown[0][0] - STARTED
    first_build = shown[0][1].seconds
    wait_until(app, lambda: not window.change_finder.reading)

    heartbeat = Heartbeat()
    heartbeat.start()
    changes = [measure_change(app, window, n) for n in range(args.changes)]
    heartbeat.stop()
    report(args, window, first, first_build, changes, heartbeat.gaps)
    dialogs.ask_save_changes = lambda parent, name: "discard"  # the bench's changes are not kept
    window.close()


def report(
    args: argparse.Namespace,
    window: MainWindow,
    first: float,
    first_build: float,
    changes: list[Change],
    gaps: list[float],
) -> None:
    stall = max(gaps, default=0.0)
    late, ticks = sum(g > 30 for g in gaps), len(gaps)
    updates = [c.whole for c in changes]
    clicks = [c.whole for c in changes if not c.typed]
    typing = [c.whole for c in changes if c.typed]
    visible = [c.visible for c in changes]
    delay = window.settings.preview_delay_ms
    firsts = sum(c.first_pages for c in changes)
    rows = [
        ("start to first preview shown (s)", f"{first:.2f}", "<= 1"),
        ("  of which the first build (s)", f"{first_build:.2f}", ""),
        ("change to updated preview, median (ms)", f"{statistics.median(updates):.0f}", ""),
        ("change to updated preview, p95 (ms)", f"{percentile(updates, 0.95):.0f}", ""),
        ("  clicks (ticks, options, audience), median (ms)", f"{statistics.median(clicks):.0f}", ""),
        (
            f"  typing (waits {delay} ms for a pause), median (ms)",
            f"{statistics.median(typing):.0f}" if typing else "-",
            "",
        ),
        (
            "  build alone (tailor + render + count), median (ms)",
            f"{statistics.median([c.build for c in changes]):.0f}",
            "",
        ),
        ("change to the changed page visible, median (ms)", f"{statistics.median(visible):.0f}", "<= 120"),
        ("change to the changed page visible, p95 (ms)", f"{percentile(visible, 0.95):.0f}", "<= 250"),
        (
            f"  shown first in the first pages alone ({firsts} of {len(changes)}), median (ms)",
            f"{statistics.median([c.visible for c in changes if c.first_pages]):.0f}" if firsts else "-",
            "",
        ),
        ("longest UI-thread stall during the changes (ms)", f"{stall:.1f}", "<= 30"),
        ("  ticks later than 30 ms (of every 5 ms tick)", f"{late}/{ticks}", ""),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'what':<{width}}  {'value':>7}  {'target':>6}")
    for name, value, target in rows:
        print(f"{name:<{width}}  {value:>7}  {target:>6}")
    where = "a worker thread" if args.in_thread else "the warm child process"
    pages = window.preview.page_count()
    print(f"({args.changes} changes, built in {where}; pages in the last preview: {pages})")


if __name__ == "__main__":
    main()
