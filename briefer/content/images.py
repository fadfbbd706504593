"""A figure's image: read as input is read (a regular file, at most MAX_IMAGE_BYTES), its kind
and size in pixels from its header, and a digest of its bytes; enough to check a figure, size it
and notice when it changes.

Standard library and briefer.inputs only; the image itself is decoded by the renderer.
"""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass
from pathlib import Path

from briefer.inputs import MB, InputError, read_input

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_HEADER = 1 << 20  # a JPEG's size marker may follow its metadata; no real one needs more
MAX_IMAGE_BYTES = 25 * MB  # a report's chart or photograph is far smaller
# Pillow's own limit (PIL.Image.MAX_IMAGE_PIXELS): above it Pillow suspects a decompression bomb,
# a small file that would decode to gigabytes. Refused here, with its place, before Pillow sees it.
MAX_PIXELS = 89_478_485


class ImageError(ValueError):
    """Not a PNG or JPEG this renderer can read, with the reason in words."""


@dataclass(frozen=True, slots=True)
class ImageFacts:
    kind: str  # "png" or "jpeg"
    pixels: tuple[int, int]  # width, height
    digest: str  # SHA-256 of the file's bytes, in hex


def read_image(path: Path) -> ImageFacts:
    """The image's kind, size and digest; ImageError saying why it cannot be a figure."""
    try:
        data = read_input(path, MAX_IMAGE_BYTES, "the image")
    except InputError as exc:
        raise ImageError(str(exc)) from exc
    kind, pixels = image_size(data)
    width, height = pixels
    if width * height > MAX_PIXELS:
        raise ImageError(
            f"it is {width:,} × {height:,} pixels, more than the {MAX_PIXELS:,} an image may have "
            "(it would take gigabytes to decode); use a smaller image"
        )
    return ImageFacts(kind, pixels, hashlib.sha256(data).hexdigest())


def image_size(data: bytes) -> tuple[str, tuple[int, int]]:
    """('png' or 'jpeg', (width, height) in pixels), from the image's first bytes."""
    head = data[:MAX_HEADER]
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
