"""Start the app: the QApplication, the main window, and `run_app()` which the CLI calls.

`briefer` opens the report open last time (else the shipped one) with an empty recipe;
`briefer --content DIR` opens the report in DIR; `briefer RECIPE.yaml` (or a briefer PDF) opens
that recipe. `--screenshot FILE.png` saves a picture of the window once its first preview shows,
then quits: for documentation, and the smoke tests of installed copies and the desktop bundle
(exit code 2: the content has errors; 3: the preview could not be built; both printed).
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from briefer.content.load import resolve_content_dir
from briefer.gui.build_process import shared_process_build
from briefer.gui.i18n import _
from briefer.gui.settings import APPLICATION, ORGANISATION

if TYPE_CHECKING:  # imported by run_app, once the build process is started
    from briefer.gui.main_window import MainWindow


def start_preview_process() -> None:
    """Start the warm build process before the window's modules are imported: it imports the
    core and loads the fonts on another core while this process imports the window's modules
    and makes the window (~0.5 s), so it is ready when the first preview is asked for."""
    shared_process_build().start()


def create_app() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("briefer")
    return app


def has_display() -> bool:
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


SCREENSHOT_TIMEOUT_MS = 120_000


def take_screenshot(window: MainWindow, path: Path) -> None:
    """Save the window to `path` when its first preview (or content problem) shows, then quit."""
    app = QApplication.instance()
    assert app is not None
    done = False

    def shoot(code: int) -> None:
        nonlocal done
        if done:
            return
        done = True
        saved = window.grab().save(str(path))
        title = window.windowTitle().replace("[*]", "")
        print(f"briefer: {title}: {'saved' if saved else 'could not save'} {path}", file=sys.stderr)
        if code:  # what the preview shows instead of the brief
            problems = window.preview.problems
            print(f"{problems.title.text()}\n{problems.details.toPlainText()}", file=sys.stderr)
        app.exit(code if saved else 1)

    window.preview_changed.connect(lambda _preview: QTimer.singleShot(100, lambda: shoot(0)))
    # content that cannot be read: 2; briefer's own files missing: 3, as for a preview that fails
    window.content_changed.connect(lambda ok: None if ok else shoot(3 if window.missing_part else 2))
    window.builder.problems_changed.connect(lambda _error: QTimer.singleShot(100, lambda: shoot(3)))
    if window.report is None:  # the content was read (and failed) while the window was made
        QTimer.singleShot(0, lambda: shoot(3 if window.missing_part else 2))
    QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, lambda: shoot(1))


def run_app(recipe_path: str | None = None, content_dir: str | None = None, screenshot: str | None = None) -> int:
    """Open the window (on a report folder and with a recipe, if given) and run until it closes."""
    if not has_display():
        print(
            _(
                "briefer: no display to open the app on; use `briefer build ...` for files, "
                "or set QT_QPA_PLATFORM=offscreen"
            ),
            file=sys.stderr,
        )
        return 2
    start_preview_process()
    from briefer.gui.main_window import MainWindow

    app = create_app()
    # Ctrl+C in the terminal ends the app (Qt's event loop would otherwise hold the signal back)
    previous = signal.signal(signal.SIGINT, signal.SIG_DFL)
    try:
        window = MainWindow(resolve_content_dir(content_dir) if content_dir else None)
        window.show()
        if screenshot:
            take_screenshot(window, Path(screenshot))
        if recipe_path:
            # after the window shows, so a recipe that cannot be opened is explained over it
            QTimer.singleShot(0, lambda: window.open_recipe_file(Path(recipe_path)))
        return app.exec()
    finally:
        signal.signal(signal.SIGINT, previous)
