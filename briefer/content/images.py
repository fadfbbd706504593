"""The size of a PNG or JPEG image, read from its header: enough to check a figure and size it.

Standard library only; the image itself is decoded by the renderer.
"""

from __future__ import annotations

import struct
from pathlib import Path

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_HEADER = 1 << 20  # a JPEG's size marker may follow its metadata; no real one needs more


class ImageError(ValueError):
    """Not a PNG or JPEG this renderer can read, with the reason in words."""


def image_size(path: Path) -> tuple[str, tuple[int, int]]:
    """('png' or 'jpeg', (width, height) in pixels)."""
    try:
        with path.open("rb") as file:
            head = file.read(MAX_HEADER)
    except OSError as exc:
        raise ImageError(f"cannot read the image: {exc.strerror}") from exc
    if head.startswith(PNG_SIGNATURE):
        return "png", _png_size(head)
    if head.startswith(b"\xff\xd8"):
        return "jpeg", _jpeg_size(head)
    raise ImageError("not a PNG or JPEG image")


def _png_size(head: bytes) -> tuple[int, int]:
    if len(head) < 24 or head[12:16] != b"IHDR":
        raise ImageError("a damaged PNG image (no IHDR header)")
    width, height = struct.unpack(">II", head[16:24])
    if not width or not height:
        raise ImageError("a PNG image of no size")
    return width, height


# start-of-frame markers: every SOFn except DHT (C4), JPG (C8) and DAC (CC)
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg_size(head: bytes) -> tuple[int, int]:
    at = 2
    while at + 4 <= len(head):
        if head[at] != 0xFF:
            raise ImageError("a damaged JPEG image")
        marker = head[at + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            at += 2
            continue
        (length,) = struct.unpack(">H", head[at + 2 : at + 4])
        if marker in _SOF:
            if at + 9 > len(head):
                break
            height, width = struct.unpack(">HH", head[at + 5 : at + 9])
            if not width or not height:
                raise ImageError("a JPEG image of no size")
            return width, height
        if marker == 0xD9 or length < 2:
            break
        at += 2 + length
    raise ImageError("a damaged JPEG image (no size found)")
