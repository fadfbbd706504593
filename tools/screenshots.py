"""The app's screenshots in docs/: the main window and the Batch dialog on a 1280×720 screen.

Run under a virtual X screen of that size, with settings of its own (never the user's):
    xvfb-run -a -s "-screen 0 1280x720x24" .venv/bin/python tools/screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"


def wait_until(app: object, done: object, seconds: float = 60.0) -> None:
    end = time.monotonic() + seconds
    while not done() and time.monotonic() < end:  # type: ignore[operator]
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.02)
    if not done():  # type: ignore[operator]
        raise SystemExit("timed out waiting for the window")


def settle(app: object) -> None:
    """Let layouts, the side panel's page images and repaints finish."""
    end = time.monotonic() + 1.5
    while time.monotonic() < end:
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.02)


def main() -> None:
    os.environ.setdefault("BRIEFER_SETTINGS", str(Path(tempfile.mkdtemp()) / "briefer.ini"))
    from PySide6.QtWidgets import QApplication

    from briefer.gui.main_window import MainWindow

    app = QApplication(sys.argv)
    window = MainWindow()
    screen = app.primaryScreen().availableGeometry()
    window.setGeometry(screen)
    window.show()
    wait_until(app, lambda: window.last_preview is not None)
    audience = window.panel.audience
    audience.setCurrentIndex(audience.findData("parliamentarians"))
    window.panel.show_page(1)
    wait_until(app, lambda: window.last_preview is not None and window.last_preview.recipe.audience)
    settle(app)
    window.grab().save(str(DOCS / "app-window.png"))
    window.commands.batch.trigger()
    dialog = window.batch_dialog
    assert dialog is not None
    wait_until(app, dialog.isVisible)
    settle(app)
    dialog.grab().save(str(DOCS / "batch-dialog.png"))
    dialog.close()
    window.hide()  # not close(): that would ask whether to save the changed recipe
    if window._process is not None:
        window._process.shutdown()
    print(
        f"screen {screen.width()}×{screen.height()}: window {window.width()}×{window.height()}, "
        f"batch dialog {dialog.width()}×{dialog.height()}"
    )


if __name__ == "__main__":
    main()
