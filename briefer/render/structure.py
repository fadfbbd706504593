"""The logical structure of a tagged PDF: elements (Document, Sect, H1, P, L, Table, Note, …) made
where their flowables are made, and the roles flowables carry to say which element they draw.

An element joins its parent's children when its first content is drawn, so the tree follows
reading order however the builders happen to create flowables; elements declared `kept`
(list labels and bodies, table rows and cells) join with their parent, in declared order, so a
table stays regular even with empty cells. A note is the one exception to drawing order: it is
placed right after the reference to it, wherever its text is drawn. Imports briefer.render.flowtags.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reportlab.platypus import Flowable

from briefer.render.flowtags import tags

# Roles outside PDF 1.7's standard structure types, with the standard type each maps to (RoleMap)
ROLE_MAP = {"Aside": "Sect"}

# Artifact kinds: an /Artifact property list's /Type, and /Subtype after a slash
PAGINATION, WATERMARK, LAYOUT = "Pagination", "Pagination/Watermark", "Layout"


@dataclass(eq=False, slots=True)
class Content:
    """One marked-content sequence of an element: its page (0-based) and, once the page is
    finished, its MCID (None: the sequence turned out empty and was dropped)."""

    page: int
    mcid: int | None = None


@dataclass(eq=False, slots=True)
class AnnotationRef:
    """A link annotation owned by an element (an OBJR kid): its ReportLab name and page."""

    name: str
    page: int


@dataclass(eq=False, slots=True)
class Node:
    """A structure element. `kids` fills in as content is drawn (see the module docstring)."""

    role: str
    parent: Node | None = None
    title: str = ""  # /T
    alt: str = ""  # /Alt: a figure's text alternative
    element_id: str = ""  # /ID: notes have one, references point at it
    attributes: tuple[tuple[str, str, str], ...] = ()  # (owner, key, name value): ("Table", "Scope", "Column")
    kept: bool = False  # joins with its parent even if it draws nothing (table cells, list labels)
    repeats: bool = False  # drawn again on later pages (a repeated header row): only the first is content
    refers_to: Node | None = None  # a Reference's note (/Ref)
    contents: str = ""  # a Link's description: its annotations' /Contents
    kids: list[Node | Content | AnnotationRef] = field(default_factory=list)
    declared: list[Node] = field(default_factory=list)  # kept children, in order
    attached: bool = False
    drawn: bool = False  # has had content drawn

    def child(self, role: str, **details: object) -> Node:
        """A new element under this one; it joins the tree when it is drawn (or with this one, if kept)."""
        node = Node(role, self, **details)  # type: ignore[arg-type]
        if node.kept:
            self.declared.append(node)
        return node

    def attach(self) -> None:
        """Join the tree: after the parent's children so far, bringing kept children along."""
        if self.attached:
            return
        if self.parent is not None:
            self.parent.attach()  # which attaches this one too if it is a kept child
            if self.attached:
                return
            self.parent.kids.append(self)
        self.attached = True
        self._attach_kept()

    def _attach_kept(self) -> None:
        for kept in self.declared:
            if not kept.attached:
                kept.attached = True
                self.kids.append(kept)
                kept._attach_kept()

    def insert_after(self, anchor: Node, node: Node) -> None:
        """Make `node` (a floating note) this element's child right after `anchor`."""
        node.parent = self
        node.attached = True
        self.kids.insert(self.kids.index(anchor) + 1, node)


@dataclass(frozen=True, slots=True)
class Artifact:
    """The role of a flowable that is page furniture: a '(continued)' title, a repeated label."""

    kind: str = PAGINATION


class StructureTree:
    """The elements of one PDF: the Document root, and the notes waiting for their reference."""

    def __init__(self, lang: str, describe_link: Callable[[str], str]) -> None:
        self.root = Node("Document")
        self.lang = lang
        self.describe_link = describe_link  # href ("#note-3", "#part-x", a URL) -> what the link does
        self.notes: dict[str, Node] = {}  # destination name ("note-3") -> its Note element

    def note(self, key: str, parent: Node | None = None) -> Node:
        """The Note element for destination `key`. Without a parent it floats until its
        reference is drawn, then sits right after it (notes at the foot of the page)."""
        node = Node("Note", parent, element_id=key)
        self.notes[key] = node
        return node

    def place_note(self, key: str, reference: Node) -> Node | None:
        """Put a floating note right after `reference`; the note, if there is one."""
        note = self.notes.get(key)
        if note is None:
            return None
        if note.parent is None and reference.parent is not None:
            reference.parent.insert_after(reference, note)
        return note


