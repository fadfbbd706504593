"""A section's blocks as the brief prints them: note markers numbered in reading order, table
and figure labels from the brief's words, sources resolved to citations.

Pure functions; imports the content model and the rest of briefer.tailor.
"""

from __future__ import annotations

from briefer.content.model import (
    Block,
    Cite,
    Definition,
    Figure,
    Heading,
    ItemList,
    Paragraph,
    PullQuote,
    Report,
    Sidebar,
    Span,
    Table,
    Text,
)
from briefer.tailor.brief import (
    BBlock,
    BDefinition,
    BFigure,
    BHeading,
    BList,
    BListItem,
    BParagraph,
    BPullQuote,
    BriefText,
    BSidebar,
    BTable,
    spans_of,
)
from briefer.tailor.citations import ends_sentence, full_reference, merge_spans, short_reference
from briefer.tailor.notes import NoteNumberer
from briefer.tailor.wording import Words


def brief_block(block: Block, numberer: NoteNumberer, emphasised: bool, sources: SourceLines) -> BBlock:
    """The block as printed; its markers take the next note numbers."""
    mark = numberer.mark
    if isinstance(block, Paragraph):
        return BParagraph(block.id, mark(block.text, block.id), emphasised)
    if isinstance(block, Definition):
        return BDefinition(block.id, spans_of(block.term), mark(block.text, block.id), emphasised)
    if isinstance(block, Sidebar):
        paragraphs = tuple(mark(p, block.id) for p in block.paragraphs)
        return BSidebar(block.id, spans_of(block.title_text) or (Span(block.title),), paragraphs, emphasised)
    if isinstance(block, PullQuote):
        return BPullQuote(block.id, mark(block.text, block.id), emphasised)
    if isinstance(block, Heading):
        return BHeading(block.id, mark(block.text, block.id), block.level, emphasised)
    if isinstance(block, ItemList):
        items = tuple(BListItem(mark(i.text, block.id), tuple(mark(t, block.id) for t in i.items)) for i in block.items)
        return BList(block.id, items, block.numbered, emphasised)
    if isinstance(block, Table):
        return _table(block, numberer, emphasised, sources)
    assert isinstance(block, Figure)
    return BFigure(
        id=block.id,
        label=sources.words.figure.format(number=block.number) if block.number else "",
        caption=mark(block.caption, block.id),
        image=str(block.image),
        name=block.name,
        alt=block.alt,
        pixels=block.pixels,
        width=block.width,
        source=sources.line(block.source),
        emphasised=emphasised,
    )


def _table(block: Table, numberer: NoteNumberer, emphasised: bool, sources: SourceLines) -> BTable:
    caption = numberer.mark(block.caption, block.id)
    # reading order: the header, then the rows, each left to right
    header = tuple(tuple(numberer.mark(c, block.id) for c in row) for row in block.header)
    rows = tuple(tuple(numberer.mark(c, block.id) for c in row) for row in block.rows)
    return BTable(
        id=block.id,
        label=sources.words.table.format(number=block.number) if block.number else "",
        caption=caption,
        columns=block.columns,
        header=header,
        rows=rows,
        source=sources.line(block.source),
        emphasised=emphasised,
    )


class SourceLines:
    """Prints the sources of tables and figures: "Source: …", each citation in short form when
    the brief lists its sources in full at the end, else in full. Remembers what it cited."""

    def __init__(self, report: Report, words: Words, *, listed: bool) -> None:
        self.report = report
        self.words = words
        self.listed = listed
        self.cited: dict[str, None] = {}

    def line(self, text: Text) -> BriefText:
        if not text:
            return ()
        spans: list[Span] = [Span(self.words.source + " ")]
        for part in text:
            if isinstance(part, Span):
                spans.append(part)
            elif isinstance(part, Cite):
                source = self.report.source(part.source_id)
                self.cited[part.source_id] = None
                if part.prefix:
                    spans.append(Span(part.prefix + " "))
                if self.listed:
                    spans.extend(short_reference(source, self.words, part.locator))
                else:
                    spans.extend(full_reference(source, self.words, part.locator))
        line = merge_spans(spans)
        return line if ends_sentence(line) else merge_spans([*line, Span(".")])
