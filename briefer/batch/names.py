"""Safe, unique file names for batch outputs: slugs of letters and digits that every OS accepts.

Latin, Greek and Cyrillic become ASCII ("Łódź" -> "lodz"); scripts without a transliteration
here (Chinese, Japanese, Korean…) keep their letters as written, so 王小明's copy is
"…-王小明.pdf", never "…-recipient-1.pdf". Pure functions; imports only the standard library.
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
_NOT_SLUG = re.compile(r"[\W_]+")  # anything but a letter or digit, of any script
MAX_BYTES = 200  # UTF-8 bytes of a stem: file names may have 255, and ".pdf" and a suffix follow


def transliterate(text: str) -> str:
    """Text in ASCII letters where a readable equivalent exists; other characters stay as written."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        # accents off first, so "ή" and "й" find their base letters in the table; a character
        # with no ASCII equivalent keeps its marks ("が" stays "が", not "か")
        bare = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        ascii_form = "".join(_TRANSLIT.get(c, c) for c in bare)
        out.append(ascii_form if ascii_form.isascii() else char)
    return "".join(out)


def _slug(text: str) -> str:
    return _NOT_SLUG.sub("-", transliterate(text).lower()).strip("-")


def safe_name(text: str, fallback: str = "file", max_length: int = MAX_STEM) -> str:
    """A slug of `text` (lower-case words of letters and digits joined by '-'), never empty,
    never reserved, at most `max_length` characters and MAX_BYTES bytes.

    `fallback` is used when nothing of `text` survives (punctuation alone); it is slugged too,
    so any fallback is safe.
    """
    if max_length < 8:
        raise ValueError("max_length must be at least 8")
    slug = _slug(text) or _slug(fallback) or "file"
    if len(slug) > max_length or len(slug.encode("utf-8")) > MAX_BYTES:
        cut = slug[:max_length]
        while len(cut.encode("utf-8")) > MAX_BYTES:
            cut = cut[:-1]
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
