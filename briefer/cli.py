"""The command line: `briefer validate|list|build|batch`, and the app when given no command.

A thin adapter over load -> tailor -> render. Never imports PySide6 except to start the app.
Exit codes: 0 done, 2 bad input (content, recipe, options, paths), 1 an internal failure.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from briefer.content.load import check_report
from briefer.content.model import Report
from briefer.content.problems import ContentError
from briefer.output import OutputError
from briefer.tailor.recipe_check import RecipeError

COMMANDS = ("validate", "list", "build", "batch")


class UsageError(Exception):
    """Bad input from the user: printed as a message, exit code 2."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefer",
        description="Build tailored, footnoted briefings from a report. "
        "With no command, opens the app (optionally with a recipe file).",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def content_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--content", metavar="DIR", help="content folder (default: the shipped report)")

    p = sub.add_parser("validate", help="check a content folder and summarise it")
    content_option(p)

    p = sub.add_parser("list", help="list sections, audiences or countries")
    p.add_argument("what", choices=("sections", "audiences", "countries"))
    p.add_argument("--json", action="store_true", help="print a JSON list")
    content_option(p)

    p = sub.add_parser("build", help="build a brief (PDF or Markdown, from the -o suffix)")
    content_option(p)
    add_recipe_options(p)
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="brief.pdf or brief.md")

    p = sub.add_parser(
        "batch",
        help="build many briefs: audiences × countries, recipients, booklets",
        description="Build one brief per audience × focus country, in parallel. An axis not given "
        "takes the recipe's choices, else every audience or country in the report. With --recipients, "
        "one copy of a single brief per CSV row (columns name, title, organisation), its focus being "
        "all the --country options together.",
    )
    content_option(p)
    p.add_argument("--recipe", metavar="FILE", help="a recipe .yaml, or a PDF briefer made")
    p.add_argument("--sections", metavar="ID,ID", help="sections to include, in this order")
    p.add_argument("--audience", action="append", metavar="ID", help="an audience (repeatable)")
    p.add_argument("--country", action="append", metavar="CODE", help="a focus country (repeatable)")
    p.add_argument("--page-size", choices=("a4", "letter"), help="also the booklet sheet: A4 or Letter")
    p.add_argument("--recipients", metavar="FILE.csv", help="one personalised copy per CSV row")
    p.add_argument("--combined", action="store_true", help="one print file, each copy on an odd page")
    p.add_argument("--booklet", action="store_true", help="also impose each brief as a booklet")
    p.add_argument("--at-a-glance", action="store_true", help="one-page handouts instead of briefs")
    p.add_argument("--jobs", type=int, metavar="N", help="parallel builds (default: all cores)")
    p.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="folder for the files")
    return parser


def add_recipe_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--recipe", metavar="FILE", help="a recipe .yaml, or a PDF briefer made")
    p.add_argument("--sections", metavar="ID,ID", help="sections to include, in this order")
    p.add_argument("--audience", metavar="ID", help="tailor for this audience")
    p.add_argument("--country", action="append", metavar="CODE", help="focus country (repeatable)")
    p.add_argument("--page-size", choices=("a4", "letter"))
    p.add_argument("--notes", choices=("bottom", "end"), help="notes at the page foot or at the end")
    p.add_argument("--citations", choices=("ibid", "short", "full", "see-note"), help="repeat citations")
    p.add_argument("--large-print", action="store_true", default=None)
    p.add_argument("--grayscale", action="store_true", default=None)
    p.add_argument("--watermark", metavar="WORD")
    p.add_argument("--prepared-for", metavar="TEXT", help="the recipient printed on the cover")


def load_content(folder: str | None) -> Report:
    report, problems = check_report(folder)
    for problem in problems:
        if problem.warning:
            print(problem, file=sys.stderr)
    if report is None:
        raise ContentError(problems)
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
    return 0


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
    from briefer.build import build_to_file, recipe_from_args

    report = load_content(args.content)
    recipe = recipe_from_args(args, report)
    out = Path(args.output)
    pages = build_to_file(report, recipe, out)
    detail = f", {pages} pages" if pages else ""
    print(f"wrote {out}{detail}")
    return 0


def cmd_batch(args: argparse.Namespace) -> int:
    from briefer.batch.run import run_batch

    report = load_content(args.content)
    return run_batch(report, args)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in COMMANDS and not argv[0].startswith("-")):
        from briefer.gui.app import run_app

        return run_app(argv[0] if argv else None)
    args = _parser().parse_args(argv)
    handlers = {"validate": cmd_validate, "list": cmd_list, "build": cmd_build, "batch": cmd_batch}
    try:
        return handlers[args.command](args)
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        errors = sum(1 for p in exc.problems if not p.warning)
        where = "the recipe" if isinstance(exc, RecipeError) else "the content"
        print(f"briefer: {errors} error(s) in {where}", file=sys.stderr)
        return 2
    except (UsageError, OutputError) as exc:
        print(f"briefer: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("briefer: interrupted", file=sys.stderr)
        return 130
