"""ReportLab's PDF writer with a cross-reference stream and an object stream (PDF 1.5+): the many
small objects a structure tree adds (elements, ParentTree) are written ahead as bytes and
stored compressed together instead of as hundreds of plain-text objects, each with its line in
a plain-text cross-reference table. Everything else is written as ReportLab writes it.
Imports ReportLab only.
"""

from __future__ import annotations

import struct
import zlib
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFDocument, PDFFile, PDFIndirectObject, PDFObject, PDFObjectReference
from reportlab.pdfgen.canvas import Canvas

PDF_VERSION = (1, 7)  # the version PDF/UA-1 builds on


class PackedObject(PDFObject):
    """A non-stream object, formatted ahead as bytes, kept in the document's object stream."""

    def __init__(self, body: bytes = b"") -> None:
        self.body = body

    def format(self, document: PDFDocument) -> bytes:
        return self.body


class PackedDocument(PDFDocument):
    """A PDFDocument that writes PackedObjects into an object stream and ends with an xref stream."""

    def format(self) -> bytes:
        self.encrypt.prepare(self)
        assert not self.encrypt.info(), "objects in an object stream would need encrypting too"
        self.Reference(self.Catalog)
        self.Reference(self.info)
        file = self.__accum__ = PDFFile(self._pdfVersion)
        offsets: dict[int, int] = {}
        packed: list[tuple[int, bytes]] = []
        number = 1
        # formatting may register new objects, so the loop runs until the numbers run out
        while number in self.numberToId:
            name = self.numberToId[number]
            obj = self.idToObject[name]
            if isinstance(obj, PackedObject):
                packed.append((number, obj.format(self)))
            else:
                offsets[number] = file.add(PDFIndirectObject(name, obj).format(self))
            number += 1
        del self.__accum__
        in_stream: dict[int, tuple[int, int]] = {}
        if packed:
            offsets[number] = file.add(_object_stream(number, packed))
            in_stream = {num: (number, index) for index, (num, _) in enumerate(packed)}
            number += 1
        xref_at = offsets[number] = file.offset
        file.add(self._xref_stream(number, offsets, in_stream))
        file.add(b"startxref\n%d\n%%%%EOF\n" % xref_at)
        return file.format(self)

    def _xref_stream(self, number: int, offsets: dict[int, int], in_stream: dict[int, tuple[int, int]]) -> bytes:
        rows = [struct.pack(">BIH", 0, 0, 65535)]  # object 0: the head of the free list
        for num in range(1, number + 1):
            if num in in_stream:
                rows.append(struct.pack(">BIH", 2, *in_stream[num]))
            else:
                rows.append(struct.pack(">BIH", 1, offsets[num], 0))
        data = zlib.compress(b"".join(rows))
        root = PDFObjectReference(self.Catalog.__InternalName__).format(self)
        info = PDFObjectReference(self.info.__InternalName__).format(self)
        ident = self.ID().strip().split(b"\n")[0]  # ReportLab follows the array with a comment line
        head = b"<< /Type /XRef /Size %d /W [ 1 4 2 ] /Root %s /Info %s /ID %s /Filter /FlateDecode /Length %d >>" % (
            number + 1,
            root,
            info,
            ident,
            len(data),
        )
        return b"%d 0 obj\n%s\nstream\n%s\nendstream\nendobj\n" % (number, head, data)


def _object_stream(number: int, packed: list[tuple[int, bytes]]) -> bytes:
    offsets = []
    at = 0
    for num, body in packed:
        offsets.append(b"%d %d" % (num, at))
        at += len(body) + 1
    head = b" ".join(offsets) + b"\n"
    data = zlib.compress(head + b"\n".join(body for _, body in packed) + b"\n")
    dictionary = b"<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>" % (
        len(packed),
        len(head),
        len(data),
    )
    return b"%d 0 obj\n%s\nstream\n%s\nendstream\nendobj\n" % (number, dictionary, data)


class PackedCanvas(Canvas):
    """A Canvas whose document is written by PackedDocument, as PDF 1.7."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._doc.__class__ = PackedDocument
        self._doc._pdfVersion = max(self._doc._pdfVersion, PDF_VERSION)
