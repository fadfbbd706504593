"""The content format's version: report.yaml may say `format: N`; one place decides what this briefer reads.

A report written for a newer briefer is refused here, before any other file is read, with one
message that says what to do (rather than a cascade of "unknown key" errors). Imports the
located YAML reader and problems only; no Qt, no ReportLab.
"""

from __future__ import annotations

from pathlib import Path

from briefer.content.located import LDict, LScalar, Where, YamlError, load_located
from briefer.content.problems import Problem

# the newest content format this briefer reads; a report.yaml without `format:` is format 1
CONTENT_FORMAT = 2


def newer_format_problem(path: Path, shown: str) -> Problem | None:
    """A problem when report.yaml declares a content format newer than CONTENT_FORMAT, else None.

    Anything else wrong with the file (unreadable, not a mapping, a bad value) is left to the
    full reading, which reports it with its place.
    """
    try:
        value = load_located(path, shown)
    except (YamlError, OSError):
        return None
    declared = value.get("format") if isinstance(value, LDict) else None
    version = declared.value if isinstance(declared, LScalar) else None
    if not isinstance(version, int) or isinstance(version, bool) or version <= CONTENT_FORMAT:
        return None
    where = declared.where if isinstance(declared, LScalar) else Where(shown, 1, 1)
    return Problem(
        where,
        f"this report is written in content format {version}, newer than this briefer reads "
        f"(format {CONTENT_FORMAT} and older): update briefer to open it",
    )
