"""The fallback font for Chinese, Japanese and Korean names, and the coverage table that checks text."""

from __future__ import annotations

import runpy

import pdfplumber

from briefer.build import build_bytes
from briefer.content.model import Report
from briefer.content.printable import COVERAGE, unprintable
from briefer.tailor.recipe import PreparedFor, Recipe
from tests.conftest import ROOT

from .readback import read_back


def test_the_coverage_table_is_the_fonts() -> None:
    made = runpy.run_path(str(ROOT / "tools" / "make_fonts_coverage.py"))["text"]()
    assert COVERAGE.read_text(encoding="utf-8") == made, "run python tools/make_fonts_coverage.py"


def test_names_in_chinese_japanese_and_korean_print_in_the_fallback_font(mini_report: Report, tmp_path) -> None:
    name = "王小明 (Wang Xiaoming), 김민준, さくら"
    pdf = build_bytes(mini_report, Recipe(prepared_for=PreparedFor(recipient=name), watermark="草稿"))
    doc = read_back(pdf)
    assert name in doc.text(1)  # the cover
    path = tmp_path / "brief.pdf"
    path.write_bytes(pdf)
    with pdfplumber.open(path) as plumber:
        fonts = {char["fontname"].split("+")[-1] for char in plumber.pages[0].chars if char["text"] in name}
        footer = [c["fontname"] for c in plumber.pages[-1].chars if c["text"] == "王"]
    assert "NotoSansCJKsc-Regular" in fonts and footer  # on the cover, and in the footer of the last page


def test_text_no_font_has_is_named_with_the_reason() -> None:
    assert unprintable("王小明 Łódź Олена Αθήνα") == ""
    assert "U+0645 ARABIC LETTER MEEM" in unprintable("محمد") and "right-to-left" in unprintable("محمد")
    assert "right-to-left" in unprintable("שלום")
    assert "no emoji" in unprintable("Ship it 🚀")
    assert "control character" in unprintable("bell\x07")
    assert unprintable("tab\tand\nline") == ""  # never printed as such: they become spaces
