"""Markup parsed once per process must never leak one paragraph's details into another's."""

from __future__ import annotations

import hashlib
import subprocess
import sys

from reportlab.lib.styles import ParagraphStyle

from briefer.build import build_bytes
from briefer.content.model import Report
from briefer.render.fonts import register_fonts
from briefer.render.paragraph import Paragraph
from briefer.tailor.recipe import Recipe

from ..conftest import ROOT


def test_same_markup_keeps_each_paragraphs_own_bullet_and_fragments() -> None:
    style = ParagraphStyle("t", fontName=register_fonts().serif.regular, fontSize=10)
    first = Paragraph("Ibid., <i>p. 4</i>.", style, bulletText="7")
    second = Paragraph("Ibid., <i>p. 4</i>.", style, bulletText="9")
    assert (first.bulletText, second.bulletText) == ("7", "9")
    assert first.frags is not second.frags and first.frags[0] is not second.frags[0]
    first.frags[0].text = "changed"
    third = Paragraph("Ibid., <i>p. 4</i>.", style)
    assert third.frags[0].text == "Ibid., " and third.bulletText is None


RECIPES = [
    Recipe(audience="media", sections=("self-destruct", "military-utility")),
    Recipe(audience="defence", countries=("FI", "UA"), page_size="letter", large_print=True),
    Recipe(countries=("LT",), notes="end", citations="see-note", grayscale=True),
]


def test_rebuilds_in_one_process_equal_a_fresh_process(report: Report) -> None:
    warm = []
    for recipe in RECIPES + RECIPES:  # the second round takes every paragraph from the cache
        warm.append(hashlib.sha256(build_bytes(report, recipe)).hexdigest())
    assert warm[:3] == warm[3:]
    code = (
        "import hashlib; from briefer.build import build_bytes; from briefer.content.load import load_report;"
        "from briefer.tailor.recipe_file import parse_recipe; import sys;"
        "print(hashlib.sha256(build_bytes(load_report(), parse_recipe(sys.stdin.read()))).hexdigest())"
    )
    from briefer.tailor.recipe_file import dump_recipe

    for recipe, digest in zip(RECIPES, warm, strict=False):
        fresh = subprocess.run(
            [sys.executable, "-c", code], input=dump_recipe(recipe), capture_output=True, text=True, cwd=ROOT
        )
        assert fresh.stdout.strip() == digest, fresh.stderr
