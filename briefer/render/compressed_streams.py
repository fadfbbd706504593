"""ReportLab's Flate compression, remembered for large streams: the same bytes, less time.

The largest streams in a brief are its embedded font subsets, and a long-lived process makes the
same ones brief after brief: the app's build process after each change, a batch worker for each
copy (the subsets themselves are kept by fonts.remember_subsets). ReportLab compresses every
stream at every save; this keeps the compressed form of the last few large ones (zlib's output is
a pure function of its input and level) and compresses everything else as before.
"""

from __future__ import annotations

import functools
import zlib
from typing import Any

LARGE = 4096  # bytes: below this, compressing is cheaper than remembering
KEPT = 48  # large streams remembered: a brief has about ten (fonts, the cover's band, pages)


def remember_compressed_streams() -> None:
    from reportlab.pdfbase.pdfdoc import PDFStreamFilterZCompress

    if getattr(PDFStreamFilterZCompress.encode, "remembers", False):
        return
    original = PDFStreamFilterZCompress.encode
    remembered = functools.lru_cache(maxsize=KEPT)(zlib.compress)

    def encode(self: Any, text: str | bytes) -> bytes:
        if isinstance(text, str):
            text = text.encode("utf8")
        return zlib.compress(text) if len(text) < LARGE else remembered(text)

    encode.remembers = True  # type: ignore[attr-defined]
    encode.original = original  # type: ignore[attr-defined]
    PDFStreamFilterZCompress.encode = encode
