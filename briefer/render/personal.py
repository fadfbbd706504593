"""render_personal_parts(brief, pages) -> bytes: what a recipient changes in a brief, as a small PDF.

A personalised copy differs from its recipe's other copies in three places only: the cover
(the prepared-for rows), the running footer of every body page (the prepared-for line) and the
embedded recipe. This draws exactly those, with the same code and the same styles as
render_pdf, so batch/copies.py can put them into a copy laid out once per recipe:

- page 1 is the cover, tagged, its structure tree holding only the cover's elements;
- page 2, which is never shown, uses each page's furniture form (`furniture1` …), so they can
  be found by name;
- the recipe is embedded as in the brief.

Imports ReportLab, the brief model and briefer.render modules; never Qt.
"""

from __future__ import annotations

import functools
import io

from reportlab.platypus import Flowable, PageBreak

from briefer.render.cover import cover_flowables
from briefer.render.document import BODY, COVER
from briefer.render.flowables import new_context
from briefer.render.furniture import define_page_furniture, furniture_form
from briefer.render.headings import PageRegistry
from briefer.render.markup import link_describer
from briefer.render.pdf import brief_document, configure_reportlab, document_info, embed_recipe, page_furniture
from briefer.render.structure import StructureTree
from briefer.render.styles import build_styles
from briefer.render.tagged_pdf import finish_tagged_pdf
from briefer.render.tagging import TaggingCanvas, tagged_artifact
from briefer.tailor.brief import Brief


class _FurniturePage(Flowable):
    """Draws every furniture form once, so that the page's resources name them all."""

    def __init__(self, pages: int) -> None:
        super().__init__()
        self.pages = pages

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0, 0

    def draw(self) -> None:
        with tagged_artifact(self.canv):
            for page in range(1, self.pages + 1):
                self.canv.doForm(furniture_form(page))


def render_personal_parts(brief: Brief, pages: int) -> bytes:
    """The cover, the furniture forms of a `pages`-page brief, and the recipe, of a brief with a
    cover. Its cover has as many pages as the brief's would: more than one means it overflowed."""
    if not brief.layout.cover:
        raise ValueError("only a brief with a cover has its prepared-for rows apart from its body")
    configure_reportlab()
    styles = build_styles(brief.layout)
    tree = StructureTree(brief.language or "en", link_describer(brief.words))
    ctx = new_context(styles, PageRegistry(), brief.notes, brief.words, tree)
    buffer = io.BytesIO()
    doc = brief_document(brief, buffer, styles, None)
    story = [*cover_flowables(brief, ctx), PageBreak(), _FurniturePage(pages)]
    doc.build(story, canvasmaker=functools.partial(TaggingCanvas, tree=tree))
    canv = doc.canv
    assert isinstance(canv, TaggingCanvas)
    define_page_furniture(canv, [COVER] + [BODY] * (pages - 1), page_furniture(brief), styles)
    finish_tagged_pdf(canv, document_info(brief))
    embed_recipe(canv, brief)
    canv.save()
    return buffer.getvalue()
