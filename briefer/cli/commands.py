"""`briefer validate`, `list`, `build` and `migrate`: load the content, act, print a line.

Imports the core only; batch lives in batch.py, the app in briefer.gui.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from briefer.build import check_content
from briefer.content.model import Report
from briefer.content.problems import ContentError


def load_content(folder: str | None) -> Report:
    """The report in `folder` (default: the shipped one); warnings go to stderr, once."""
    report, problems = check_content(folder)
    if report is None:
        raise ContentError(problems)
    for problem in problems:
        if problem.warning:
            print(problem, file=sys.stderr)
    return report


def cmd_validate(args: argparse.Namespace) -> int:
    report = load_content(args.content)
    blocks = sum(len(s.blocks) for s in report.sections)
    notes = sum(len(s.notes) for s in report.sections)
    print(f"{report.title}: content is valid")
    print(
        f"  {len(report.sections)} sections, {blocks} blocks, {notes} notes, "
        f"{len(report.sources)} sources, {len(report.audiences)} audiences, "
        f"{len(report.countries)} countries"
    )
    return _validate_translations(report)


def _validate_translations(report: Report) -> int:
    """One line per language the report is translated into; its files' problems to stderr."""
    from briefer.content.translations import State, unit_state
    from briefer.content.units import report_units

    units = report_units(report)
    failed = False
    for language, translations in sorted(report.translations.items()):
        current = sum(unit_state(u, translations.units.get(u.id)) is State.CURRENT for u in units)
        print(f"  translations into {language}: {current} of {len(units)} units current")
        for problem in translations.problems:
            failed |= not problem.warning
            print(problem, file=sys.stderr)
    return 2 if failed else 0


def cmd_list(args: argparse.Namespace) -> int:
    report = load_content(args.content)
    rows: list[dict[str, str]]
    if args.what == "sections":
        rows = [{"id": s.id, "title": s.title, "summary": s.summary} for s in report.sections]
    elif args.what == "audiences":
        rows = [{"id": a.id, "title": a.name, "name": a.name} for a in report.audiences]
    else:
        rows = [{"id": c.code, "name": c.name, "title": c.name} for c in report.countries]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        width = max((len(r["id"]) for r in rows), default=0)
        for row in rows:
            print(f"{row['id']:<{width}}  {row['title']}")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from briefer.build import build_to_file
    from briefer.cli.recipe_args import recipe_from_args

    report = load_content(args.content)
    recipe = recipe_from_args(args, report)
    out = Path(args.output)
    pages = build_to_file(report, recipe, out)
    detail = f", {pages} pages" if pages else ""
    print(f"wrote {out}{detail}")
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    from briefer.content.migrate import migrate

    folder = Path(args.folder)
    output = Path(args.output) if args.output else None
    migration = migrate(folder, output)
    for notice in migration.notices:
        print(notice, file=sys.stderr)
    if migration.texts or output is not None:
        where = f"to {output} ({folder} is unchanged)" if output else "in place"
        print(f"migrated {folder} to content format 2 {where}: {len(migration.texts)} file(s) rewritten")
    return 0
