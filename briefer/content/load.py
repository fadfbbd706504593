"""Load a content folder into a checked, immutable Report; report every problem at once.

Public: `load_report(folder)` and `check_report(folder)`. Each kind of file has its reader
(report_meta, sections, sources, audiences, countries); references between them are checked
last (references.py); translations/ is read into the report last of all. No Qt, no ReportLab.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from briefer.content.audiences import read_audiences
from briefer.content.content_format import newer_format_problem
from briefer.content.countries import read_countries
from briefer.content.load_cache import check_cached
from briefer.content.located import Where
from briefer.content.missing_files import name_missing_files
from briefer.content.model import Report, StatusScheme
from briefer.content.problems import ContentError, Problem
from briefer.content.reading import Reading
from briefer.content.references import check_references
from briefer.content.report_meta import read_meta
from briefer.content.resources import example_names, resolve_content_dir, shipped_content_dir
from briefer.content.sections import read_sections
from briefer.content.sources import read_sources
from briefer.content.translations import read_translations
from briefer.inputs import reason


def default_content_dir() -> Path:
    """The report shipped with briefer (packaged with it when installed), or $BRIEFER_CONTENT."""
    return shipped_content_dir()


def load_report(folder: Path | str | None = None) -> Report:
    report, problems = check_report(folder)
    if report is None:
        raise ContentError(problems)
    return report


def check_report(folder: Path | str | None = None) -> tuple[Report | None, list[Problem]]:
    """The report (None when there are errors) and every problem found, warnings included."""
    root = resolve_content_dir(folder) if folder is not None else default_content_dir()
    return check_cached(root, lambda: _check_folder(root))


def _check_folder(root: Path) -> tuple[Report | None, list[Problem]]:
    reading = Reading(root)
    try:
        return _check(reading, root)
    except OSError as exc:  # a path the system refuses (too long, a loop of links…), met while listing
        reading.p.error(Where(str(exc.filename or root), 0, 0), f"cannot read the content: {reason(exc)}")
        return None, reading.p.items


def _check(reading: Reading, root: Path) -> tuple[Report | None, list[Problem]]:
    problem = _unreadable(root)
    if problem:
        reading.p.error(Where(str(root), 0, 0), problem)
        return None, reading.p.items
    newer = newer_format_problem(root / "report.yaml", reading.display(root / "report.yaml"))
    if newer is not None:
        return None, [newer]
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
    name_missing_files(reading, report, root / "sections")
    if reading.p.errors:
        return None, reading.p.items
    # a translation's problems are its language's: they stop a brief in that language only
    translations = read_translations(root, report, reading.display)
    if translations:
        report = dataclasses.replace(report, translations=translations)
    return report, reading.p.items


def _unreadable(root: Path) -> str:
    """Why `root` cannot be read as a folder, or '' when it can be."""
    if not root.exists():
        return "content folder not found"
    if not root.is_dir():
        return "this is a file, not a report folder (a report is a folder holding report.yaml)"
    try:
        next(root.iterdir(), None)
    except OSError as exc:
        return f"cannot read the report folder: {exc.strerror or exc}"
    return ""


def folder_problem(root: Path) -> str:
    """Why `root` cannot be opened as a report at all, or '' (it may still have errors to fix)."""
    problem = _unreadable(root)
    if not problem and not (root / "report.yaml").is_file():
        return (
            "this folder holds no report.yaml, so it is not a report (a report folder holds report.yaml, "
            "sections/ and sources/; `briefer new DIR` writes one to start from)"
        )
    return problem


__all__ = [
    "ContentError",
    "Problem",
    "check_report",
    "default_content_dir",
    "example_names",
    "folder_problem",
    "load_report",
    "resolve_content_dir",
]
