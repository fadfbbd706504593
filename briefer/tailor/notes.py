"""Number a brief's notes in reading order and resolve each citation to its printed form.

A marker gets the next number where it stands; a citation prints in full the first time its
source is cited in this brief, and as Ibid., a short form or "see note N" after that.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefer.content.model import Cite, NoteRef, Report, Span, Text
from briefer.tailor.brief import BriefNote, BriefText, NoteMark
from briefer.tailor.citations import (
    ends_sentence,
    full_reference,
    ibid,
    merge_spans,
    see_note,
    short_reference,
)
from briefer.tailor.recipe import CitationStyle
from briefer.tailor.wording import Words


@dataclass
class PendingNote:
    """A note given its number; its citations are resolved once all notes are known."""

    number: int
    text: Text  # Span and Cite parts
    carrier: str
    origin: str


@dataclass
class NoteNumberer:
    """Walks the brief in reading order, turning report markers into numbered marks."""

    report: Report
    pending: list[PendingNote] = field(default_factory=list)

    def mark(self, text: Text, carrier: str) -> BriefText:
        """Replace each note marker in `text` with the next number; keep spans as they are."""
        out: list[Span | NoteMark] = []
        for part in text:
            if isinstance(part, NoteRef):
                note = self.report.note(part.note_id)
                out.append(self.add(note.text, carrier, note.id))
            elif isinstance(part, Span):
                out.append(part)
        return tuple(out)

    def add(self, note_text: Text, carrier: str, origin: str) -> NoteMark:
        number = len(self.pending) + 1
        self.pending.append(PendingNote(number, note_text, carrier, origin))
        return NoteMark(number)

    def cite_note(self, source_ids: tuple[str, ...], carrier: str, origin: str) -> NoteMark:
        """A generated note citing sources (country facts and treaty statuses)."""
        parts: list[Span | Cite] = []
        for i, source_id in enumerate(source_ids):
            if i:
                parts.append(Span("; "))
            parts.append(Cite(source_id))
        return self.add(tuple(parts), carrier, origin)


def resolve_notes(
    report: Report, pending: list[PendingNote], style: CitationStyle, words: Words
) -> tuple[BriefNote, ...]:
    """Print every citation in the form the recipe's style and the notes before it call for."""
    first_note: dict[str, int] = {}
    last_locator: dict[str, str] = {}
    previous_sources: tuple[str, ...] = ()
    notes = []
    for note in pending:
        sources = tuple(dict.fromkeys(p.source_id for p in note.text if isinstance(p, Cite)))
        spans: list[Span] = []
        parts = note.text
        for index, part in enumerate(parts):
            if isinstance(part, Span):
                spans.extend([part])
                continue
            if not isinstance(part, Cite):
                continue
            source = report.source(part.source_id)
            locator = part.locator
            prefix_first = index == 0 or all(isinstance(p, Span) and not p.text.strip() for p in parts[:index])
            if part.source_id not in first_note or style == CitationStyle.FULL:
                printed = full_reference(source, words, locator)
            elif style == CitationStyle.IBID and _ibid_true(part, previous_sources, last_locator, prefix_first):
                same = locator == last_locator[part.source_id]
                printed = ibid(words, "" if same else locator, lower=bool(part.prefix))
            elif style == CitationStyle.SEE_NOTE:
                printed = see_note(source, first_note[part.source_id], words, locator)
            else:
                printed = short_reference(source, words, locator)
            if part.prefix:
                spans.append(Span(part.prefix + " "))
            spans.extend(printed)
            following = parts[index + 1] if index + 1 < len(parts) else None
            if _needs_stop(printed, following):
                spans.append(Span("."))
            first_note.setdefault(part.source_id, note.number)
            last_locator[part.source_id] = locator
        previous_sources = sources
        notes.append(
            BriefNote(
                number=note.number,
                text=merge_spans(spans),
                carrier=note.carrier,
                source_ids=sources,
                origin=note.origin,
            )
        )
    return tuple(notes)


def _ibid_true(part: Cite, previous: tuple[str, ...], last_locator: dict[str, str], first: bool) -> bool:
    """Ibid. only where the note before cites this source alone, and the reference stays exact:
    a bare "Ibid." after a page-specific note would point at that page."""
    if previous != (part.source_id,) or not first:
        return False
    return bool(part.locator) or not last_locator.get(part.source_id)


def _needs_stop(printed: tuple[Span, ...], following: object) -> bool:
    """A citation ends with a full stop unless punctuation follows it or it already has one."""
    if ends_sentence(printed):
        return False
    if following is None:
        return True
    if isinstance(following, Span):
        stripped = following.text.lstrip()
        return not stripped or stripped[0] not in ",;:.)]"
    return False
