"""At-a-glance pages: always one page, content gives way in the defined order and says so."""

from __future__ import annotations

import dataclasses
import io

import pdfplumber
import pytest
from pypdf import PdfReader

from briefer.content.model import Span
from briefer.render.glance import GlanceError, render_glance
from briefer.tailor.brief import KeyMessagesPart, NoteMark
from briefer.tailor.glance import glance_recipe, number_notes, reductions, select_glance
from briefer.tailor.recipe import Recipe
from briefer.tailor.tailor import tailor

DROP_ORDER = ["beyond the first 2 per country", "ask", "introduction", "key message", "beyond the first per", "fact"]


def glance_for(report, **choices):
    return render_glance(tailor(report, glance_recipe(Recipe(**choices))))


def page_text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        assert len(doc.pages) == 1
        return doc.pages[0].extract_text()


def test_every_audience_and_country_fits_on_one_page(report):
    for audience in report.audiences:
        for country in report.countries:
            glance = glance_for(report, audience=audience.id, countries=(country.code,))
            reader = PdfReader(io.BytesIO(glance.pdf))
            assert len(reader.pages) == 1, (audience.id, country.code)
            text = reader.pages[0].extract_text()
            assert country.name in text and "Key messages" in text
            # whatever gave way did so in the defined order
            positions = [next(i for i, key in enumerate(DROP_ORDER) if key in d) for d in glance.dropped]
            assert positions == sorted(positions), glance.dropped


def test_content_gives_way_in_the_defined_order(report):
    brief = tailor(report, glance_recipe(Recipe(audience="parliamentarians", countries=("EE", "FI"))))
    steps = [dropped for _, dropped in reductions(select_glance(brief))]
    assert steps[0] == ()
    assert steps[-1] == (
        "2 country facts beyond the first 2 per country",
        "the 4 asks (Questions to ask the government)",
        "the audience introduction",
        "3 key messages beyond the first 3",
        "2 country facts beyond the first per country",
        "the remaining 2 country facts",
    )
    minimum, _ = list(reductions(select_glance(brief)))[-1]
    assert len(minimum.messages) == 3 and len(minimum.status) == 2
    assert not (minimum.facts or minimum.asks or minimum.introduction)


def test_says_what_was_left_out(report):
    glance = glance_for(report, audience="diplomats", countries=("FI", "EE"))
    assert glance.dropped  # two countries' facts and the asks cannot all fit
    assert glance.dropped[0] == "2 country facts beyond the first 2 per country"


def test_even_the_minimum_not_fitting_is_a_clear_error(report):
    with pytest.raises(GlanceError) as caught:
        glance_for(report, audience="media", countries=tuple(c.code for c in report.countries))
    message = str(caught.value)
    assert "does not fit on one page even with only its minimum" in message
    assert "choose fewer focus countries" in message


def test_notes_are_renumbered_in_reading_order_and_shared_when_identical(report):
    brief = tailor(report, glance_recipe(Recipe(audience="parliamentarians", countries=("FI",))))
    content, notes = number_notes(select_glance(brief), {n.number: n.text for n in brief.notes})
    reading_order = (
        content.introduction,
        *content.messages,
        *content.asks,
        *content.status[0].cells,
        *content.facts[0].facts,
    )
    marks = [p.number for text in reading_order for p in text if isinstance(p, NoteMark)]
    assert sorted(set(marks)) == [n.number for n in notes] == list(range(1, len(notes) + 1))
    assert marks == sorted(marks)  # first use in reading order
    assert len({n.text for n in notes}) == len(notes)


def test_notes_sit_at_the_foot_numbered_from_one(report):
    glance = glance_for(report, audience="public", countries=("UA",))
    with pdfplumber.open(io.BytesIO(glance.pdf)) as doc:
        page = doc.pages[0]
        lines = page.extract_text_lines()
    foot = [line for line in lines if line["chars"][0]["size"] < 7.5 and line["x0"] < 60]
    closing = next(i for i, line in enumerate(foot) if line["text"].startswith("From "))
    # a note's first line starts with its number at the margin; its other lines are indented
    note_lines = [line for line in foot[:closing] if line["x0"] < foot[0]["x0"] + 1]
    numbers = [int(line["text"].split()[0]) for line in note_lines]
    assert numbers == list(range(1, glance.notes + 1))
    body_bottom = max(line["bottom"] for line in lines if line["chars"][0]["size"] >= 9)
    assert min(line["top"] for line in note_lines) > body_bottom  # all notes below the body
    assert foot[closing]["text"].startswith("From Lou Maresca")  # the report's citation closes the page
    assert closing >= len(foot) - 2


def test_text_is_escaped_and_printed_as_typed(report):
    brief = tailor(report, glance_recipe(Recipe(audience="media", countries=("LT",))))
    tricky = (Span("Fish & <chips> said “</para>” & <b>bold?</b>"), NoteMark(1))
    parts = tuple(
        dataclasses.replace(p, messages=(tricky, *p.messages[1:])) if isinstance(p, KeyMessagesPart) else p
        for p in brief.parts
    )
    glance = render_glance(dataclasses.replace(brief, parts=parts))
    assert "Fish & <chips> said “</para>” & <b>bold?</b>" in page_text(glance.pdf)


def test_only_the_projects_embedded_fonts_are_used(report):
    glance = glance_for(report, audience="defence", countries=("PL",), grayscale=True, page_size="letter")
    page = PdfReader(io.BytesIO(glance.pdf)).pages[0]
    fonts = {str(f["/BaseFont"]) for f in page["/Resources"]["/Font"].values()}
    assert fonts and all(f.split("+")[-1].startswith(("NotoSans-", "NotoSerif-")) for f in fonts), fonts
    assert [float(x) for x in page.mediabox[2:]] == [612, 792]


def test_large_print_still_fits_one_page(report):
    glance = glance_for(report, audience="parliamentarians", countries=("FI",), large_print=True)
    assert len(PdfReader(io.BytesIO(glance.pdf)).pages) == 1
    assert len(glance.dropped) >= 2
