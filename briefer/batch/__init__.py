"""Batch builds: many briefs from one recipe, on all cores. Qt-free; the CLI and the app share it.

    recipients = read_recipients("people.csv")                    # RecipientsError: by line
    plan = plan_matrix(report, recipe, audiences, countries)      # or plan_recipients(...)
    result = build_batch(report, plan, outdir, jobs=None, on_progress=cb, cancel=event)

Planning checks everything (recipes, names, options) before anything is built. `build_batch`
calls `on_progress(Progress)` on its own thread (from the app: run it in a worker and relay
the progress to the UI thread), and returns promptly once `cancel.is_set()`, leaving only
whole files. Worker processes start from a fork server (or spawn), so a script that calls
build_batch must guard its entry point with `if __name__ == "__main__":`.

Modules: names (safe file names), recipients (CSV), plan (jobs), runner (pool, progress,
writing), worker (in the processes), impose (booklets), combine (print files). Batch
orchestrates only: every page is drawn in briefer.render (the at-a-glance page too), and the
command-line adapter is briefer.cli.batch. Imports no ReportLab and no Qt.
"""

from briefer.batch.errors import BatchError
from briefer.batch.plan import BatchPlan, Job, plan_matrix, plan_recipients
from briefer.batch.recipients import Recipient, RecipientsError, read_recipients
from briefer.batch.runner import BatchResult, Progress, WrittenFile, build_batch

__all__ = [
    "BatchError",
    "BatchPlan",
    "BatchResult",
    "Job",
    "Progress",
    "Recipient",
    "RecipientsError",
    "WrittenFile",
    "build_batch",
    "plan_matrix",
    "plan_recipients",
    "read_recipients",
]
