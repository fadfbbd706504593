"""Make NotoSansCJK-Names.ttf: the Chinese, Japanese and Korean characters people's names and
places are written with, from Debian's fonts-noto-cjk, as TrueType outlines ReportLab can embed.

ReportLab embeds TrueType (glyf) outlines only; Noto Sans CJK is OpenType/CFF. So the SC face
is subset to the characters below, then each glyph's cubic outlines are turned into quadratic
ones (fontTools' cu2qu). Run from the repository root (needs fontTools and the Debian package):

    apt-get install fonts-noto-cjk && pip install fonttools
    python tools/make_cjk_subset.py

Characters: CJK symbols and punctuation, kana, fullwidth forms, the 2,350 Hangul syllables of
KS X 1001, and the Han characters of GB 2312 (6,763), Big5 level 1 (5,401) and JIS X 0208
(6,355): 10,269 Han characters together, enough for the names of nearly everyone.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
FACE = 2  # Noto Sans CJK SC
TARGET = Path(__file__).resolve().parents[1] / "assets" / "fonts" / "NotoSansCJK-Names.ttf"
RANGES = [
    (0x0020, 0x0020),
    (0x3000, 0x303F),
    (0x3040, 0x309F),
    (0x30A0, 0x30FF),
    (0x31F0, 0x31FF),
    (0x3130, 0x318F),
    (0xFF00, 0xFFEF),
]
# (codec, lead bytes, trail bytes) of the double-byte character sets whose Han and Hangul are taken
CHARSETS = [
    ("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF)),
    ("big5", range(0xA4, 0xC7), range(0x40, 0xFF)),
    ("euc_jp", range(0xB0, 0xF5), range(0xA1, 0xFF)),
    ("euc_kr", range(0xB0, 0xC9), range(0xA1, 0xFF)),
]


def wanted() -> set[int]:
    codes = {c for low, high in RANGES for c in range(low, high + 1)}
    for codec, leads, trails in CHARSETS:
        for lead in leads:
            for trail in trails:
                try:
                    char = bytes([lead, trail]).decode(codec)
                except UnicodeDecodeError:
                    continue
                code = ord(char) if len(char) == 1 else 0
                if 0x4E00 <= code <= 0x9FFF or 0xAC00 <= code <= 0xD7A3:
                    codes.add(code)
    return codes


def to_truetype(font: TTFont) -> None:
    """Replace the CFF table by glyf/loca with the same glyphs, in quadratic curves."""
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    outlines = {}
    for name in order:
        pen = TTGlyphPen(None)
        glyphs[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        outlines[name] = pen.glyph()
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = outlines
    font["loca"] = newTable("loca")
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    font["maxp"].tableVersion = 0x00010000
    for key in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs"):
        setattr(font["maxp"], key, 1 if key == "maxZones" else 0)
    for key in ("maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(font["maxp"], key, 0)
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0  # no glyph names: 10,000 of them would double the size
    font.sfntVersion = "\x00\x01\x00\x00"
    font["glyf"].compile(font)  # computes bounding boxes
    font["maxp"].recalc(font)


def main() -> int:
    font = TTFont(SOURCE, fontNumber=FACE, lazy=False)
    options = subset.Options()
    options.layout_features = []  # no shaping here: vertical forms and the like are not used
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted())
    subsetter.subset(font)
    to_truetype(font)
    for record in font["name"].names:  # a subset of a font with no Reserved Font Name may keep it
        if record.nameID in (1, 4, 16):
            record.string = str(record.toUnicode()).replace("Noto Sans CJK SC", "Noto Sans CJK Names")
    font.save(TARGET)
    print(f"{TARGET.name}: {len(font.getGlyphOrder())} glyphs, {TARGET.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
