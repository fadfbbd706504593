"""What the batch dialog says about a plan, a written file and an error: plain words, no Qt.

Imports the batch API, the content problems and the app's translation helpers only.
"""

from __future__ import annotations

from pathlib import Path

from briefer.batch import BatchPlan, RecipientsError, WrittenFile
from briefer.content.problems import ContentError
from briefer.gui.i18n import _, ngettext

SHOWN_LINES = 8


def plan_summary(plan: BatchPlan) -> str:
    """'Will build 4 files: 2 briefs, each with a booklet.' and the like."""
    jobs = len(plan.jobs)
    if plan.combined_stem and plan.combined_booklet_stem:
        what = ngettext(
            "{n} personalised copy in one print file and its booklet",
            "{n} personalised copies in one print file and its booklet",
            jobs,
        )
    elif plan.combined_stem:
        what = ngettext("{n} personalised copy in one print file", "{n} personalised copies in one print file", jobs)
    elif plan.jobs[0].glance:
        what = ngettext("{n} at-a-glance page", "{n} at-a-glance pages", jobs)
    elif plan.jobs[0].booklet:
        what = ngettext("{n} brief, each with a booklet", "{n} briefs, each with a booklet", jobs)
    else:
        what = ngettext("{n} brief", "{n} briefs", jobs)
    files = len(plan.file_names())
    summary = ngettext("Will build {files} file: {what}.", "Will build {files} files: {what}.", files)
    return summary.format(files=files, what=what.format(n=jobs))


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
