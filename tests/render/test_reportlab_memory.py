"""Remembering ReportLab's number formats and compressed streams leaves every byte of a brief as it was."""

from __future__ import annotations

import sys

import pytest
from reportlab.lib import rl_accel

import briefer.render  # noqa: F401  (installs the remembering fp_str)
from briefer.build import build_bytes
from briefer.tailor.recipe import PageSize, Recipe


def _modules_with(function):
    return [
        m for n, m in list(sys.modules.items()) if n.startswith("reportlab") and getattr(m, "fp_str", None) is function
    ]


@pytest.mark.parametrize(
    "recipe",
    [Recipe(audience="parliamentarians", countries=("FI", "UA")), Recipe(page_size=PageSize.LETTER, large_print=True)],
    ids=["whole-report", "letter-large-print"],
)
def test_a_brief_is_the_same_bytes_with_reportlabs_own_formatting(report, recipe):
    with_ours = build_bytes(report, recipe)  # a renderer imported: ReportLab is set up our way
    ours = rl_accel.fp_str
    assert ours.remembers
    modules = _modules_with(ours)
    assert len(modules) >= 6  # the canvas, text and path objects, the PDF writer, fonts, tables…
    try:
        for module in modules:
            module.fp_str = ours.original
        plain = build_bytes(report, recipe)
    finally:
        for module in modules:
            module.fp_str = ours
    assert with_ours == plain


def test_single_numbers_and_sequences_format_as_reportlab_formats_them():
    import briefer.render.pdf  # noqa: F401

    ours = rl_accel.fp_str
    for number in (0, 1, 1.0, -2.5, 1e-8, 123456.789, 0.1 + 0.2, 595.2756, -0.0, 7, True, 10**7):
        assert ours(number) == ours.original(number), number
        assert ours(number) == ours.original(number), number  # remembered
    assert ours(1, 2.5) == ours.original(1, 2.5)
    assert ours([1, 2.5]) == ours.original([1, 2.5])


def test_a_brief_is_the_same_bytes_with_reportlabs_own_compression(report):
    from reportlab.pdfbase.pdfdoc import PDFStreamFilterZCompress

    recipe = Recipe(audience="defence", countries=("LT",))
    first = build_bytes(report, recipe)
    again = build_bytes(report, recipe)  # the fonts' compressed streams come from memory now
    ours = PDFStreamFilterZCompress.encode
    assert ours.remembers
    try:
        PDFStreamFilterZCompress.encode = ours.original
        plain = build_bytes(report, recipe)
    finally:
        PDFStreamFilterZCompress.encode = ours
    assert first == again == plain
