"""Independent checkers agree with the tagging: the pdfua package (PDF/UA-1's machine-checkable
rules it implements), poppler's `pdfinfo -struct-text`, and tagging moves nothing on the page."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pdfua import validate

from briefer.build import OutputFormat, render
from briefer.render.pdf import render_pdf
from briefer.tailor.brief import Brief
from briefer.tailor.glance import glance_recipe
from briefer.tailor.recipe import PreparedFor, Recipe
from briefer.tailor.tailor import tailor
from tests.render.briefs import make_brief
from tests.render.tagged import Tagged

RECIPE = Recipe(
    audience="parliamentarians",
    countries=("FI", "LT"),
    watermark="DRAFT",
    prepared_for=PreparedFor(recipient="Ms Anna Virtanen MP"),
)


@pytest.fixture(scope="module")
def brief(report: object) -> Brief:
    return tailor(report, RECIPE)


@pytest.fixture(scope="module")
def pdfs(brief: Brief, report: object, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("tagged")
    made = {
        "report": render_pdf(brief),
        "synthetic": render_pdf(make_brief()),
        "glance": render(
            tailor(report, glance_recipe(Recipe(audience="defence", countries=("FI",)))), OutputFormat.GLANCE
        ),
    }
    paths = {}
    for name, data in made.items():
        paths[name] = folder / f"{name}.pdf"
        paths[name].write_bytes(data)
    return paths


@pytest.mark.parametrize("name", ["report", "synthetic", "glance"])
def test_the_pdfua_checker_finds_nothing(pdfs: dict[str, Path], name: str) -> None:
    result = validate(str(pdfs[name]))
    assert not result.skipped, [(o.rule_id, o.skipped_reason) for o in result.skipped]
    assert len(result.outcomes) >= 12
    assert not result.findings, [(f.rule_id, f.message) for f in result.findings]


def _struct_text(path: Path) -> list[str]:
    pdfinfo = shutil.which("pdfinfo")
    assert pdfinfo, "pdfinfo (poppler-utils) is missing: ./run test installs it"
    done = subprocess.run([pdfinfo, "-struct-text", str(path)], capture_output=True, text=True, check=True)
    assert "Syntax Error" not in done.stderr, done.stderr
    return done.stdout.splitlines()


def test_poppler_prints_headings_in_order_and_each_note_after_its_reference(
    pdfs: dict[str, Path], brief: Brief
) -> None:
    lines = _struct_text(pdfs["report"])
    assert lines[0] == "Document"
    headings = [lines[i + 1].strip().strip('"').strip() for i, line in enumerate(lines) if line.strip() == "H1 (block)"]
    part_titles = [p.title for p in brief.parts]
    assert [h for h in headings if h in part_titles] == part_titles
    for note in brief.notes:
        at = next(i for i, line in enumerate(lines) if line.strip() == f"Note <note-{note.number}> (inline)")
        before = [line.strip() for line in lines[at - 4 : at]]
        assert before[0] == "Reference (inline)" and before[1] == "Link (inline)", lines[at - 4 : at + 1]
        assert before[2].strip('" ') == str(note.number)
    assert sum(1 for line in lines if re.match(r"\s+Object \d+ 0$", line)) == _link_count(pdfs["report"])


def _link_count(path: Path) -> int:
    return len(Tagged(path.read_bytes()).link_annotations())


def test_poppler_prints_the_at_a_glance_tree(pdfs: dict[str, Path]) -> None:
    lines = [line.strip() for line in _struct_text(pdfs["glance"])]
    assert lines[0] == "Document" and "Note <note-1> (inline)" in lines and "TH:" in lines


def _pixels(data: bytes) -> list[bytes]:
    doc = pdfium.PdfDocument(data)
    return [doc[i].render(scale=0.75).to_pil().tobytes() for i in range(len(doc))]


def test_tagging_moves_nothing_on_the_page() -> None:
    brief = make_brief()
    assert _pixels(render_pdf(brief)) == _pixels(render_pdf(brief, tagged=False))
