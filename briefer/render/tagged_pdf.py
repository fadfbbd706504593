"""Writes a TaggingCanvas's structure into its PDF: the structure elements, the ParentTree that
maps each page's MCIDs and each link annotation back to its element, the IDTree of notes,
/MarkInfo, and XMP metadata with the PDF/UA identification. Runs once, after layout and before
the canvas is saved. Imports ReportLab and briefer.render modules.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.pdfbase.pdfdoc import XMP, PDFDictionary, PDFDocument, PDFObjectReference, PDFString

from briefer.render.pdfwriter import PackedObject
from briefer.render.structure import ROLE_MAP, AnnotationRef, Content, Node
from briefer.render.tagging import TaggingCanvas

_TREE_ROOT = "StructTreeRoot"


def escape(text: str) -> str:
    """XML character data: what xml.sax.saxutils.escape does, whose module imports urllib.request
    (and with it http, ssl and email: a tenth of a one-section build's time)."""
    return html.escape(text, quote=False)


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What the XMP metadata says about the document (the Info dictionary says the same)."""

    title: str
    authors: tuple[str, ...]
    subject: str
    lang: str


def finish_tagged_pdf(canv: TaggingCanvas, info: DocumentInfo) -> bool:
    """Write the structure tree and metadata into `canv`'s document. Claims PDF/UA-1 in the
    XMP metadata only when every piece of text was drawn inside an element or an artifact and
    every figure has a text alternative; returns whether it did."""
    tree = canv.tree
    _prune(tree.root)
    doc = canv._doc
    # register every object first: bodies refer to each other by number
    elements = _in_order(tree.root)
    names = {node: f"SE{i}" for i, node in enumerate(elements, start=1)}
    numbers = {node: _register(doc, name) for node, name in names.items()}
    tree_root, parent_tree = _register(doc, _TREE_ROOT), _register(doc, "ParentTree")
    writer = _Writer(doc, numbers)
    for node in elements:
        doc.idToObject[names[node]].body = writer.element(node, tree_root)
    entries = [(key, b"[%s]" % b" ".join(writer.ref(n) for n in mcids)) for key, mcids in canv.page_keys]
    entries += [(key, writer.ref(link)) for key, link in canv.annotation_keys]
    nums = b" ".join(b"%d %s" % entry for entry in sorted(entries))
    doc.idToObject["ParentTree"].body = b"<</Nums[%s]>>" % nums
    role_map = b"".join(b"/%s/%s" % (k.encode(), v.encode()) for k, v in ROLE_MAP.items())
    ids = sorted((node.element_id, node) for node in elements if node.element_id)
    id_tree = b" ".join(b"%s %s" % (writer.string(i), writer.ref(n)) for i, n in ids)
    doc.idToObject[_TREE_ROOT].body = (
        b"<</Type/StructTreeRoot/K %s/ParentTree %d 0 R/ParentTreeNextKey %d/RoleMap<<%s>>/IDTree<</Names[%s]>>>>"
        % (writer.ref(tree.root), parent_tree, canv.next_key, role_map, id_tree)
    )
    catalog = doc.Catalog
    catalog.StructTreeRoot = PDFObjectReference(_TREE_ROOT)
    catalog.MarkInfo = PDFDictionary({"Marked": "true"})
    catalog.Lang = PDFString(info.lang)
    canv.setTitle(info.title)  # what DisplayDocTitle shows, the same as the XMP dc:title
    canv.setViewerPreference("DisplayDocTitle", "true")
    conformant = not canv.untagged_text and all(n.alt for n in elements if n.role == "Figure")
    catalog.Metadata = XMP(creator=lambda _doc: xmp_packet(info, doc.info.producer, conformant).encode("utf-8"))
    return conformant


def _register(doc: PDFDocument, name: str) -> int:
    """The object number of a new PackedObject registered as `name` (its body comes later)."""
    doc.Reference(PackedObject(), name)
    return int(doc.idToObjectNumberAndVersion[name][0])


def _prune(node: Node) -> bool:
    """Drop elements with nothing drawn below them (kept ones stay with a parent that stays);
    whether `node` has content."""
    kids: list[Node | Content | AnnotationRef] = []
    live = False
    for kid in node.kids:
        if isinstance(kid, Node):
            if _prune(kid):
                live = True
                kids.append(kid)
            elif kid.kept:
                kids.append(kid)
        elif isinstance(kid, AnnotationRef) or kid.mcid is not None:
            live = True
            kids.append(kid)
    node.kids = kids
    return live


def _in_order(root: Node) -> list[Node]:
    found: list[Node] = []
    stack = [root]
    while stack:
        node = stack.pop()
        found.append(node)
        stack.extend(reversed([k for k in node.kids if isinstance(k, Node)]))
    return found


class _Writer:
    """Formats structure elements as PDF bytes, by object number."""

    def __init__(self, doc: PDFDocument, numbers: dict[Node, int]) -> None:
        self.doc = doc
        self.numbers = numbers
        self._pages: dict[int, bytes] = {}

    def ref(self, node: Node) -> bytes:
        found = self.numbers.get(node)
        return b"%d 0 R" % found if found else b"null"

    def page(self, index: int) -> bytes:
        if index not in self._pages:  # ReportLab names pages Page1, Page2, …
            self._pages[index] = b"%d 0 R" % self.doc.idToObjectNumberAndVersion[f"Page{index + 1}"][0]
        return self._pages[index]

    @staticmethod
    def string(text: str) -> bytes:
        """A PDF text string: literal when ASCII, else UTF-16BE with its byte order mark."""
        if text.isascii():
            escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").replace("\r", "\\r")
            return b"(%s)" % escaped.encode("ascii")
        return b"<FEFF%s>" % text.encode("utf-16-be").hex().upper().encode("ascii")

    def element(self, node: Node, tree_root: int) -> bytes:
        pages = [k.page for k in node.kids if isinstance(k, Content)]
        home = pages[0] if pages else None
        kids = [self._kid(kid, home) for kid in node.kids]
        out = [b"<</Type/StructElem/S/%s" % node.role.encode()]
        out.append(b"/P %s" % (self.ref(node.parent) if node.parent is not None else b"%d 0 R" % tree_root))
        if home is not None:
            out.append(b"/Pg %s" % self.page(home))
        out.append(b"/K %s" % kids[0] if len(kids) == 1 else b"/K[%s]" % b" ".join(kids))
        for key, text in ((b"T", node.title), (b"Alt", node.alt), (b"ID", node.element_id)):
            if text:
                out.append(b"/%s %s" % (key, self.string(text)))
        if node.refers_to is not None and node.refers_to in self.numbers:
            out.append(b"/Ref[%s]" % self.ref(node.refers_to))
        if node.attributes:
            out.append(b"/A" + _attributes(node.attributes))
        return b"".join(out) + b">>"

    def _kid(self, kid: Node | Content | AnnotationRef, home: int | None) -> bytes:
        if isinstance(kid, Node):
            return self.ref(kid)
        if isinstance(kid, AnnotationRef):
            annotation = self.doc.idToObjectNumberAndVersion[f"Annot.{kid.name}"][0]
            return b"<</Type/OBJR/Obj %d 0 R/Pg %s>>" % (annotation, self.page(kid.page))
        mcid = kid.mcid
        assert mcid is not None, "an empty sequence left in the tree"  # _prune drops them
        if kid.page == home:
            return b"%d" % mcid
        return b"<</Type/MCR/Pg %s/MCID %d>>" % (self.page(kid.page), mcid)


def _attributes(attributes: Sequence[tuple[str, str, str]]) -> bytes:
    owners: dict[str, list[bytes]] = {}
    for owner, key, value in attributes:
        owners.setdefault(owner, [b"/O/%s" % owner.encode()]).append(b"/%s/%s" % (key.encode(), value.encode()))
    dicts = [b"<<%s>>" % b"".join(parts) for parts in owners.values()]
    return dicts[0] if len(dicts) == 1 else b"[%s]" % b" ".join(dicts)


def xmp_packet(info: DocumentInfo, producer: str, conformant: bool) -> str:
    """The XMP metadata: title, authors, subject, language and, when `conformant`, PDF/UA-1."""
    authors = "".join(f"<rdf:li>{escape(a)}</rdf:li>" for a in info.authors)
    ua = (
        '<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">'
        "<pdfuaid:part>1</pdfuaid:part></rdf:Description>"
        if conformant
        else ""
    )
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(info.title)}</rdf:li></rdf:Alt></dc:title>'
        f"<dc:creator><rdf:Seq>{authors}</rdf:Seq></dc:creator>"
        f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{escape(info.subject)}</rdf:li></rdf:Alt>'
        "</dc:description>"
        f"<dc:language><rdf:Bag><rdf:li>{escape(info.lang)}</rdf:li></rdf:Bag></dc:language>"
        "<dc:format>application/pdf</dc:format></rdf:Description>"
        '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">'
        f"<pdf:Producer>{escape(producer)}</pdf:Producer></rdf:Description>"
        '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">'
        "<xmp:CreatorTool>briefer</xmp:CreatorTool></rdf:Description>"
        f"{ua}</rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    )
