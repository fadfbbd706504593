"""Sentence-level comparison of a report's source text with its content, for the fidelity tests."""

from __future__ import annotations

import re

from briefer.content.model import NoteRef, Span, Text

# a sentence ends at . ! ? or a closing quote, perhaps followed by a note marker
SENTENCE = re.compile(r"(?<=[.!?”])(?:\[\^\d+\])?\s+(?=[A-Z“‘(])")


def sentences(stream: str) -> list[str]:
    return [s.strip() for s in SENTENCE.split(stream) if s.strip()]


def as_text(text: Text) -> str:
    """Spans as printed, note markers as `[^id]`; citations left out."""
    out = []
    for part in text:
        if isinstance(part, Span):
            out.append(part.text)
        elif isinstance(part, NoteRef):
            out.append(f"[^{part.note_id}]")
    return "".join(out)


def count_in_order(seed: str, ours: str) -> int:
    """How many of the seed's sentences `ours` holds, in order; fails at the first missing one."""
    position = 0
    found = 0
    for sentence in sentences(seed):
        index = ours.find(sentence, position)
        assert index >= 0, f"sentence missing or out of order: {sentence!r}"
        position = index + len(sentence)
        found += 1
    return found
