"""Tagged PDF (PDF/UA-1): the structure tree read back from real output, for the synthetic brief,
the real report under several recipes, a seeded sample of random recipes, and at-a-glance pages."""

from __future__ import annotations

import random

import pytest

from briefer.build import OutputFormat, render
from briefer.render.pdf import render_pdf
from briefer.tailor.brief import Brief, brief_plain
from briefer.tailor.glance import glance_recipe
from briefer.tailor.recipe import NotePlacement, PageSize, PreparedFor, Recipe
from briefer.tailor.tailor import tailor
from tests.render.briefs import make_brief, with_layout
from tests.render.readback import read_back
from tests.render.reading_order import expected_reading
from tests.render.tagcheck import check_all, notes_follow_references
from tests.render.tagged import Element, Tagged, squash

SYNTHETIC = {
    "synthetic-a4": {},
    "synthetic-endnotes-no-cover": {"notes": NotePlacement.END, "cover": False},
    "synthetic-letter-large-watermark": {"page_size": PageSize.LETTER, "large_print": True, "watermark": "DRAFT"},
}
REPORT = {
    "report-parliamentarians": Recipe(
        audience="parliamentarians",
        countries=("FI", "LT", "UA"),
        watermark="DRAFT",
        prepared_for=PreparedFor(recipient="Ms Anna Virtanen MP", place="Helsinki"),
        cover_note="Dear Ms Virtanen,\n\nAhead of the hearing, the evidence in brief.",
    ),
    "report-whole-letter-large": Recipe(page_size="letter", large_print=True),
    "report-defence-endnotes": Recipe(audience="defence", countries=("LT",), notes="end", grayscale=True),
    "report-one-section-no-cover": Recipe(sections=("self-destruct",), cover=False),
}


def random_recipes(report: object, count: int, seed: int = 14) -> dict[str, Recipe]:
    """A seeded sample of recipes: sections, audience, countries and options drawn at random."""
    rng = random.Random(seed)
    sections = [s.id for s in report.sections]  # type: ignore[attr-defined]
    audiences = [None, *(a.id for a in report.audiences)]  # type: ignore[attr-defined]
    countries = [c.code for c in report.countries]  # type: ignore[attr-defined]
    recipes = {}
    for i in range(count):
        recipes[f"random-{i}"] = Recipe(
            sections=tuple(rng.sample(sections, rng.randint(1, len(sections)))),
            audience=rng.choice(audiences),
            countries=tuple(rng.sample(countries, rng.randint(0, 3))),
            notes=rng.choice(["bottom", "bottom", "end"]),
            cover=rng.random() < 0.7,
            page_size=rng.choice(["a4", "letter"]),
            large_print=rng.random() < 0.3,
        )
    return recipes


@pytest.fixture(scope="module", params=[*SYNTHETIC, *REPORT, *(f"random-{i}" for i in range(6))])
def tagged(request: pytest.FixtureRequest, report: object) -> tuple[Brief, Tagged]:
    name = request.param
    if name in SYNTHETIC:
        brief = with_layout(make_brief(), **SYNTHETIC[name])
    else:
        brief = tailor(report, REPORT.get(name) or random_recipes(report, 6)[name])
    return brief, Tagged(render_pdf(brief))


def test_every_check_passes(tagged: tuple[Brief, Tagged]) -> None:
    check_all(tagged[1])


def contents_pages(brief: Brief, data: bytes) -> dict[str, int]:
    """Each contents entry's title and the page it shows: its outline entry's page, read back."""
    if not (brief.layout.contents and len(brief.sections) >= 3):
        return {}
    pages = dict(read_back(data).outline)
    titles = [p.title for p in brief.parts]
    if brief.notes and brief.layout.notes == NotePlacement.END:
        titles.append(brief.words.notes)
    if brief.sources:
        titles.append(brief.words.sources)
    return {title: pages[title] for title in titles}


def test_the_tree_reads_in_the_briefs_order_with_notes_after_their_markers(tagged: tuple[Brief, Tagged]) -> None:
    brief, doc = tagged
    expected = squash("".join(expected_reading(brief, contents_pages(brief, doc.data))))
    found = squash(doc.text_of(doc.root))
    if found != expected:
        at = next(i for i, (a, b) in enumerate(zip(found, expected, strict=False)) if a != b)
        pytest.fail(f"differs at {at}:\n tree: …{found[at - 80 : at + 80]}\n want: …{expected[at - 80 : at + 80]}")


def test_notes_at_the_foot_follow_their_reference(tagged: tuple[Brief, Tagged]) -> None:
    brief, doc = tagged
    notes = doc.elements("Note")
    assert len(notes) == len(brief.notes)
    if brief.layout.notes == NotePlacement.BOTTOM:
        assert notes_follow_references(doc) == len(brief.notes)
    else:  # endnotes stay in their section, in order
        assert [n.parent.obj.get("/T") for n in notes] == [brief.words.notes] * len(notes)


def test_a_split_paragraph_and_a_continued_note_are_one_element_each(synthetic_brief: Brief) -> None:
    doc = Tagged(render_pdf(synthetic_brief))

    def pages(element: Element) -> set[int]:
        return {k[1] for k in element.kids if isinstance(k, tuple) and k[0] == "mcid"}

    longest = max(synthetic_brief.notes, key=lambda n: len(brief_plain(n.text)))
    note = next(n for n in doc.elements("Note") if n.obj.ID == f"note-{longest.number}")
    assert len(pages(note)) >= 2, "the note longer than a page is one Note on two pages"
    assert squash(brief_plain(longest.text)) in squash(doc.text_of(note))
    split = [p for p in doc.elements("P") if len(pages(p)) >= 2]
    assert split, "some paragraph runs on to the next page as one P"


def test_glance_pages_are_tagged(report: object) -> None:
    for recipe in (Recipe(audience="defence", countries=("FI",)), Recipe(countries=("FI", "LT", "UA"))):
        brief = tailor(report, glance_recipe(recipe))
        doc = Tagged(render(brief, OutputFormat.GLANCE))
        check_all(doc)
        assert notes_follow_references(doc) >= 1
        text = squash(doc.text_of(doc.root))
        assert text.startswith(squash(brief.words.at_a_glance.upper()))


def test_the_second_report_is_tagged(gao_report: object) -> None:
    """GAO-26-107955, written in content format 2 (its blocks: tests/render/test_tagged_format2.py)."""
    second = gao_report
    brief = tailor(second, Recipe())
    doc = Tagged(render_pdf(brief))
    check_all(doc)
    assert notes_follow_references(doc) == len(brief.notes)
