"""`briefer batch`: options -> a checked plan -> build_batch, with a progress bar and a list of files.

The CLI adapter only; the work is in plan.py and runner.py. Never imports Qt.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys

from briefer.batch.errors import BatchError
from briefer.batch.plan import BatchPlan, plan_matrix, plan_recipients
from briefer.batch.progress import ProgressBar
from briefer.batch.recipients import read_recipients
from briefer.batch.runner import Progress, WrittenFile, build_batch
from briefer.content.model import Report

BOOKLET_NOTE = {
    "a4": "booklets are A5 on A4 sheets: each A4 page is scaled to 71% (1/√2)",
    "letter": "booklets are half-letter on Letter sheets: each Letter page is scaled to 65%",
}


def plan_from_args(report: Report, args: argparse.Namespace) -> BatchPlan:
    """Check every option, the recipe and the recipients file; nothing is built yet."""
    from briefer.build import recipe_from_args

    recipe = recipe_from_args(args, report)
    audiences = list(dict.fromkeys(args.audience)) if args.audience else None
    if args.recipients:
        if audiences and len(audiences) > 1:
            raise BatchError("personalised copies are of one brief: give at most one --audience with --recipients")
        if audiences:
            recipe = dataclasses.replace(recipe, audience=audiences[0])
        recipients = read_recipients(args.recipients)
        return plan_recipients(
            report, recipe, recipients, combined=args.combined, glance=args.at_a_glance, booklet=args.booklet
        )
    if args.combined:
        raise BatchError("--combined joins personalised copies into one print file: it needs --recipients FILE.csv")
    return plan_matrix(report, recipe, audiences, args.country, glance=args.at_a_glance, booklet=args.booklet)


def describe(file: WrittenFile) -> str:
    if file.kind == "glance":
        detail = "1 page"
        if file.dropped:
            detail += "; left out to fit: " + "; ".join(file.dropped)
    elif file.kind == "booklet":
        detail = f"booklet: {file.detail}"
    else:
        detail = f"{file.pages} page{'s' if file.pages != 1 else ''}"
        if file.detail:
            detail += f", {file.detail}"
    return f"wrote {file.path} ({detail})"


def run_batch(report: Report, args: argparse.Namespace) -> int:
    plan = plan_from_args(report, args)
    count = len(plan.jobs)
    what = ("at-a-glance page" if plan.jobs[0].glance else "brief") + ("" if count == 1 else "s")
    if plan.combined_stem:
        what = f"personalised {what} for one print file"
    bar = ProgressBar(len(plan.jobs))

    def on_progress(progress: Progress) -> None:
        for file in progress.written:
            bar.print(describe(file))
        bar.update(progress.done, progress.label)

    try:
        result = build_batch(report, plan, args.output, jobs=args.jobs, on_progress=on_progress)
    finally:
        bar.close()
    for file in result.files:
        if file.kind.startswith("combined"):
            print(describe(file))
    if any(job.booklet for job in plan.jobs):
        size = plan.jobs[0].recipe.page_size
        print(f"note: {BOOKLET_NOTE.get(size, BOOKLET_NOTE['a4'])}; print double-sided, flipping on the short edge")
    processes = f"{result.workers} process{'es' if result.workers != 1 else ''}"
    print(f"built {count} {what} in {result.seconds:.1f} s with {processes}", file=sys.stderr)
    return 0
