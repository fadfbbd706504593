"""Content format 2: its blocks, its status declarations, its inline titles, and every mistake
in them reported at its file:line:col (format-1 folders keep loading as they did)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefer.build import check_content
from briefer.content.load import check_report, load_report, resolve_content_dir
from briefer.content.model import Figure, Heading, ItemList, Span, Table, plain_text
from briefer.content.status import TREATY_FIELDS

from ..conftest import FORMAT_1, GAO, MINI
from .test_validation import edit, errors_of


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    target = tmp_path / "mini-report"
    shutil.copytree(MINI, target)
    return target


@pytest.fixture
def old(tmp_path: Path) -> Path:
    target = tmp_path / "old-report"
    shutil.copytree(FORMAT_1, target)
    return target


CASES = "sections/02-cases.yaml"


def test_format_1_still_loads_as_it_did(old: Path) -> None:
    report = load_report(old)
    assert report.format == 1
    assert report.instrument("unwc").fields == TREATY_FIELDS
    assert report.status.title == "Treaty status" and report.status.details_label == "Key dates"
    assert report.country("UA").statuses[0].values == (("joined", "2001-02-03"),)


def test_format_2_reads_every_block(mini: Path) -> None:
    report = load_report(mini)
    assert report.format == 2
    blocks = {type(b): b for b in report.section("cases").blocks}
    heading, items, table, figure = blocks[Heading], blocks[ItemList], blocks[Table], blocks[Figure]
    assert heading.level == 3 and heading.id == "where-rules-apply"
    assert items.numbered and [len(i.items) for i in items.items] == [0, 2]
    assert table.number == "1" and [c.align for c in table.columns] == ["left", "right"]
    assert [plain_text(c) for c in table.header[0]] == ["Continent", "Basins"]
    assert Span("continent", italic=True) in table.caption
    assert figure.pixels == (900, 450) and figure.image.is_file() and figure.width == 0.6


@pytest.mark.parametrize(
    ("old_text", "new_text", "message"),
    [
        ("format: 2", "format: 3", "report.yaml:1:9: this report is written in content format 3, newer than"),
        ("format: 2", "format: two", "report.yaml:1:9: 'format' must be a content format number"),
    ],
)
def test_format_line(mini: Path, old_text: str, new_text: str, message: str) -> None:
    edit(mini / "report.yaml", old_text, new_text)
    assert any(message in e for e in errors_of(mini))


def test_new_blocks_need_format_2(old: Path) -> None:
    edit(old / CASES, "  - sidebar:", "  - heading: Cases\n  - sidebar:")
    errors = errors_of(old)
    assert any("02-cases.yaml:7:5: a heading block needs content format 2: add 'format: 2'" in e for e in errors)


@pytest.mark.parametrize(
    ("old_text", "new_text", "message"),
    [
        ("  - heading: Where the rules apply", "  - heading: Where the rules apply\n    level: 5", "level is 3 or 4"),
        ("  - heading: Where the rules apply", "  - heading: Where[^e] the rules apply", "cannot stand here"),
        ("style: numbered", "style: lettered", "unknown list style 'lettered' (valid: bullet, numbered)"),
        ("            - Lakes on a border", "            - {text: Lakes}", "lists nest one level only"),
        ('        - [Africa, "64"]', "        - [Africa]", "this row has 1 cells; the table has 2 columns"),
        ("{align: right, width: 1}", "{align: middle, width: 1}", "unknown alignment 'middle'"),
        ("{align: right, width: 1}", "{align: right, width: 0}", "'width' must be a number above 0"),
        ("      width: 0.6", "      width: 1.5", "'width' must be a number above 0 and at most 1.0"),
        ("image: figures/basins.png", "image: figures/missing.png", "image not found: figures/missing.png"),
        ("image: figures/basins.png", "image: ../../../etc/passwd", "must be a file inside the content folder"),
        ("image: figures/basins.png", "image: report.yaml", "the image report.yaml: not a PNG or JPEG image"),
        ('      alt: "Bar chart', '      alternative: "Bar chart', "a figure is missing the required key 'alt'"),
    ],
)
def test_block_mistakes_are_located(mini: Path, old_text: str, new_text: str, message: str) -> None:
    edit(mini / CASES, old_text, new_text)
    errors = errors_of(mini)
    assert any("mini-report/sections/02-cases.yaml:" in e and message in e for e in errors), errors


def test_a_damaged_image_is_an_error_and_a_small_one_a_warning(mini: Path) -> None:
    image = mini / "figures" / "basins.png"
    data = image.read_bytes()
    image.write_bytes(data[: len(data) // 2])
    report, problems = check_content(mini)
    assert report is None
    assert any("02-cases.yaml:" in str(p) and "cannot be read" in str(p) for p in problems)
    image.write_bytes(data)
    edit(mini / CASES, "      width: 0.6", "      width: 1.0")
    report, problems = check_content(mini)
    assert report is not None
    warning = next(str(p) for p in problems if p.warning)
    assert "02-cases.yaml:" in warning and "prints at 130 dpi (US Letter, large print)" in warning


def test_a_table_that_cannot_fit_is_a_located_error(mini: Path) -> None:
    long_word = "Transboundaryaquifercooperationframeworkagreementarticle"
    edit(mini / CASES, '- [Africa, "64"]', f"- [{long_word}, {long_word}]")
    report, problems = check_content(mini)
    assert report is None
    error = next(str(p) for p in problems if not p.warning)
    assert "02-cases.yaml:" in error and "table 'basins-table' cannot fit the text width" in error


def test_inline_titles_and_names(mini: Path) -> None:
    edit(mini / "sections" / "01-summary.yaml", "title: Summary", "title: The *Summary* \\* 2")
    report = load_report(mini)
    section = report.section("summary")
    assert section.title == "The Summary * 2"
    assert Span("Summary", italic=True) in section.title_text
    edit(mini / "audiences.yaml", "name: Ministers", "name: '*Ministers*'")
    assert any("audiences.yaml:3:11: 'name' in an audience is printed as plain text" in e for e in errors_of(mini))


def test_undefined_countries_in_any_tag(mini: Path, old: Path) -> None:
    edit(mini / CASES, "countries: [PL]", "countries: [PL, DE]")
    assert any("02-cases.yaml:6:16: unknown country 'DE' (known countries: PL, UA)" in e for e in errors_of(mini))
    edit(old / CASES, "countries: [PL]", "countries: [PL, DE]")
    report, problems = check_report(old)
    assert report is not None
    assert [str(p) for p in problems if p.warning] == [
        "old-report/sections/02-cases.yaml:6:16: warning: countries not defined, so no brief can focus on them: "
        "DE (content format 2 refuses these)"
    ]


def test_duplicate_ids_name_both_places(mini: Path) -> None:
    edit(mini / CASES, "id: cases", "id: summary")
    edit(mini / CASES, "  - id: basins-table", "  - id: summary-quote")
    errors = errors_of(mini)
    assert any(
        e.startswith("mini-report/sections/02-cases.yaml:1:5: duplicate section id 'summary'")
        and "(first defined at mini-report/sections/01-summary.yaml:1:5)" in e
        for e in errors
    )


def test_duplicate_block_ids_name_both_places(mini: Path) -> None:
    edit(mini / CASES, "  - id: basins-table", "  - id: summary-quote")
    errors = errors_of(mini)
    assert any(
        "02-cases.yaml:" in e
        and "duplicate block id 'summary-quote' (first defined at mini-report/sections/01-summary" in e
        for e in errors
    )


def test_a_declared_status_with_its_own_fields(mini: Path) -> None:
    edit(mini / "report.yaml", "title: Treaty status", "title: Membership")
    edit(mini / "report.yaml", "instrument_label: Treaty", "instrument_label: Partnership")
    edit(mini / "report.yaml", "- {id: how, label: How, type: text, qualifies: joined}", "- {id: seat, label: Seat}")
    edit(mini / "countries.yaml", "joined: 2001-02-03", "joined: 2001-02-03\n        seat: Kyiv")
    report = load_report(mini)
    assert report.status.instrument_label == "Partnership"
    assert report.country("UA").statuses[0].values == (("joined", "2001-02-03"), ("seat", "Kyiv"))
    edit(mini / "countries.yaml", "seat: Kyiv", "sete: Kyiv")
    assert any("countries.yaml:" in e and "unknown key 'sete'" in e for e in errors_of(mini))


def test_the_second_report_loads_with_every_kind_of_block() -> None:
    report = load_report(GAO)
    kinds = [type(b).__name__ for s in report.sections for b in s.blocks]
    assert (kinds.count("Heading"), kinds.count("ItemList"), kinds.count("Table"), kinds.count("Figure")) == (
        6,
        3,
        2,
        1,
    )
    assert sum(len(s.notes) for s in report.sections) == 31
    assert report.url == "https://www.gao.gov/products/gao-26-107955" and report.about


def test_a_shipped_example_is_found_by_its_name() -> None:
    assert resolve_content_dir("gao-26-107955") == GAO
    assert resolve_content_dir("no-such-report") == Path("no-such-report")
