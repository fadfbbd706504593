"""Reads a rendered PDF back: markers and the pages their links lead to, the notes area of a
page, page text. pypdf for the document's structure (links, outline, metadata); pdfium (the
engine under pdfplumber) for text and positions, as it reads a whole brief in milliseconds.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from functools import cached_property

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pypdf import PdfReader


@dataclass(frozen=True)
class Marker:
    number: int
    page: int  # 1-based
    target_page: int
    target_y: float  # PDF user space, origin at the bottom left
    size: float


def squash(text: str) -> str:
    # pdfium reports a hyphen that ends a line (in a web address broken after it) as U+0002
    return re.sub(r"\s+", " ", text.replace("\x02", "-")).strip()


@dataclass
class ReadBack:
    """A rendered PDF, parsed once, with the facts the tests look at."""

    data: bytes
    _texts: dict[tuple[int, tuple[float, ...]], str] = field(default_factory=dict, repr=False)
    _glyphs: dict[int, list[tuple[str, float, float, float, float, float]]] = field(default_factory=dict, repr=False)

    @cached_property
    def reader(self) -> PdfReader:
        return PdfReader(io.BytesIO(self.data))

    @cached_property
    def pdfium(self) -> pdfium.PdfDocument:
        return pdfium.PdfDocument(self.data)

    @cached_property
    def page_count(self) -> int:
        return len(self.reader.pages)

    @cached_property
    def _textpages(self) -> list[pdfium.PdfTextPage]:
        return [self.pdfium[i].get_textpage() for i in range(self.page_count)]

    def size(self, page_number: int) -> tuple[float, float]:
        box = self.reader.pages[page_number - 1].mediabox
        return float(box.width), float(box.height)

    def text(self, page_number: int, box: tuple[float, float, float, float] | None = None) -> str:
        """Text of a page, or of a box (left, bottom, right, top) on it, whitespace squashed."""
        key = (page_number, box or ())
        if key not in self._texts:
            textpage = self._textpages[page_number - 1]
            raw = textpage.get_text_bounded(*box) if box else textpage.get_text_bounded()
            self._texts[key] = squash(raw)
        return self._texts[key]

    def page_text(self, page_number: int) -> str:
        return self.text(page_number)

    @cached_property
    def _rules(self) -> list[float | None]:
        """Per page, the height of the short rule above the notes (None when there is none)."""
        rules: list[float | None] = []
        for index in range(self.page_count):
            found = None
            for obj in self.pdfium[index].get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=1):
                left, bottom, right, top = obj.get_bounds()
                if abs(right - left - 150) < 2 and top - bottom < 2:
                    found = (top + bottom) / 2
            rules.append(found)
        return rules

    def note_rule_y(self, page_number: int) -> float | None:
        return self._rules[page_number - 1]

    def foot_text(self, page_number: int) -> str:
        """The text below the notes rule: the notes, then the footer ("" without a rule)."""
        rule = self.note_rule_y(page_number)
        if rule is None:
            return ""
        width, _ = self.size(page_number)
        return self.text(page_number, (0.0, 0.0, width, rule))

    def chars(self, page_number: int) -> list[tuple[str, float, float, float]]:
        """(character, x centre, y centre, font size) of each upright printed character of a page
        (a watermark runs diagonally across the page and is left out)."""
        return [
            (c, (left + right) / 2, (bottom + top) / 2, size)
            for c, left, bottom, right, top, size in self.glyphs(page_number)
        ]

    def glyphs(self, page_number: int) -> list[tuple[str, float, float, float, float, float]]:
        """(character, left, bottom, right, top, font size) of each upright printed character."""
        if page_number in self._glyphs:
            return self._glyphs[page_number]
        textpage = self._textpages[page_number - 1]
        found = []
        for index in range(textpage.count_chars()):
            char = chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, index))
            if not char.strip() or abs(pdfium_c.FPDFText_GetCharAngle(textpage.raw, index)) > 1e-3:
                continue
            size = pdfium_c.FPDFText_GetFontSize(textpage.raw, index)
            if size < 0.5:
                continue  # a line-break opportunity in a web address (render/markup.py), not ink
            found.append((char, *textpage.get_charbox(index), size))
        self._glyphs[page_number] = found
        return found

    def boxes(self, page_number: int) -> list[tuple[str, float, float, float, float]]:
        """(character, left, bottom, right, top) of each upright printed character of a page."""
        return [g[:5] for g in self.glyphs(page_number)]

    def images(self, page_number: int) -> list[tuple[float, float, float, float]]:
        """(left, bottom, right, top) of each image drawn on a page."""
        page = self.pdfium[page_number - 1]
        return [obj.get_bounds() for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3)]

    @cached_property
    def markers(self) -> list[Marker]:
        """Every note marker: the digits under a link whose target is on a page (not a URL)."""
        ids = {page.indirect_reference.idnum: n for n, page in enumerate(self.reader.pages, start=1)}
        found = []
        for number, page in enumerate(self.reader.pages, start=1):
            for ref in page.get("/Annots") or ():
                annot = ref.get_object()
                dest = annot.get("/Dest")
                if annot.get("/Subtype") != "/Link" or dest is None or len(dest) < 4:
                    continue
                left, bottom, right, top = (float(v) for v in annot["/Rect"])
                # glyph boxes are tight, so a digit's centre may sit a hair outside the link
                inside = [c for c in self.chars(number) if left - 1 <= c[1] <= right + 1 and bottom <= c[2] <= top]
                text = "".join(c[0] for c in inside)
                if not text.isdigit():
                    continue  # a contents entry, not a marker
                target = ids.get(dest[0].idnum, 0)
                found.append(Marker(int(text), number, target, float(dest[3]), max(c[3] for c in inside)))
        return found

    @cached_property
    def outline(self) -> list[tuple[str, int]]:
        """(title, 1-based page) of each top-level outline entry."""
        return [
            (item.title, self.reader.get_destination_page_number(item) + 1)
            for item in self.reader.outline
            if not isinstance(item, list)
        ]

    @cached_property
    def outline_tree(self) -> list[tuple[str, int, int]]:
        """(title, 1-based page, depth) of every outline entry in order; depth 0 is the top."""
        found: list[tuple[str, int, int]] = []

        def walk(items: list[object], depth: int) -> None:
            for item in items:
                if isinstance(item, list):
                    walk(item, depth + 1)
                else:
                    found.append((item.title, self.reader.get_destination_page_number(item) + 1, depth))  # type: ignore[attr-defined]

        walk(self.reader.outline, 0)
        return found

    def links(self, page_number: int) -> list[tuple[str, tuple[float, float, float, float]]]:
        """(address, rect) of each web link on a page."""
        found = []
        for ref in self.reader.pages[page_number - 1].get("/Annots") or ():
            annot = ref.get_object()
            action = annot.get("/A")
            if action is not None and action.get("/S") == "/URI":
                found.append((str(action["/URI"]), tuple(float(v) for v in annot["/Rect"])))
        return found

    def lines(self, page_number: int) -> list[tuple[float, float, float, str]]:
        """The printed lines of a page, top to bottom: (centre y, left, right, text); a note marker
        (a raised, smaller figure) belongs to the line it stands on."""
        rows: list[tuple[float, float, list[tuple[str, float, float]]]] = []  # (y, size, chars)
        for char, left, bottom, right, top, size in self.glyphs(page_number):
            y = (bottom + top) / 2
            row = next((r for r in rows if abs(r[0] - y) < 0.45 * max(r[1], size)), None)
            if row is None:
                rows.append((y, size, [(char, left, right)]))
            else:
                row[2].append((char, left, right))
        out = []
        for y, _, chars in sorted(rows, key=lambda r: -r[0]):
            chars.sort(key=lambda c: c[1])
            out.append((y, chars[0][1], max(c[2] for c in chars), "".join(c[0] for c in chars)))
        return out


def read_back(data: bytes) -> ReadBack:
    return ReadBack(data)
