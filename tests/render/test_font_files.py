"""Fonts read back from briefer's cache set a brief byte for byte as fonts parsed from their files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from briefer import cache

BUILD = [
    sys.executable,
    "-m",
    "briefer",
    "build",
    "--sections",
    "introduction",
    "--prepared-for",
    "王小明, Łukasz Wójcik, Олена Ковальчук",
    "-o",
]


def build(out: Path, **env: str) -> bytes:
    done = subprocess.run([*BUILD, str(out)], env={**os.environ, **env}, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return out.read_bytes()


def test_a_brief_set_with_cached_fonts_is_the_same_file(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    parsed = build(tmp_path / "parsed.pdf", **{cache.OFF_ENV: "1"})
    filled = build(tmp_path / "filled.pdf", **{cache.DIR_ENV: str(folder)})
    assert len(list(folder.glob("fonts-*.pickle"))) == 2  # the text faces, and the fallback for the name
    from_cache = build(tmp_path / "cached.pdf", **{cache.DIR_ENV: str(folder)})
    assert parsed == filled == from_cache


def test_a_changed_font_file_is_parsed_again(tmp_path: Path, monkeypatch) -> None:
    """The key holds the file's size and times: a font replaced in place is never taken from the cache."""
    from reportlab.pdfbase.ttfonts import TTFont

    from briefer.render.font_files import load_fonts
    from briefer.render.fonts import FONT_DIR

    monkeypatch.setenv(cache.DIR_ENV, str(tmp_path / "cache"))
    monkeypatch.delenv(cache.OFF_ENV, raising=False)
    path = tmp_path / "face.ttf"
    path.write_bytes((FONT_DIR / "NotoSans-Regular.ttf").read_bytes())
    (first,) = load_fonts(TTFont, [("Face", path)])
    path.write_bytes((FONT_DIR / "NotoSerif-Regular.ttf").read_bytes())
    (second,) = load_fonts(TTFont, [("Face", path)])
    (again,) = load_fonts(TTFont, [("Face", path)])
    assert first.face.familyName != second.face.familyName == again.face.familyName
    assert (
        second.stringWidth("Wójcik", 10)
        == again.stringWidth("Wójcik", 10)
        == TTFont("X", str(path)).stringWidth("Wójcik", 10)
    )
