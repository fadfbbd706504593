"""Writes a TaggingCanvas's structure into its PDF: the structure elements, the ParentTree that
maps each page's MCIDs and each link annotation back to its element, the IDTree of notes,
/MarkInfo, and XMP metadata with the PDF/UA identification. Runs once, after layout and before
the canvas is saved. Imports ReportLab and briefer.render modules.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfdoc import (
    XMP,
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFObjectReference,
    PDFString,
)

from briefer.render.structure import ROLE_MAP, AnnotationRef, Content, Node
from briefer.render.tagging import TaggingCanvas

_TREE_ROOT = "StructTreeRoot"


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
    names = _name_elements(tree.root)
    doc = canv._doc
    for node, name in names.items():
        doc.Reference(_element(node, names), name)
    nums: list[object] = []
    for key, mcids in sorted(canv.page_keys, key=lambda entry: entry[0]):
        nums += [key, PDFArray([_ref(names, n) for n in mcids])]
    for key, link in canv.annotation_keys:
        nums += [key, _ref(names, link)]
    nums = _sorted_pairs(nums)
    root = {
        "Type": PDFName("StructTreeRoot"),
        "K": PDFArray([PDFObjectReference(names[tree.root])]),
        "ParentTree": doc.Reference(PDFDictionary({"Nums": PDFArray(nums)})),
        "ParentTreeNextKey": canv._next_key,
        "RoleMap": PDFDictionary({role: PDFName(standard) for role, standard in ROLE_MAP.items()}),
    }
    ids = sorted((node.element_id, name) for node, name in names.items() if node.element_id)
    if ids:
        pairs: list[object] = []
        for element_id, name in ids:
            pairs += [PDFString(element_id), PDFObjectReference(name)]
        root["IDTree"] = PDFDictionary({"Names": PDFArray(pairs)})
    catalog = doc.Catalog
    catalog.StructTreeRoot = doc.Reference(PDFDictionary(root), _TREE_ROOT)
    catalog.MarkInfo = PDFDictionary({"Marked": "true"})
    canv.setViewerPreference("DisplayDocTitle", "true")
    conformant = not canv.untagged_text and all(n.alt for n in names if n.role == "Figure")
    catalog.Metadata = XMP(creator=lambda _doc: xmp_packet(info, doc.info.producer, conformant).encode("utf-8"))
    return conformant


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


def _name_elements(root: Node) -> dict[Node, str]:
    names: dict[Node, str] = {}
    stack = [root]
    while stack:
        node = stack.pop()
        names[node] = f"SE{len(names) + 1}"
        stack.extend(reversed([k for k in node.kids if isinstance(k, Node)]))
    return names


def _ref(names: dict[Node, str], node: Node) -> PDFObjectReference | str:
    name = names.get(node)
    return PDFObjectReference(name) if name else "null"


def _page_ref(page: int) -> PDFObjectReference:
    return PDFObjectReference(f"Page{page + 1}")  # ReportLab names pages Page1, Page2, …


def _element(node: Node, names: dict[Node, str]) -> PDFDictionary:
    pages = [k.page for k in node.kids if isinstance(k, Content)]
    home = pages[0] if pages else None
    kids: list[object] = []
    for kid in node.kids:
        if isinstance(kid, Node):
            kids.append(PDFObjectReference(names[kid]))
        elif isinstance(kid, AnnotationRef):
            obj = PDFObjectReference(f"Annot.{kid.name}")
            kids.append(PDFDictionary({"Type": PDFName("OBJR"), "Obj": obj, "Pg": _page_ref(kid.page)}))
        elif kid.page == home:
            kids.append(kid.mcid)
        else:
            kids.append(PDFDictionary({"Type": PDFName("MCR"), "Pg": _page_ref(kid.page), "MCID": kid.mcid}))
    only = kids[0] if len(kids) == 1 else PDFArray(kids)  # a lone kid needs no array
    entries: dict[str, object] = {"Type": PDFName("StructElem"), "S": PDFName(node.role), "K": only}
    # the root's parent is the StructTreeRoot
    entries["P"] = PDFObjectReference(names[node.parent] if node.parent is not None else _TREE_ROOT)
    if home is not None:
        entries["Pg"] = _page_ref(home)
    for key, text in (("T", node.title), ("Alt", node.alt), ("ID", node.element_id)):
        if text:
            entries[key] = PDFString(text)
    if node.refers_to is not None and node.refers_to in names:
        entries["Ref"] = PDFArray([PDFObjectReference(names[node.refers_to])])
    if node.attributes:
        entries["A"] = _attributes(node.attributes)
    return PDFDictionary(entries)


def _attributes(attributes: Sequence[tuple[str, str, str]]) -> object:
    owners: dict[str, dict[str, object]] = {}
    for owner, key, value in attributes:
        owners.setdefault(owner, {"O": PDFName(owner)})[key] = PDFName(value)
    dicts = [PDFDictionary(d) for d in owners.values()]
    return dicts[0] if len(dicts) == 1 else PDFArray(dicts)


def _sorted_pairs(nums: list[object]) -> list[object]:
    pairs = sorted(zip(nums[::2], nums[1::2], strict=True), key=lambda pair: pair[0])  # type: ignore[arg-type, return-value]
    return [item for pair in pairs for item in pair]


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
