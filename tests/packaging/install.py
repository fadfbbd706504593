"""Helpers for the installation tests: build the wheel from a clean copy of the tree, and make a
fresh virtual environment outside the checkout that has briefer only from that wheel.

The fresh environment gets briefer's dependencies without downloading them again (PySide6 alone
is some 200 MB): a folder of links to exactly the distributions briefer's wheel requires (and
theirs), taken from the project's own environment, is put on its path by a .pth file. Nothing
else of the project's environment is visible — not briefer's editable install, not the checkout —
and the tests check where every briefer module and data file is read from.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from importlib.metadata import Distribution, distribution
from pathlib import Path

from packaging.requirements import Requirement

from tests.conftest import ROOT

SKIP = shutil.ignore_patterns(".git", ".venv", "venv", "build", "dist", "out", "__pycache__", "*.egg-info", ".*cache")


def build_wheel(out: Path) -> Path:
    """Build briefer's wheel (offline: the backend is in the test environment) from a copy of the tree."""
    source = out / "source"
    shutil.copytree(ROOT, source, ignore=SKIP)
    done = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(source)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    (wheel,) = out.glob("briefer-*.whl")
    return wheel


def requirements_closure(wheel: Path) -> list[Distribution]:
    """The installed distributions the wheel requires, and theirs, for this Python."""
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        metadata = archive.read(name).decode("utf-8")
    pending = [line.split(":", 1)[1].strip() for line in metadata.splitlines() if line.startswith("Requires-Dist:")]
    found: dict[str, Distribution] = {}
    while pending:
        requirement = Requirement(pending.pop())
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue
        dist = distribution(requirement.name)
        key = dist.metadata["Name"].lower().replace("_", "-")
        if key not in found:
            found[key] = dist
            pending += dist.requires or []
    return list(found.values())


def link_dependencies(dists: list[Distribution], folder: Path) -> None:
    """Link each distribution's top-level files and folders (and its .dist-info) into `folder`."""
    folder.mkdir()
    for dist in dists:
        tops = {f.parts[0] for f in dist.files or [] if f.parts[0] != ".."}
        for top in tops:
            target = folder / top
            if not target.exists():
                target.symlink_to(Path(str(dist.locate_file(top))).resolve())


def fresh_venv(place: Path, wheel: Path) -> Path:
    """A new virtual environment with briefer installed from `wheel` alone; its python."""
    venv = place / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    install = [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index"]
    subprocess.run([*install, "--quiet", str(wheel)], check=True)
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    deps = place / "dependencies"
    link_dependencies(requirements_closure(wheel), deps)
    (Path(site) / "briefer-test-dependencies.pth").write_text(f"{deps}\n", encoding="utf-8")
    return python


def clean_env(home: Path) -> dict[str, str]:
    """An environment that points at nothing of the checkout or the project's environment."""
    keep = {k: v for k, v in os.environ.items() if k in ("LANG", "LC_ALL", "TMPDIR")}
    return {
        **keep,
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "BRIEFER_SETTINGS": str(home / "settings.ini"),
    }
