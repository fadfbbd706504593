"""Joining copies into one print file: each starts on an odd page, each has its bookmark."""

from __future__ import annotations

import io

from pypdf import PdfReader

from briefer.batch.combine import combine_copies, copy_starts

from .pdfs import numbered_pdf


def test_every_copy_starts_on_an_odd_page_with_blanks_between():
    counts = [3, 4, 1, 5, 2]
    copies = [(f"Copy {i}", numbered_pdf(n, prefix=f"C{i}-", outline=True)) for i, n in enumerate(counts)]
    reader = PdfReader(io.BytesIO(combine_copies(copies)))
    texts = [page.extract_text().strip() for page in reader.pages]
    starts = copy_starts(counts)
    assert starts == [1, 5, 9, 11, 17]
    assert all(start % 2 == 1 for start in starts)
    for i, start in enumerate(starts):
        assert texts[start - 1] == f"C{i}-1"
    assert texts[3] == "" and texts[9] == ""  # blank backs after the 3- and 1-page copies
    assert len(reader.pages) == 18  # the last copy needs no blank after it


def test_each_copy_has_a_bookmark_with_its_own_nested_under_it():
    copies = [(name, numbered_pdf(3, prefix=name[:1], outline=True)) for name in ("Łucja", "Олена")]
    reader = PdfReader(io.BytesIO(combine_copies(copies)))
    outline = reader.outline
    titles = [item.title for item in outline if not isinstance(item, list)]
    assert titles == ["Łucja", "Олена"]
    nested = [item for item in outline if isinstance(item, list)]
    assert [[i.title for i in sub] for sub in nested] == [
        ["Ł section 1", "Ł section 2", "Ł section 3"],
        ["О section 1", "О section 2", "О section 3"],
    ]
    assert reader.get_destination_page_number(outline[2]) == 4  # "Олена" starts on page 5
