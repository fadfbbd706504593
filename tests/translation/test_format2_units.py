"""Format 2's texts are translation units: a list's items, a table's caption, cells and source,
a figure's caption and alt text, the status declaration's headings, names and labels. A
pseudo-translation through the XLIFF round trip reaches every one of them in the PDF (text
read back, the figure's /Alt from the structure tree)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from briefer.build import build_bytes
from briefer.content.load import load_report
from briefer.content.model import Figure, ItemList, Table, plain_text
from briefer.content.units import report_units
from briefer.tailor.recipe import Recipe, Untranslated
from briefer.translation.store import save_units
from briefer.translation.xliff import export_xliff, read_xliff
from tests.render.readback import read_back
from tests.render.tagged import Tagged
from tests.translation.pseudo import pseudo, translate_all

from ..conftest import MINI


def _text(data: bytes) -> str:
    back = read_back(data)
    return re.sub(r"\s+", " ", " ".join(back.page_text(n) for n in range(1, back.page_count + 1)))


def test_every_text_of_the_new_blocks_and_the_status_declaration_is_translated(tmp_path: Path) -> None:
    content = tmp_path / "mini"
    shutil.copytree(MINI, content)
    report = load_report(content)
    paths = {unit.id: [path for path, _ in unit.texts] for unit in report_units(report)}
    status = paths[f"status:{report.id}"]
    assert {"title", "compared_title", "instrument_label", "details_label", "instruments.1.name"} <= set(status)
    assert "instruments.1.fields.1.label" in status
    exported = tmp_path / "fi.xlf"
    exported.write_bytes(translate_all(export_xliff(report, "fi")[0]))
    save_units(content, report, "fi", read_xliff(exported, report).units)
    # a table's citation is kept apart from the unit's fingerprint (both would be `source`)
    saved = yaml.safe_load((content / "translations" / "fi" / "sections" / "cases.yaml").read_text("utf-8"))
    table = saved["units"]["block:basins-table"]
    assert table["source"] != table["source_line"] and "@un-water-2021" in table["source_line"]
    translated = load_report(content)
    recipe = Recipe(language="fi", countries=("PL", "UA"), untranslated=Untranslated.REFUSE)
    data = build_bytes(translated, recipe)
    text = _text(data)
    blocks = [b for s in report.sections for b in s.blocks]
    wanted: list[str] = [report.status.compared_title, report.status.details_label.upper()]
    wanted += [report.status.instruments[0].name]
    for block in blocks:
        if isinstance(block, ItemList):
            wanted += [plain_text(t) for item in block.items for t in (item.text, *item.items)]
        elif isinstance(block, Table):
            wanted += [plain_text(block.caption), *(plain_text(c) for row in block.rows for c in row)]
            wanted += [plain_text(c) for row in block.header for c in row]
        elif isinstance(block, Figure):
            wanted.append(plain_text(block.caption))
    for english in wanted:
        english = english.strip()
        if sum(c in "aeiouycnszAEIOUYCNSZ" for c in english) == 0:
            continue  # nothing a pseudo-translation changes ("64")
        assert pseudo(english) in text, english
        assert english not in text, english
    doc = Tagged(data)
    alts = {str(e.obj.get("/Alt")) for e in doc.elements("Figure")}
    figures = [b for b in blocks if isinstance(b, Figure)]
    assert figures and {pseudo(f.alt) for f in figures} <= alts
