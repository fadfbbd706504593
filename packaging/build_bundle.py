"""Build the desktop bundle (dist/briefer/) with PyInstaller from packaging/briefer.spec.

`python packaging/build_bundle.py` builds it; with `--if-changed` it keeps a bundle already built
from the same sources, spec, PyInstaller and Python (the smoke test builds it once this way).
Standard library only, plus PyInstaller run as a command.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
BUNDLE = DIST / "briefer"
STAMP = DIST / "briefer.inputs"  # beside the bundle: PyInstaller empties dist/briefer on each build
INPUTS = (
    "briefer/**/*.py",
    "briefer/locale/**/*.mo",
    "content/**/*.yaml",
    "assets/fonts/*",
    "packaging/*",
    "pyproject.toml",
)


def executable() -> Path:
    return BUNDLE / ("briefer.exe" if sys.platform == "win32" else "briefer")


def inputs_digest() -> str:
    """A digest of everything the bundle is made from."""
    import PyInstaller

    digest = hashlib.sha256(f"{sys.version} {PyInstaller.__version__}".encode())
    for pattern in INPUTS:
        for path in sorted(ROOT.glob(pattern)):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def build(if_changed: bool = False) -> Path:
    """The bundle's executable, built now unless `if_changed` and it is up to date."""
    digest = inputs_digest()
    if if_changed and executable().is_file() and STAMP.is_file() and STAMP.read_text().strip() == digest:
        return executable()
    STAMP.unlink(missing_ok=True)
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN"]
    command += [
        "--distpath",
        str(DIST),
        "--workpath",
        str(ROOT / "build" / "bundle"),
        str(ROOT / "packaging" / "briefer.spec"),
    ]
    subprocess.run(command, check=True, cwd=ROOT)
    STAMP.write_text(digest + "\n")
    return executable()


def size_mib(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20


if __name__ == "__main__":
    built = build(if_changed="--if-changed" in sys.argv[1:])
    print(f"bundle: {built.parent} ({size_mib(built.parent):.0f} MiB); run {built}")
