"""The wheel's package list names every package of the source tree (quick; the wheel test proves it)."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_source_package_is_in_the_wheel_list() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "briefer").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert found - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"


def test_every_example_file_is_in_the_wheels_package_data() -> None:
    """examples/ is one package of data (briefer.shipped.examples): each file must match a pattern."""
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert setuptools["package-dir"]["briefer.shipped.examples"] == "examples"
    patterns = setuptools["package-data"]["briefer.shipped.examples"]
    files = [p.relative_to(ROOT / "examples") for p in (ROOT / "examples").rglob("*") if p.is_file()]
    assert any(p.suffix == ".png" for p in files) and any(p.name == "report.yaml" for p in files)
    unmatched = [
        p.as_posix()
        for p in files
        if not any(p.match(pattern) and len(p.parts) == len(Path(pattern).parts) for pattern in patterns)
    ]
    assert unmatched == [], "add patterns for these to [tool.setuptools.package-data] in pyproject.toml"
