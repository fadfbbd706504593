"""The note-placement checks, shared by the synthetic and the real-report tests."""

from __future__ import annotations

from briefer.render.styles import build_metrics
from briefer.tailor.brief import Brief, brief_plain
from tests.render.readback import ReadBack, squash


def note_start(brief: Brief, number: int, words: int = 3) -> str:
    """How note `number` begins in the notes area: its number, then its first words."""
    text = squash(brief_plain(brief.notes[number - 1].text))
    return f"{number} " + " ".join(text.split()[:words])


def assert_notes_at_foot(doc: ReadBack, brief: Brief) -> None:
    """Every marker is a small linked number, and its note begins at the foot of its page."""
    metrics = build_metrics(brief.layout)
    markers = doc.markers
    assert sorted(m.number for m in markers) == [n.number for n in brief.notes]
    assert [m.page for m in sorted(markers, key=lambda m: m.number)] == sorted(m.page for m in markers)
    for marker in markers:
        assert marker.size < metrics.body_size - 1, marker  # a superscript, not body text
        assert marker.target_page == marker.page, f"note {marker.number}: marker on {marker.page}"
        rule = doc.note_rule_y(marker.page)
        assert rule is not None, f"page {marker.page} has a marker but no notes rule"
        assert marker.target_y <= rule + 1, f"note {marker.number}'s link lands above the notes rule"
        assert _joined(note_start(brief, marker.number)) in _joined(doc.foot_text(marker.page)), marker


def _joined(text: str) -> str:
    """Text without hyphens: a web address may break after one, and text extraction joins the
    two lines and drops it, as for a word hyphenated at a line end."""
    return text.replace("-", "")


def assert_notes_in_order_on_each_page(doc: ReadBack, brief: Brief) -> None:
    by_page: dict[int, list[int]] = {}
    for marker in doc.markers:
        by_page.setdefault(marker.page, []).append(marker.number)
    for page, numbers in by_page.items():
        foot = _joined(doc.foot_text(page))
        positions = [foot.index(_joined(note_start(brief, n))) for n in sorted(numbers)]
        assert positions == sorted(positions), page
