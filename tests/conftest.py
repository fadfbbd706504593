"""Shared test setup.

Qt must know its platform before any QApplication exists: pytest-qt aborts when neither
QT_QPA_PLATFORM nor a display is set, so tests always run on the offscreen platform.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
MINI = Path(__file__).resolve().parent / "data" / "mini-report"


@pytest.fixture(scope="session")
def report():
    from briefer.content.load import load_report

    return load_report(CONTENT)


@pytest.fixture(scope="session")
def mini_report():
    from briefer.content.load import load_report

    return load_report(MINI)


def package_without_fonts(folder: Path) -> dict[str, str]:
    """A copy of briefer in `folder` that lost its fonts (its shipped report kept), as a broken
    installation would be; the environment that runs it instead of the checkout's."""
    package = folder / "briefer"
    shutil.copytree(ROOT / "briefer", package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(CONTENT, package / "shipped" / "content")
    (package / "shipped" / "fonts").mkdir()
    return {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(folder), "HOME": str(folder), "QT_QPA_PLATFORM": "offscreen"}
