"""Where briefer's own files are: the shipped report, the example reports and the fonts, and a
clear error when they are not.

An installed briefer (a wheel, or the desktop bundle) reads them from the package, as
`briefer/shipped/content`, `briefer/shipped/examples` and `briefer/shipped/fonts`, through
importlib.resources; a source checkout reads them from `content/`, `examples/` and `assets/fonts/`,
which the wheel maps to those places (pyproject.toml). Standard library only.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[2]
# the part -> (its place in the installed package, its place in a source checkout)
_PLACES = {
    "content": ("shipped/content", "content"),
    "examples": ("shipped/examples", "examples"),
    "fonts": ("shipped/fonts", "assets/fonts"),
}


class MissingPartError(Exception):
    """A file briefer itself ships is missing: the installation is broken, not the user's input."""


def _shipped(part: str) -> Path:
    installed, checkout = _PLACES[part]
    packaged = files("briefer").joinpath(installed)
    if packaged.is_dir():
        # a wheel or a bundle unpacks to real folders; ReportLab and the loader want paths
        return Path(str(packaged))
    return CHECKOUT / checkout


def shipped_content_dir() -> Path:
    """The report shipped with briefer (the default report), or $BRIEFER_CONTENT when set."""
    env = os.environ.get("BRIEFER_CONTENT")
    if env:
        return Path(env)
    return _shipped("content")


def example_names() -> list[str]:
    """The example reports shipped with briefer, by folder name (e.g. 'gao-26-107955')."""
    folder = _shipped("examples")
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if (p / "report.yaml").is_file())


def resolve_content_dir(folder: Path | str) -> Path:
    """A content folder as given; a bare name that is no folder here names a shipped example."""
    path = Path(folder)
    if not path.exists() and len(path.parts) == 1 and path.name in example_names():
        return _shipped("examples") / path.name
    return path


def font_dir() -> Path:
    """The folder of the Noto fonts every brief is set in, beside their licence."""
    return _shipped("fonts")


def require_files(paths: list[Path], what: str) -> None:
    """Raise MissingPartError naming every missing file of `what` and what to do about it."""
    missing = [p for p in paths if not p.is_file()]
    if missing:
        names = ", ".join(p.name for p in missing)
        folder = missing[0].parent
        raise MissingPartError(
            f"cannot find {what} ({names}) in {folder}: this copy of briefer is incomplete; "
            "reinstall briefer (pip install --force-reinstall briefer, or a fresh copy of the app)"
        )
