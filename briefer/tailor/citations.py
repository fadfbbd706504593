"""Format references to sources: full, short, Ibid. and see-note forms. Pure functions;
the words they print (Ibid., "note N", "accessed") come from the brief's Words."""

from __future__ import annotations

from briefer.content.model import Source, Span
from briefer.tailor.wording import Words

Spans = tuple[Span, ...]


def full_reference(source: Source, words: Words, locator: str = "") -> Spans:
    """`Author, “Title”, *Container*, Publisher, Date, locator, URL (accessed …)` without a final stop."""
    parts: list[Spans] = []
    if source.author:
        parts.append((Span(source.author),))
    if source.title:
        parts.append((Span(words.quoted.format(text=source.title)),))
    if source.container:
        parts.append((Span(source.container, italic=True),))
    if source.publisher and source.publisher != source.author:
        parts.append((Span(source.publisher),))
    if source.date:
        parts.append((Span(words.written_date(source.date)),))
    if locator:
        parts.append((Span(locator),))
    if source.url:
        when = words.written_date(source.accessed)
        accessed = f" ({words.accessed.format(date=when)})" if source.accessed else ""
        parts.append((Span(source.url + accessed),))
    return _join(parts, ", ")


def short_reference(source: Source, words: Words, locator: str = "") -> Spans:
    if source.short:
        base: Spans = tuple(p for p in source.short if isinstance(p, Span))
    else:
        who = source.author or source.publisher
        title = _short_title(source.title) if source.title else source.url
        pieces: list[Spans] = [(Span(who),)] if who else []
        pieces.append((Span(words.quoted.format(text=title) if source.title else title),))
        base = _join(pieces, ", ")
    if locator:
        base = _join([base, (Span(locator),)], ", ")
    return base


def ibid(words: Words, locator: str = "", *, lower: bool = False) -> Spans:
    word = words.ibid_lower if lower else words.ibid
    return (Span(f"{word}, {locator}" if locator else word),)


def see_note(source: Source, number: int, words: Words, locator: str = "") -> Spans:
    see = (Span(words.see_note.format(number=words.number(number))),)
    return _join([short_reference(source, words), see, *([(Span(locator),)] if locator else [])], ", ")


def _short_title(title: str) -> str:
    """Up to the first colon or parenthesis, and no more than six words."""
    head = title.split(":", 1)[0].split(" (", 1)[0].strip() or title
    words = head.split()
    return head if len(words) <= 6 else " ".join(words[:6]) + "…"


def _join(parts: list[Spans], separator: str) -> Spans:
    out: list[Span] = []
    for i, part in enumerate(parts):
        if i:
            out.append(Span(separator))
        out.extend(part)
    return merge_spans(out)


def merge_spans(spans: list[Span] | tuple[Span, ...]) -> Spans:
    """Join neighbouring spans of the same emphasis; drop empty ones."""
    out: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        if out and out[-1].bold == span.bold and out[-1].italic == span.italic:
            out[-1] = Span(out[-1].text + span.text, span.bold, span.italic)
        else:
            out.append(span)
    return tuple(out)


# closing quotation marks of the languages briefer prints, and the spaces French puts inside them
_CLOSING = "”’»“\"' \u00a0\u202f"


def ends_sentence(spans: Spans) -> bool:
    text = "".join(s.text for s in spans).rstrip().rstrip(_CLOSING)
    return text.endswith((".", "?", "!", "…"))
