"""`briefer batch`: options -> a checked plan -> build_batch, with a progress bar and a list of files.

The CLI adapter only; the work is in briefer.batch (plan.py, runner.py). Never imports Qt.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys

from briefer.batch.errors import BatchError
from briefer.batch.plan import BatchPlan, plan_matrix, plan_recipients
from briefer.batch.recipients import read_recipients
from briefer.batch.runner import Progress, WrittenFile, build_batch
from briefer.cli.commands import load_content
from briefer.cli.printing import check_batch_printer, print_batch
from briefer.cli.progress import ProgressBar
from briefer.cli.recipe_args import recipe_from_args
from briefer.content.model import Report
from briefer.tailor.recipe import PageSize


def plan_from_args(report: Report, args: argparse.Namespace) -> BatchPlan:
    """Check every option, the recipe and the recipients file; nothing is built yet."""
    recipe = recipe_from_args(args, report)
    audiences = list(dict.fromkeys(args.audiences)) if args.audiences else None
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


def booklet_note(size: PageSize) -> str:
    """What imposing does to the pages, from the sheet size: 71% for A4 (1/√2), 65% for Letter."""
    from briefer.batch.impose import booklet_scale

    width, height = size.points
    scale = booklet_scale(width, height)
    exact = " (1/√2)" if size is PageSize.A4 else ""
    return (
        f"booklets are {size.half_name} on {size.label} sheets: each {size.label} page is scaled to {scale:.0%}{exact}"
    )


def cmd_batch(args: argparse.Namespace) -> int:
    return run_batch(load_content(args.content), args)


def run_batch(report: Report, args: argparse.Namespace) -> int:
    plan = plan_from_args(report, args)
    if args.print:
        check_batch_printer(args)  # a printer that cannot print is named before anything is built
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
        print(f"note: {booklet_note(plan.jobs[0].recipe.page_size)}; print double-sided, flipping on the short edge")
    processes = f"{result.workers} process{'es' if result.workers != 1 else ''}"
    print(f"built {count} {what} in {result.seconds:.1f} s with {processes}", file=sys.stderr)
    if args.print and not result.cancelled:
        print_batch(plan, result, args)
    return 0
