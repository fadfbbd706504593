"""`briefer print`, `briefer printers` and `briefer batch --print`: options -> briefer.printing.

The CLI adapter only. At import it reads the pure options module alone (the parser needs its
choices); the CUPS tools and pypdf load when a print command runs. Never imports Qt.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from briefer.cli.errors import UsageError
from briefer.cli.recipe_args import add_recipe_options
from briefer.printing.options import Duplex, PrintOptions
from briefer.tailor.recipe import PageSize, describe_choices

if TYPE_CHECKING:
    from briefer.batch import BatchPlan, BatchResult, WrittenFile

# the build options that choose a brief; --grayscale is left out: it also asks the printer for black and white
BUILD_OPTIONS = (
    *("recipe", "sections", "audience", "country", "page_size", "notes", "citations", "large_print"),
    *("watermark", "prepared_for"),
)
BOOKLET_KINDS = ("booklet", "combined-booklet")
HANDOUT_KINDS = ("brief", "glance", "combined")


def add_print_parsers(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    content_option: Callable[[argparse.ArgumentParser], None],
) -> None:
    """The `print` and `printers` commands."""
    p = sub.add_parser(
        "print",
        help="print a brief: a PDF as it is, or one built from a recipe or build options",
        description="Send the PDF itself to a printer through CUPS (no bitmaps): an existing PDF, or "
        "a brief built from --recipe and the build options. --grayscale both builds in grays and asks "
        "the printer for black and white.",
    )
    p.add_argument("pdf", nargs="?", metavar="BRIEF.pdf", help="a PDF to print as it is")
    content_option(p)
    add_recipe_options(p)
    add_job_options(p, pages=True)
    sub.add_parser("printers", help="list the printers and their state; * marks the default")


def add_job_options(p: argparse.ArgumentParser, *, pages: bool) -> None:
    p.add_argument("--printer", metavar="NAME", help="the printer (default: the system's default printer)")
    p.add_argument("--copies", type=int, default=1, metavar="N", help="copies (default: 1)")
    p.add_argument(
        "--collate",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="copies as whole sets (default), or each page N times",
    )
    p.add_argument("--duplex", choices=[d.value for d in Duplex], help="two-sided on the long or short edge, or not")
    p.add_argument(
        "--paper",
        choices=[s.value for s in PageSize],
        help=f"sheets to print on (default: the PDF's own): {describe_choices(PageSize)}",
    )
    if pages:
        p.add_argument("--pages", default="", metavar="1-3,5", help="pages to print (default: all)")


def add_batch_print_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--print",
        action="store_true",
        help="also send the run to a printer as one job, in order, each copy on a fresh sheet "
        "(the booklets, if made, two-sided on the short edge)",
    )
    add_job_options(p, pages=False)


def options_from_args(args: argparse.Namespace, title: str, duplex: Duplex | None = None) -> PrintOptions:
    return PrintOptions(
        printer=args.printer,
        copies=args.copies,
        collate=args.collate,
        pages=getattr(args, "pages", ""),
        duplex=Duplex(args.duplex) if args.duplex else duplex,
        paper=PageSize(args.paper) if args.paper else None,
        grayscale=bool(getattr(args, "grayscale", False)),
        title=title,
    )


def cmd_print(args: argparse.Namespace) -> int:
    from briefer.printing.send import read_document, read_document_file, send

    if args.pdf:
        given = [f"--{name.replace('_', '-')}" for name in BUILD_OPTIONS if getattr(args, name, None)]
        if given:
            raise UsageError(f"print {args.pdf} as it is, or build a brief with {', '.join(given)}: not both")
        path = Path(args.pdf)
        if path.suffix.lower() in (".yaml", ".yml"):
            raise UsageError(f"{path} is a recipe: print the brief it makes with --recipe {path}")
        document = read_document_file(path)
        what, title = str(path), path.name
    else:
        from briefer.build import OutputFormat, build_bytes
        from briefer.cli.commands import load_content
        from briefer.cli.recipe_args import recipe_from_args

        report = load_content(args.content)
        recipe = recipe_from_args(args, report)
        document = read_document(build_bytes(report, recipe, OutputFormat.PDF))
        what = title = Path(args.recipe).stem if args.recipe else "the brief"
    job = send(document, options_from_args(args, title))
    print(f"sent {what} to {job.printer} as job {job.job_id} ({job.describe()})")
    return 0


def cmd_printers(args: argparse.Namespace) -> int:
    from briefer.printing.cups import list_printers
    from briefer.printing.send import choose_printer

    printers = list_printers()
    if not printers.printers:
        choose_printer(printers, None)  # raises NoPrinterError, which says what to do
    width = max(len(name) for name in printers.names)
    for printer in printers.printers:
        mark = "*" if printer.name == printers.default else " "
        print(f"{mark} {printer.name:<{width}}  {printer.state_text()}")
    if printers.default is None:
        print("no default printer is set: give --printer NAME when printing")
    return 0


def check_batch_printer(args: argparse.Namespace) -> None:
    """Before a batch builds anything: the printer asked for exists and takes jobs."""
    from briefer.printing.cups import list_printers
    from briefer.printing.send import choose_printer

    choose_printer(list_printers(), args.printer)


def print_batch(plan: BatchPlan, result: BatchResult, args: argparse.Namespace) -> None:
    """Send what the run wrote, in the plan's order, as one job."""
    from briefer.printing.send import send_handouts

    files = handout_files(plan, result.files)
    booklets = files[0].kind in BOOKLET_KINDS
    title = f"{len(files)} briefer handouts" if len(files) > 1 else files[0].path.name
    options = options_from_args(args, title, Duplex.SHORT if booklets else None)
    job = send_handouts([f.path for f in files], options)
    what = f"{len(files)} file{'s' if len(files) != 1 else ''}"
    print(f"sent {what} to {job.printer} as job {job.job_id} ({job.describe()}, each copy on a fresh sheet)")


def handout_files(plan: BatchPlan, files: tuple[WrittenFile, ...]) -> list[WrittenFile]:
    """The booklets if the run made them, else the briefs (or the combined file), in plan order."""
    kinds = BOOKLET_KINDS if any(f.kind in BOOKLET_KINDS for f in files) else HANDOUT_KINDS
    order = {name: n for n, name in enumerate(plan.file_names())}
    return sorted((f for f in files if f.kind in kinds), key=lambda f: order.get(f.path.name, len(order)))
