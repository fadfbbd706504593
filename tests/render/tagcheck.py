"""Checks a tagged PDF against the machine-checkable failure conditions of the Matterhorn
Protocol 1.1 that apply to what briefer makes (each check names its conditions), plus the
invariants of briefer's own tagging. docs/accessibility.md lists which conditions are checked.
"""

from __future__ import annotations

from collections import Counter

from tests.render.tagged import Element, Tagged

STANDARD_TYPES = frozenset(
    "Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private H H1 H2 H3 H4 H5 H6 "
    "P L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link "
    "Annot Ruby RB RT RP Warichu WT WP Figure Formula Form".split()
)
PARENTS = {  # 09-004 … 09-008: a table, list or TOC element in the wrong place
    "TR": {"Table", "THead", "TBody", "TFoot"},
    "TH": {"TR"},
    "TD": {"TR"},
    "THead": {"Table"},
    "TBody": {"Table"},
    "LI": {"L"},
    "Lbl": {"LI", "Note"},
    "LBody": {"LI"},
    "TOCI": {"TOC"},
}


def check_all(doc: Tagged) -> None:
    check_content_marked(doc)
    check_parent_tree(doc)
    check_roles(doc)
    check_links(doc)
    check_figures_tables_notes(doc)
    check_headings(doc)
    check_document(doc)
    check_fonts(doc)


def check_content_marked(doc: Tagged) -> None:
    """01-003 content neither tagged nor an artifact; 01-004 tagged content inside an artifact;
    01-005 an artifact inside tagged content; and briefer's own rule: no text in a layout artifact
    (text that no element claimed)."""
    for drawn in doc.drawn:
        where = f"page {drawn.page + 1}: {drawn.operator}"
        assert drawn.marks, f"{where} is outside every marked-content sequence"
        mcids = [m for m in drawn.marks if m.mcid is not None]
        artifacts = [m for m in drawn.marks if m.tag == "Artifact"]
        assert len(mcids) + len(artifacts) >= 1, f"{where} is in marked content that is neither tagged nor artifact"
        assert len(mcids) <= 1, f"{where} is in nested tagged sequences {mcids}"
        assert not (mcids and artifacts), f"{where} mixes an artifact with tagged content"
        if drawn.operator in ("Tj", "TJ", "'", '"') and artifacts:
            assert artifacts[0].artifact_type != "Layout", f"{where}: text in a layout artifact (untagged text)"


def check_parent_tree(doc: Tagged) -> None:
    """The ParentTree resolves every MCID of every page to the one element that holds it."""
    holders: dict[tuple[int, int], list[Element]] = {}
    for element in doc.elements():
        for kid in element.kids:
            if isinstance(kid, tuple) and kid[0] == "mcid":
                holders.setdefault((kid[1], kid[2]), []).append(element)
    for key, found in holders.items():
        assert len(found) == 1, f"MCID {key} is held by {len(found)} elements"
    for i, page in enumerate(doc.pdf.pages):
        in_stream = doc.stream_mcids.get(i, set())
        in_tree = {mcid for (p, mcid) in holders if p == i}
        assert in_stream == in_tree, f"page {i + 1}: MCIDs in the stream {in_stream ^ in_tree} differ from the tree"
        if not in_stream:
            continue
        entry = doc.parent_tree[int(page.StructParents)]
        for mcid in in_stream:
            assert entry[mcid].objgen == holders[(i, mcid)][0].obj.objgen, f"page {i + 1} MCID {mcid}"


def check_roles(doc: Tagged) -> None:
    """02-001 a non-standard type not mapped; 02-003 a standard type remapped; 02-004 circular
    mapping; 09-004 … 09-008 table, list and TOC elements in the wrong place."""
    for role, mapped in doc.role_map.items():
        assert role not in STANDARD_TYPES, f"standard type {role} is remapped"
        assert mapped in STANDARD_TYPES, f"{role} maps to {mapped}, not a standard type"
    for element in doc.elements():
        assert element.role in STANDARD_TYPES, f"{element.raw_role} is neither standard nor mapped"
        allowed = PARENTS.get(element.role)
        if allowed is not None:
            assert element.parent is not None and element.parent.role in allowed, (
                f"{element.role} under {element.parent.role if element.parent else None}"
            )


