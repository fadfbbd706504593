"""Personalised copies laid out once per recipe, each exactly what a single build would make.

A recipient changes three things in a brief: the cover (its prepared-for rows), the running
footer of every body page (the prepared-for line, drawn as one form per page after layout) and
the embedded recipe. Everything else (the body's layout, its notes, links, outline and
structure) is the same for every copy of a recipe. So the recipe is built once as a template,
and each copy is that template with the recipient's cover, footers and recipe, drawn by the same
code as a single build (render/personal.py), put in its place.

The swap is made only where it is exact; a copy is a single build instead when the brief has no
cover (its prepared-for rows open the body), when the recipient's cover does not fit its page,
or when its tagged structure differs from the template's cover in any way. The template's page
objects, and with them every /Pg, destination and outline entry, stay; the swapped-in parts
bring their own font subsets, renamed so that no two subsets in a file share a tag.

Imports pikepdf (qpdf) and the core.
"""

from __future__ import annotations

import dataclasses
import functools
import io
from dataclasses import dataclass
from typing import Any

from briefer.batch.swap import CoverShape, cover_shape, fits, swap_in
from briefer.build import build_bytes, collector_paused
from briefer.content.model import Report
from briefer.render.personal import render_personal_parts
from briefer.tailor.recipe import PREPARED_FIELDS, PreparedFor, Recipe
from briefer.tailor.tailor import tailor

PLACEHOLDER = "X"  # the template's prepared-for value: its cover is replaced in every copy
TEMPLATES_KEPT = 8  # recipes whose template a process keeps; a recipients batch has one


@dataclass(frozen=True, slots=True)
class Template:
    pdf: bytes
    pages: int
    cover: CoverShape


def template_recipe(recipe: Recipe) -> Recipe:
    """The recipe of the template a copy of `recipe` is made from: every prepared-for field the
    recipient fills holds the placeholder, so the template's cover has the same rows."""
    filled = {name: PLACEHOLDER if getattr(recipe.prepared_for, name) else "" for name in PREPARED_FIELDS}
    return dataclasses.replace(recipe, prepared_for=PreparedFor(**filled))


class CopyMaker:
    """Makes personalised copies of recipes for one report, keeping each recipe's template."""

    def __init__(self, report: Report) -> None:
        self.report = report
        # keyed by the template's recipe: every recipient of one recipe shares it
        self._templates = functools.lru_cache(maxsize=TEMPLATES_KEPT)(self._make_template)

    def build(self, recipe: Recipe) -> bytes:
        """The PDF of `recipe`, the same in content as build_bytes(report, recipe)."""
        template = self._template(recipe)
        if template is not None:
            with collector_paused():
                copy = personalise(template, render_personal_parts(tailor(self.report, recipe), template.pages))
            if copy is not None:
                return copy
        return build_bytes(self.report, recipe)

    def parts(self, recipe: Recipe) -> tuple[Template, bytes] | None:
        """The template of `recipe` and the recipient's parts, which fit it exactly (for joining
        into one file, batch/combine.py); None when the copy must be a single build."""
        import pikepdf

        template = self._template(recipe)
        if template is None:
            return None
        with collector_paused():
            parts = render_personal_parts(tailor(self.report, recipe), template.pages)
        with pikepdf.open(io.BytesIO(parts)) as mine:
            return (template, parts) if fits(template.cover, mine) else None

    def _template(self, recipe: Recipe) -> Template | None:
        return self._templates(template_recipe(recipe)) if recipe.cover else None

    def _make_template(self, recipe: Recipe) -> Template | None:
        return make_template(build_bytes(self.report, recipe))


def make_template(pdf: bytes) -> Template | None:
    """A template of a single build whose first page is its cover; None if it has no tagged cover."""
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as opened:
        cover = cover_shape(opened)
        if cover is None:
            return None
        # written once by qpdf, the template is written again by it three times faster per copy
        return Template(_saved(opened), len(opened.pages), cover)


def personalise(template: Template, parts: bytes) -> bytes | None:
    """The template with `parts` (render_personal_parts) in place, or None where that would not
    be exactly the recipient's single build."""
    import pikepdf

    with pikepdf.open(io.BytesIO(template.pdf)) as pdf, pikepdf.open(io.BytesIO(parts)) as mine:
        if not fits(template.cover, mine):
            return None  # the cover took more than its page, or holds other elements
        swap_in(pdf, [page.obj for page in pdf.pages], mine, 0)
        if "/Names" in mine.Root and "/EmbeddedFiles" in mine.Root.Names:
            pdf.Root.Names.EmbeddedFiles = pdf.copy_foreign(mine.make_indirect(mine.Root.Names.EmbeddedFiles))
        return _saved(pdf)


def _saved(pdf: Any) -> bytes:
    """The PDF as qpdf writes it: streams as they are, the metadata untouched, a reproducible /ID."""
    import pikepdf

    out = io.BytesIO()
    pdf.save(out, deterministic_id=True, fix_metadata_version=False, stream_decode_level=pikepdf.StreamDecodeLevel.none)
    return out.getvalue()
