"""Which characters a brief can print, and the message for those it cannot.

Read from the fonts' coverage.txt (the fonts' characters, kept true by a test), so content,
recipes and recipients lists are checked without loading a font. Standard library only.
"""

from __future__ import annotations

import bisect
import functools
import unicodedata

from briefer.content.resources import font_dir, require_files

COVERAGE = font_dir() / "coverage.txt"
SHOWN = 5  # characters named in one message


@functools.cache
def _ranges() -> tuple[list[int], list[int]]:
    """The fonts' characters as sorted (first, last) code point ranges, read once a process.

    Looked up by bisection rather than compiled into one regular expression: the table has
    thousands of ranges, and compiling them took longer than a one-section build's layout.
    """
    require_files([COVERAGE], "the fonts briefs are set in")
    firsts: list[int] = []
    lasts: list[int] = []
    for line in COVERAGE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            low, _, high = line.partition("-")
            firsts.append(int(low, 16))
            lasts.append(int(high or low, 16))
    return firsts, lasts


def _prints(char: str) -> bool:
    """Whether some font has `char`; tabs and line breaks are never printed, so they never count."""
    if " " <= char <= "~" or char in "\t\n\r":
        return True
    firsts, lasts = _ranges()
    code = ord(char)
    at = bisect.bisect_right(firsts, code) - 1
    return at >= 0 and code <= lasts[at]


def unprintable(text: str) -> str:
    """'' when every character prints; else what cannot, and why, for a message."""
    found = [char for char in dict.fromkeys(text) if not _prints(char)]
    if not found:
        return ""
    shown = ", ".join(_describe(char) for char in found[:SHOWN])
    more = f" and {len(found) - SHOWN} more" if len(found) > SHOWN else ""
    return f"cannot print {shown}{more}: {_why(found)}"


def _describe(char: str) -> str:
    if unicodedata.category(char) == "Cc":
        return f"U+{ord(char):04X} (a control character)"
    name = unicodedata.name(char, "")
    return f"“{char}” (U+{ord(char):04X}{' ' + name if name else ''})"


def _why(chars: list[str]) -> str:
    if any(unicodedata.bidirectional(c) in ("R", "AL") for c in chars):
        return (
            "right-to-left scripts such as Arabic and Hebrew need joined letters and right-to-left "
            "lines, which briefer's PDF library cannot set yet, and printing them left to right would "
            "misspell them; write the name in Latin letters for now"
        )
    if any(unicodedata.category(c) == "Cc" for c in chars):
        return "control characters are not text; remove them"
    if any(unicodedata.category(c) == "So" or ord(c) >= 0x1F000 for c in chars):
        return "briefer's fonts have no emoji or pictographs; use words"
    return "briefer's fonts (Noto Serif, Noto Sans and Noto Sans CJK for names) do not have them"
