"""Long text where a box cannot split it: it splits, or the field is refused by name; never
ReportLab's LayoutError, never a loop; header and footer fitted in linear time."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.render.readback import read_back

from .harness import edit, mini_copy, run

WORDS = "word " * 600  # 3,000 characters

LONG = {
    "country-name-800": ("countries.yaml", "name: Poland", "name: " + "Pol" * 267, ["--country", "PL"]),
    "treaty-name-1500": (
        "report.yaml",
        "name: UN Watercourses Convention",
        "name: " + "Convention " * 137,
        ["--country", "PL"],
    ),
    "treaty-name-one-word-1500": (
        "report.yaml",
        "name: UN Watercourses Convention",
        "name: " + "C" * 1500,
        ["--country", "PL"],
    ),
    "sidebar-title-3000": ("sections/02-cases.yaml", "title: What a basin is", "title: " + WORDS, []),
    "sidebar-title-one-word-3000": ("sections/02-cases.yaml", "title: What a basin is", "title: " + "B" * 3000, []),
    "audience-name-3000": ("audiences.yaml", "name: Ministers", "name: " + WORDS, ["--audience", "ministers"]),
    "section-title-3000": ("sections/01-summary.yaml", "title: Summary", "title: " + WORDS, []),
    "short-title-40000": (
        "report.yaml",
        "title: Shared Rivers",
        "title: Shared Rivers\nshort_title: " + "word " * 8000,
        [],
    ),
}


@pytest.mark.parametrize("name", sorted(LONG))
def test_long_text_in_a_box_splits(tmp_path: Path, name: str) -> None:
    file, old, new, args = LONG[name]
    content = mini_copy(tmp_path)
    edit(content / file, old, new)
    result = run(["build", "--content", str(content), *args, "-o", "brief.pdf"], tmp_path)
    assert result.code == 0, result.err
    doc = read_back((tmp_path / "brief.pdf").read_bytes())
    printed = "".join(doc.text(p) for p in range(1, doc.page_count + 1)).replace(" ", "")
    if name.startswith("short-title"):
        assert "wordwordword…" in doc.text(2).replace(" ", "")  # the running header of page 2, shortened
    else:  # the whole value prints, over as many pages as it takes
        value = new.split(": ", 1)[1]
        token = value[:4]
        # a page break may fall inside the token a few times; everything else is printed
        assert printed.count(token) >= value.count(token) - 10, (token, printed.count(token), value.count(token))


def test_a_long_prepared_for_is_refused_by_name(tmp_path: Path) -> None:
    result = run(["build", "--content", str(mini_copy(tmp_path)), "--prepared-for", WORDS, "-o", "b.pdf"], tmp_path)
    assert result.code == 2 and "the prepared-for recipient is 3,000 characters long; at most 300" in result.err


def test_a_paragraph_of_800000_characters(tmp_path: Path) -> None:
    content = mini_copy(tmp_path)
    rnd = random.Random(8)
    words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliett"]
    text = " ".join(rnd.choice(words) for _ in range(150_000))[:800_000].rsplit(" ", 1)[0]
    edit(
        content / "sections" / "01-summary.yaml",
        "  - pullquote: Rules matter.",
        f"  - paragraph: {text}\n  - pullquote: Rules matter.",
    )
    result = run(["build", "--content", str(content), "-o", "brief.pdf"], tmp_path, guard=120)
    assert result.code == 0, result.err
    doc = read_back((tmp_path / "brief.pdf").read_bytes())
    assert doc.page_count > 150
    # every word once, in order: none lost or doubled where the paragraph goes on in pieces
    printed = [w for p in range(1, doc.page_count + 1) for w in doc.text(p).split() if w in words]
    assert printed == text.split()
