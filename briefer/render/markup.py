"""Turns brief text into ReportLab paragraph markup; every string is escaped on the way in.

Imports ReportLab colours, briefer.render.fonts and the brief model. Nothing a brief contains can
open, close or change a tag.
"""

from __future__ import annotations

import re
from collections.abc import Container

from reportlab.lib.colors import Color

from briefer.render.fonts import FALLBACK, fallback_runs
from briefer.tailor.brief import BriefText, NoteMark

# C0 controls are not text: ReportLab's parser would choke on some and print boxes for the rest
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})


def escape(text: str) -> str:
    """Plain text as markup that prints exactly these characters: Chinese, Japanese and Korean
    in the fallback font, everything else in the paragraph's own."""
    return "".join(
        f'<font name="{FALLBACK}">{_plain(run)}</font>' if fallback else _plain(run)
        for run, fallback in fallback_runs(text)
    )


def _plain(text: str) -> str:
    return _CONTROLS.sub(" ", text).translate(_ESCAPES)


NOTE_KEY_PREFIX = "note-"


def note_key(number: int) -> str:
    """The PDF destination name of a note, the target of its marker's link."""
    return f"{NOTE_KEY_PREFIX}{number}"


def hex_colour(colour: Color) -> str:
    return "#" + colour.hexval()[2:]


def mark_markup(number: int, colour: Color, linked: bool = True) -> str:
    """A note marker: a superscript number, linked to its note."""
    mark = f"<super>{number}</super>"
    return f'<a href="#{note_key(number)}" color="{hex_colour(colour)}">{mark}</a>' if linked else mark


def inline_markup(text: BriefText, mark_colour: Color | None = None, notes: Container[int] = ()) -> str:
    """Markup for brief text. Markers link to their notes when the note is among `notes` (a
    link to a missing note would break the PDF); they are dropped when mark_colour is None."""
    out = []
    for piece in text:
        if isinstance(piece, NoteMark):
            if mark_colour is not None:
                out.append(mark_markup(piece.number, mark_colour, piece.number in notes))
            continue
        body = escape(piece.text)
        if piece.italic:
            body = f"<i>{body}</i>"
        if piece.bold:
            body = f"<b>{body}</b>"
        out.append(body)
    return "".join(out)


def text_marks(text: BriefText) -> tuple[int, ...]:
    """The note numbers whose markers this text carries, in order."""
    return tuple(p.number for p in text if isinstance(p, NoteMark))