def check_links(doc: Tagged) -> None:
    """28-011 a link annotation not nested in a Link; 28-012 a link without a description
    (/Contents); 28-009/28-010 a page with annotations without /Tabs /S."""
    for page, annot in doc.link_annotations():
        assert str(annot.get("/Contents", "")).strip(), f"page {page + 1}: a link annotation without /Contents"
        owner = doc.parent_tree[int(annot.StructParent)]
        link = next(e for e in doc.elements() if e.obj.objgen == owner.objgen)
        assert link.role == "Link", f"a link annotation's parent is {link.role}"
        assert ("objr", page, annot.objgen) in link.kids, "the Link does not hold its annotation"
    for i, page in enumerate(doc.pdf.pages):
        if "/Annots" in page:
            assert page.get("/Tabs") == "/S", f"page {i + 1} has annotations but no /Tabs /S"


def check_figures_tables_notes(doc: Tagged) -> None:
    """13-004 a Figure without /Alt; 15-003 a TH without /Scope; 19-003 a Note without /ID;
    19-004 a Note /ID not unique; and every Note starts with its label."""
    for figure in doc.elements("Figure"):
        assert str(figure.obj.get("/Alt", "")).strip(), "a Figure without /Alt"
    for table in doc.elements("Table"):
        headers = [e for e in table.walk() if e.role == "TH"]
        assert headers, "a Table without TH"
        for th in headers:
            assert th.attribute("Table", "Scope") in ("Row", "Column", "Both"), "a TH without /Scope"
    ids = [str(note.obj.get("/ID", "")) for note in doc.elements("Note")]
    assert all(ids), "a Note without /ID"
    assert not [i for i, n in Counter(ids).items() if n > 1], "Note IDs are not unique"
    for note in doc.elements("Note"):
        first = note.kids[0]
        assert isinstance(first, Element) and first.role == "Lbl", "a Note that does not start with its Lbl"


def check_headings(doc: Tagged) -> None:
    """14-002 the first numbered heading is not H1; 14-003 numbered heading levels skipped."""
    levels = [int(e.role[1]) for e in doc.elements() if len(e.role) == 2 and e.role[0] == "H" and e.role[1].isdigit()]
    assert levels and levels[0] == 1, "the first heading is not H1"
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, f"heading level skips from H{before} to H{after}"


def check_document(doc: Tagged) -> None:
    """06-001 no XMP; 06-002 no PDF/UA identifier; 06-003 no dc:title; 07-001/07-002 the title
    is not displayed; 11-001 no natural language; 01-001/01-002 not marked as tagged; suspects."""
    catalog = doc.catalog
    assert catalog.MarkInfo.Marked is True, "/MarkInfo /Marked is not true"
    assert catalog.MarkInfo.get("/Suspects", False) is False
    assert str(catalog.get("/Lang", "")).strip(), "no /Lang on the catalog"
    assert catalog.ViewerPreferences.DisplayDocTitle is True, "the title is not displayed"
    assert str(doc.pdf.docinfo.get("/Title", "")).strip(), "no document title"
    xmp = doc.xmp
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp, "no PDF/UA identification in the XMP metadata"
    assert "<dc:title>" in xmp, "no dc:title in the XMP metadata"
    for page in doc.pdf.pages:
        assert page.get("/Tabs") == "/S"


def notes_follow_references(doc: Tagged) -> int:
    """Each Note sits right after a Reference whose Link shows the note's number (notes at the
    foot of the page); how many notes were checked."""
    count = 0
    for note in doc.elements("Note"):
        parent = note.parent
        assert parent is not None
        siblings = parent.kids
        before = siblings[siblings.index(note) - 1]
        assert isinstance(before, Element) and before.role == "Reference", "a Note not after its Reference"
        label = doc.text_of(note.elements()[0]).strip()
        assert doc.text_of(before).strip() == label, f"note {label} follows the reference {doc.text_of(before)}"
        count += 1
    return count


def check_fonts(doc: Tagged) -> None:
    """31-009 a font program not embedded; 31-027 (in part) text that cannot map to Unicode:
    every font a page or form uses is embedded and has a ToUnicode map."""
    seen: set[tuple[int, int]] = set()

    def fonts_of(resources: object) -> None:
        for font in dict(getattr(resources, "Font", {}) or {}).values():
            if font.objgen in seen:
                continue
            seen.add(font.objgen)
            descriptor = font.get("/FontDescriptor")
            if font.Subtype == "/Type0":
                descriptor = font.DescendantFonts[0].FontDescriptor
            assert descriptor is not None, f"font {font.get('/BaseFont')} has no descriptor (not embedded)"
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font.get("/BaseFont")
            assert "/ToUnicode" in font, f"font {font.get('/BaseFont')} has no ToUnicode map"
        for xobject in dict(getattr(resources, "XObject", {}) or {}).values():
            if xobject.get("/Subtype") == "/Form" and "/Resources" in xobject:
                fonts_of(xobject.Resources)

    for page in doc.pdf.pages:
        fonts_of(page.Resources)
    assert seen, "no fonts found"
