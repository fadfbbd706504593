"""Colour contrast as WCAG 2 defines it, and the choice of a text colour that meets 4.5:1.

Pure arithmetic on (red, green, blue) in 0–255; the status bar and the batch dialog pick their
warning and error colours with it from the palette actually in use (light or dark).
"""

from __future__ import annotations

from collections.abc import Sequence

RGB = tuple[int, int, int]
TEXT_CONTRAST = 4.5  # WCAG 2 AA for normal text

# warning (orange) and error (red) text, darkest first: the first that reads on the background wins
WARNING_COLOURS: tuple[RGB, ...] = ((0x8A, 0x3B, 0x08), (0xA0, 0x46, 0x0A), (0xF0, 0x9A, 0x3E), (0xFF, 0xC0, 0x7A))
ERROR_COLOURS: tuple[RGB, ...] = ((0xB0, 0x00, 0x20), (0x8B, 0x00, 0x18), (0xFF, 0x7B, 0x8A), (0xFF, 0xA8, 0xB2))


def luminance(colour: RGB) -> float:
    """Relative luminance (0 black … 1 white)."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(v) for v in colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: RGB, second: RGB) -> float:
    """The contrast ratio, 1 (none) to 21 (black on white)."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable(candidates: Sequence[RGB], background: RGB, fallback: RGB) -> RGB:
    """The first candidate with 4.5:1 on `background`; the best of them if none, or `fallback`
    (the palette's own text colour) when even the best falls short."""
    for colour in candidates:
        if contrast(colour, background) >= TEXT_CONTRAST:
            return colour
    best = max(candidates, key=lambda c: contrast(c, background))
    return best if contrast(best, background) >= contrast(fallback, background) else fallback
