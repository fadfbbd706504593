"""The installed Qt binding survives a long session of calls.

PySide6 6.12.0 on Python 3.11 loses a reference to None and True on every call and emit, and
the interpreter aborts after a few thousand; pyproject.toml keeps that pair from installing.
"""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_many_calls_do_not_abort_the_interpreter() -> None:
    # in a fresh process, so that an abort is seen as an exit code rather than killing the test run
    code = (
        "import os; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from briefer.gui.app import create_app\n"
        "from PySide6.QtCore import QObject, Signal\n"
        "from PySide6.QtWidgets import QLabel\n"
        "app = create_app()\n"
        "class S(QObject):\n"
        "    value_changed = Signal(object)\n"
        "s, label = S(), QLabel()\n"
        "for _ in range(50_000):\n"
        "    label.setText('x'); s.value_changed.emit(None)\n"
        "print('alive')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "alive" in result.stdout, result.stderr[-2000:]
