"""Format 2's blocks in the tagged PDF, read back from the mini report and the GAO report:
sub-headings one level under their section's heading, lists as L/LI/Lbl/LBody (nested lists
inside their item's body), tables as Table/THead/TR/TH (with /Scope)/TD, figures with the
content's alt text; the pdfua checker finds nothing on either."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdfua import validate

from briefer.content.model import Figure, Heading, ItemList, Report, Table
from briefer.render.pdf import render_pdf
from briefer.tailor.recipe import Recipe
from briefer.tailor.tailor import tailor
from tests.render.reading_order import expected_reading
from tests.render.tagcheck import check_all, notes_follow_references
from tests.render.tagged import Element, Tagged, squash
from tests.render.test_tagged_pdf import contents_pages


@pytest.fixture(scope="module", params=["mini_report", "gao_report"])
def made(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, Path]:
    report: Report = request.getfixturevalue(request.param)
    path = tmp_path_factory.mktemp("format2") / f"{report.id}.pdf"
    path.write_bytes(render_pdf(tailor(report, Recipe())))
    return report, path


def _blocks(report: Report, kind: type) -> list:
    return [b for s in report.sections for b in s.blocks if isinstance(b, kind)]


def test_the_pdfua_checker_finds_nothing(made: tuple[Report, Path]) -> None:
    result = validate(str(made[1]))
    assert not result.skipped, [(o.rule_id, o.skipped_reason) for o in result.skipped]
    assert not result.findings, [(f.rule_id, f.message) for f in result.findings]


def test_every_check_passes_and_the_tree_reads_in_the_briefs_order(made: tuple[Report, Path]) -> None:
    report, path = made
    doc = Tagged(path.read_bytes())
    check_all(doc)
    brief = tailor(report, Recipe())
    assert notes_follow_references(doc) == len(brief.notes)
    expected = squash("".join(expected_reading(brief, contents_pages(brief, doc.data))))
    assert squash(doc.text_of(doc.root)) == expected


def test_sub_headings_are_one_level_under_their_section(made: tuple[Report, Path]) -> None:
    report, path = made
    doc = Tagged(path.read_bytes())
    headings = {squash(doc.text_of(e)): e.role for e in doc.elements() if e.role in ("H1", "H2", "H3", "H4")}
    section_level = {squash(s.title): headings.get(squash(s.title)) for s in report.sections}
    assert set(section_level.values()) == {"H1"}, section_level
    subs = _blocks(report, Heading)
    assert subs
    for block in subs:
        text = squash("".join(getattr(p, "text", "") for p in block.text))
        assert headings.get(text) == f"H{block.level - 1}", (text, headings.get(text))


def test_lists_are_labelled_items(made: tuple[Report, Path]) -> None:
    report, path = made
    doc = Tagged(path.read_bytes())
    lists = [e for e in doc.elements("L") if e.parent is not None and e.parent.role != "LBody"]
    items = [item for block in _blocks(report, ItemList) for item in block.items]
    top_items = [li for lst in lists for li in lst.elements() if li.role == "LI"]
    assert len(top_items) >= len(items) > 0
    for li in top_items:
        assert [k.role for k in li.elements()][:2] == ["Lbl", "LBody"]
        assert doc.text_of(li.elements()[1]).strip()
    nested = [item for item in items if item.items]
    inner = [e for e in doc.elements("L") if e.parent is not None and e.parent.role == "LBody"]
    assert len(inner) == len(nested)


def _cells(row: Element) -> list[Element]:
    return [c for c in row.elements() if c.role in ("TH", "TD")]


def test_tables_have_header_cells_with_scope(made: tuple[Report, Path]) -> None:
    report, path = made
    doc = Tagged(path.read_bytes())
    captions = {squash("".join(getattr(p, "text", "") for p in t.caption)) for t in _blocks(report, Table)}
    tables = [t for t in doc.elements("Table") if any(k.role == "Caption" for k in t.elements())]
    assert len(tables) == len(captions) > 0
    for table in tables:
        caption = squash(doc.text_of(next(k for k in table.elements() if k.role == "Caption")))
        assert any(c in caption for c in captions), caption
        head = [e for e in table.walk() if e.role == "THead"]
        assert head and all(c.role == "TH" for tr in head[0].elements() for c in _cells(tr))
        assert {c.attribute("Table", "Scope") for tr in head[0].elements() for c in _cells(tr)} == {"Column"}
        body = [e for e in table.walk() if e.role == "TBody"]
        assert body and any(c.role == "TD" for tr in body[0].elements() for c in _cells(tr))


def test_figures_carry_the_contents_alt_text(made: tuple[Report, Path]) -> None:
    report, path = made
    doc = Tagged(path.read_bytes())
    alts = [str(e.obj.get("/Alt")) for e in doc.elements("Figure")]
    figures = _blocks(report, Figure)
    assert figures
    for figure in figures:
        assert figure.alt in alts
