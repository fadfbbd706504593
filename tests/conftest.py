"""Shared test setup.

Qt must know its platform before any QApplication exists: pytest-qt aborts when neither
QT_QPA_PLATFORM nor a display is set, so tests always run on the offscreen platform.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
MINI = Path(__file__).resolve().parent / "data" / "mini-report"
FORMAT_1 = Path(__file__).resolve().parent / "data" / "format-1-report"  # the mini report as format 1 wrote it
GAO = ROOT / "examples" / "gao-26-107955"  # the second real report, in format 2


@pytest.fixture(scope="session")
def report():
    from briefer.content.load import load_report

    return load_report(CONTENT)


@pytest.fixture(scope="session")
def gao_report():
    from briefer.content.load import load_report

    return load_report(GAO)


@pytest.fixture(scope="session")
def mini_report():
    from briefer.content.load import load_report

    return load_report(MINI)
