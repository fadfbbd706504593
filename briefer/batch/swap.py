"""Puts a recipient's parts (render/personal.py) onto a copy of a recipe's template, in pikepdf.

The parts are a cover page and a page using every furniture form. The copy's first page takes
the cover's content and resources; every other page takes the furniture forms of the same names;
the fonts they bring get subset tags of their own. Whether the parts fit is decided by the
cover's tagged structure: each marked-content id must belong to an element of the same role,
attributes and ancestry as in the template, so the template's structure tree describes the new
cover as it describes its own, and the cover's links (kept from the template) must be the same.
Imports pikepdf only when used.
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from typing import Any

_FURNITURE = "/FormXob.furniture"
_TAG_OF_COPY = "P"  # a swapped-in subset's tag starts with it; ReportLab's start with "A"

CoverShape = tuple[object, ...]


def cover_shape(pdf: Any) -> CoverShape | None:
    """The first page's tagged structure: for each of its marked-content ids, the element it
    belongs to (numbered in order of first use), that element's role, attributes and ancestors'
    roles; and each of its links (a web address on the cover), whole, with its element's roles.
    The copy keeps the template's links, so they must be the same. None when the page is not
    tagged, or links to a page of its own file."""
    import pikepdf

    root = pdf.Root.get("/StructTreeRoot")
    page = pdf.pages[0].obj
    key = page.get("/StructParents")
    if root is None or key is None:
        return None
    nums = root.ParentTree.get("/Nums", [])
    parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    marks = parents.get(int(key))
    if not isinstance(marks, pikepdf.Array):
        return None
    ordinals: dict[tuple[int, int], int] = {}
    shape: list[object] = []
    for element in marks:
        ordinal = ordinals.setdefault(element.objgen, len(ordinals))
        shape.append((ordinal, _attributes(element), _roles(element)))
    links: list[object] = []
    for annotation in page.get("/Annots", []):
        action = annotation.get("/A")
        if "/Dest" in annotation or (action is not None and action.get("/S") != "/URI"):
            return None
        owner = parents.get(int(annotation.get("/StructParent", -1)))
        links.append((_attributes(annotation, "/StructParent"), _roles(owner) if owner is not None else ()))
    return tuple(shape), tuple(links)


def fits(cover: CoverShape, parts: Any) -> bool:
    """Whether `parts` (opened) are one cover page shaped as `cover` and the furniture page."""
    return len(parts.pages) == 2 and cover_shape(parts) == cover


def swap_in(pdf: Any, pages: Sequence[Any], parts: Any, copy: int) -> list[Any]:
    """Put `parts`' cover and furniture onto `pages`, one copy's page dictionaries in `pdf`;
    `copy` numbers the copy within the file, for its fonts' subset tags. Returns what it copied
    in: the cover's content and resources, and the forms."""
    cover, furniture = parts.pages[0].obj, parts.pages[1].obj.Resources.XObject
    pages[0].Contents = pdf.copy_foreign(cover.Contents)
    pages[0].Resources = pdf.copy_foreign(parts.make_indirect(cover.Resources))
    forms = pdf.copy_foreign(parts.make_indirect(furniture))
    for page in pages[1:]:
        xobjects = page.Resources.get("/XObject", {})
        for name in [n for n in xobjects.keys() if n.startswith(_FURNITURE)]:
            xobjects[name] = forms[name]
    retag_fonts([pages[0].Resources, *(forms[name].Resources for name in forms.keys())], subset_tag(copy))
    return [pages[0].Contents, pages[0].Resources, forms]


def subset_tag(copy: int) -> str:
    """'PAAAAA', 'PAAAAB', …: six capitals, unique for each copy in a file (up to 26⁵ copies)."""
    letters = []
    for _ in range(5):
        copy, digit = divmod(copy, 26)
        letters.append(string.ascii_uppercase[digit])
    return _TAG_OF_COPY + "".join(reversed(letters))


def _attributes(element: Any, *skipped: str) -> tuple[tuple[str, str], ...]:
    """Its entries but those naming other objects of its file (parent, kids, page) and `skipped`."""
    left_out = ("/P", "/K", "/Pg", *skipped)
    return tuple(sorted((str(k), repr(v)) for k, v in element.items() if k not in left_out))


def _roles(element: Any) -> tuple[str, ...]:
    roles = []
    while element is not None and "/S" in element:
        roles.append(str(element.S))
        element = element.get("/P")
    return tuple(roles)


def retag_fonts(resources: Sequence[Any], tag: str) -> None:
    """'AAAAAA+NotoSans-Bold' becomes '<tag>+NotoSans-Bold' in every font these resource
    dictionaries use, and those of the forms they hold: a file's subsets must not share a tag
    (ISO 32000-1, 9.6.4), and a copy's come from a PDF of their own."""
    import pikepdf

    seen: set[tuple[int, int]] = set()
    waiting = list(resources)
    while waiting:
        resource = waiting.pop()
        for font in resource.get("/Font", {}).values():
            if font.objgen in seen:
                continue
            seen.add(font.objgen)
            name = pikepdf.Name(f"/{tag}+{str(font.BaseFont).split('+', 1)[-1]}")
            font.BaseFont = name
            if "/FontDescriptor" in font:
                font.FontDescriptor.FontName = name
        for xobject in resource.get("/XObject", {}).values():
            if xobject.get("/Subtype") == "/Form" and "/Resources" in xobject and xobject.objgen not in seen:
                seen.add(xobject.objgen)
                waiting.append(xobject.Resources)
