"""Personalised copies made from a recipe's template are what a single build makes.

Each copy is read back independently of briefer: its pages rendered by poppler (pixel for
pixel), its text per page, its fonts, outline, links, tagged structure (pdfinfo -struct-text)
and embedded recipe, against `build_bytes` of the same recipe and recipient.
"""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from briefer.batch.combine import copy_starts
from briefer.batch.copies import CopyMaker, make_template, personalise, template_recipe
from briefer.batch.plan import plan_recipients
from briefer.batch.recipients import Recipient
from briefer.batch.runner import build_batch
from briefer.batch.swap import cover_shape
from briefer.build import build_bytes, tailor
from briefer.render.embedded import read_embedded_recipe
from briefer.render.personal import render_personal_parts
from briefer.tailor.recipe import PageSize, PreparedFor, Recipe
from tests.batch.pdfs import numbered_pdf

THREE = ("introduction", "military-utility", "conclusion")
NAMES = ("Łukasz Wójcik", "Олена Ковальчук", "王小明", "Ms A & B <b>not bold</b>", "Anna Virtanen")

needs_poppler = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils is not installed")


def personal(recipe: Recipe, name: str, **fields: str) -> Recipe:
    return dataclasses.replace(recipe, prepared_for=PreparedFor(recipient=name, **fields))


def pixels(pdf: bytes, folder: Path) -> list[bytes]:
    """Every page rendered by poppler at 40 dpi, in grey: the bytes of each page's image."""
    folder.mkdir(exist_ok=True)
    path = folder / "in.pdf"
    path.write_bytes(pdf)
    for old in folder.glob("page*"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "40", "-gray", str(path), str(folder / "page")], check=True)
    return [p.read_bytes() for p in sorted(folder.glob("page*.pgm"))]


def struct_text(pdf: bytes, folder: Path) -> bytes:
    path = folder / "struct.pdf"
    path.write_bytes(pdf)
    done = subprocess.run(["pdfinfo", "-struct-text", str(path)], capture_output=True, check=True)
    return re.sub(rb"Object \d+ \d+", b"Object", done.stdout)  # object numbers differ, the objects not


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def outline(pdf: bytes) -> list[tuple[str, int | None]]:
    with pikepdf.open(io.BytesIO(pdf)) as opened, opened.open_outline() as tree:
        pages = {page.objgen: n for n, page in enumerate(opened.pages)}
        return [(item.title, _page(item, pages)) for item in tree.root]


def _page(item: pikepdf.OutlineItem, pages: dict[tuple[int, int], int]) -> int | None:
    destination = item.destination
    if isinstance(destination, pikepdf.Array):
        return pages.get(destination[0].objgen)
    return None


def fonts(pdf: bytes) -> tuple[set[str], list[str]]:
    """(the faces used, without subset tags; every subset's tagged name)."""
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        names = [
            str(o.BaseFont)[1:]
            for o in opened.objects
            if isinstance(o, pikepdf.Dictionary) and o.get("/Type") == "/Font"
        ]
    return {name.split("+", 1)[-1] for name in names}, names


def links(pdf: bytes) -> list[list[tuple[str, int | None]]]:
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        pages = {page.objgen: n for n, page in enumerate(opened.pages)}
        return [
            [
                (str(a.get("/Contents", "")), pages.get(a.Dest[0].objgen) if "/Dest" in a else None)
                for a in page.get("/Annots", [])
            ]
            for page in (p.obj for p in opened.pages)
        ]


@pytest.fixture(scope="module")
def maker(report):
    return CopyMaker(report)


@pytest.fixture(scope="module")
def brief_recipe():
    return Recipe(sections=THREE, audience="parliamentarians")


@needs_poppler
@pytest.mark.parametrize("name", NAMES)
def test_a_copy_is_the_single_build_page_for_page(report, maker, brief_recipe, name, tmp_path):
    recipe = personal(brief_recipe, name, organisation="Committee on Defence")
    copy, single = maker.build(recipe), build_bytes(report, recipe)
    assert copy != single, "the copy was not made from the template"
    assert pixels(copy, tmp_path) == pixels(single, tmp_path)
    assert page_texts(copy) == page_texts(single)
    assert name.split()[0] in page_texts(copy)[0] and name.split()[0] in page_texts(copy)[-1]
    assert outline(copy) == outline(single)
    assert links(copy) == links(single)
    assert struct_text(copy, tmp_path) == struct_text(single, tmp_path)
    assert read_embedded_recipe(copy) == read_embedded_recipe(single)
    faces, subsets = fonts(copy)
    assert faces == fonts(single)[0]
    assert len(subsets) == len(set(subsets)), "two font subsets share a tag"


