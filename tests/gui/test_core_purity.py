"""The core never imports Qt: the CLI, build, tailoring, loading and printing work without PySide6."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_core_does_not_import_pyside6() -> None:
    code = (
        "import briefer.cli, briefer.build, briefer.tailor.tailor, briefer.content.load, sys; "
        "import briefer.cli.printing, briefer.printing.cups, briefer.printing.options, briefer.printing.send; "
        "assert not any(m.startswith('PySide6') for m in sys.modules), "
        "[m for m in sys.modules if m.startswith('PySide6')]"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_preview_job_does_not_import_pyside6() -> None:
    code = "import briefer.gui.preview_job, sys; assert not any(m.startswith('PySide6') for m in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
