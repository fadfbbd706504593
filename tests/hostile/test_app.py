"""The app under hostile input: a dialog for a recipe it cannot open, a preview process that
never outlives the app and a preview build that cannot run away."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefer.content.load import load_report
from briefer.gui.build_process import PreviewTooSlow, ProcessBuild
from briefer.tailor.recipe import Recipe
from tests.conftest import ROOT
from tests.gui.conftest import OFFSCREEN_NOISE, Dialogs, dialogs, open_window, settings_file  # noqa: F401

from . import pdfs
from .harness import edit, live_in_session, mini_copy

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)

BAD = {
    "embedded-not-utf8.pdf": (pdfs.not_utf8, "not UTF-8 text"),
    "inflates-to-2-GB.pdf": (lambda: pdfs.with_embedded_stream(pdfs.inflating_to(2048 * pdfs.MB)), "larger than 1 MB"),
    "truncated.pdf": (lambda: pdfs.briefer_pdf()[:5000], "the PDF is damaged"),
    "impossible-date.yaml": (lambda: b"format: 1\nprepared_for:\n  date: 2025-13-45\n", "2025-13-45 is not a date"),
}


def test_file_open_of_a_recipe_it_cannot_use_shows_a_dialog(qtbot, dialogs: Dialogs, tmp_path: Path) -> None:  # noqa: F811
    window = open_window(qtbot)
    for name, (make, message) in BAD.items():
        path = tmp_path / name
        path.write_bytes(make())
        dialogs.errors.clear()
        assert not window.open_recipe_file(path)
        assert dialogs.errors, f"no dialog for {name}"
        title, text, problems = dialogs.errors[0]
        assert title == "Cannot open the recipe" and str(path) in text
        assert any(message in line for line in problems), (name, problems)


def _slow_content(folder: Path) -> Path:
    content = mini_copy(folder)
    text = " ".join(["water river basin states share"] * 40_000)
    edit(
        content / "sections" / "01-summary.yaml",
        "  - pullquote: Rules matter.",
        f"  - paragraph: {text}\n  - pullquote: Rules matter.",
    )
    return content


def test_a_preview_that_runs_too_long_is_stopped(tmp_path: Path) -> None:
    report = load_report(_slow_content(tmp_path))
    process = ProcessBuild()
    try:
        process(report, Recipe(sections=("cases",)))  # a short build passes (and warms the child)
        child = process._child
        process.time_limit = 0.5
        started = time.monotonic()
        with pytest.raises(PreviewTooSlow, match="took more than 0.5 seconds"):
            process(report, Recipe())
        assert time.monotonic() - started < 10
        assert child is not None and child.poll() is not None  # the runaway child is gone
    finally:
        process.shutdown()


def test_the_preview_process_ends_when_the_app_is_killed(tmp_path: Path) -> None:
    """The app starts its preview process, then dies without a word (kill -9, a crash)."""
    code = (
        "import os, sys; from briefer.gui.build_process import ProcessBuild; p = ProcessBuild(); p.start(); "
        "print(p._child.pid, flush=True); sys.stdin.read(); os._exit(9)"
    )
    app = subprocess.Popen(
        [sys.executable, "-c", code], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, start_new_session=True
    )
    assert app.stdout is not None and app.stdin is not None
    with app.stdout, app.stdin:
        child = int(app.stdout.readline())
        os.kill(app.pid, 9)
        app.wait()
    deadline = time.monotonic() + 10
    while live_in_session(app.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not live_in_session(app.pid), f"the preview process {child} outlived the app"


def test_closing_the_window_stops_a_build_in_progress(qtbot, dialogs: Dialogs, tmp_path: Path) -> None:  # noqa: F811
    from briefer.gui.main_window import MainWindow

    window = MainWindow(content_dir=_slow_content(tmp_path))
    qtbot.add_widget(window)
    window.show()
    qtbot.waitUntil(lambda: window.builder.busy and window._process._child is not None, timeout=30_000)
    child = window._process._child
    window.close()
    qtbot.waitUntil(lambda: child.poll() is not None, timeout=10_000)
