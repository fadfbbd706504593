"""Characters a PDF could not draw, read back from the PDF's own content streams.

ReportLab embeds each TrueType font as subsets of up to 256 codes and draws a character the
font lacks with code 0, which stands for no character (its glyph is .notdef or the empty null
glyph): an empty box or a gap on the page. No character briefer prints is ever U+0000, so
every code 0 shown in a text operator, on a page or in a form it draws, is a missing glyph.
"""

from __future__ import annotations

import io

from pypdf import PdfReader
from pypdf.generic import ContentStream, DictionaryObject


def _bytes(operand: object) -> bytes:
    raw = getattr(operand, "original_bytes", operand)
    return raw if isinstance(raw, bytes) else b""


def _missing(reader: PdfReader, content: object, resources: DictionaryObject, seen: set[int]) -> int:
    count = 0
    for operands, operator in ContentStream(content, reader).operations:
        if operator in (b"Tj", b"'", b'"'):
            count += _bytes(operands[-1]).count(0)
        elif operator == b"TJ":
            count += sum(_bytes(item).count(0) for item in operands[0])
        elif operator == b"Do":
            xobject = resources["/XObject"][operands[0]]
            form = xobject.get_object()
            if form.get("/Subtype") == "/Form" and id(form) not in seen:
                seen.add(id(form))
                count += _missing(reader, form, form.get("/Resources", resources), seen)
    return count


def missing_glyphs(data: bytes) -> dict[int, int]:
    """{1-based page: how many characters it drew without a glyph}, only pages with any."""
    reader = PdfReader(io.BytesIO(data))
    found = {}
    for number, page in enumerate(reader.pages, start=1):
        count = _missing(reader, page.get_contents(), page["/Resources"], set())
        if count:
            found[number] = count
    return found


def embedded_fonts(data: bytes) -> set[str]:
    """The base names of every font the PDF's pages use ('NotoSerif-Regular')."""
    names = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        for ref in (page["/Resources"].get("/Font") or {}).values():
            names.add(str(ref.get_object()["/BaseFont"]).split("+", 1)[-1])
    return names
