"""Start the app: the QApplication, the main window, and `run_app()` which the CLI calls.

`briefer` opens an empty recipe; `briefer RECIPE.yaml` (or a briefer PDF) opens that recipe.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from briefer.content.load import resolve_content_dir
from briefer.gui.main_window import MainWindow
from briefer.gui.settings import APPLICATION, ORGANISATION


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


def run_app(recipe_path: str | None = None, content_dir: str | None = None) -> int:
    """Open the window (on a report folder and with a recipe, if given) and run until it closes."""
    if not has_display():
        print(
            "briefer: no display to open the app on; use `briefer build ...` for files, "
            "or set QT_QPA_PLATFORM=offscreen",
            file=sys.stderr,
        )
        return 2
    app = create_app()
    # Ctrl+C in the terminal ends the app (Qt's event loop would otherwise hold the signal back)
    previous = signal.signal(signal.SIGINT, signal.SIG_DFL)
    try:
        window = MainWindow(resolve_content_dir(content_dir) if content_dir else None)
        window.show()
        if recipe_path:
            # after the window shows, so a recipe that cannot be opened is explained over it
            QTimer.singleShot(0, lambda: window.open_recipe_file(Path(recipe_path)))
        return app.exec()
    finally:
        signal.signal(signal.SIGINT, previous)
