"""Format-2 blocks in the PDF, read back: tables whose header repeats and whose cell notes stay
with their rows, lists with hanging indents, figures, sub-headings in the outline and the
contents, headings from the report's own status declaration, and web addresses as links."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefer.content.load import load_report
from briefer.render.pdf import render_pdf
from briefer.render.styles import build_metrics
from briefer.tailor.brief import BHeading, Brief, CountryBox
from briefer.tailor.recipe import PageSize, Recipe
from briefer.tailor.tailor import tailor
from tests.render.notecheck import assert_notes_at_foot
from tests.render.readback import ReadBack, read_back, squash

from ..conftest import GAO, MINI

ROWS = 45


def _long_table_report(tmp_path: Path) -> Path:
    """The mini report with a table long enough to run over a page, notes in some of its cells."""
    folder = tmp_path / "long-table"
    shutil.copytree(MINI, folder)
    rows = "\n".join(
        f'        - ["Basin {n} of the {"upper " * (n % 4)}reach", "{n * 7}{f"[^t{n}]" if n % 9 == 0 else ""}"]'
        for n in range(1, ROWS + 1)
    )
    notes = "\n".join(
        f'  - id: t{n}\n    text: "Gauged in {2000 + n}. [@basin-atlas]"' for n in range(1, ROWS + 1) if n % 9 == 0
    )
    path = folder / "sections" / "02-cases.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        '        - [Africa, "64"]\n        - [Europe, "69[^f]"]', rows + '\n        - [Europe, "69[^f]"]'
    )
    path.write_text(text.rstrip("\n") + "\n" + notes + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def long_table(tmp_path_factory: pytest.TempPathFactory) -> tuple[Brief, ReadBack]:
    report = load_report(_long_table_report(tmp_path_factory.mktemp("blocks")))
    brief = tailor(report, Recipe(sections=("cases",), cover=False))
    return brief, read_back(render_pdf(brief))


def test_a_long_table_repeats_its_header_on_the_next_page(long_table: tuple[Brief, ReadBack]) -> None:
    _, doc = long_table
    pages = [p for p in range(1, doc.page_count + 1) if "Basin" in doc.page_text(p) and "reach" in doc.page_text(p)]
    assert len(pages) >= 2
    for page in pages:
        lines = [squash(t) for _, _, _, t in doc.lines(page)]
        first_row = next(i for i, t in enumerate(lines) if t.startswith("Basin"))
        assert lines[first_row - 1] == "ContinentBasins", page  # the header row heads the table on every page


def test_notes_in_cells_are_at_the_foot_of_their_rows_page(long_table: tuple[Brief, ReadBack]) -> None:
    brief, doc = long_table
    assert_notes_at_foot(doc, brief)
    for n in range(9, ROWS + 1, 9):
        row_page = next(
            p for p in range(1, doc.page_count + 1) if f"Basin{n}ofthe" in doc.page_text(p).replace(" ", "")
        )
        assert f"Gauged in {2000 + n}" in doc.foot_text(row_page)


@pytest.fixture(scope="module")
def mini_doc() -> tuple[Brief, ReadBack]:
    brief = tailor(load_report(MINI), Recipe(audience="ministers", countries=("UA", "PL"), contents_depth=2))
    return brief, read_back(render_pdf(brief))


def test_list_items_hang_from_their_marks(mini_doc: tuple[Brief, ReadBack]) -> None:
    _, doc = mini_doc
    page = next(p for p in range(1, doc.page_count + 1) if "Rivers that cross a border" in doc.page_text(p))
    lines = {squash(t): (left, right) for _, left, right, t in doc.lines(page)}
    item = next(left for t, (left, _) in lines.items() if t.startswith("1.Rivers"))
    nested = next(left for t, (left, _) in lines.items() if t.startswith("a.Groundwater"))
    body = next(left for t, (left, _) in lines.items() if t.startswith("Ukraine"))
    assert body < item < nested  # the marks hang in indents: nested items deeper
    glyphs = doc.glyphs(page)
    mark = next(g for g in glyphs if g[0] == "1" and abs(g[1] - item) < 0.5)
    first_letter = next(g for g in glyphs if g[0] == "R" and g[2] < mark[4] and g[4] > mark[2])
    assert first_letter[1] - mark[3] > 4  # the text stands clear of its number


def test_a_figure_is_drawn_at_its_width_with_caption_and_source(mini_doc: tuple[Brief, ReadBack]) -> None:
    brief, doc = mini_doc
    page = next(p for p in range(1, doc.page_count + 1) if doc.images(p))
    left, bottom, right, top = doc.images(page)[0]
    frame = build_metrics(brief.layout).frame_width
    assert right - left == pytest.approx(0.6 * frame, abs=0.5)
    assert (top - bottom) == pytest.approx((right - left) / 2, abs=0.5)  # 900 x 450 pixels
    text = doc.page_text(page)
    assert "Figure 1: Shared basins by continent" in text
    assert "Source: Drawn from UN-Water, “Transboundary Cooperation”, p. 12." in text


def test_sub_headings_are_in_the_outline_and_to_the_chosen_depth_in_the_contents(
    mini_doc: tuple[Brief, ReadBack],
) -> None:
    _, doc = mini_doc
    tree = doc.outline_tree
    assert ("Where the rules apply", 3, 1) in tree
    parent = tree[[t[0] for t in tree].index("Where the rules apply") - 1]
    assert parent[0] == "Two cases" and parent[2] == 0


@pytest.mark.parametrize("depth", [1, 2])
def test_the_contents_go_as_deep_as_the_recipe_says(depth: int) -> None:
    report = load_report(GAO)
    brief = tailor(report, Recipe(contents_depth=depth))
    doc = read_back(render_pdf(brief))
    contents = doc.page_text(2)
    assert contents.startswith("Contents")
    assert ("Federal Government Cybersecurity Requirements" in contents) == (depth == 2)
    assert "Background" in contents
    levels = {depth for _, _, depth in doc.outline_tree}
    assert levels == {0, 1}  # sub-headings are in the outline whatever the contents show


def test_status_headings_and_labels_come_from_the_report(tmp_path: Path) -> None:
    folder = tmp_path / "membership"
    shutil.copytree(MINI, folder)
    report_yaml = folder / "report.yaml"
    text = report_yaml.read_text(encoding="utf-8")
    for old, new in [
        ("title: Treaty status", "title: Membership"),
        ("compared_title: Treaty status compared", "compared_title: Membership compared"),
        ("instrument_label: Treaty", "instrument_label: Partnership"),
        ("details_label: Key dates", "details_label: Details"),
        ("{id: joined, label: Joined, type: date}", "{id: joined, label: Member since, type: date}"),
    ]:
        text = text.replace(old, new)
    report_yaml.write_text(text, encoding="utf-8")
    brief = tailor(load_report(folder), Recipe(countries=("UA", "PL")))
    box = next(p for p in brief.parts if isinstance(p, CountryBox))
    assert box.status_headers == ("Partnership", "Status", "Details")
    doc = read_back(render_pdf(brief))
    everything = " ".join(doc.page_text(p) for p in range(1, doc.page_count + 1))
    assert "PARTNERSHIP" in everything and "Membership compared" in everything
    assert "Member since: 3 February 2001" in everything
    assert "treaty" not in everything.lower()


def test_web_addresses_are_links_that_break_only_after_punctuation() -> None:
    report = load_report(GAO)
    brief = tailor(report, Recipe(page_size=PageSize.LETTER, large_print=True))
    doc = read_back(render_pdf(brief))
    urls = {s.url for s in report.sources if s.url}
    seen: set[str] = set()
    broken = 0
    for page in range(1, doc.page_count + 1):
        for address, (left, bottom, right, top) in doc.links(page):
            seen.add(address)
            shown = doc.text(page, (left - 1, bottom, right + 1, top)).replace(" ", "")
            if shown != address and address.startswith(shown):
                broken += 1
                assert shown[-1] in "/.-?&=_#", (address, shown)  # a line ends inside it only there
    assert urls <= seen
    assert broken > 0  # some addresses are long enough to break


def test_a_sub_heading_is_a_link_target() -> None:
    brief = tailor(load_report(MINI), Recipe(sections=("cases",)))
    heading = next(b for p in brief.sections for b in p.blocks if isinstance(b, BHeading))
    assert heading.anchor == "heading-where-rules-apply"
    doc = read_back(render_pdf(brief))
    destinations = {name.lstrip("/"): dest for name, dest in doc.reader.named_destinations.items()}
    assert {"heading-where-rules-apply", "part-cases"} <= set(destinations)
    page = doc.reader.get_destination_page_number(destinations["heading-where-rules-apply"]) + 1
    assert "Where the rules apply" in doc.page_text(page)
