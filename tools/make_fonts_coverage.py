"""Write coverage.txt: the characters briefer's fonts print, as ranges of code points.

Every face of Noto Serif and Noto Sans (a character prints only if all eight have it), plus
the Chinese, Japanese and Korean fallback. briefer.content.printable reads the file, so content
and recipes are checked without loading a font; tests/render/test_coverage.py keeps it true.
Run from the repository root after changing a font: python tools/make_fonts_coverage.py
"""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase.ttfonts import TTFont

FOLDER = Path(__file__).resolve().parents[1] / "assets" / "fonts"
FACES = [
    f"Noto{family}-{face}.ttf" for family in ("Serif", "Sans") for face in ("Regular", "Italic", "Bold", "BoldItalic")
]
FALLBACK = "NotoSansCJK-Names.ttf"


def covered() -> set[int]:
    faces = [set(TTFont(name, str(FOLDER / name)).face.charToGlyph) for name in FACES]
    return set.intersection(*faces) | set(TTFont(FALLBACK, str(FOLDER / FALLBACK)).face.charToGlyph)


def ranges(codes: set[int]) -> list[str]:
    out: list[str] = []
    ordered = sorted(c for c in codes if c >= 0x20)
    start = previous = ordered[0]
    for code in [*ordered[1:], -1]:
        if code != previous + 1:
            out.append(f"{start:04X}" if start == previous else f"{start:04X}-{previous:04X}")
            start = code
        previous = code
    return out


def text() -> str:
    lines = "\n".join(ranges(covered()))
    return f"# the characters briefer's fonts print (made by tools/make_fonts_coverage.py; do not edit)\n{lines}\n"


if __name__ == "__main__":
    (FOLDER / "coverage.txt").write_text(text(), encoding="utf-8")