@needs_poppler
@pytest.mark.parametrize(
    "changes",
    [
        {"page_size": PageSize.LETTER, "large_print": True},
        {"watermark": "DRAFT", "grayscale": True, "cover_note": "For the meeting on Tuesday."},
        {"language": "uk", "untranslated": "mark", "countries": ("UA",)},
        {"language": "fr", "untranslated": "mark"},
    ],
    ids=["letter-large-print", "watermark-grey-cover-note", "ukrainian", "french-marked"],
)
def test_copies_of_other_layouts_and_languages_match_too(report, maker, brief_recipe, changes, tmp_path):
    recipe = personal(
        dataclasses.replace(brief_recipe, **changes), "Олена Ковальчук", meeting="Defence committee, 3 March"
    )
    copy, single = maker.build(recipe), build_bytes(report, recipe)
    assert copy != single
    assert pixels(copy, tmp_path) == pixels(single, tmp_path)
    assert page_texts(copy) == page_texts(single)
    assert struct_text(copy, tmp_path) == struct_text(single, tmp_path)


def test_the_longest_prepared_for_rows_a_recipe_allows_still_make_a_copy(report, maker, brief_recipe, tmp_path):
    """Every field at the recipe check's limit (300 characters) still fits on the cover."""
    long = {field: (field.title() + " ") * 20 for field in ("organisation", "meeting", "place", "date")}
    recipe = personal(brief_recipe, "Recipient " * 29, **long)
    copy = maker.build(recipe)
    assert copy != build_bytes(report, recipe)
    assert page_texts(copy) == page_texts(build_bytes(report, recipe))


def test_parts_that_are_not_one_cover_page_are_refused(report, brief_recipe):
    template = make_template(build_bytes(report, template_recipe(personal(brief_recipe, "A"))))
    assert template is not None
    assert personalise(template, numbered_pdf(3)) is None
    assert personalise(template, numbered_pdf(2)) is None  # two pages, but no tagged cover


def test_a_brief_without_a_cover_is_a_single_build(report, maker, brief_recipe):
    recipe = personal(dataclasses.replace(brief_recipe, cover=False), "Łukasz Wójcik")
    assert maker.build(recipe) == build_bytes(report, recipe)


def test_a_cover_with_other_rows_than_the_template_is_refused(report, brief_recipe):
    """The template has an organisation row; a cover without one would misplace its elements."""
    with_row = personal(brief_recipe, "Anna Virtanen", organisation="Eduskunta")
    template = make_template(build_bytes(report, template_recipe(with_row)))
    assert template is not None
    without_row = personal(brief_recipe, "Anna Virtanen")
    parts = render_personal_parts(tailor(report, without_row), template.pages)
    assert personalise(template, parts) is None
    matching = render_personal_parts(tailor(report, with_row), template.pages)
    assert personalise(template, matching) is not None


def test_the_template_is_made_once_per_recipe(report, brief_recipe):
    maker = CopyMaker(report)
    for name in NAMES[:3]:
        maker.build(personal(brief_recipe, name, organisation="Committee on Defence"))
    maker.build(personal(brief_recipe, "No organisation"))
    assert maker._templates.cache_info().currsize == 2  # with and without an organisation row


def test_copies_are_reproducible(report, maker, brief_recipe):
    recipe = personal(brief_recipe, "Łukasz Wójcik")
    assert maker.build(recipe) == CopyMaker(report).build(recipe)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_recipients_batch_writes_each_copy_as_its_single_build(report, brief_recipe, jobs, tmp_path):
    people = [Recipient(name, "Member of Parliament", "Committee on Defence") for name in NAMES[:3]]
    plan = plan_recipients(report, brief_recipe, people)
    assert all(job.personal for job in plan.jobs)
    result = build_batch(report, plan, tmp_path, jobs=jobs)
    assert len(result.files) == 3
    assert sorted(f.path.stem for f in result.files) == sorted(job.stem for job in plan.jobs)
    for job in plan.jobs:
        copy, single = (tmp_path / f"{job.stem}.pdf").read_bytes(), build_bytes(report, job.recipe)
        assert copy != single  # made from the template
        assert page_texts(copy) == page_texts(single)
        assert read_embedded_recipe(copy) == read_embedded_recipe(single)


