"""Print choices as data: page ranges checked against the document, and the lp options they become."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefer.printing.errors import PageRangeError, PrintError
from briefer.printing.options import (
    Duplex,
    PrintOptions,
    check_copies,
    format_ranges,
    lp_options,
    pages_printed,
    parse_pages,
)
from briefer.tailor.recipe import PageSize


def test_page_ranges_parse_into_pairs() -> None:
    assert parse_pages("1-3,5", 21, "office") == ((1, 3), (5, 5))
    assert parse_pages(" 2 - 4 , 7- ", 9, "office") == ((2, 4), (7, 9))
    assert parse_pages("", 21, "office") == ()
    assert parse_pages("21", 21, "office") == ((21, 21),)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("0", "pages count from 1"),
        ("3-1", "'3-1' runs backwards"),
        ("22", "page 22 is past the end (the document has 21 pages)"),
        ("20-25", "page 25 is past the end"),
        ("30-", "page 30 is past the end"),
        ("one", "'one' is not a page or range like 1-3"),
        ("1-3-5", "'1-3-5' is not a page or range"),
        (",", "give pages like 1-3,5"),
    ],
)
def test_a_bad_page_range_names_the_range_and_the_printer(text: str, says: str) -> None:
    with pytest.raises(PageRangeError) as caught:
        parse_pages(text, 21, "office")
    assert str(caught.value).startswith(f"cannot print pages {text!r} on office: ")
    assert says in str(caught.value)


@given(st.lists(st.tuples(st.integers(1, 40), st.integers(0, 5)), max_size=6))
def test_formatted_ranges_parse_back_to_themselves(pairs: list[tuple[int, int]]) -> None:
    ranges = tuple((first, min(40, first + extra)) for first, extra in pairs)
    assert parse_pages(format_ranges(ranges), 40, "office") == ranges
    assert pages_printed(ranges, 40) == (sum(b - a + 1 for a, b in ranges) if ranges else 40)


def test_copies_are_checked() -> None:
    check_copies(1, "office")
    for bad in (0, -2, 1000):
        with pytest.raises(PrintError, match=f"cannot print {bad} copies on office: give 1 to 999"):
            check_copies(bad, "office")


def test_the_defaults_send_only_the_copies_and_the_title() -> None:
    assert lp_options(PrintOptions(title="brief"), (), None, None) == ["-n", "1", "-t", "brief"]


def test_every_choice_becomes_an_ipp_option() -> None:
    options = PrintOptions(copies=3, collate=False, duplex=Duplex.SHORT, grayscale=True, title="handout")
    args = lp_options(options, ((1, 3), (5, 5)), PageSize.LETTER, ("ColorModel", "Gray"))
    assert args[:4] == ["-n", "3", "-t", "handout"]
    assert args[4::2] == ["-o"] * 6
    assert args[5::2] == [
        "collate=false",
        "page-ranges=1-3,5",
        "sides=two-sided-short-edge",
        "media=na_letter_8.5x11in",
        "print-color-mode=monochrome",
        "ColorModel=Gray",
    ]


def test_duplex_names_the_ipp_sides() -> None:
    assert {d.value: d.sides for d in Duplex} == {
        "long": "two-sided-long-edge",
        "short": "two-sided-short-edge",
        "none": "one-sided",
    }
    assert lp_options(PrintOptions(duplex=Duplex.NONE), (), PageSize.A4, None)[-3:] == [
        "sides=one-sided",
        "-o",
        "media=iso_a4_210x297mm",
    ]
