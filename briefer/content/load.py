"""Load a content folder into a checked, immutable Report; report every problem at once.

Public: `load_report(folder)` and `check_report(folder)`. Each kind of file has its reader
(report_meta, sections, sources, audiences, countries); references between them are checked
last (references.py). No Qt, no ReportLab.
"""

from __future__ import annotations

import os
from pathlib import Path

from briefer.content.audiences import read_audiences
from briefer.content.countries import read_countries
from briefer.content.located import Where
from briefer.content.model import Report, StatusScheme
from briefer.content.problems import ContentError, Problem
from briefer.content.reading import Reading
from briefer.content.references import check_references
from briefer.content.report_meta import read_meta
from briefer.content.sections import read_sections
from briefer.content.sources import read_sources

EXAMPLES_DIR = Path(__file__).resolve().parents[2] / "examples"


def default_content_dir() -> Path:
    """The report shipped with briefer, or $BRIEFER_CONTENT."""
    env = os.environ.get("BRIEFER_CONTENT")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "content"


def example_names() -> list[str]:
    """The example reports shipped with briefer, by folder name (e.g. 'gao-26-107955')."""
    if not EXAMPLES_DIR.is_dir():
        return []
    return sorted(p.name for p in EXAMPLES_DIR.iterdir() if (p / "report.yaml").is_file())


def resolve_content_dir(folder: Path | str) -> Path:
    """A content folder as given; a bare name that is no folder here names a shipped example."""
    path = Path(folder)
    if not path.exists() and len(path.parts) == 1 and path.name in example_names():
        return EXAMPLES_DIR / path.name
    return path


def load_report(folder: Path | str | None = None) -> Report:
    report, problems = check_report(folder)
    if report is None:
        raise ContentError(problems)
    return report


def check_report(folder: Path | str | None = None) -> tuple[Report | None, list[Problem]]:
    """The report (None when there are errors) and every problem found, warnings included."""
    root = resolve_content_dir(folder) if folder is not None else default_content_dir()
    reading = Reading(root)
    if not root.is_dir():
        reading.p.error(Where(str(root), 0, 0), "content folder not found")
        return None, reading.p.items
    meta = read_meta(reading, root / "report.yaml")
    sections = read_sections(reading, root / "sections")
    sources = read_sources(reading, root / "sources")
    audiences = read_audiences(reading, root / "audiences.yaml")
    scheme = meta["status"] if meta is not None else StatusScheme(())
    countries = read_countries(reading, root / "countries.yaml", scheme)  # type: ignore[arg-type]
    if meta is None:
        return None, reading.p.items
    report = Report(sections=sections, sources=sources, audiences=audiences, countries=countries, **meta)  # type: ignore[arg-type]
    check_references(reading, report)
    if reading.p.errors:
        return None, reading.p.items
    return report, reading.p.items


__all__ = [
    "ContentError",
    "Problem",
    "check_report",
    "default_content_dir",
    "example_names",
    "load_report",
    "resolve_content_dir",
]
