"""Turns brief text into ReportLab paragraph markup; every string is escaped on the way in.

Imports ReportLab colours and the brief model. Nothing a brief contains can open, close or change a tag.
"""

from __future__ import annotations

import re
from collections.abc import Container

from reportlab.lib.colors import Color

from briefer.tailor.brief import BriefText, NoteMark

# C0 controls are not text: ReportLab's parser would choke on some and print boxes for the rest
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})


def escape(text: str) -> str:
    """Plain text as markup that prints exactly these characters."""
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


# A web address in running text: up to the next space, less the punctuation that ends a sentence
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]+")
_URL_TAIL = ".,;:!?)]}’”'\""
# after these a web address may break at a line end; no hyphen is added (it would read as part of it):
# always after / ? & # (between its parts), and after . - _ = inside a part longer than _LONG
_URL_PARTS = re.compile(r"(?<=[/?&#])(?=.)")
_URL_INSIDE = re.compile(r"(?<=[.\-_=])(?=.)")
_LONG = 24  # characters: about a quarter of the narrowest line, so a part rarely leaves a gap
# a break opportunity ReportLab honours without printing anything: a space in a type size too
# small to see. ReportLab breaks lines only at spaces and sets a space in its own run's size,
# so the address's letters keep their spacing; text extraction (copy, search) closes the gap.
WORD_BREAK = '<font size="0.01"> </font>'


def url_pieces(url: str) -> list[str]:
    """A web address cut where it may break: after / ? & # and, in a long part, after . - _ =;
    never inside "https://". Each break opportunity costs the layout two runs of text, so a
    short part is not cut further."""
    scheme, sep, rest = url.partition("://")
    head, body = (scheme + sep, rest) if sep else ("", url)
    pieces: list[str] = []
    for part in _URL_PARTS.split(body):
        if len(part) <= _LONG:
            pieces.append(part)
            continue
        run = ""
        for bit in _URL_INSIDE.split(part):
            if run and len(run) + len(bit) > _LONG:
                pieces.append(run)
                run = ""
            run += bit
        pieces.append(run)
    if head and pieces:
        pieces[0] = head + pieces[0]
    return pieces


def word_pieces(word: str) -> list[str]:
    """The parts of a word no line may break inside: a web address's pieces, else the word."""
    match = _URL.fullmatch(word.rstrip(_URL_TAIL))
    return url_pieces(word) if match else [word]


def url_markup(url: str) -> str:
    """A clickable web address that may break after / . - ? & = _ # and nowhere else."""
    href = url if "://" in url else "https://" + url
    return f'<a href="{escape(href)}">' + WORD_BREAK.join(escape(p) for p in url_pieces(url)) + "</a>"


def text_markup(text: str) -> str:
    """Plain text as markup, its web addresses clickable and breakable."""
    out = []
    at = 0
    for match in _URL.finditer(text):
        url = match.group().rstrip(_URL_TAIL)
        if len(url) < 8:
            continue
        out.append(escape(text[at : match.start()]))
        out.append(url_markup(url))
        at = match.start() + len(url)
    out.append(escape(text[at:]))
    return "".join(out)


def inline_markup(text: BriefText, mark_colour: Color | None = None, notes: Container[int] = ()) -> str:
    """Markup for brief text. Markers link to their notes when the note is among `notes` (a
    link to a missing note would break the PDF); they are dropped when mark_colour is None."""
    out = []
    for piece in text:
        if isinstance(piece, NoteMark):
            if mark_colour is not None:
                out.append(mark_markup(piece.number, mark_colour, piece.number in notes))
            continue
        body = text_markup(piece.text)
        if piece.italic:
            body = f"<i>{body}</i>"
        if piece.bold:
            body = f"<b>{body}</b>"
        out.append(body)
    return "".join(out)


def text_marks(text: BriefText) -> tuple[int, ...]:
    """The note numbers whose markers this text carries, in order."""
    return tuple(p.number for p in text if isinstance(p, NoteMark))
