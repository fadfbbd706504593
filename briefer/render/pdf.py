"""render_pdf(brief) -> bytes: the print-ready PDF of a brief, a pure function of the brief.

Imports ReportLab, the brief model and briefer.render modules; never Qt.
"""

from __future__ import annotations

import functools
import io

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak

from briefer.render.catalog import embed_file, name_destinations, set_print_preferences
from briefer.render.contents import contents_flowables
from briefer.render.cover import cover_flowables, cover_note_flowables, title_block
from briefer.render.document import BODY, BriefDocTemplate
from briefer.render.embedded import RECIPE_FILE_NAME
from briefer.render.flowables import (
    NOTES_KEY,
    SOURCES_KEY,
    Context,
    about_flowables,
    body_flowables,
    continued_note_label,
    endnotes,
    new_context,
    note_paragraph,
    part_key,
    sources_list,
)
from briefer.render.footnotes import NotesFlush
from briefer.render.furniture import Furniture, define_page_furniture, define_page_numbers
from briefer.render.headings import PageRegistry
from briefer.render.markup import link_describer
from briefer.render.notes_area import NoteLedger
from briefer.render.pdfwriter import PackedCanvas
from briefer.render.structure import StructureTree
from briefer.render.styles import Styles, build_styles
from briefer.render.tagged_pdf import DocumentInfo, finish_tagged_pdf
from briefer.render.tagging import TaggingCanvas
from briefer.tailor.brief import BHeading, Brief, SectionPart, brief_plain
from briefer.tailor.recipe import NotePlacement

NOTES_SHARE = 0.55  # the most of a page's text area its notes may take before continuing overleaf


@functools.cache
def configure_reportlab() -> None:
    """Once a process: write streams as binary Flate only. ReportLab's default adds an ASCII85
    layer, a quarter larger and, without its C accelerator, a tenth of the render time."""
    rl_config.useA85 = 0


UNKNOWN_YET = "…"  # in the first pages alone: a page count or page number only the whole layout knows


def render_pdf(brief: Brief, *, tagged: bool = True) -> bytes:
    """The brief's PDF: tagged (PDF/UA-1); `tagged=False` only for measuring what tagging costs."""
    return _render(brief, tagged, None)[0]


def render_first_pages(brief: Brief, pages: int) -> tuple[bytes, bool]:
    """The brief's first `pages` pages, laid out exactly as in the whole brief, and whether they
    are the whole brief (then the bytes are render_pdf's). Only a preview shows the first pages
    alone, while the whole brief is built: the page count in the footers and the contents' page
    numbers of headings after them, which need the whole layout, read UNKNOWN_YET."""
    pdf, cut = _render(brief, True, max(1, pages))
    return pdf, not cut


def _render(brief: Brief, tagged: bool, first_pages: int | None) -> tuple[bytes, bool]:
    """The PDF, and whether layout stopped after `first_pages` pages with more to come."""
    configure_reportlab()
    styles = build_styles(brief.layout)
    registry = PageRegistry()
    tree = StructureTree(brief.language or "en", link_describer(brief.words))
    ctx = new_context(styles, registry, brief.notes, brief.words, tree)
    ledger = _ledger(brief, ctx) if brief.layout.notes == NotePlacement.BOTTOM and brief.notes else None
    entries = contents_entries(brief) if brief.layout.contents and len(brief.sections) >= 3 else []

    buffer = io.BytesIO()
    doc = brief_document(brief, buffer, styles, ledger, first_pages)
    story = _story(brief, ctx, ledger, entries)
    if tagged:
        doc.build(story, canvasmaker=functools.partial(TaggingCanvas, tree=tree))
    else:
        doc.build(story, canvasmaker=PackedCanvas)
    _finish(brief, doc, registry, entries)
    return buffer.getvalue(), doc.cut


def _finish(brief: Brief, doc: BriefDocTemplate, registry: PageRegistry, entries: list[tuple[str, str, int]]) -> None:
    """Layout is over (or stopped: `doc.cut`): every page count and heading page laid out is
    known. Define the forms the pages call, the catalog's entries, and save."""
    canv, styles = doc.canv, doc.styles
    define_page_furniture(canv, doc.page_kinds, page_furniture(brief), styles, UNKNOWN_YET if doc.cut else None)
    numbers = {key: registry.pages.get(key, UNKNOWN_YET) if doc.cut else registry.pages[key] for key, _, _ in entries}
    define_page_numbers(canv, numbers, styles)
    set_print_preferences(canv, len(doc.page_kinds))
    name_destinations(canv, list(registry.pages))
    if registry.pages:
        canv.showOutline()  # open with the outline beside the pages: the brief's table of contents
    if isinstance(canv, TaggingCanvas):
        finish_tagged_pdf(canv, document_info(brief))
    embed_recipe(canv, brief)
    canv.save()


