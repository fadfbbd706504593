"""Does a recipe fit the report it is used with? The same report, or the same one changed since.

A recipe made from another report (another id) is refused, naming both reports; one made from
an earlier state of this report is accepted, with what changed since. Imports the content
layer's fingerprint and changes; no Qt, no ReportLab.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefer.content.fingerprint import ReportStamp, stamp_of
from briefer.content.located import Where
from briefer.content.model import Report
from briefer.content.problems import Problem
from briefer.tailor.recipe_check import RecipeError

if TYPE_CHECKING:  # comparing reports (difflib) is imported only for a recipe of a changed report
    from briefer.content.changes import ContentChanges


class ReportMismatch(RecipeError):
    """The recipe was made from another report than the one open; `wanted` is the recipe's."""

    def __init__(self, origin: str, wanted: ReportStamp, report: Report) -> None:
        self.wanted = wanted
        self.report_id = report.id
        self.report_title = report.title
        message = f"this brief was made from the report {wanted.label()}, not from {stamp_of(report).label()}"
        super().__init__([Problem(Where(origin, 0, 0), message)])


@dataclass(frozen=True, slots=True)
class ReportFit:
    """How a recipe's report compares with the one open."""

    named: bool  # False: the recipe names no report (format 1, or written by hand)
    changed: bool = False  # the report's content differs from when the recipe was made
    changes: ContentChanges | None = None  # what differs; None when the recipe keeps no per-part map


def check_recipe_report(stamp: ReportStamp | None, report: Report, origin: str = "recipe") -> ReportFit:
    """Raise ReportMismatch for a recipe of another report; else say whether and what changed."""
    if stamp is None:
        return ReportFit(named=False)
    if stamp.id != report.id:
        raise ReportMismatch(origin, stamp, report)
    if stamp.fingerprint == stamp_of(report).fingerprint:
        return ReportFit(named=True)
    from briefer.content.changes import compare

    changes = compare(stamp.contents, report) if stamp.contents is not None else None
    return ReportFit(named=True, changed=True, changes=changes)


def describe_fit(fit: ReportFit, stamp: ReportStamp | None) -> list[str]:
    """What to tell a person about the fit: nothing when it is the same report, unchanged."""
    if not fit.changed or stamp is None:
        return []
    head = f"The report {stamp.label()} has changed since this brief was made"
    if fit.changes is None:
        return [head + "; the recipe keeps no map of the report's parts, so what changed cannot be named."]
    from briefer.content.changes import OLD_TEXT_NOTE, describe

    lines = describe(fit.changes)
    if not lines:  # only a part the map does not list (cannot happen with maps briefer writes)
        return [head + "."]
    return [head + ":", *(f"  {line}" for line in lines), OLD_TEXT_NOTE]
