"""`briefer new`'s starter report is valid as written (no errors, no warnings) and never overwrites."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.build import build_bytes
from briefer.content.load import check_report
from briefer.content.starter import StarterError, write_starter
from briefer.tailor.recipe import Recipe


def test_the_starter_report_is_valid_and_builds(tmp_path: Path) -> None:
    folder = tmp_path / "Annual Review 2026"
    written = write_starter(folder, 2026)
    assert {p.relative_to(folder).as_posix() for p in written} == {
        "report.yaml", "sections/01-overview.yaml", "sources/sources.yaml", "audiences.yaml", "countries.yaml",
    }  # fmt: skip
    report, problems = check_report(folder)
    assert problems == [] and report is not None
    assert report.id == "annual-review-2026"
    pdf = build_bytes(report, Recipe(audience="parliamentarians", countries=("FI",)))
    assert pdf.startswith(b"%PDF")


def test_the_starter_never_overwrites(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(StarterError, match="not an empty folder"):
        write_starter(tmp_path, 2026)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]
