"""Booklet imposition: saddle-stitch order, padding to four, two-up placement read back by position."""

from __future__ import annotations

import io
import math

import pdfplumber
import pytest
from reportlab.lib.pagesizes import A4, LETTER

from briefer.batch.impose import Side, impose_booklet, padded_count, saddle_order

from .pdfs import numbered_pdf


def test_saddle_order_for_eight_pages():
    assert saddle_order(8) == [(Side(8, 1), Side(2, 7)), (Side(6, 3), Side(4, 5))]


@pytest.mark.parametrize("pages", [4, 8, 12, 16, 40])
def test_saddle_order_uses_every_page_once_and_facing_pages_sum_to_n_plus_1(pages):
    sides = [side for sheet in saddle_order(pages) for side in sheet]
    numbers = [n for side in sides for n in (side.left, side.right)]
    assert sorted(numbers) == list(range(1, pages + 1))
    assert all(side.left + side.right == pages + 1 for side in sides)


def test_padding_and_bad_counts():
    assert [padded_count(n) for n in (1, 4, 5, 8, 10, 13)] == [4, 4, 8, 8, 12, 16]
    with pytest.raises(ValueError):
        saddle_order(10)


def halves(pdf: bytes) -> list[tuple[str, str]]:
    """(left text, right text) of every sheet side, read back by cropping at the middle."""
    out = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            mid = page.width / 2
            left = page.crop((0, 0, mid, page.height)).extract_text().strip()
            right = page.crop((mid, 0, page.width, page.height)).extract_text().strip()
            out.append((left, right))
    return out


def test_eight_page_booklet_reads_in_fold_order():
    booklet = impose_booklet(numbered_pdf(8))
    assert (booklet.pages, booklet.blanks, booklet.sheets) == (8, 0, 2)
    assert halves(booklet.pdf) == [("P8", "P1"), ("P2", "P7"), ("P6", "P3"), ("P4", "P5")]


def test_ten_pages_are_padded_with_blanks_at_the_end():
    booklet = impose_booklet(numbered_pdf(10))
    assert (booklet.pages, booklet.blanks, booklet.sheets) == (10, 2, 3)
    # pages 11 and 12 are blank: they fall inside the back cover
    assert halves(booklet.pdf) == [
        ("", "P1"),
        ("P2", ""),
        ("P10", "P3"),
        ("P4", "P9"),
        ("P8", "P5"),
        ("P6", "P7"),
    ]


def test_a4_pages_become_a5_on_landscape_a4_sheets():
    booklet = impose_booklet(numbered_pdf(4))
    assert booklet.scale == pytest.approx(1 / math.sqrt(2), rel=1e-4)  # A4 is 1:√2 to the point
    with pdfplumber.open(io.BytesIO(booklet.pdf)) as doc:
        page = doc.pages[0]
        assert (page.width, page.height) == pytest.approx((A4[1], A4[0]))
        [left_word] = [w for w in page.extract_words() if w["text"] == "P4"]
        # the page's centre lands in the centre of the left half
        assert (left_word["x0"] + left_word["x1"]) / 2 == pytest.approx(A4[1] / 4, abs=2)


def test_letter_pages_become_half_letter_on_landscape_letter_sheets():
    booklet = impose_booklet(numbered_pdf(4, LETTER))
    with pdfplumber.open(io.BytesIO(booklet.pdf)) as doc:
        page = doc.pages[0]
        assert (page.width, page.height) == pytest.approx((LETTER[1], LETTER[0]))
    assert booklet.scale == pytest.approx((LETTER[1] / 2) / LETTER[0])
    assert halves(booklet.pdf)[0] == ("P4", "P1")
