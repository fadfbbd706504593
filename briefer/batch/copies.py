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
import io
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from briefer.build import build_bytes, page_count
from briefer.content.model import Report
from briefer.render.personal import render_personal_parts
from briefer.tailor.recipe import PREPARED_FIELDS, PreparedFor, Recipe
from briefer.tailor.tailor import tailor

PLACEHOLDER = "X"  # the template's prepared-for value: its cover is replaced in every copy
TEMPLATES_KEPT = 8  # recipes whose template a process keeps; a recipients batch has one
_FURNITURE = "/FormXob.furniture"
_TAG_OF_COPY = "P"  # the first letter of a swapped-in subset's tag; ReportLab's start with "A"


@dataclass(frozen=True, slots=True)
class Template:
    pdf: bytes
    pages: int
    cover: tuple[object, ...]  # the cover's structure, as _cover_shape gives it


def template_recipe(recipe: Recipe) -> Recipe:
    """The recipe of the template a copy of `recipe` is made from: every prepared-for field the
    recipient fills holds the placeholder, so the template's cover has the same rows."""
    filled = {name: PLACEHOLDER if getattr(recipe.prepared_for, name) else "" for name in PREPARED_FIELDS}
    return dataclasses.replace(recipe, prepared_for=PreparedFor(**filled))


class CopyMaker:
    """Makes personalised copies of recipes for one report, keeping each recipe's template."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self._templates: OrderedDict[Recipe, Template | None] = OrderedDict()

    def build(self, recipe: Recipe) -> bytes:
        """The PDF of `recipe`, the same in content as build_bytes(report, recipe)."""
        template = self._template(recipe)
        if template is not None:
            brief = tailor(self.report, recipe)
            copy = personalise(template, render_personal_parts(brief, template.pages))
            if copy is not None:
                return copy
        return build_bytes(self.report, recipe)

    def _template(self, recipe: Recipe) -> Template | None:
        if not recipe.cover:
            return None
        key = template_recipe(recipe)
        if key in self._templates:
            self._templates.move_to_end(key)
            return self._templates[key]
        template = make_template(build_bytes(self.report, key))
        self._templates[key] = template
        if len(self._templates) > TEMPLATES_KEPT:
            self._templates.popitem(last=False)
        return template


def make_template(pdf: bytes) -> Template | None:
    """A template of a single build whose first page is its cover; None if it has no tagged cover."""
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as opened:
        cover = _cover_shape(opened)
        if cover is None or "/Annots" in opened.pages[0].obj:
            return None
    return Template(pdf, page_count(pdf), cover)


def personalise(template: Template, parts: bytes) -> bytes | None:
    """The template with `parts` (render_personal_parts) in place, or None where that would not
    be exactly the recipient's single build."""
    import pikepdf

    with pikepdf.open(io.BytesIO(template.pdf)) as pdf, pikepdf.open(io.BytesIO(parts)) as mine:
        if len(mine.pages) != 2 or "/Annots" in mine.pages[0].obj or _cover_shape(mine) != template.cover:
            return None  # the cover took more than its page, or holds other elements
        cover, furniture = mine.pages[0].obj, mine.pages[1].obj.Resources.XObject
        page = pdf.pages[0].obj
        page.Contents = pdf.copy_foreign(cover.Contents)
        page.Resources = pdf.copy_foreign(mine.make_indirect(cover.Resources))
        forms = pdf.copy_foreign(mine.make_indirect(furniture))
        for other in pdf.pages[1:]:
            xobjects: Any = other.obj.Resources.get("/XObject", {})
            for name in [n for n in xobjects.keys() if n.startswith(_FURNITURE)]:
                xobjects[name] = forms[name]
        if "/Names" in mine.Root and "/EmbeddedFiles" in mine.Root.Names:
            pdf.Root.Names.EmbeddedFiles = pdf.copy_foreign(mine.make_indirect(mine.Root.Names.EmbeddedFiles))
        _retag_fonts([page.Resources, *(forms[name].Resources for name in forms.keys())])
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True, stream_decode_level=pikepdf.StreamDecodeLevel.none)
        return out.getvalue()


def _cover_shape(pdf: Any) -> tuple[object, ...] | None:
    """The cover's tagged structure: for each of its marked-content ids, the element it belongs
    to (numbered in order of first use), that element's role, attributes and ancestors' roles."""
    import pikepdf

    root = pdf.Root.get("/StructTreeRoot")
    key = pdf.pages[0].obj.get("/StructParents")
    if root is None or key is None:
        return None
    nums = root.ParentTree.get("/Nums", [])
    marks = next((nums[i + 1] for i in range(0, len(nums), 2) if int(nums[i]) == int(key)), None)
    if not isinstance(marks, pikepdf.Array):
        return None
    ordinals: dict[tuple[int, int], int] = {}
    shape: list[object] = []
    for element in marks:
        ordinal = ordinals.setdefault(element.objgen, len(ordinals))
        shape.append((ordinal, _attributes(element), _roles(element)))
    return tuple(shape)


def _attributes(element: Any) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((str(k), repr(v)) for k, v in element.items() if k not in ("/P", "/K", "/Pg")))


def _roles(element: Any) -> tuple[str, ...]:
    roles = []
    while element is not None and "/S" in element:
        roles.append(str(element.S))
        element = element.get("/P")
    return tuple(roles)


def _retag_fonts(resources: list[Any]) -> None:
    """Give the swapped-in font subsets their own tags: 'AAAAAA+NotoSans-Bold' becomes
    'PAAAAA+NotoSans-Bold'; a file's subsets must not share a tag (ISO 32000-1, 9.6.4)."""
    import pikepdf

    seen: set[tuple[int, int]] = set()
    for resource in resources:
        for font in resource.get("/Font", {}).values():
            if font.objgen in seen:
                continue
            seen.add(font.objgen)
            name = pikepdf.Name("/" + _TAG_OF_COPY + str(font.BaseFont)[2:])
            font.BaseFont = name
            if "/FontDescriptor" in font:
                font.FontDescriptor.FontName = name
