"""The entry point: parse the command line, run the command, turn every failure into a message.

`briefer [--content DIR] [RECIPE]` (no command) opens the app.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from briefer.cli.errors import UsageError
from briefer.cli.recipe_args import add_recipe_options
from briefer.content.problems import ContentError
from briefer.output import OutputError
from briefer.tailor.recipe_check import RecipeError

Handler = Callable[[argparse.Namespace], int]


def _content_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--content", metavar="DIR", help="the report's content folder (default: the shipped report)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefer",
        description="Build tailored, footnoted briefings from a report. "
        "With no command, opens the app: briefer [--content DIR] [RECIPE].",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("validate", help="check a content folder and summarise it")
    _content_option(p)

    p = sub.add_parser("list", help="list sections, audiences or countries")
    p.add_argument("what", choices=("sections", "audiences", "countries"))
    p.add_argument("--json", action="store_true", help="print a JSON list")
    _content_option(p)

    p = sub.add_parser(
        "migrate",
        help="rewrite a content folder in format 1 as format 2",
        description="Rewrite DIR as content format 2, in place; with -o, write the rewritten copy to "
        "NEWDIR and leave DIR as it is. Comments and untouched lines are kept, and nothing is written "
        "unless the rewritten content reads back as the same report.",
    )
    p.add_argument("folder", metavar="DIR", help="the content folder to rewrite")
    p.add_argument("-o", "--output", metavar="NEWDIR", help="write the rewritten copy here instead")

    p = sub.add_parser("build", help="build a brief (PDF or Markdown, from the -o suffix)")
    _content_option(p)
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
    _content_option(p)
    add_recipe_options(p, many_audiences=True)
    p.add_argument("--recipients", metavar="FILE.csv", help="one personalised copy per CSV row")
    p.add_argument("--combined", action="store_true", help="one print file, each copy on an odd page")
    p.add_argument("--booklet", action="store_true", help="also impose each brief as a booklet")
    p.add_argument("--at-a-glance", action="store_true", help="one-page handouts instead of briefs")
    p.add_argument("--jobs", type=int, metavar="N", help="parallel builds (default: all cores)")
    p.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="folder for the files")
    return parser


def _app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefer",
        description="Open the briefer app. Commands: validate, list, build, batch (briefer COMMAND --help).",
    )
    _content_option(parser)
    parser.add_argument("recipe", nargs="?", metavar="RECIPE", help="a recipe .yaml, or a PDF briefer made")
    return parser


def _handlers() -> dict[str, Handler]:
    from briefer.cli.batch import cmd_batch
    from briefer.cli.commands import cmd_build, cmd_list, cmd_migrate, cmd_validate

    return {"validate": cmd_validate, "list": cmd_list, "build": cmd_build, "batch": cmd_batch, "migrate": cmd_migrate}


COMMANDS = ("validate", "list", "build", "batch", "migrate")


def _is_app_call(argv: list[str]) -> bool:
    """No command: the app, perhaps with --content and a recipe file."""
    if not argv:
        return True
    first = argv[0]
    if first in COMMANDS or first in ("-h", "--help"):
        return False
    return first.startswith("--content") or os.path.exists(first) or first.lower().endswith((".yaml", ".yml", ".pdf"))


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if _is_app_call(argv):
            args = _app_parser().parse_args(argv)
            from briefer.gui.app import run_app

            return run_app(args.recipe, args.content)
        if argv[0] not in COMMANDS and not argv[0].startswith("-"):
            raise UsageError(
                f"unknown command {argv[0]!r} (commands: {', '.join(COMMANDS)}; "
                "a recipe file to open in the app must exist)"
            )
        args = build_parser().parse_args(argv)
        if args.command is None:
            build_parser().print_usage(sys.stderr)
            return 2
        return _handlers()[args.command](args)
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
    except BrokenPipeError:
        # the reader went away (`briefer list … | head`): not an error of ours; stay quiet
        _silence_stdout()
        return 0
    except KeyboardInterrupt:
        print("briefer: interrupted", file=sys.stderr)
        return 130


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot raise again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
