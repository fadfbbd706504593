"""`briefer diff` (what changed in the report since a brief was made) and `briefer new` (a starter report).

The CLI adapter only: the comparison is content/changes.py, the starter content/starter.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from briefer.cli.commands import load_content
from briefer.cli.errors import UsageError
from briefer.cli.recipe_args import open_checked
from briefer.content.changes import OLD_TEXT_NOTE, describe
from briefer.content.starter import StarterError, write_starter


def cmd_diff(args: argparse.Namespace) -> int:
    report = load_content(args.content)
    opened, fit = open_checked(args.recipe, report, args.content)
    if opened.report is None:
        raise UsageError(
            f"{args.recipe} names no report (a recipe of format 1, or written by hand): "
            "there is nothing to compare the report with"
        )
    if not fit.changed:
        print(f"{report.title}: unchanged since {args.recipe} was made")
        return 0
    if fit.changes is None:
        print(f"{report.title}: changed since {args.recipe} was made; it keeps no map of the parts to name them")
        return 0
    print(f"{report.title}: changed since {args.recipe} was made")
    for line in describe(fit.changes):
        print(f"  {line}")
    print(OLD_TEXT_NOTE)
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    try:
        written = write_starter(folder, dt.date.today().year)
    except StarterError as exc:
        raise UsageError(str(exc)) from exc
    print(f"wrote a starter report in {folder} ({len(written)} files)")
    print(f"  each file says how to fill it in; then check it with: briefer validate --content {folder}")
    return 0
