"""Load -> tailor -> render -> write: the one path the CLI, the app and batch runs share.

May import everything in the core (content, tailor, render); never Qt.
"""

from __future__ import annotations

import contextlib
import gc
import re
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from briefer.content.images import MAX_IMAGE_BYTES
from briefer.content.load import check_report
from briefer.content.located import Where
from briefer.content.model import Figure, Report, Table
from briefer.content.problems import Problem
from briefer.inputs import InputError, read_input
from briefer.output import OutputError, write_atomically
from briefer.tailor.brief import BFigure, Brief
from briefer.tailor.glance import glance_recipe
from briefer.tailor.recipe import Recipe
from briefer.tailor.recipe_check import RecipeError
from briefer.tailor.recipe_file import OpenedRecipe, load_recipe_file, parse_recipe_file, read_recipe_bytes
from briefer.tailor.tailor import tailor

if TYPE_CHECKING:
    from briefer.render.glance import Glance


class OutputFormat(StrEnum):
    """What a build makes: the brief as PDF or Markdown, or its one-page at-a-glance PDF."""

    PDF = "pdf"
    MARKDOWN = "markdown"
    GLANCE = "glance"


# a file name's suffix says which format to write (a glance page is a .pdf, asked for by name)
SUFFIXES = {".pdf": OutputFormat.PDF, ".md": OutputFormat.MARKDOWN, ".markdown": OutputFormat.MARKDOWN}


def check_content(folder: Path | str | None = None) -> tuple[Report | None, list[Problem]]:
    """check_report, then what only layout can find (briefer.render.check) when the report has
    tables or figures: the report (None when there are errors) and every problem."""
    report, problems = check_report(folder)
    if report is None or not any(isinstance(b, Table | Figure) for s in report.sections for b in s.blocks):
        return report, problems
    from briefer.render.check import check_layout

    layout = check_layout(report)
    if any(not p.warning for p in layout):
        return None, problems + layout
    return report, problems + layout


def open_recipe(path: Path | str) -> Recipe:
    """A recipe file, or the recipe a briefer PDF carries; RecipeError for anything else."""
    return open_recipe_file(path).recipe


def open_recipe_file(path: Path | str) -> OpenedRecipe:
    """A recipe file, or the recipe a briefer PDF carries, with the report it names."""
    from briefer.render.embedded import MAX_PDF_BYTES

    path = Path(path)
    data = read_recipe_bytes(path, MAX_PDF_BYTES)
    if data.startswith(b"%PDF"):
        from briefer.render.embedded import EmbeddedRecipeError, read_embedded_recipe

        try:
            embedded = read_embedded_recipe(data)
        except EmbeddedRecipeError as exc:
            raise RecipeError([Problem(Where(str(path), 0, 0), str(exc))]) from exc
        if embedded is None:
            raise RecipeError([Problem(Where(str(path), 0, 0), "this PDF carries no briefer recipe")])
        return parse_recipe_file(embedded, f"{path} (embedded recipe)")
    return load_recipe_file(path)


def output_format(path: Path) -> OutputFormat:
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise OutputError(f"cannot tell the format of {path}: use a .pdf or .md file name")
    return fmt


def render(brief: Brief, fmt: OutputFormat) -> bytes:
    """A tailored brief as bytes; for GLANCE, the brief must be tailored from glance_recipe()."""
    fmt = OutputFormat(fmt)
    if fmt is OutputFormat.MARKDOWN:
        from briefer.render.markdown import render_markdown

        return render_markdown(brief).encode("utf-8")
    if fmt is OutputFormat.GLANCE:
        return render_glance_page(brief).pdf
    from briefer.render.pdf import render_pdf

    return render_pdf(brief)


def render_glance_page(brief: Brief) -> Glance:
    from briefer.render.glance import render_glance

    return render_glance(brief)


_PAGE = re.compile(rb"/Type\s*/Page\b(?!s)")


def page_count(pdf: bytes) -> int:
    return len(_PAGE.findall(pdf))


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
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


def build_bytes(report: Report, recipe: Recipe, fmt: OutputFormat = OutputFormat.PDF) -> bytes:
    fmt = OutputFormat(fmt)
    if fmt is OutputFormat.GLANCE:
        return build_glance(report, recipe).pdf
    with collector_paused():
        return render(tailor(report, recipe), fmt)


def build_glance(report: Report, recipe: Recipe) -> Glance:
    """The one-page at-a-glance handout of `recipe`, with what gave way to fit it on the page."""
    with collector_paused():
        return render_glance_page(tailor(report, glance_recipe(recipe)))


def build_to_file(report: Report, recipe: Recipe, out: Path) -> int:
    """Build and write atomically; the number of pages for a PDF, 0 otherwise."""
    fmt = output_format(out)
    if fmt is OutputFormat.MARKDOWN:
        _markdown_to_file(report, recipe, out)
        return 0
    data = build_bytes(report, recipe, fmt)
    write_atomically(out, data)
    return page_count(data)


def _markdown_to_file(report: Report, recipe: Recipe, out: Path) -> None:
    """The Markdown, and its figures' images copied into a folder beside it ("brief_files/"),
    which its image links name, so the two can travel together."""
    from briefer.render.markdown import render_markdown

    with collector_paused():
        brief = tailor(report, recipe)
    figures = [b for part in brief.sections for b in part.blocks if isinstance(b, BFigure)]
    media = f"{out.stem}_files" if figures else ""
    folder = out.parent if str(out.parent) else Path(".")
    if figures and not folder.is_dir():
        raise OutputError(f"cannot write {out}: the folder {folder} does not exist")
    for figure in figures:
        target = out.parent / media / figure.name
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            data = read_input(figure.image, MAX_IMAGE_BYTES, "the image")
        except (OSError, InputError) as exc:
            why = exc.strerror if isinstance(exc, OSError) else str(exc)
            raise OutputError(f"cannot copy the image {figure.name} to {target.parent}: {why}") from exc
        write_atomically(target, data)
    write_atomically(out, render_markdown(brief, media).encode("utf-8"))


__all__ = [
    "OutputFormat",
    "check_content",
    "build_bytes",
    "build_glance",
    "build_to_file",
    "open_recipe",
    "open_recipe_file",
    "output_format",
    "page_count",
    "render",
]
