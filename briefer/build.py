"""Load -> tailor -> render -> write: the one path the CLI, the app and batch runs share.

May import everything in the core (content, tailor, render); never Qt.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import gc
import re
from collections.abc import Iterator
from pathlib import Path

from briefer.content.located import Where
from briefer.content.model import Report
from briefer.content.problems import Problem
from briefer.output import OutputError, write_atomically
from briefer.tailor.brief import Brief, PreparedFor
from briefer.tailor.recipe import Recipe
from briefer.tailor.recipe_check import RecipeError
from briefer.tailor.recipe_file import load_recipe, parse_recipe, read_recipe_bytes
from briefer.tailor.tailor import tailor

FORMATS = {".pdf": "pdf", ".md": "markdown", ".markdown": "markdown"}


def open_recipe(path: Path | str) -> Recipe:
    """A recipe file, or the recipe a briefer PDF carries."""
    path = Path(path)
    data = read_recipe_bytes(path)
    if data.startswith(b"%PDF"):
        from briefer.render.embedded import read_embedded_recipe

        embedded = read_embedded_recipe(data)
        if embedded is None:
            raise RecipeError([Problem(Where(str(path), 0, 0), "this PDF carries no briefer recipe")])
        return parse_recipe(embedded, f"{path} (embedded recipe)")
    return load_recipe(path)


def recipe_from_args(args: argparse.Namespace, report: Report) -> Recipe:
    """The recipe file's choices (if any), overridden by the options given on the command line."""
    recipe = open_recipe(args.recipe) if getattr(args, "recipe", None) else Recipe()
    changes: dict[str, object] = {}
    if getattr(args, "sections", None):
        changes["sections"] = tuple(s.strip() for s in args.sections.split(",") if s.strip())
    audience = getattr(args, "audience", None)
    if isinstance(audience, str):
        changes["audience"] = audience
    country = getattr(args, "country", None)
    if country:
        changes["countries"] = tuple(dict.fromkeys(c.strip().upper() for c in country))
    for option, field in (
        ("page_size", "page_size"),
        ("notes", "notes"),
        ("citations", "repeat_citations"),
        ("watermark", "watermark"),
        ("large_print", "large_print"),
        ("grayscale", "grayscale"),
    ):
        value = getattr(args, option, None)
        if value is not None:
            changes[field] = value
    if getattr(args, "prepared_for", None):
        changes["prepared_for"] = dataclasses.replace(recipe.prepared_for, recipient=args.prepared_for)
    return dataclasses.replace(recipe, **changes)


def output_format(path: Path) -> str:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise OutputError(f"cannot tell the format of {path}: use a .pdf or .md file name")
    return fmt


def render(brief: Brief, fmt: str) -> bytes:
    if fmt == "markdown":
        from briefer.render.markdown import render_markdown

        return render_markdown(brief).encode("utf-8")
    from briefer.render.pdf import render_pdf

    return render_pdf(brief)


_PAGE = re.compile(rb"/Type\s*/Page\b(?!s)")


def page_count(pdf: bytes) -> int:
    return len(_PAGE.findall(pdf))


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """A build makes a great many short-lived objects and almost no reference cycles: the
    cyclic collector's passes during it cost a few per cent and free nothing. It runs again,
    over whatever is left, as soon as the build is over."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def build_bytes(report: Report, recipe: Recipe, fmt: str = "pdf") -> bytes:
    with _collector_paused():
        return render(tailor(report, recipe), fmt)


def build_to_file(report: Report, recipe: Recipe, out: Path) -> int:
    """Build and write atomically; the number of pages for a PDF, 0 otherwise."""
    fmt = output_format(out)
    data = build_bytes(report, recipe, fmt)
    write_atomically(out, data)
    return page_count(data) if fmt == "pdf" else 0


__all__ = ["PreparedFor", "build_bytes", "build_to_file", "open_recipe", "recipe_from_args"]
