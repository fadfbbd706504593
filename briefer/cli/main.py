"""The entry point: parse the command line, run the command, turn every failure into a message.

`briefer [--content DIR] [RECIPE]` (no command) opens the app.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence

from briefer.cli.errors import UsageError
from briefer.cli.printing import add_batch_print_options, add_print_parsers
from briefer.cli.recipe_args import add_recipe_options
from briefer.cli.translations import add_translations_parser
from briefer.content.problems import ContentError, Problem
from briefer.content.resources import MissingPartError
from briefer.inputs import reason
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
    add_batch_print_options(p)
    add_print_parsers(sub, _content_option)

    _add_report_parsers(sub)
    add_translations_parser(sub)
    return parser


def _add_report_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """The commands about a report itself: diff, new, migrate."""
    p = sub.add_parser(
        "diff",
        help="what changed in the report since a brief (or recipe) was made",
        description="Compare the report now with the one a brief was made from: sections, blocks, notes, "
        "countries, audiences and sources added, removed or changed.",
    )
    _content_option(p)
    p.add_argument("--recipe", required=True, metavar="FILE", help="a PDF briefer made, or a saved recipe")

    p = sub.add_parser("new", help="write a small starter report to edit", description="Write a small, valid report.")
    p.add_argument("folder", metavar="DIR", help="a new (or empty) folder for the report")

    p = sub.add_parser(
        "migrate",
        help="rewrite a content folder in format 1 as format 2",
        description="Rewrite DIR as content format 2, in place; with -o, write the rewritten copy to "
        "NEWDIR and leave DIR as it is. Comments and untouched lines are kept, and nothing is written "
        "unless the rewritten content reads back as the same report.",
    )
    p.add_argument("folder", metavar="DIR", help="the content folder to rewrite")
    p.add_argument("-o", "--output", metavar="NEWDIR", help="write the rewritten copy here instead")


def _app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefer",
        description=f"Open the briefer app. Commands: {', '.join(COMMANDS)} (briefer COMMAND --help).",
    )
    _content_option(parser)
    parser.add_argument("recipe", nargs="?", metavar="RECIPE", help="a recipe .yaml, or a PDF briefer made")
    parser.add_argument(
        "--screenshot", metavar="FILE.png", help="save a picture of the window once the preview shows, then quit"
    )
    return parser


# Each command's module is imported only when that command runs: `build` must not pay for the
# batch runner's process pool and pypdf, nor `list` for ReportLab.
_HANDLERS = {
    "validate": ("briefer.cli.commands", "cmd_validate"),
    "list": ("briefer.cli.commands", "cmd_list"),
    "build": ("briefer.cli.commands", "cmd_build"),
    "batch": ("briefer.cli.batch", "cmd_batch"),
    "print": ("briefer.cli.printing", "cmd_print"),
    "printers": ("briefer.cli.printing", "cmd_printers"),
    "diff": ("briefer.cli.reports", "cmd_diff"),
    "new": ("briefer.cli.reports", "cmd_new"),
    "translations": ("briefer.cli.translations", "cmd_translations"),
    "migrate": ("briefer.cli.commands", "cmd_migrate"),
}


# Commands that build at most one brief: they make a great many objects and almost no reference
# cycles, and end soon, so the cyclic collector is paused while they run (as for briefer.cli's
# imports). Batch, printing from a recipe and the app run long or many builds: they keep it.
_BRIEF_COMMANDS = frozenset({"validate", "list", "build", "diff", "new", "translations"})


def _run_command(args: argparse.Namespace) -> int:
    module, name = _HANDLERS[args.command]
    collecting = gc.isenabled()
    if args.command in _BRIEF_COMMANDS:
        gc.disable()
    try:
        handler: Handler = getattr(importlib.import_module(module), name)
        return handler(args)
    finally:
        if collecting:
            gc.enable()


COMMANDS = tuple(_HANDLERS)


def _is_app_call(argv: list[str]) -> bool:
    """No command: the app, perhaps with --content and a recipe file."""
    if not argv:
        return True
    first = argv[0]
    if first in COMMANDS or first in ("-h", "--help"):
        return False
    if first.startswith(("--content", "--screenshot")):
        return True
    return os.path.exists(first) or first.lower().endswith((".yaml", ".yml", ".pdf"))


SHOWN_PROBLEMS = 20  # more would bury the first ones; the count says how many were left out


class Terminated(BaseException):
    """SIGTERM, raised where the program stands so that every `finally` runs (temporary files,
    worker processes), as for Ctrl-C."""


def _terminated(signum: int, frame: object) -> None:
    raise Terminated


def main(argv: Sequence[str] | None = None) -> int:
    """`argv` None: the program itself (briefer's command), which may end the process at once."""
    program = argv is None
    argv = list(sys.argv[1:] if argv is None else argv)
    in_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminated) if in_main_thread else None
    try:
        return _run(argv)
    except ContentError as exc:
        _print_problems(exc.problems)
        errors = sum(1 for p in exc.problems if not p.warning)
        where = "the recipe" if isinstance(exc, RecipeError) else getattr(exc, "subject", "the content")
        print(f"briefer: {errors} error(s) in {where}", file=sys.stderr)
        return 2
    except (UsageError, OutputError) as exc:
        print(f"briefer: {exc}", file=sys.stderr)
        return 2
    except MissingPartError as exc:  # briefer's own files, not the user's input
        print(f"briefer: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # the reader went away (`briefer list … | head`): not an error of ours; stay quiet
        _silence_stdout()
        return 0
    except OSError as exc:  # a path the system refuses where no check named it first
        name = f"{exc.filename}: " if exc.filename else ""
        print(f"briefer: {name}{reason(exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("briefer: interrupted", file=sys.stderr)
        return _leaving(130) if program else 130
    except Terminated:
        print("briefer: stopped (SIGTERM)", file=sys.stderr)
        return _leaving(128 + signal.SIGTERM) if program else 128 + signal.SIGTERM
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


EXIT_GRACE = 3.0  # seconds the interpreter's own exit may take after an interrupt


def _leaving(code: int) -> int:
    """Exit with `code` once the interpreter has finished, or after EXIT_GRACE at the latest.

    Every `finally` has run by now (temporary files removed, workers told to stop); what is
    left is the interpreter joining helper threads and processes, which an interrupt landing
    inside the process pool's machinery can leave waiting for ever.
    """
    timer = threading.Timer(EXIT_GRACE, os._exit, (code,))
    timer.daemon = True
    timer.start()
    return code


def _run(argv: list[str]) -> int:
    if _is_app_call(argv):
        args = _app_parser().parse_args(argv)
        from briefer.gui.app import run_app

        return run_app(args.recipe, args.content, args.screenshot)
    if argv[0] not in COMMANDS and not argv[0].startswith("-"):
        raise UsageError(
            f"unknown command {argv[0]!r} (commands: {', '.join(COMMANDS)}; "
            "a recipe file to open in the app must exist)"
        )
    args = build_parser().parse_args(argv)
    if args.command is None:
        build_parser().print_usage(sys.stderr)
        return 2
    return _run_command(args)


def _print_problems(problems: Sequence[Problem]) -> None:
    """The first SHOWN_PROBLEMS errors and warnings each, then how many of each were not shown."""
    for warning in (False, True):
        kind = [p for p in problems if p.warning == warning]
        for problem in kind[:SHOWN_PROBLEMS]:
            print(problem, file=sys.stderr)
        if len(kind) > SHOWN_PROBLEMS:
            more = len(kind) - SHOWN_PROBLEMS
            print(f"… and {more} more {'warning' if warning else 'error'}(s) like these", file=sys.stderr)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot raise again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
