"""Safe, unique file names for batch outputs: ASCII slugs that every OS accepts.

Pure functions; imports only the standard library.
"""

from __future__ import annotations

import re
import unicodedata

MAX_STEM = 80  # leaves room for a folder path and ".pdf" under Windows' 260-character limit

# Letters that Unicode does not decompose into an ASCII base letter, and the Cyrillic and
# Greek alphabets, so that "Łódź" and "Олена" give readable names instead of nothing.
_TRANSLIT = {
    "ł": "l",
    "Ł": "L",
    "ø": "o",
    "Ø": "O",
    "æ": "ae",
    "Æ": "AE",
    "œ": "oe",
    "Œ": "OE",
    "ß": "ss",
    "đ": "d",
    "Đ": "D",
    "ð": "d",
    "Ð": "D",
    "þ": "th",
    "Þ": "Th",
    "ı": "i",
    "ħ": "h",
    "Ħ": "H",
    "ŋ": "ng",
    "Ŋ": "NG",
    "ĸ": "k",
    "ſ": "s",
}
_CYRILLIC = dict(
    zip(
        "абвгґдеєёжзиіїйклмнопрстуфхцчшщъыьэюяў",
        "a b v g g d e ie io zh z y i i i k l m n o p r s t u f kh ts ch sh shch - y - e iu ia u".split(),
        strict=True,
    )
)
_GREEK = dict(
    zip(
        "αβγδεζηθικλμνξοπρσςτυφχψω",
        "a v g d e z i th i k l m n x o p r s s t y f ch ps o".split(),
        strict=True,
    )
)
for _table in (_CYRILLIC, _GREEK):
    for _letter, _latin in list(_table.items()):
        _TRANSLIT[_letter] = "" if _latin == "-" else _latin
        _TRANSLIT[_letter.upper()] = "" if _latin == "-" else _latin.capitalize()

# Windows refuses these as file names whatever the extension ("con.pdf", "lpt1.pdf").
_RESERVED = {"con", "prn", "aux", "nul", "conin$", "conout$"} | {
    f"{kind}{n}" for kind in ("com", "lpt") for n in [*"123456789", "¹", "²", "³"]
}
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def transliterate(text: str) -> str:
    """Text in ASCII letters where a readable equivalent exists; other characters stay."""
    # accents off first, so "ή" and "й" find their base letters in the table
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return "".join(_TRANSLIT.get(ch, ch) for ch in bare)


def safe_name(text: str, fallback: str = "file", max_length: int = MAX_STEM) -> str:
    """An ASCII slug of `text` ([a-z0-9] words joined by '-'), never empty, never reserved.

    `fallback` is used when nothing of `text` survives (e.g. text in a script without a
    transliteration); it is slugged too, so any fallback is safe.
    """
    if max_length < 8:
        raise ValueError("max_length must be at least 8")
    slug = _NOT_SLUG.sub("-", transliterate(text).lower()).strip("-")
    if not slug:
        slug = _NOT_SLUG.sub("-", transliterate(fallback).lower()).strip("-") or "file"
    if len(slug) > max_length:
        cut = slug[:max_length]
        # cut at a word boundary when that keeps most of the name
        if "-" in cut[max_length // 2 :]:
            cut = cut[: cut.rindex("-")]
        slug = cut.strip("-")
    if slug in _RESERVED:
        slug = f"{slug}-file"
    return slug


class NameAllocator:
    """Hands out unique stems: a second "finland" becomes "finland-2" (case-insensitively)."""

    def __init__(self, max_length: int = MAX_STEM) -> None:
        self.max_length = max_length
        self._taken: set[str] = set()

    def take(self, text: str, fallback: str = "file") -> str:
        stem = safe_name(text, fallback, self.max_length)
        candidate, n = stem, 1
        while candidate.casefold() in self._taken:
            n += 1
            tail = f"-{n}"
            candidate = stem[: self.max_length - len(tail)].rstrip("-") + tail
        self._taken.add(candidate.casefold())
        return candidate

    def reserve(self, stem: str) -> None:
        """Mark a stem as used (e.g. the combined file's), so no other output takes it."""
        self._taken.add(stem.casefold())