@needs_poppler
def test_a_combined_file_shares_the_template_and_shows_each_copy_as_its_single_build(report, brief_recipe, tmp_path):
    people = [Recipient(name, "Member of Parliament", "Committee on Defence") for name in NAMES[:3]]
    people.append(Recipient("Jonas Petraitis"))  # no organisation: a template of its own
    plan = plan_recipients(report, brief_recipe, people, combined=True)
    assert all(job.joined for job in plan.jobs)
    result = build_batch(report, plan, tmp_path, jobs=2)
    (combined,) = result.files
    joined = combined.path.read_bytes()
    singles = [build_bytes(report, job.recipe) for job in plan.jobs]
    counts = [len(PdfReader(io.BytesIO(single)).pages) for single in singles]
    starts = copy_starts(counts)
    joined_pixels, joined_texts = pixels(joined, tmp_path / "joined"), page_texts(joined)
    for single, start, count in zip(singles, starts, counts, strict=True):
        assert joined_pixels[start - 1 : start - 1 + count] == pixels(single, tmp_path / "single")
        assert joined_texts[start - 1 : start - 1 + count] == page_texts(single)
    # each copy's links go to its own pages, its bookmarks nest under its recipient's name
    joined_links, reader = links(joined), PdfReader(io.BytesIO(joined))
    for single, start, count in zip(singles, starts, counts, strict=True):
        own = [
            [(text, None if page is None else page - (start - 1)) for text, page in page_links]
            for page_links in joined_links[start - 1 : start - 1 + count]
        ]
        assert own == links(single)
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles == [person.name for person in people]
    assert [
        reader.get_destination_page_number(item) + 1 for item in reader.outline if not isinstance(item, list)
    ] == starts
    _, subsets = fonts(joined)
    assert len(subsets) == len(set(subsets)), "two font subsets share a tag"
    # the copies of one template share their body pages' content: it is in the file once
    with pikepdf.open(io.BytesIO(joined)) as opened:
        contents = [
            [opened.pages[start - 1 + n].obj.Contents.objgen for n in range(count)]
            for start, count in zip(starts, counts, strict=True)
        ]
    assert contents[0][1:] == contents[1][1:] == contents[2][1:]
    assert contents[0][0] != contents[1][0]  # each cover its own
    assert not set(contents[3]) & set(contents[0])  # the other template's copy


@needs_poppler
def test_a_copy_of_the_second_report_keeps_its_covers_link(gao_report, tmp_path):
    """The GAO report's cover links its web address: the copy keeps the template's link, which is
    the single build's own (the same place, address, text and structure element)."""
    recipe = personal(Recipe(), "Łukasz Wójcik, Senator", organisation="Committee on Armed Services")
    copy, single = CopyMaker(gao_report).build(recipe), build_bytes(gao_report, recipe)
    assert copy != single
    assert pixels(copy, tmp_path) == pixels(single, tmp_path)
    assert page_texts(copy) == page_texts(single)
    assert links(copy) == links(single) and links(copy)[0], "the cover has its link"
    assert struct_text(copy, tmp_path) == struct_text(single, tmp_path)


def test_a_cover_link_unlike_the_templates_is_refused(gao_report):
    pdf = build_bytes(gao_report, template_recipe(personal(Recipe(), "A")))
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        shape = cover_shape(opened)
        assert shape is not None
        opened.pages[0].obj.Annots[0].A.URI = pikepdf.String("https://example.org/another")
        assert cover_shape(opened) != shape
        opened.pages[0].obj.Annots[0].Dest = pikepdf.Array([opened.pages[1].obj, pikepdf.Name.Fit])
        assert cover_shape(opened) is None  # a link to a page of its own file is never carried over