# --- roles on flowables -----------------------------------------------------------------------


def role(flowable: Flowable, node: Node | Artifact, label: Node | None = None) -> Flowable:
    """Say which element `flowable` draws (and, for a bulleted paragraph, which its bullet draws)."""
    flow_tags = tags(flowable)
    flow_tags.node = node
    flow_tags.label = label
    return flowable


def inherit_role(source: Flowable, parts: Sequence[Flowable]) -> None:
    """Split parts draw the same element as the flowable they came from (a bullet only on the first)."""
    flow_tags = tags(source)
    if flow_tags.node is None:
        return
    for part in parts:
        if part is not source:
            part_tags = tags(part)
            part_tags.node, part_tags.label = flow_tags.node, flow_tags.label


def tag_list(
    items: Sequence[Flowable],
    parent: Node,
    *,
    numbered: bool,
    nested: Sequence[Sequence[Flowable]] = (),
    numbering: str = "",
) -> Node:
    """An L element with one LI per bulleted paragraph: the bullet its Lbl, the text its LBody.
    `nested[i]`, if given, are item i's own items: an L inside its LBody (numbered a., b., …
    under a numbered list)."""
    numbering = numbering or ("Decimal" if numbered else "Disc")
    lst = parent.child("L", attributes=(("List", "ListNumbering", numbering),))
    for index, item in enumerate(items):
        li = lst.child("LI", kept=True)
        label = li.child("Lbl", kept=True)
        body = li.child("LBody", kept=True)
        role(item, body, label=label)
        if index < len(nested) and nested[index]:
            tag_list(nested[index], body, numbered=numbered, numbering="LowerAlpha" if numbered else "Circle")
    return lst


def tag_table(
    cells: Sequence[Sequence[object]],
    parent: Node,
    *,
    header_rows: int = 1,
    header_columns: int = 0,
    title: str = "",
    caption: Flowable | None = None,
) -> Node:
    """A Table element for a grid of cell flowables: THead for the first `header_rows` rows
    (TH with /Scope /Column, repeated on later pages as artifacts), TBody for the rest, where
    the first `header_columns` cells of a row are TH with /Scope /Row; a caption (a paragraph
    drawn before the table) is its first child."""
    table = parent.child("Table", title=title)
    if caption is not None:
        role(caption, table.child("Caption", kept=True))
    head = table.child("THead", kept=True) if header_rows else None
    body = table.child("TBody", kept=True) if len(cells) > header_rows else None
    for r, row in enumerate(cells):
        in_head = r < header_rows
        group = head if in_head else body
        assert group is not None
        tr = group.child("TR", kept=True)
        for c, cell in enumerate(row):
            if in_head or c < header_columns:
                scope = "Column" if in_head else "Row"
                node = tr.child("TH", kept=True, attributes=(("Table", "Scope", scope),), repeats=in_head)
            else:
                node = tr.child("TD", kept=True)
            for flowable in cell_flowables(cell):
                role(flowable, node)
    return table


def tag_figure(parent: Node, alt: str, caption: Flowable | None = None) -> Node:
    """A Figure element with its text alternative; draw its picture through tagging.Marked, and
    its caption (a paragraph) becomes its first child."""
    figure = parent.child("Figure", alt=alt)
    if caption is not None:
        role(caption, figure.child("Caption", kept=True))
    return figure


def cell_flowables(cell: object) -> list[Flowable]:
    """The flowables of a ReportLab table cell (a flowable, a list of them, or a string)."""
    if isinstance(cell, Flowable):
        return [cell]
    if isinstance(cell, list | tuple):
        return [c for c in cell if isinstance(c, Flowable)]
    return []
