"""Shared test setup.

Qt must know its platform before any QApplication exists: pytest-qt aborts when neither
QT_QPA_PLATFORM nor a display is set, so tests always run on the offscreen platform.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# briefer's cache files (briefer/cache.py) go to a folder of this run's, not the user's cache
os.environ["BRIEFER_CACHE"] = tempfile.mkdtemp(prefix="briefer-test-cache-")
atexit.register(shutil.rmtree, os.environ["BRIEFER_CACHE"], True)

# ReportLab is set up as briefer sets it up (render/reportlab_hooks.py) whichever test imports it first
import briefer.render  # noqa: E402, F401

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


@pytest.fixture(scope="session")
def cups_server():
    """A private CUPS scheduler for the whole session (tests/cups_server.py); CUPS_SERVER points at it,
    so nothing a test prints can reach a real printer. Skips, saying why, where cupsd cannot run."""
    from tests.cups_server import CupsUnavailable, start_cups

    try:
        server = start_cups()
    except CupsUnavailable as exc:
        pytest.skip(f"needs a private CUPS scheduler: {exc}")
    saved = {name: os.environ.pop(name, None) for name in ("CUPS_SERVER", "LPDEST", "PRINTER")}
    os.environ["CUPS_SERVER"] = server.server
    yield server
    for name, value in saved.items():
        os.environ.pop(name, None)
        if value is not None:
            os.environ[name] = value
    server.stop()


@pytest.fixture
def pdf_printer(cups_server):
    """A fresh PDF queue of the private scheduler, made the default printer."""
    queue = cups_server.add_pdf_queue()
    cups_server.set_default(queue.name)
    return queue


@pytest.fixture(scope="session")
def empty_cups(cups_server):
    """A second private scheduler that has no printers at all; its CUPS_SERVER value."""
    from tests.cups_server import CupsUnavailable, start_cups

    try:
        server = start_cups()
    except CupsUnavailable as exc:
        pytest.skip(f"needs a second private CUPS scheduler: {exc}")
    yield server.server
    server.stop()


def package_without_fonts(folder: Path) -> dict[str, str]:
    """A copy of briefer in `folder` that lost its fonts (its shipped report kept), as a broken
    installation would be; the environment that runs it instead of the checkout's."""
    package = folder / "briefer"
    shutil.copytree(ROOT / "briefer", package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(CONTENT, package / "shipped" / "content")
    (package / "shipped" / "fonts").mkdir()
    return {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(folder), "HOME": str(folder), "QT_QPA_PLATFORM": "offscreen"}
