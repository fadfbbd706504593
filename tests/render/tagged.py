"""Reads a tagged PDF back: its structure tree (pikepdf), the marked content around every
text-showing and painting operator of every page (pikepdf's content-stream parser, following
form XObjects), and the text of each marked-content sequence (pdfminer, through pdfplumber,
which decodes the fonts). Tests compare these; nothing here trusts briefer's own bookkeeping.
"""

from __future__ import annotations

import io
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

import pdfplumber
import pikepdf

TEXT_OPERATORS = frozenset({"Tj", "TJ", "'", '"'})
PAINT_OPERATORS = frozenset({"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "BI"})


@dataclass(frozen=True)
class Mark:
    """One open marked-content sequence: its tag, MCID (None for none) and artifact /Type."""

    tag: str
    mcid: int | None
    artifact_type: str | None


@dataclass(frozen=True)
class Drawn:
    """A text-showing or painting operator and the sequences open around it."""

    page: int
    operator: str
    marks: tuple[Mark, ...]


@dataclass
class Element:
    role: str  # the standard type, through the RoleMap
    raw_role: str
    obj: pikepdf.Dictionary
    parent: Element | None
    kids: list[Element | tuple[str, int, int]] = field(default_factory=list)  # ("mcid", page, n) / ("objr", page, obj)

    def elements(self) -> list[Element]:
        return [k for k in self.kids if isinstance(k, Element)]

    def walk(self):
        yield self
        for kid in self.elements():
            yield from kid.walk()

    def attribute(self, owner: str, key: str) -> str | None:
        attrs = self.obj.get("/A")
        if attrs is None:
            return None
        for a in attrs if isinstance(attrs, pikepdf.Array) else [attrs]:
            if str(a.get("/O")) == "/" + owner and ("/" + key) in a:
                return str(a["/" + key]).lstrip("/")
        return None


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


class Tagged:
    """A PDF read back for its tagging."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pdf = pikepdf.open(io.BytesIO(data))
        self.page_index = {page.objgen: i for i, page in enumerate(self.pdf.pages)}

    @cached_property
    def catalog(self) -> pikepdf.Dictionary:
        return self.pdf.Root

    @cached_property
    def role_map(self) -> dict[str, str]:
        found = self.catalog.StructTreeRoot.get("/RoleMap", pikepdf.Dictionary())
        return {str(k).lstrip("/"): str(v).lstrip("/") for k, v in found.items()}

    # --- the structure tree ---------------------------------------------------------------------

    @cached_property
    def root(self) -> Element:
        tree_root = self.catalog.StructTreeRoot
        kids = tree_root.K if isinstance(tree_root.K, pikepdf.Array) else [tree_root.K]
        assert len(kids) == 1, "one Document element at the root"
        return self._element(kids[0], None)

    def _element(self, obj: pikepdf.Dictionary, parent: Element | None) -> Element:
        raw = str(obj.S).lstrip("/")
        element = Element(self.role_map.get(raw, raw), raw, obj, parent)
        page = self.page_index.get(obj.Pg.objgen) if "/Pg" in obj else None
        kids = obj.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else ([] if kids is None else [kids]):
            if isinstance(kid, int | pikepdf.Object) and not isinstance(kid, pikepdf.Dictionary):
                assert page is not None, f"an MCID without a page in {raw}"
                element.kids.append(("mcid", page, int(kid)))
            elif kid.get("/Type") == "/MCR":
                element.kids.append(("mcid", self.page_index[kid.Pg.objgen], int(kid.MCID)))
            elif kid.get("/Type") == "/OBJR":
                element.kids.append(("objr", self.page_index[kid.Pg.objgen], kid.Obj.objgen))
            else:
                element.kids.append(self._element(kid, element))
        return element

    def elements(self, role: str | None = None) -> list[Element]:
        return [e for e in self.root.walk() if role is None or e.role == role]

    @cached_property
    def parent_tree(self) -> dict[int, object]:
        """ParentTree key -> an array of elements (a page's MCIDs) or one element (an annotation)."""
        found: dict[int, object] = {}

        def read(node: pikepdf.Dictionary) -> None:
            nums = node.get("/Nums")
            if nums is not None:
                for i in range(0, len(nums), 2):
                    found[int(nums[i])] = nums[i + 1]
            for kid in node.get("/Kids", []):
                read(kid)

        read(self.catalog.StructTreeRoot.ParentTree)
        return found

    # --- marked content on the pages ------------------------------------------------------------

    @cached_property
    def drawn(self) -> list[Drawn]:
        out: list[Drawn] = []
        for i, page in enumerate(self.pdf.pages):
            self._walk(i, page.obj, page.Resources, [], out)
        return out

    def _walk(self, page: int, owner: object, resources: pikepdf.Dictionary, stack: list[Mark], out: list[Drawn]):
        for instruction in pikepdf.parse_content_stream(owner):
            if isinstance(instruction, pikepdf.ContentStreamInlineImage):
                out.append(Drawn(page, "BI", tuple(stack)))
                continue
            operands, op = instruction.operands, str(instruction.operator)
            if op in ("BDC", "BMC"):
                tag = str(operands[0]).lstrip("/")
                props = operands[1] if op == "BDC" else None
                mcid = int(props.MCID) if isinstance(props, pikepdf.Dictionary) and "/MCID" in props else None
                kind = None
                if tag == "Artifact":
                    kind = str(props.get("/Type", "/none")).lstrip("/") if isinstance(props, pikepdf.Dictionary) else ""
                stack.append(Mark(tag, mcid, kind))
            elif op == "EMC":
                stack.pop()
            elif op in TEXT_OPERATORS or op in PAINT_OPERATORS:
                out.append(Drawn(page, op, tuple(stack)))
            elif op == "Do":
                xobject = resources.XObject[operands[0]]
                if xobject.Subtype == "/Form":
                    self._walk(page, xobject, xobject.get("/Resources", resources), list(stack), out)
                else:
                    out.append(Drawn(page, "Do", tuple(stack)))
        assert not stack or owner is not None

    @cached_property
    def stream_mcids(self) -> dict[int, set[int]]:
        found: dict[int, set[int]] = defaultdict(set)
        for d in self.drawn:
            for m in d.marks:
                if m.mcid is not None:
                    found[d.page].add(m.mcid)
        return found

    # --- text -----------------------------------------------------------------------------------

    @cached_property
    def mcid_text(self) -> dict[tuple[int, int], str]:
        """The text of each marked-content sequence, as pdfminer decodes it."""
        found: dict[tuple[int, int], list[str]] = defaultdict(list)
        with pdfplumber.open(io.BytesIO(self.data)) as doc:
            for i, page in enumerate(doc.pages):
                for char in page.chars:
                    if char.get("mcid") is not None:
                        found[(i, char["mcid"])].append(char["text"])
        return {key: "".join(chars) for key, chars in found.items()}

    def text_of(self, element: Element) -> str:
        """The element's text in structure order (its content, then its kids' in turn)."""
        parts: list[str] = []
        for kid in element.kids:
            if isinstance(kid, Element):
                parts.append(self.text_of(kid))
            elif kid[0] == "mcid":
                parts.append(self.mcid_text.get((kid[1], kid[2]), ""))
        return "".join(parts)

    # --- document-level entries ---------------------------------------------------------------

    @cached_property
    def xmp(self) -> str:
        return bytes(self.catalog.Metadata.read_bytes()).decode("utf-8")

    def link_annotations(self) -> list[tuple[int, pikepdf.Dictionary]]:
        return [
            (i, annot)
            for i, page in enumerate(self.pdf.pages)
            for annot in page.get("/Annots", [])
            if annot.get("/Subtype") == "/Link"
        ]
