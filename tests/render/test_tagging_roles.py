"""The tagging layer on its own: a block kind is tagged by declaring its role where its flowable
is made. A small document with a figure, a captioned table, a list and sub-headings (the kinds
content format 2 adds) is built with the same helpers and read back."""

from __future__ import annotations

import functools
import io

from PIL import Image as PILImage
from reportlab.platypus import Image, SimpleDocTemplate, Table

from briefer.render.fonts import register_fonts
from briefer.render.paragraph import Paragraph
from briefer.render.structure import StructureTree, role, tag_figure, tag_list, tag_table
from briefer.render.styles import build_styles, table_style
from briefer.render.tagged_pdf import DocumentInfo, finish_tagged_pdf
from briefer.render.tagging import Marked, TaggingCanvas
from briefer.tailor.brief import Layout
from tests.render.tagcheck import check_all
from tests.render.tagged import Tagged, squash


def _png() -> io.BytesIO:
    data = io.BytesIO()
    PILImage.new("RGB", (40, 20), (200, 30, 30)).save(data, "PNG")
    data.seek(0)
    return data


def _document() -> bytes:
    register_fonts()
    styles = build_styles(Layout())
    tree = StructureTree("en", lambda href: href)
    sect = tree.root.child("Sect", title="Findings")

    def para(text: str, element: str = "P", style: object = styles.body, **kw: object) -> Paragraph:
        return role(Paragraph(text, style, **kw), sect.child(element))  # type: ignore[return-value]

    caption = Paragraph("Casualties by year", styles.body)
    cells = [[Paragraph("Year", styles.table_head), Paragraph("Casualties", styles.table_head)]]
    cells += [[Paragraph(str(y), styles.table_cell), Paragraph(str(n), styles.table_cell)] for y, n in ((2023, 5757),)]
    tag_table(cells, sect, header_rows=1, caption=caption)
    items = [Paragraph(t, styles.box_item, bulletText="•") for t in ("First", "Second")]
    tag_list(items, sect, numbered=False)
    figure_caption = Paragraph("A red bar", styles.body)
    figure = tag_figure(sect, "A red bar, twice as wide as it is tall", figure_caption)
    link = para('See <a href="https://example.org/report">the full report</a> online.')
    long_rows = [[Paragraph(h, styles.table_head) for h in ("Year", "Note")]]
    long_rows += [
        [Paragraph(str(1900 + y), styles.table_cell), Paragraph("A row", styles.table_cell)] for y in range(70)
    ]
    tag_table(long_rows, sect, header_rows=1)
    story = [
        para("Findings", "H1", styles.heading),
        link,
        para("On cost", "H2", styles.subheading),
        para("Detail", "H3", styles.subheading),
        caption,
        Table(cells, repeatRows=1, style=table_style(styles, [])),
        *items,
        Marked(Image(_png(), 80, 40), figure),
        figure_caption,
        Table(long_rows, repeatRows=1, style=table_style(styles, [])),
    ]
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, invariant=1, initialFontName=styles.fonts.serif.regular)
    doc._doSave = 0
    doc.build(story, canvasmaker=functools.partial(TaggingCanvas, tree=tree))
    assert finish_tagged_pdf(doc.canv, DocumentInfo("Roles", ("A",), "", "en"))
    doc.canv.save()
    return out.getvalue()


def test_declared_roles_make_a_figure_a_captioned_table_a_list_and_headings() -> None:
    doc = Tagged(_document())
    check_all(doc)
    sect = doc.root.elements()[0]
    assert [e.role for e in sect.elements()] == ["H1", "P", "H2", "H3", "Table", "L", "Figure", "Table"]
    table, figure = sect.elements()[4], sect.elements()[6]
    assert [e.role for e in table.elements()] == ["Caption", "THead", "TBody"]
    assert squash(doc.text_of(table)) == squash("Casualties by yearYearCasualties20235757")
    assert str(figure.obj.Alt).startswith("A red bar")
    assert [e.role for e in figure.elements()] == ["Caption"]
    images = [d for d in doc.drawn if d.operator == "Do"]
    assert images and all(len(d.marks) == 1 and d.marks[0].tag == "Figure" for d in images)


def test_a_url_is_a_link_element_and_a_long_table_one_table_with_its_header_once() -> None:
    doc = Tagged(_document())
    paragraph = doc.root.elements()[0].elements()[1]
    link = paragraph.elements()[0]
    assert link.role == "Link" and squash(doc.text_of(link)) == "thefullreport"
    (page, annotation) = next((p, a) for p, a in doc.link_annotations() if "/A" in a)
    assert str(annotation.Contents) == "https://example.org/report"
    assert ("objr", page, annotation.objgen) in link.kids
    long_table = doc.root.elements()[0].elements()[-1]
    pages = {k[1] for e in long_table.walk() for k in e.kids if isinstance(k, tuple)}
    assert len(pages) >= 2, "a table across pages is one Table"
    assert squash(doc.text_of(long_table)).count("YearNote") == 1, "the repeated header row is no content"
    for later in sorted(pages)[1:]:
        repeated = [d for d in doc.drawn if d.page == later and d.marks and d.marks[0].artifact_type == "Pagination"]
        assert repeated, f"the header row repeated on page {later + 1} is a pagination artifact"


def test_text_without_a_role_is_caught_and_nothing_is_claimed() -> None:
    register_fonts()
    styles = build_styles(Layout())
    tree = StructureTree("en", lambda href: href)
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, invariant=1, initialFontName=styles.fonts.serif.regular)
    doc._doSave = 0
    tagged = role(Paragraph("Tagged", styles.body), tree.root.child("P"))
    doc.build([tagged, Paragraph("Forgotten", styles.body)], canvasmaker=functools.partial(TaggingCanvas, tree=tree))
    assert not finish_tagged_pdf(doc.canv, DocumentInfo("Roles", ("A",), "", "en"))
    doc.canv.save()
    read = Tagged(out.getvalue())
    assert "pdfuaid" not in read.xmp
    assert any(d.marks and d.marks[0].artifact_type == "Layout" for d in read.drawn if d.operator == "Tj")
