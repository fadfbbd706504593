"""The footnote machinery on its own: markers in flowables and split parts, the ledger's room
and carry-over, the frame's split search, and boxes that split."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from briefer.content.model import Span
from briefer.render.boxes import Box, BoxStyle, mark_box_heading
from briefer.render.flowables import continued_note_label, new_context, note_paragraph
from briefer.render.flowtags import tags
from briefer.render.footnotes import NoteFrame, marks_of
from briefer.render.headings import PageRegistry
from briefer.render.markup import inline_markup
from briefer.render.notes_area import NoteLedger
from briefer.render.styles import build_styles
from briefer.tailor.brief import BriefNote, Layout, NoteMark
from briefer.tailor.wording import ENGLISH

STYLES = build_styles(Layout())
CTX = new_context(STYLES, PageRegistry(), (), ENGLISH)
WIDTH = STYLES.metrics.frame_width
SENTENCE = "Clearance personnel report failure rates far above those the manufacturers claim. "


def _paragraph(marks: list[int], sentences: int = 6) -> Paragraph:
    text: list[Span | NoteMark] = []
    for i in range(sentences):
        text.append(Span(SENTENCE))
        if i in marks:
            text.append(NoteMark(i + 1))
    return Paragraph(inline_markup(tuple(text), STYLES.palette.accent, range(1, 100)), STYLES.body)


def _ledger(note_words: dict[int, int], cap: float = 300.0) -> NoteLedger:
    notes = {n: note_paragraph(BriefNote(n, (Span("word " * w),), "c", (), str(n)), CTX) for n, w in note_words.items()}
    return NoteLedger(
        notes,
        lambda n: continued_note_label(n, CTX),
        width=WIDTH,
        cap=cap,
        gap=2.0,
        rule_above=10.0,
        rule_below=5.0,
        rule_colour=STYLES.palette.rule,
    )


def test_marks_of_a_paragraph_and_of_its_split_parts() -> None:
    paragraph = _paragraph([0, 4], sentences=8)
    assert marks_of(paragraph) == (1, 5)
    paragraph.wrap(WIDTH, 1e9)
    first, rest = paragraph.split(WIDTH, STYLES.body.leading * 3)
    assert marks_of(first) == (1,)
    assert marks_of(rest) == (5,)


def test_marks_of_a_box_is_the_union_of_its_parts() -> None:
    box = Box(
        [mark_box_heading(Paragraph("Title", STYLES.box_title)), _paragraph([1]), _paragraph([3])],
        BoxStyle(padding=(6, 6, 6, 6)),
        continuation=lambda: [mark_box_heading(Paragraph("Title (continued)", STYLES.box_title))],
    )
    assert marks_of(box) == (2, 4)
    _, height = box.wrap(WIDTH, 1e9)
    first, second = box.split(WIDTH, height * 0.6)
    assert marks_of(first) + marks_of(second) == (2, 4)
    assert first.opens and not first.closes and not second.opens and second.closes
    assert second.content[0].text == "Title (continued)"


def test_a_box_never_leaves_only_its_title_behind() -> None:
    box = Box([mark_box_heading(Paragraph("Title", STYLES.box_title)), _paragraph([])], BoxStyle(padding=(6, 6, 6, 6)))
    box.wrap(WIDTH, 1e9)
    assert box.split(WIDTH, 30) == []


def test_ledger_reserves_room_for_notes_and_the_rule() -> None:
    ledger = _ledger({1: 10, 2: 10})
    one, two = ledger.reserve([1]), ledger.reserve([1, 2])
    assert 15.0 < one < two
    assert ledger.reserve([]) == 0.0


def test_ledger_refuses_a_note_that_cannot_begin_and_carries_a_long_one() -> None:
    ledger = _ledger({1: 900, 2: 10}, cap=200.0)
    assert ledger.reserve([1]) is not None  # a long note begins and runs on
    assert ledger.reserve([1, 2]) is None  # the cap is full: note 2 cannot begin here
    assert ledger.reserve([1, 2], strict=False) is not None
    ledger.commit([1])
    ledger.draw(Canvas(None), 0, 0)
    assert ledger.carry and tags(ledger.carry[0]).note_number == 1
    ledger.start_page()
    # on the next page the page's own note comes first in the share-out
    assert ledger.reserve([2]) is not None


def test_note_frame_splits_a_paragraph_so_its_notes_fit_beside_it() -> None:
    ledger = _ledger({n: 60 for n in range(1, 9)})
    frame = NoteFrame(
        ledger, STYLES.body.leading, 0, 0, WIDTH, 400, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0
    )
    paragraph = _paragraph(list(range(8)), sentences=8)
    canvas = Canvas(None)
    assert not frame.add(paragraph, canvas)
    first, *_ = frame.split(paragraph, canvas)
    assert frame.add(first, canvas)
    placed = marks_of(first)
    assert placed and ledger.placed == list(placed)
    _, height = first.wrap(WIDTH, 1e9)
    assert height + ledger.reserve(ledger.placed) <= 400 + 1e-6
