"""The desktop bundle runs where there is no Python: inside a sandbox (bubblewrap) that hides
every Python installation on the machine and the checkout, the bundled executable builds a brief,
runs a batch in worker processes, and opens its window offscreen and quits.

Marked `bundle` (slow): the bundle is built once (packaging/build_bundle.py, about two minutes)
and kept while its sources do not change.
"""

from __future__ import annotations

import glob
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import ROOT

pytestmark = pytest.mark.bundle

APP = "/tmp/briefer-app"  # where the bundle is seen inside the sandbox
WORK = "/tmp/work"


@pytest.fixture(scope="session")
def bundle() -> Path:
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        from build_bundle import build  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(ROOT / "packaging"))
    return build(if_changed=True).parent


def pythons() -> list[str]:
    """Every place a Python installation could be found: the interpreters' homes and libraries."""
    places = {sys.base_prefix, sys.prefix, str(Path.home() / ".pyenv")}
    places.update(glob.glob("/usr/lib/python3*") + glob.glob("/usr/local/lib/python3*"))
    return sorted(p for p in places if Path(p).is_dir())


def sandboxed(bundle: Path, work: Path, *command: str) -> subprocess.CompletedProcess[str]:
    if shutil.which("bwrap") is None:
        pytest.fail("bubblewrap (bwrap) is needed to run the bundle without Python: ./run installs it")
    hide = [arg for place in [*pythons(), str(ROOT)] for arg in ("--tmpfs", place)]
    sandbox = ["bwrap", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp", *hide]
    sandbox += ["--ro-bind", str(bundle), APP, "--bind", str(work), WORK, "--chdir", WORK, "--die-with-parent"]
    env = {"PATH": "/usr/bin:/bin", "HOME": WORK, "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}
    env["BRIEFER_SETTINGS"] = f"{WORK}/settings.ini"
    return subprocess.run([*sandbox, *command], capture_output=True, text=True, env=env, timeout=300)


def test_there_is_no_python_in_the_sandbox(bundle: Path, tmp_path: Path) -> None:
    done = sandboxed(bundle, tmp_path, "sh", "-c", "python3 -c 'print(1)' || /usr/bin/python3.11 -c 'print(1)'")
    assert done.returncode != 0 and "1" not in done.stdout, done


def test_the_bundle_builds_a_brief_and_a_batch(bundle: Path, tmp_path: Path) -> None:
    done = sandboxed(
        bundle, tmp_path, f"{APP}/briefer", "build", "--audience", "defence", "--country", "LT", "-o", "b.pdf"
    )
    assert done.returncode == 0, done.stderr
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "b.pdf").pages)
    assert "Withdrawal Symptoms" in text and "Lithuania" in text
    done = sandboxed(bundle, tmp_path, f"{APP}/briefer", "batch", "--audience", "media", "--country", "FI",
                     "--country", "UA", "--jobs", "2", "-o", "out")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "with 2 processes" in done.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["media-finland.pdf", "media-ukraine.pdf"]


def test_the_bundle_builds_a_brief_in_ukrainian(bundle: Path, tmp_path: Path) -> None:
    """The word catalogues and the shipped translations travel with the bundle."""
    done = sandboxed(bundle, tmp_path, f"{APP}/briefer", "build", "--language", "uk", "--sections", "conclusion",
                     "--audience", "diplomats", "--country", "SE", "--country", "NO", "-o", "uk.pdf")  # fmt: skip
    assert done.returncode == 0, done.stderr
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "uk.pdf").pages)
    assert "Висновок: справа у фактах" in text and "Ключові тези" in text


def test_the_bundle_opens_its_window_offscreen_and_quits(bundle: Path, tmp_path: Path) -> None:
    done = sandboxed(bundle, tmp_path, f"{APP}/briefer", "--screenshot", "window.png")
    assert done.returncode == 0, done.stderr
    assert "briefer: Untitled — Withdrawal Symptoms — briefer: saved window.png" in done.stderr
    assert (tmp_path / "window.png").read_bytes().startswith(b"\x89PNG")
