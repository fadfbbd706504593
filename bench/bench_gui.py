"""App responsiveness, offscreen: start to first preview, change to updated preview, UI stalls.

Targets: first preview within 2 s; updates within 300 ms median; no UI-thread stall over 50 ms.
A 5 ms QTimer heartbeat runs during the changes; its longest gap is the longest stall.
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

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# never read or write the user's settings
os.environ["BRIEFER_SETTINGS"] = os.path.join(tempfile.mkdtemp(prefix="briefer-bench-"), "bench.ini")

from PySide6.QtCore import QElapsedTimer, Qt, QTimer  # noqa: E402

from briefer.gui import app as gui_app  # noqa: E402

# as the app starts (run_app): the warm build process first, then the window's modules
if "--in-thread" not in sys.argv and hasattr(gui_app, "start_preview_process"):
    gui_app.start_preview_process()

from briefer.gui import dialogs  # noqa: E402
from briefer.gui.app import create_app  # noqa: E402
from briefer.gui.main_window import MainWindow  # noqa: E402
from briefer.gui.preview_job import Preview, build_preview  # noqa: E402


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

    def wait_until(condition, limit: float = 60.0) -> None:  # noqa: ANN001
        deadline = time.perf_counter() + limit
        while not condition():
            if time.perf_counter() > deadline:
                raise SystemExit("timed out waiting for the preview")
            app.processEvents()
            time.sleep(0.001)

    wait_until(lambda: bool(shown))
    first = shown[0][0] - STARTED
    first_build = shown[0][1].seconds

    # the changes a person makes: toggle countries, options, an audience, text
    panel = window.panel
    heartbeat = Heartbeat()
    heartbeat.start()
    updates: list[float] = []
    typed: list[bool] = []
    builds: list[float] = []
    countries = ["FI", "UA", "LT", "EE", "PL"]
    for n in range(args.changes):
        shown.clear()
        step = n % 4
        began = time.perf_counter()
        if step == 0:
            item = panel.countries.item(countries[(n // 4) % len(countries)])
            item.setCheckState(
                Qt.CheckState.Unchecked if item.checkState() == Qt.CheckState.Checked else Qt.CheckState.Checked
            )
        elif step == 1:
            panel.flags["grayscale"].toggle()
        elif step == 2:
            index = (panel.audience.currentIndex() + 1) % panel.audience.count()
            panel.audience.setCurrentIndex(index)
        else:
            panel.watermark.setText(f"DRAFT {n}")
        wanted = panel.recipe()
        wait_until(lambda w=wanted: any(p.recipe == w for _, p in shown))
        done, preview = next((t, p) for t, p in shown if p.recipe == wanted)
        updates.append((done - began) * 1000)
        typed.append(step == 3)
        builds.append(preview.seconds * 1000)
        app.processEvents()
    heartbeat.stop()
    stall = max(heartbeat.gaps) if heartbeat.gaps else 0.0
    clicks = [u for u, t in zip(updates, typed, strict=True) if not t]
    typing = [u for u, t in zip(updates, typed, strict=True) if t]
    delay = window.settings.preview_delay_ms

    rows = [
        ("start to first preview shown (s)", f"{first:.2f}", "< 2"),
        ("  of which the first build (s)", f"{first_build:.2f}", ""),
        ("change to updated preview, median (ms)", f"{statistics.median(updates):.0f}", "< 300"),
        ("change to updated preview, p95 (ms)", f"{percentile(updates, 0.95):.0f}", ""),
        ("  clicks (ticks, options, audience), median (ms)", f"{statistics.median(clicks):.0f}", ""),
        (
            f"  typing (waits {delay} ms for a pause), median (ms)",
            f"{statistics.median(typing):.0f}" if typing else "-",
            "",
        ),
        ("  build alone (tailor + render + count), median (ms)", f"{statistics.median(builds):.0f}", ""),
        ("longest UI-thread stall during the changes (ms)", f"{stall:.1f}", "< 50"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'what':<{width}}  {'value':>7}  {'target':>6}")
    for name, value, target in rows:
        print(f"{name:<{width}}  {value:>7}  {target:>6}")
    where = "a worker thread" if args.in_thread else "the warm child process"
    pages = window.preview.page_count()
    print(f"({args.changes} changes, built in {where}; pages in the last preview: {pages})")
    dialogs.ask_save_changes = lambda parent, name: "discard"  # the bench's changes are not kept
    window.close()


if __name__ == "__main__":
    main()