def brief_document(
    brief: Brief, buffer: io.BytesIO, styles: Styles, ledger: NoteLedger | None, first_pages: int | None = None
) -> BriefDocTemplate:
    """The ReportLab document of the brief, its metadata set; `first_pages` stops its layout."""
    return BriefDocTemplate(
        buffer,
        styles,
        ledger,
        cover=brief.layout.cover,
        watermark=brief.layout.watermark,
        title=brief.title,
        author=", ".join(brief.authors),
        subject=brief.audience_line or brief.subtitle,
        keywords=list(brief.keywords),
        lang=brief.language or "en",
        first_pages=first_pages,
    )


def page_furniture(brief: Brief) -> Furniture:
    return Furniture(
        brief.short_title or brief.title, brief.audience_line, brief.prepared_for.line(), brief.words.page_of
    )


def document_info(brief: Brief) -> DocumentInfo:
    return DocumentInfo(brief.title, brief.authors, brief.audience_line or brief.subtitle, brief.language or "en")


def embed_recipe(canv: Canvas, brief: Brief) -> None:
    """The recipe that made the brief, as a file inside it (`briefer build --recipe` reads it)."""
    if brief.recipe_yaml:
        embed_file(
            canv,
            RECIPE_FILE_NAME,
            brief.recipe_yaml.encode("utf-8"),
            "application/x-yaml",
            "The briefer recipe that made this brief",
        )


def _story(
    brief: Brief, ctx: Context, ledger: NoteLedger | None, entries: list[tuple[str, str, int]]
) -> list[Flowable]:
    """Cover (or title block), cover note, contents, body, endnotes, sources, in that order."""
    story: list[Flowable] = []
    if brief.layout.cover:
        story += [*cover_flowables(brief, ctx), NextPageTemplate(BODY), PageBreak()]
    else:
        story += title_block(brief, ctx)
    if brief.cover_note.strip():
        story += [*cover_note_flowables(brief, ctx), PageBreak()]
    if entries:
        story += [*contents_flowables(brief.words.contents, entries, ctx), PageBreak()]
    story += body_flowables(brief.parts, ctx)
    if brief.notes and ledger is None:
        story += endnotes(brief.notes, ctx)
    if brief.sources:
        story += sources_list(brief.sources, ctx)
    if brief.about:
        story += about_flowables(brief, ctx)
    if ledger is not None:
        story.append(NotesFlush(ledger))
    return story


def contents_entries(brief: Brief) -> list[tuple[str, str, int]]:
    """(anchor key, title, level) of what the contents list, in reading order: the parts, and
    their sub-headings down to the recipe's contents depth (level 1 for a sub-heading of level 3)."""
    entries = []
    for part in brief.parts:
        entries.append((part_key(part), part.title, 0))
        for block in part.blocks if isinstance(part, SectionPart) else ():
            if isinstance(block, BHeading) and block.level - 2 < brief.layout.contents_depth:
                entries.append((block.anchor, brief_plain(block.text), block.level - 2))
    if brief.notes and brief.layout.notes == NotePlacement.END:
        entries.append((NOTES_KEY, brief.words.notes, 0))
    if brief.sources:
        entries.append((SOURCES_KEY, brief.words.sources, 0))
    return entries


def _ledger(brief: Brief, ctx: Context) -> NoteLedger:
    m = ctx.styles.metrics
    return NoteLedger(
        {note.number: note_paragraph(note, ctx) for note in brief.notes},
        lambda number: continued_note_label(number, ctx),
        width=m.frame_width,
        cap=NOTES_SHARE * m.frame_height,
        gap=round(m.note_leading * 0.25, 1),
        rule_above=round(m.body_leading * 0.8, 1),
        rule_below=round(m.note_leading * 0.6, 1),
        rule_colour=ctx.styles.palette.rule,
    )
