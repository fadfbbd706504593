"""Parse inline text (`**bold**`, `*italic*`, `[^note]`, `[prefix @source, locator]`) into spans.

The grammar is deliberately tiny: everything else is literal, so markup-like text (`<b>`, `&`)
stays text. Imports only the content model.
"""

from __future__ import annotations

import re

from briefer.content.model import Cite, Inline, NoteRef, Span, Text

_NOTE = re.compile(r"\[\^([A-Za-z0-9][A-Za-z0-9_.-]*)\]")
_CITE = re.compile(r"\[(?P<prefix>[^\[\]@]*?)@(?P<id>[A-Za-z0-9][A-Za-z0-9_.:-]*)(?:\s*,\s*(?P<loc>[^\[\]]*?))?\s*\]")
_TOKEN = re.compile(r"\\[\\*\[\]]|\*\*|\*|\[")


class InlineError(ValueError):
    """Bad inline markup; `offset` is the character position in the source text."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


def parse_inline(source: str, *, allow_cites: bool = False, allow_notes: bool = True) -> Text:
    parts: list[Inline] = []
    buffer: list[str] = []
    bold = italic = False
    bold_at = italic_at = 0
    pos = 0

    def flush() -> None:
        text = "".join(buffer)
        buffer.clear()
        if text:
            last = parts[-1] if parts else None
            if isinstance(last, Span) and last.bold == bold and last.italic == italic:
                parts[-1] = Span(last.text + text, bold, italic)
            else:
                parts.append(Span(text, bold, italic))

    for match in _TOKEN.finditer(source):
        start = match.start()
        if start < pos:
            continue  # inside a note or citation already consumed
        buffer.append(source[pos:start])
        token = match.group()
        pos = match.end()
        if token.startswith("\\"):
            buffer.append(token[1])
        elif token == "**":
            flush()
            bold = not bold
            bold_at = start
        elif token == "*":
            flush()
            italic = not italic
            italic_at = start
        else:  # "["
            note = _NOTE.match(source, start)
            cite = _CITE.match(source, start)
            if note:
                if not allow_notes:
                    raise InlineError("a note marker cannot stand here", start)
                flush()
                parts.append(NoteRef(note.group(1)))
                pos = note.end()
            elif cite:
                if not allow_cites:
                    raise InlineError("a citation [@…] can only stand in a note", start)
                flush()
                prefix = cite.group("prefix").strip()
                parts.append(Cite(cite.group("id"), (cite.group("loc") or "").strip(), prefix))
                pos = cite.end()
            else:
                buffer.append("[")
    buffer.append(source[pos:])
    if bold:
        raise InlineError("'**' opens bold text that is never closed", bold_at)
    if italic:
        raise InlineError("'*' opens italic text that is never closed", italic_at)
    flush()
    return tuple(parts)


def offset_to_line_col(source: str, offset: int) -> tuple[int, int]:
    """0-based line and column of `offset` within `source`."""
    line = source.count("\n", 0, offset)
    col = offset - (source.rfind("\n", 0, offset) + 1)
    return line, col


_LITERAL = re.compile(r"([\\*\[])")


def inline_source(text: Text) -> str:
    """Inline text written back as markup: parse_inline(inline_source(t)) == t."""
    out: list[str] = []
    bold = italic = False
    for part in text:
        if isinstance(part, Span):
            # a flag that changes toggles: "*" and "**" side by side read back as both toggles
            if part.italic != italic:
                out.append("*")
                italic = part.italic
            if part.bold != bold:
                out.append("**")
                bold = part.bold
            out.append(_LITERAL.sub(r"\\\1", part.text))
            continue
        if italic:
            out.append("*")
            italic = False
        if bold:
            out.append("**")
            bold = False
        if isinstance(part, NoteRef):
            out.append(f"[^{part.note_id}]")
        else:
            prefix = f"{part.prefix} " if part.prefix else ""
            locator = f", {part.locator}" if part.locator else ""
            out.append(f"[{prefix}@{part.source_id}{locator}]")
    out.append(("*" if italic else "") + ("**" if bold else ""))
    return "".join(out)
