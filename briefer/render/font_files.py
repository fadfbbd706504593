"""TrueType files read into ReportLab fonts: parsed once, then read back from briefer's cache.

Parsing the eight text faces (their character maps, widths and glyph offsets) is a good part of
a one-section build's cost; unpickling the tables ReportLab parsed is a few milliseconds. The key
is each file's path, size, times and inode, ReportLab's and Python's versions: a new font file
or a new ReportLab parses again. The font file's bytes are always read from the file itself.
Imports ReportLab and briefer.cache only.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

import reportlab
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from briefer.cache import file_name, read, write

FORMAT = 1  # of what is stored: raise it when what is kept of a font changes
Font = TypeVar("Font", bound=TTFont)
# not stored: the file's bytes (read again), the scale function and the per-document state (rebuilt)
_FACE_SKIPPED = ("_ttf_data", "_pdfScale")
_FONT_SKIPPED = ("face", "state")


def load_fonts(kind: type[Font], fonts: Sequence[tuple[str, Path]]) -> list[Font]:
    """`kind(name, path)` for each (name, path), its parsed tables from the cache when unchanged."""
    try:
        key = (FORMAT, reportlab.Version, sys.version, tuple(_stats(path) for _, path in fonts))
    except OSError:
        return [kind(name, str(path)) for name, path in fonts]
    cache_name = file_name("fonts", "\n".join(str(path) for _, path in fonts))
    stored = read(cache_name, key)
    if isinstance(stored, list) and len(stored) == len(fonts):
        return [_restored(kind, path, tables) for (_, path), tables in zip(fonts, stored, strict=True)]
    made = [kind(name, str(path)) for name, path in fonts]
    write(cache_name, key, [_tables(font) for font in made])
    return made


def _stats(path: Path) -> tuple[str, int, int, int, int]:
    info = path.stat()
    return (str(path), info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


def _tables(font: TTFont) -> tuple[dict[str, Any], dict[str, Any]]:
    """What ReportLab parsed from the file: the face's attributes and the font's own."""
    face = {k: v for k, v in vars(font.face).items() if k not in _FACE_SKIPPED}
    own = {k: v for k, v in vars(font).items() if k not in _FONT_SKIPPED}
    return face, own


def _restored(kind: type[Font], path: Path, tables: tuple[dict[str, Any], dict[str, Any]]) -> Font:
    """The font as `kind(name, path)` built it, from its stored attributes and the file's bytes."""
    face_attributes, own = tables
    face = TTFontFace.__new__(TTFontFace)
    face.__dict__.update(face_attributes)
    face._ttf_data = path.read_bytes()
    face._pdfScale = _scale(face.unitsPerEm)
    font: Font = object.__new__(kind)
    font.__dict__.update(own)
    font.face = face
    font.state = WeakKeyDictionary()
    return font


def _scale(units_per_em: int) -> Callable[[float], float]:
    """Glyph units to PDF units, the same arithmetic as ReportLab's TTFontFile.extractInfo."""
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor
