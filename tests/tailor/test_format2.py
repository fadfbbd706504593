"""Tailoring the blocks and declarations of content format 2: labels, source lines, the sources
they add, note numbers in table cells, and status details as the report declares them."""

from __future__ import annotations

from briefer.content.model import Report
from briefer.tailor.brief import BFigure, BTable, CountryBox, brief_plain
from briefer.tailor.recipe import Recipe
from briefer.tailor.tailor import tailor


def _blocks(brief, kind):  # type: ignore[no-untyped-def]
    return [b for p in brief.sections for b in p.blocks if isinstance(b, kind)]


def test_tables_and_figures_take_their_labels_and_sources(gao_report: Report) -> None:
    brief = tailor(gao_report, Recipe())
    tables = _blocks(brief, BTable)
    figure = _blocks(brief, BFigure)[0]
    assert [t.label for t in tables] == ["Table 1", "Table 2"] and figure.label == "Figure 5"
    assert brief_plain(figure.source) == "Source: Redrawn from GAO-26-107955, fig. 5."
    assert brief_plain(tables[1].source) == "Source: GAO/GGD-97-180 and GAO-13-201; GAO-26-107955, table 2."
    # the report itself is cited only by its tables and figure: it is in the sources list
    assert "gao-26-107955" in [s.id for s in brief.sources]


def test_a_brief_without_a_sources_list_cites_tables_in_full(gao_report: Report) -> None:
    brief = tailor(gao_report, Recipe(sources_list=False))
    figure = _blocks(brief, BFigure)[0]
    text = brief_plain(figure.source)
    assert text.startswith("Source: Redrawn from U.S. Government Accountability Office, “Defense Contractor")
    assert text.endswith("fig. 5, https://www.gao.gov/products/gao-26-107955.")
    assert brief.sources == ()


def test_notes_in_cells_are_numbered_in_reading_order(mini_report: Report) -> None:
    brief = tailor(mini_report, Recipe(sections=("cases",)))
    table = _blocks(brief, BTable)[0]
    europe = table.rows[1][1]
    number = europe[-1].number  # type: ignore[union-attr]
    assert brief.notes[number - 1].origin == "f"
    assert [n.origin for n in brief.notes] == ["b", "c", "e", "f"]


def test_status_details_follow_the_declaration(report: Report) -> None:
    brief = tailor(report, Recipe(countries=("FI",)))
    box = next(p for p in brief.parts if isinstance(p, CountryBox))
    apmbc = box.instruments[0]
    assert apmbc.details[0] == ("Joined:", "9 January 2012 (accession)")  # 'how' qualifies 'joined'
    assert box.status_headers == ("Treaty", "Status", "Key dates")
    assert brief.status_title == "Treaty status"


def test_the_report_address_and_about_reach_the_brief(gao_report: Report) -> None:
    brief = tailor(gao_report, Recipe(sections=("conclusions",)))
    assert brief.url == "https://www.gao.gov/products/gao-26-107955"
    assert brief_plain(brief.about).startswith("The Government Accountability Office, the audit")
