"""What the batch dialog says, in plain sentences that count one thing throughout: briefs.

What it will do ("This builds 4 briefs … into …"), how it went ("Done: 4 briefs built in 3.2
seconds."), a written file, an error. Imports the batch API, the content problems and the app's
translation helpers only; no Qt.
"""

from __future__ import annotations

from pathlib import Path

from briefer.batch import BatchPlan, RecipientsError, WrittenFile
from briefer.content.problems import ContentError
from briefer.gui.i18n import _, ngettext

SHOWN_LINES = 8


def plan_summary(plan: BatchPlan, folder: Path) -> str:
    """'This builds 4 briefs, each with a booklet to print and fold, into /out.' and the like."""
    n = len(plan.jobs)
    first = plan.jobs[0]
    if plan.combined_stem:
        what = ngettext(
            "This builds {n} personalised brief, in one print file{booklet}, into {folder}.",
            "This builds {n} personalised briefs, all in one print file{booklet}, into {folder}.",
            n,
        )
        booklet = _(" and its booklet") if plan.combined_booklet_stem else ""
        return what.format(n=n, booklet=booklet, folder=folder)
    if first.glance:
        what = ngettext(
            "This builds {n} brief as one page at a glance, into {folder}.",
            "This builds {n} briefs, each one page at a glance, into {folder}.",
            n,
        )
    elif first.booklet:
        what = ngettext(
            "This builds {n} brief with its booklet (to print on both sides and fold), into {folder}.",
            "This builds {n} briefs, each with its booklet (to print on both sides and fold), into {folder}.",
            n,
        )
    else:
        what = ngettext("This builds {n} brief into {folder}.", "This builds {n} briefs into {folder}.", n)
    return what.format(n=n, folder=folder)


def briefs_there(plan: BatchPlan, folder: Path) -> int:
    """How many of the plan's briefs have a file of that name in `folder` already."""
    if plan.combined_stem:
        return len(plan.jobs) if (folder / f"{plan.combined_stem}.pdf").exists() else 0
    return sum((folder / f"{job.stem}.pdf").exists() for job in plan.jobs)


def replaced_text(there: int, total: int) -> str:
    if not there:
        return ""
    if there == total:
        said = ngettext(
            "It is in the folder already: building replaces it.",
            "All {n} are in the folder already: building replaces them.",
            there,
        )
    else:
        said = ngettext(
            "{n} of them is in the folder already: building replaces it.",
            "{n} of them are in the folder already: building replaces them.",
            there,
        )
    return said.format(n=there)


def ended_text(done: int, planned: int, seconds: float | None, cancelled: bool) -> str:
    """How the run went: done, cancelled (with the briefs kept) or stopped by an error."""
    if cancelled:
        said = ngettext(
            "Cancelled after {done} of {planned} brief; the briefs built are in the folder.",
            "Cancelled after {done} of {planned} briefs; the briefs built are in the folder.",
            planned,
        )
    elif seconds is None:
        said = ngettext(
            "Stopped after {done} of {planned} brief: see why above.",
            "Stopped after {done} of {planned} briefs: see why above.",
            planned,
        )
    else:
        said = ngettext(
            "Done: {done} brief built in {seconds} seconds. Double-click a file below to open it.",
            "Done: {done} briefs built in {seconds} seconds. Double-click a file below to open it.",
            done,
        )
    return said.format(done=done, planned=planned, seconds=f"{seconds:.1f}" if seconds is not None else "")


def file_line(file: WrittenFile) -> str:
    if file.kind == "booklet":
        detail = _("booklet, {detail}").format(detail=file.detail)
    else:
        detail = ngettext("{n} page", "{n} pages", file.pages).format(n=file.pages)
    if file.dropped:
        detail += _("; left out to fit: ") + "; ".join(file.dropped)
    return f"{file.path.name}  —  {detail}"


def error_lines(error: BaseException) -> list[str]:
    """A planning or build error for people using the app; a long list ends in '… and N more'."""
    if isinstance(error, RecipientsError):
        lines = [_("The recipients list {name} cannot be used:").format(name=Path(error.path).name)]
        lines += map(str, error.problems)
    elif isinstance(error, ContentError):
        lines = [_("This recipe cannot be built:"), *(str(p) for p in error.problems if not p.warning)]
    else:
        text = str(error)
        lines = [text[:1].upper() + text[1:]]
    if len(lines) > SHOWN_LINES + 1:
        more = len(lines) - SHOWN_LINES - 1
        lines = [*lines[: SHOWN_LINES + 1], _("… and {count} more").format(count=more)]
    return lines
