"""Hostile PDFs made from a real briefer PDF: an embedded recipe that is not UTF-8, one that
inflates to 200 MB or 2 GB (a few hundred kilobytes on disk, made in memory), bytes flipped."""

from __future__ import annotations

import functools
import io
import random
import zlib

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, NumberObject

from briefer.build import build_bytes
from briefer.content.load import load_report
from briefer.tailor.recipe import PreparedFor, Recipe
from tests.conftest import MINI

MB = 1024 * 1024


@functools.cache
def briefer_pdf() -> bytes:
    recipe = Recipe(audience="ministers", countries=("PL",), prepared_for=PreparedFor(meeting="14:30"))
    return build_bytes(load_report(MINI), recipe)


def with_embedded_stream(raw: bytes) -> bytes:
    """The briefer PDF with its embedded recipe's (Flate) stream replaced by `raw`."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(briefer_pdf())))
    names = writer._root_object["/Names"]["/EmbeddedFiles"]["/Names"]
    stream = names[1].get_object()["/EF"]["/F"].get_object()
    stream._data = raw  # the encoded bytes, as they stand in the file
    stream[NameObject("/Length")] = NumberObject(len(raw))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def inflating_to(size: int) -> bytes:
    """Deflate data that inflates to `size` zero bytes, made without holding `size` bytes: blocks
    ended by a full flush stand alone, so one 16 MB block repeats (its checksum is not kept)."""
    chunk = bytes(16 * MB)
    deflater = zlib.compressobj(9)
    head = deflater.compress(chunk) + deflater.flush(zlib.Z_FULL_FLUSH)
    middle = deflater.compress(chunk) + deflater.flush(zlib.Z_FULL_FLUSH)
    return head + middle * (size // len(chunk) - 1) + deflater.flush()


def not_utf8() -> bytes:
    return with_embedded_stream(zlib.compress("format: 1\ncover_note: caf\xe9\n".encode("latin-1")))


def mutated(seed: int, flips: int = 30) -> bytes:
    rnd = random.Random(seed)
    data = bytearray(briefer_pdf())
    for _ in range(flips):
        data[rnd.randrange(len(data))] = rnd.randrange(256)
    return bytes(data)
