"""What the batch dialog says about a plan, a written file and an error: plain words, no Qt.

Imports the batch API and the content problems only.
"""

from __future__ import annotations

from pathlib import Path

from briefer.batch import BatchPlan, RecipientsError, WrittenFile
from briefer.content.problems import ContentError

SHOWN_LINES = 8


def plural(count: int, word: str, words: str = "") -> str:
    return f"{count} {word if count == 1 else words or word + 's'}"


def plan_summary(plan: BatchPlan) -> str:
    """'Will build 4 files: 2 briefs, each with a booklet.' and the like."""
    jobs = len(plan.jobs)
    if plan.combined_stem:
        what = f"{plural(jobs, 'personalised copy', 'personalised copies')} in one print file"
        what += " and its booklet" if plan.combined_booklet_stem else ""
    elif plan.jobs[0].glance:
        what = plural(jobs, "at-a-glance page")
    else:
        what = plural(jobs, "brief") + (", each with a booklet" if plan.jobs[0].booklet else "")
    return f"Will build {plural(len(plan.file_names()), 'file')}: {what}."


def file_line(file: WrittenFile) -> str:
    detail = f"booklet, {file.detail}" if file.kind == "booklet" else plural(file.pages, "page")
    if file.dropped:
        detail += "; left out to fit: " + "; ".join(file.dropped)
    return f"{file.path.name}  —  {detail}"


def error_lines(error: BaseException) -> list[str]:
    """A planning or build error for people using the app; a long list ends in '… and N more'."""
    if isinstance(error, RecipientsError):
        lines = [f"The recipients list {Path(error.path).name} cannot be used:", *map(str, error.problems)]
    elif isinstance(error, ContentError):
        lines = ["This recipe cannot be built:", *(str(p) for p in error.problems if not p.warning)]
    else:
        text = str(error)
        lines = [text[:1].upper() + text[1:]]
    if len(lines) > SHOWN_LINES + 1:
        lines = [*lines[: SHOWN_LINES + 1], f"… and {len(lines) - SHOWN_LINES - 1} more"]
    return lines
