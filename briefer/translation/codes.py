"""Inline text as XLIFF 2 inline content, and back: note markers, citations and emphasis become
protected codes a translator moves but cannot drop, duplicate or invent.

A note marker `[^12]` is a `<ph>`; `**`/`*` emphasis is an `<sc>`/`<ec>` pair (pairs may
overlap, as markup toggles can); a citation `[See @gao-2002, pp. 23–30]` is an `<sc>`/`<ec>`
pair for its brackets around a `<ph>` for its source, so its prefix and locator ("See", "pp.")
are translated like any text. Each code carries the markup it stands for in `<originalData>`;
on import the markup comes from the current source, never from the file. Imports lxml and content.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from lxml import etree

from briefer.content.model import Cite, NoteRef, Span, Translatable

NS = "urn:oasis:names:tc:xliff:document:2.0"
_ESCAPE: dict[int, str] = str.maketrans({"\\": "\\\\", "*": "\\*", "[": "\\["})


@dataclass(frozen=True, slots=True)
class Code:
    role: str  # "ph", "sc" (opens a pair) or "ec" (closes it)
    family: str  # "n" note marker, "s" cited source, "c" citation brackets, "b" bold, "i" italic
    data: str  # the markup it stands for: "[^12]", "@gao-2002", "[", "]", "**", "*"
    what: str  # for people: "note marker [^12]"
    id: str = ""  # ph and sc: the code's id; ec: the id of the sc it closes

    @property
    def key(self) -> tuple[str, str]:
        return (self.role, self.id)


Piece = str | Code


def pieces(text: Translatable) -> list[Piece]:
    """The text as literal strings and codes (ids not yet given), in order."""
    if isinstance(text, str):
        return [text] if text else []
    out: list[Piece] = []
    bold = italic = False
    for part in text:
        if isinstance(part, Span):
            if part.italic != italic:
                out.append(Code("ec" if italic else "sc", "i", "*", "italic"))
                italic = part.italic
            if part.bold != bold:
                out.append(Code("ec" if bold else "sc", "b", "**", "bold"))
                bold = part.bold
            out.append(part.text)
            continue
        if italic:
            out.append(Code("ec", "i", "*", "italic"))
            italic = False
        if bold:
            out.append(Code("ec", "b", "**", "bold"))
            bold = False
        if isinstance(part, NoteRef):
            out.append(Code("ph", "n", f"[^{part.note_id}]", f"note marker [^{part.note_id}]"))
        elif isinstance(part, Cite):
            what = f"citation of @{part.source_id}"
            out.append(Code("sc", "c", "[", f"opening bracket of the {what}"))
            out.append(f"{part.prefix} " if part.prefix else "")
            out.append(Code("ph", "s", f"@{part.source_id}", what))
            out.append(f", {part.locator}" if part.locator else "")
            out.append(Code("ec", "c", "]", f"closing bracket of the {what}"))
    if italic:
        out.append(Code("ec", "i", "*", "italic"))
    if bold:
        out.append(Code("ec", "b", "**", "bold"))
    return [p for p in out if p != ""]


def number(found: list[Piece]) -> list[Piece]:
    """Give every code an id: 'n1', 'b2'…; an ec takes the id of the sc it closes."""
    counts: Counter[str] = Counter()
    open_: dict[str, list[str]] = {}
    out: list[Piece] = []
    for piece in found:
        if isinstance(piece, Code):
            if piece.role == "ec":
                ident = open_[piece.family].pop()
            else:
                counts[piece.family] += 1
                ident = f"{piece.family}{counts[piece.family]}"
                if piece.role == "sc":
                    open_.setdefault(piece.family, []).append(ident)
            piece = Code(piece.role, piece.family, piece.data, piece.what, ident)
        out.append(piece)
    return out


def matched(found: list[Piece], source: list[Piece]) -> list[Piece]:
    """A draft's codes given the ids of the source's codes that stand for the same markup;
    a code the source does not have stays as its markup, for the translator to see and fix."""
    available = [p for p in source if isinstance(p, Code)]
    out: list[Piece] = []
    for piece in found:
        if isinstance(piece, Code):
            same = next((c for c in available if (c.role, c.data) == (piece.role, piece.data)), None)
            if same is None:
                out.append(piece.data)
                continue
            available.remove(same)
            piece = same
        out.append(piece)
    return out


def fill(element: etree._Element, found: list[Piece]) -> None:
    """Write pieces into a <source> or <target>: strings as text, codes as protected elements."""
    for piece in found:
        if isinstance(piece, str):
            if len(element):
                element[-1].tail = (element[-1].tail or "") + piece
            else:
                element.text = (element.text or "") + piece
            continue
        attributes = {"canCopy": "no", "canDelete": "no"}
        if piece.role == "ec":
            attributes |= {"startRef": piece.id, "dataRef": f"d{piece.id}e"}
        else:
            attributes |= {"id": piece.id, "dataRef": f"d{piece.id}"}
        if piece.family in "bi":
            attributes |= {"type": "fmt", "subType": "xlf:b" if piece.family == "b" else "xlf:i"}
        code = etree.SubElement(element, f"{{{NS}}}{piece.role}", attributes)
        code.set("disp", piece.data)


def original_data(codes: list[Piece]) -> etree._Element:
    """The <originalData> of a unit: what each code stands for, by its dataRef."""
    data = etree.Element(f"{{{NS}}}originalData")
    for code in codes:
        if isinstance(code, Code):
            ref = f"d{code.id}e" if code.role == "ec" else f"d{code.id}"
            etree.SubElement(data, f"{{{NS}}}data", id=ref).text = code.data
    return data


class CodeError(ValueError):
    """A target whose codes differ from its source's; the message names each difference."""


def markup(target: etree._Element, source: list[Piece], *, plain: bool = False) -> str:
    """The target written back as briefer markup, every code exactly once as in the source;
    `plain` for a text without markup (a title), whose characters are all literal."""
    codes = {p.key: p for p in source if isinstance(p, Code)}
    out: list[str] = []
    seen: Counter[tuple[str, str]] = Counter()
    problems: list[str] = []
    _walk(target, codes, out, seen, problems, {} if plain else _ESCAPE)
    for key, code in codes.items():
        if seen[key] == 0:
            problems.append(f"{code.what} (placeholder {code.id}) is missing")
        elif seen[key] > 1:
            problems.append(f"{code.what} (placeholder {code.id}) is there {seen[key]} times")
    if problems:
        raise CodeError("; ".join(problems))
    return "".join(out)


def _walk(
    element: etree._Element,
    codes: dict[tuple[str, str], Code],
    out: list[str],
    seen: Counter[tuple[str, str]],
    problems: list[str],
    escape: dict[int, str],
) -> None:
    out.append((element.text or "").translate(escape))
    for child in element:
        tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
        if tag == "mrk":  # an annotation a tool added: its text counts, the mark does not
            _walk(child, codes, out, seen, problems, escape)
        elif tag == "cp":  # a character XML cannot carry, by its code point
            try:
                out.append(chr(int(child.get("hex", ""), 16)).translate(escape))
            except ValueError:
                problems.append(f"<cp hex={child.get('hex', '')!r}> is not a character")
        elif tag in ("ph", "sc", "ec"):
            key = (tag, child.get("startRef" if tag == "ec" else "id") or "")
            seen[key] += 1
            if key in codes:
                out.append(codes[key].data)
            else:
                problems.append(f"placeholder <{tag}> {key[1]!r} is not in the source")
        elif tag:
            problems.append(f"<{tag}> cannot stand in a translation here")
        out.append((child.tail or "").translate(escape))
