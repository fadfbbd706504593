"""Command-line options -> a Recipe: the recipe file's choices, overridden by the options given.

The one place where argparse's Namespace meets the core; everything past here is typed.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys

from briefer.build import open_recipe_file
from briefer.cli.errors import UsageError
from briefer.content.fingerprint import stamp_of
from briefer.content.model import Report
from briefer.tailor.recipe import (
    CONTENTS_DEPTHS,
    CitationStyle,
    NotePlacement,
    PageSize,
    Recipe,
    Untranslated,
    describe_choices,
)
from briefer.tailor.recipe_file import OpenedRecipe
from briefer.tailor.recipe_report import ReportFit, ReportMismatch, check_recipe_report, describe_fit


def add_recipe_options(p: argparse.ArgumentParser, *, many_audiences: bool = False) -> None:
    """The options that choose a brief; `many_audiences` for batch, where --audience repeats."""
    p.add_argument("--recipe", metavar="FILE", help="a recipe .yaml, or a PDF briefer made")
    p.add_argument("--sections", metavar="ID,ID", help="sections to include, in this order")
    if many_audiences:
        p.add_argument("--audience", dest="audiences", action="append", metavar="ID", help="an audience (repeatable)")
    else:
        p.add_argument("--audience", metavar="ID", help="tailor for this audience")
    p.add_argument("--country", action="append", metavar="CODE", help="a focus country (repeatable)")
    p.add_argument("--page-size", choices=[c.value for c in PageSize], help=f"paper: {describe_choices(PageSize)}")
    p.add_argument(
        "--contents-depth",
        type=int,
        choices=CONTENTS_DEPTHS,
        help="what the contents list: 1 sections, 2 and their sub-headings, 3 and theirs",
    )
    p.add_argument("--language", metavar="CODE", help="the brief's language, e.g. fr or uk (default: the report's)")
    p.add_argument(
        "--untranslated",
        choices=[c.value for c in Untranslated],
        help=f"text without a translation: {describe_choices(Untranslated)}",
    )
    if many_audiences:
        return
    p.add_argument(
        "--notes", choices=[c.value for c in NotePlacement], help=f"notes: {describe_choices(NotePlacement)}"
    )
    p.add_argument(
        "--citations",
        choices=[c.value for c in CitationStyle],
        help=f"repeat citations: {describe_choices(CitationStyle)}",
    )
    p.add_argument("--large-print", action="store_true", default=None, help="body text of 14 pt")
    p.add_argument("--grayscale", action="store_true", default=None, help="for black-and-white printers")
    p.add_argument("--watermark", metavar="WORD", help="a word across every page, e.g. DRAFT")
    p.add_argument("--prepared-for", metavar="TEXT", help="the recipient printed on the cover")


def open_checked(path: str, report: Report, content: str | None) -> tuple[OpenedRecipe, ReportFit]:
    """The recipe at `path` and how it fits `report`; refused when made from another report."""
    opened = open_recipe_file(path)
    try:
        return opened, check_recipe_report(opened.report, report, path)
    except ReportMismatch as exc:
        wanted, current = exc.wanted.label(), stamp_of(report).label()
        if content:
            told = f"not from {current} in {content}: pass --content with the folder of {wanted}"
        else:
            told = (
                f"and without --content briefer uses the shipped report {current}: "
                f"pass --content DIR, the folder of {wanted}"
            )
        raise UsageError(f"{path}: this brief was made from the report {wanted}, {told}") from exc


def open_for_report(path: str, report: Report, content: str | None) -> OpenedRecipe:
    """The recipe at `path`, checked against `report`; what changed since it was made goes to stderr."""
    opened, fit = open_checked(path, report, content)
    for line in describe_fit(fit, opened.report):
        print(line if line.startswith(" ") else f"note: {line}", file=sys.stderr)
    return opened


def recipe_from_args(args: argparse.Namespace, report: Report) -> Recipe:
    """The recipe file's choices (if any), overridden by the options given on the command line."""
    recipe = open_for_report(args.recipe, report, args.content).recipe if args.recipe else Recipe()
    changes: dict[str, object] = {}
    if args.sections is not None:
        # "--sections ," chooses no section: a brief of key messages and country boxes alone
        changes["sections"] = tuple(s.strip() for s in args.sections.split(",") if s.strip())
    if getattr(args, "audience", None):  # batch's repeatable --audience is an axis of its plan instead
        changes["audience"] = args.audience
    if args.country:
        changes["countries"] = tuple(dict.fromkeys(c.strip().upper() for c in args.country))
    if args.page_size is not None:
        changes["page_size"] = PageSize(args.page_size)
    if args.contents_depth is not None:
        changes["contents_depth"] = args.contents_depth
    if args.language is not None:
        changes["language"] = args.language.strip()
    if args.untranslated is not None:
        changes["untranslated"] = Untranslated(args.untranslated)
    if getattr(args, "notes", None) is not None:
        changes["notes"] = NotePlacement(args.notes)
    if getattr(args, "citations", None) is not None:
        changes["citations"] = CitationStyle(args.citations)
    for flag in ("large_print", "grayscale"):
        if getattr(args, flag, None) is not None:
            changes[flag] = True
    if getattr(args, "watermark", None) is not None:
        changes["watermark"] = args.watermark
    if getattr(args, "prepared_for", None):
        changes["prepared_for"] = dataclasses.replace(recipe.prepared_for, recipient=args.prepared_for)
    return dataclasses.replace(recipe, **changes)  # type: ignore[arg-type]
