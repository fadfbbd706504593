"""A ReportLab canvas that writes marked content: every page's content is either in a structure
element's marked-content sequence (BDC with an MCID) or in an /Artifact sequence.

Flowables say which element they draw (structure.role); drawing code asks this canvas to open
and close sequences (`content`, `artifact`), and paragraphs draw through TaggedTextObject,
which switches to a Link element for each link inside the text object. Whatever is drawn
outside every sequence (box tints, rules, table lines) is wrapped as a layout artifact when the
page is finished; MCIDs are numbered then, in stream order, and sequences that draw nothing
dropped. Sequences never nest. Imports ReportLab and briefer.render.structure.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFName, PDFPage, PDFString
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable

from briefer.render.pdfwriter import PackedCanvas
from briefer.render.structure import LAYOUT, PAGINATION, AnnotationRef, Content, Node, StructureTree

NOTE_HREF = "#note-"  # markup.note_key's links: a marker's link to its note

_TEXT_OPERATORS = (" Tj", " TJ", "' ", '" ')


class _Begin(str):
    """Opens a sequence in a page's code list: a content sequence of `node`, or an artifact."""

    node: Node | None
    content: Content | None
    artifact: str


class _End(str):
    """Closes the open sequence."""


class _Sealed(str):
    """A text object whose code carries its own sequences (they must nest inside BT … ET)."""

    items: list[str]


def _begin(node: Node | None, content: Content | None = None, artifact: str = "") -> _Begin:
    mark = _Begin("")
    mark.node, mark.content, mark.artifact = node, content, artifact
    return mark


