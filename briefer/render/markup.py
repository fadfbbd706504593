"""Turns brief text into ReportLab paragraph markup; every string is escaped on the way in.

Imports ReportLab colours, briefer.render.fonts, the brief model and the wording. Nothing a brief
contains can open, close or change a tag.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container

from reportlab.lib.colors import Color

from briefer.render.fonts import FALLBACK, fallback_runs
from briefer.tailor.brief import BriefText, NoteMark
from briefer.tailor.wording import Words

# C0 controls are not text: ReportLab's parser would choke on some and print boxes for the rest
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# ReportLab breaks lines at a narrow no-break space (U+202F: French puts it inside « », CLDR in
# dates and numbers) and prints it as a full space anyway; a no-break space keeps the pair together
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "\u202f": "\u00a0"})


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


def link_describer(words: Words) -> Callable[[str], str]:
    """What a link says to assistive technology, by its target: its annotation's /Contents."""

    def describe(href: str) -> str:
        number = href.removeprefix("#" + NOTE_KEY_PREFIX)
        if href.startswith("#") and number.isdigit():
            return words.note_link.format(number=number)
        return href.removeprefix("#")

    return describe


def hex_colour(colour: Color) -> str:
    return "#" + colour.hexval()[2:]


def mark_markup(number: int, colour: Color | None, linked: bool = True) -> str:
    """A note marker: a superscript number, linked to its note (in `colour`, if given)."""
    mark = f"<super>{number}</super>"
    if not linked:
        return mark
    tint = f' color="{hex_colour(colour)}"' if colour is not None else ""
    return f'<a href="#{note_key(number)}"{tint}>{mark}</a>'


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


def inline_markup(
    text: BriefText, mark_colour: Color | None = None, notes: Container[int] = (), *, tint_links: bool = True
) -> str:
    """Markup for brief text. Markers link to their notes when the note is among `notes` (a
    link to a missing note would break the PDF), in mark_colour when `tint_links`; they are
    dropped when mark_colour is None."""
    out = []
    for piece in text:
        if isinstance(piece, NoteMark):
            if mark_colour is not None:
                colour = mark_colour if tint_links else None
                out.append(mark_markup(piece.number, colour, piece.number in notes))
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