class TaggingCanvas(PackedCanvas):
    """A Canvas that records marked content and annotations for a StructureTree."""

    def __init__(self, *args: Any, tree: StructureTree, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.tree = tree
        self._open: _Begin | None = None
        self.next_key = 0  # ParentTree keys, shared by pages and annotations
        self.page_keys: list[tuple[int, list[Node]]] = []  # (key, element of each MCID) per page with content
        self.annotation_keys: list[tuple[int, Node]] = []  # (key, its Link element)
        self.untagged_text = False  # text was drawn outside every element: no PDF/UA claim
        self._page_mcids: list[Node] = []
        self._waiting_links: dict[str, list[Node]] = {}  # href -> Link elements whose annotation comes next
        self._linking: str = ""  # the href of the annotation being added
        self._page_index = 0  # of the page being drawn

    @property
    def page_index(self) -> int:
        return self._page_index

    def _startPage(self) -> None:  # noqa: N802 (ReportLab's name)
        super()._startPage()
        self._page_index += 1

    # --- opening and closing sequences -------------------------------------------------------

    def content_begin(self, node: Node) -> _Begin:
        """A mark opening a content sequence of `node` (its place among the node's kids is now)."""
        if node.repeats and any(isinstance(k, Content) and k.page < self.page_index for k in node.kids):
            return _begin(None, artifact=PAGINATION)  # a header row repeated on a later page
        node.attach()
        node.drawn = True
        content = Content(self.page_index)
        node.kids.append(content)
        return _begin(node, content)

    def begin(self, node: Node) -> None:
        self.end()
        self._open = self.content_begin(node)
        self._code.append(self._open)

    def begin_artifact(self, kind: str = PAGINATION) -> None:
        self.end()
        self._open = _begin(None, artifact=kind)
        self._code.append(self._open)

    def end(self) -> None:
        if self._open is not None:
            self._code.append(_End(""))
            self._open = None

    @contextlib.contextmanager
    def content(self, node: Node) -> Iterator[None]:
        self.begin(node)
        try:
            yield
        finally:
            self.end()

    @contextlib.contextmanager
    def artifact(self, kind: str = PAGINATION) -> Iterator[None]:
        self.begin_artifact(kind)
        try:
            yield
        finally:
            self.end()

    @property
    def open_node(self) -> Node | None:
        return self._open.node if self._open is not None else None

    # --- text objects -------------------------------------------------------------------------

    def tagged_text(self, x: float, y: float, node: Node) -> TaggedTextObject:
        self.end()  # a text object's sequences nest inside it, so none may be open around it
        return TaggedTextObject(self, x, y, node)

    def drawText(self, aTextObject: PDFTextObject) -> None:  # noqa: N802, N803 (ReportLab's names)
        if isinstance(aTextObject, TaggedTextObject):
            self._code.append(aTextObject.sealed())
        else:
            super().drawText(aTextObject)

    # --- annotations --------------------------------------------------------------------------

    def expect_link(self, href: str, node: Node) -> None:
        """The next annotation to `href` belongs to `node` (a paragraph adds it after the line)."""
        self._waiting_links.setdefault(href, []).append(node)

    def linkRect(self, contents: str, destinationname: str, *args: Any, **kwargs: Any) -> Any:  # noqa: N802
        self._linking = "#" + destinationname
        return super().linkRect(contents, destinationname, *args, **kwargs)

    def linkURL(self, url: str, *args: Any, **kwargs: Any) -> Any:  # noqa: N802
        self._linking = url
        return super().linkURL(url, *args, **kwargs)

    def _addAnnotation(self, annotation: Any, name: str | None = None, addtopage: int = 1) -> None:  # noqa: N802
        name = name or f"NUMBER{self._annotationCount + 1}"  # ReportLab's own naming
        href, self._linking = self._linking, ""
        owner = self._link_owner(href)
        key = self._take_key()
        description = owner.contents or self.tree.describe_link(href)
        if isinstance(annotation, PDFDictionary):  # linkURL's
            annotation["StructParent"] = key
            annotation["Contents"] = PDFString(description)
        else:  # a LinkAnnotation: it checks its keys against a list
            annotation.permitted = (*annotation.permitted, "StructParent")
            annotation.otherkw["StructParent"] = key
            annotation.Contents = description
        owner.kids.append(AnnotationRef(name, self.page_index))
        self.annotation_keys.append((key, owner))
        super()._addAnnotation(annotation, name, addtopage)

    def _link_owner(self, href: str) -> Node:
        waiting = self._waiting_links.get(href)
        if waiting:
            return waiting.pop(0)
        current = self.open_node
        if current is not None and current.role == "Link":
            return current
        link = (current or self.tree.root).child("Link")
        link.attach()
        return link

    def _take_key(self) -> int:
        key = self.next_key
        self.next_key += 1
        return key

    # --- pages ----------------------------------------------------------------------------------

    def showPage(self) -> None:  # noqa: N802
        self.end()
        self._code[:] = self._finish_page(self._code)
        super().showPage()

    def _setAnnotations(self, page: Any) -> None:  # noqa: N802
        """Runs inside showPage with the page object: add the page's tagging entries."""
        super()._setAnnotations(page)
        if not isinstance(page, PDFPage):  # a form XObject, defined after layout
            return
        extra = ["Tabs"]
        page.Tabs = PDFName("S")  # annotations in structure order
        if self._page_mcids:
            key = self._take_key()
            page.StructParents = key
            self.page_keys.append((key, self._page_mcids))
            extra.append("StructParents")
        page.__NoDefault__ = [*page.__NoDefault__, *extra]
        self._page_mcids = []

    def _finish_page(self, code: list[str]) -> list[str]:
        """The page's code as strings: MCIDs numbered, strays wrapped as artifacts, empties dropped."""
        out: list[str] = []
        stray: list[str] = []
        depth = 0
        opened_at = 0  # where in `out` the open sequence's mark is
        mcids = self._page_mcids
        for item in code:
            kind = type(item)
            if kind is str:  # most items: an operator ReportLab wrote
                (out if depth else stray).append(item)
                continue
            if stray:
                self._wrap_stray(stray, out)
                stray = []
            for inner in item.items if isinstance(item, _Sealed) else (item,):
                kind = type(inner)
                if kind is str:
                    out.append(inner)
                elif kind is _Begin:
                    depth += 1
                    opened_at = len(out)
                    out.append(self._open_mark(inner, mcids))  # type: ignore[arg-type]
                else:  # _End
                    depth -= 1
                    if type(out[-1]) is _OpenMark:  # nothing drawn in it: drop the sequence
                        _release(out.pop(), mcids)
                    elif not _paints(out, opened_at + 1):  # only state (an indent undone): unmark it
                        _release(out.pop(opened_at), mcids)
                    else:
                        out.append("EMC")
        if stray:
            self._wrap_stray(stray, out)
        return out  # marks left in it are str subclasses holding their operators

    @staticmethod
    def _open_mark(begin: _Begin, mcids: list[Node]) -> _OpenMark:
        if begin.node is None:
            return _OpenMark(f"/Artifact <<{_artifact_properties(begin.artifact)}>> BDC")
        assert begin.content is not None
        begin.content.mcid = len(mcids)
        mcids.append(begin.node)
        mark = _OpenMark(f"/{begin.node.role} <</MCID {begin.content.mcid}>> BDC")
        mark.content = begin.content
        return mark

    def _wrap_stray(self, stray: list[str], out: list[str]) -> None:
        if not self.untagged_text:
            drawn = "\n".join(stray)
            self.untagged_text = any(op in drawn for op in _TEXT_OPERATORS)
        out.append(_LAYOUT_ARTIFACT)
        out.extend(stray)
        out.append("EMC")


def _release(mark: str, mcids: list[Node]) -> None:  # a dropped sequence's MCID: the last one numbered
    content = getattr(mark, "content", None)
    if content is not None:
        content.mcid = None
        mcids.pop()


_PAINTING = frozenset("Tj TJ ' \" Do S s f F f* B B* b b* sh BI".split())  # text, paths, images


def _paints(code: list[str], start: int) -> bool:
    """Whether the code from `start` draws anything (a word in a string counts too: safe side)."""
    return any(token in _PAINTING for item in code[start:] for token in item.split())


@functools.cache
def _artifact_properties(kind: str) -> str:
    kind_type, _, subtype = kind.partition("/")
    return f"/Type /{kind_type}" + (f" /Subtype /{subtype}" if subtype else "")


_LAYOUT_ARTIFACT = f"/Artifact <<{_artifact_properties(LAYOUT)}>> BDC"


@contextlib.contextmanager
def tagged_content(canv: Canvas, node: Node) -> Iterator[None]:
    """Draw as content of `node` on a TaggingCanvas; as usual on any other canvas."""
    if isinstance(canv, TaggingCanvas):
        with canv.content(node):
            yield
    else:
        yield


@contextlib.contextmanager
def tagged_artifact(canv: Canvas, kind: str = PAGINATION) -> Iterator[None]:
    """Draw as an artifact of `kind` on a TaggingCanvas; as usual on any other canvas."""
    if isinstance(canv, TaggingCanvas):
        with canv.artifact(kind):
            yield
    else:
        yield


class Marked(Flowable):
    """Draws another flowable (a figure's image, a drawing) as the content of one element.
    Paragraphs need no wrapper: they tag themselves (structure.role)."""

    def __init__(self, content: Flowable, node: Node) -> None:
        super().__init__()
        self.content = content
        self.node = node

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width, self.height = self.content.wrap(availWidth, availHeight)
        return self.width, self.height

    def getSpaceBefore(self) -> float:  # noqa: N802
        return float(self.content.getSpaceBefore())

    def getSpaceAfter(self) -> float:  # noqa: N802
        return float(self.content.getSpaceAfter())

    def draw(self) -> None:
        with tagged_content(self.canv, self.node):
            self.content.drawOn(self.canv, 0, 0)


class _OpenMark(str):
    """An emitted BDC, remembered so that an empty sequence can be taken back."""

    content: Content | None = None


class TaggedTextObject(PDFTextObject):
    """A paragraph's text object: its text is content of `node`, links inside it of Link elements
    (a note marker's Link inside a Reference, followed in the tree by its note).

    ReportLab's paragraph calls `_linkRecord(link, 'start')` just after writing the first text
    of a link and `_linkRecord(link, 'end')` before the first text after it, once per line.
    """

    def __init__(self, canvas: TaggingCanvas, x: float, y: float, node: Node) -> None:
        super().__init__(canvas, x, y)
        self._tagging = canvas
        self._node = node
        self._links: dict[object, Node] = {}
        self._active: list[object] = []
        self._code.append(canvas.content_begin(node))
        self._text_at = len(self._code)

    def _textOut(self, text: str, TStar: int = 0) -> None:  # noqa: N802, N803 (ReportLab's names)
        self._text_at = len(self._code)
        if TStar and not text[-1:].isspace():
            # a line ends here: a real space keeps its last word apart from the next line's first
            # when the text is read out or reflowed (drawn after the line, it moves nothing)
            text += " "
        super()._textOut(text, TStar)

    def _linkRecord(self, link: object, event: str) -> None:  # noqa: N802
        href = link[-1] if isinstance(link, tuple) else link
        if not isinstance(href, str):
            return
        canvas = self._tagging
        if event == "start":
            node = self._links.get(link) or self._new_link(link, href)
            self._active.append(link)
            self._code[self._text_at : self._text_at] = [_End(""), canvas.content_begin(node)]
            canvas.expect_link(href, node)
            return
        if link not in self._active:
            return
        self._active.remove(link)
        if href.startswith(NOTE_HREF):
            reference = self._links[link].parent
            if reference is not None:
                canvas.tree.place_note(href[1:], reference)
        current = self._links[self._active[-1]] if self._active else self._node
        self._code += [_End(""), canvas.content_begin(current)]

    def _new_link(self, link: object, href: str) -> Node:
        tree = self._tagging.tree
        parent = self._node
        if href.startswith(NOTE_HREF):
            note = tree.notes.get(href[1:])
            parent = parent.child("Reference", refers_to=note)
        node = self._links[link] = parent.child("Link", contents=tree.describe_link(href))
        return node

    def sealed(self) -> _Sealed:
        """The finished text object, its sequences inside BT … ET."""
        self._code.append(_End(""))
        self._code.append("ET")
        if self._clipping:
            self._code.append(f"{self._textRenderMode ^ 4} Tr")
        sealed = _Sealed("")
        sealed.items = self._code
        return sealed
