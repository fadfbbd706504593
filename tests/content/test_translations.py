"""Reading translations/<language>/: units checked against their source, problems located, and a
broken translation never stopping the report (or another language) from loading."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefer.content.load import load_report
from briefer.content.model import Report
from briefer.content.translations import State, unit_state
from briefer.content.units import report_units

from ..conftest import CONTENT

SAMPLE = {
    "report:withdrawal-symptoms",
    "status:withdrawal-symptoms",
    "section:conclusion",
    *(f"block:conclusion-{n}" for n in range(1, 7)),
    "note:17",
    "note:20",
    "note:28",
    "note:29",
    "audience:diplomats",
    "country:SE",
    "country:NO",
}


@pytest.fixture
def content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("language", ["fr", "uk"])
def test_the_shipped_sample_is_current_and_clean(report: Report, language: str) -> None:
    translations = report.translations[language]
    assert not translations.problems
    states = {unit.id: unit_state(unit, translations.units.get(unit.id)) for unit in report_units(report)}
    assert {unit_id for unit_id, state in states.items() if state is State.CURRENT} == SAMPLE


def test_a_dropped_note_marker_is_named_with_its_place_and_the_unit_left_out(content: Path) -> None:
    path = content / "translations" / "fr" / "sections" / "conclusion.yaml"
    edit(path, "au déminage.[^28]", "au déminage.")
    report = load_report(content)  # the report itself still loads
    translations = report.translations["fr"]
    (problem,) = [p for p in translations.problems if not p.warning]
    assert problem.where.file.endswith("translations/fr/sections/conclusion.yaml") and problem.where.line > 1
    assert "block:conclusion-2" in problem.message and "[^28] is missing" in problem.message
    assert "block:conclusion-2" not in translations.units
    assert "block:conclusion-1" in translations.units
    assert not report.translations["uk"].problems  # another language is not affected


def test_a_duplicated_marker_and_an_invented_one_are_named(content: Path) -> None:
    path = content / "translations" / "uk" / "sections" / "conclusion.yaml"
    edit(path, "розмінуванню.[^28]", "розмінуванню.[^28][^28]")
    edit(path, "корисністю.**[^29]", "корисністю.**[^29][^3]")
    messages = [p.message for p in load_report(content).translations["uk"].problems]
    assert any("[^28] is there 2 times" in m for m in messages)
    assert any("[^3] is not in the source" in m for m in messages)


def test_problems_of_a_translation_file_are_located(content: Path) -> None:
    folder = content / "translations" / "fr"
    (folder / "broken.yaml").write_text("language: fr\nunits: [unclosed\n", encoding="utf-8")
    (folder / "other.yaml").write_text(
        "language: de\nunits:\n  block:nonexistent:\n    source: abc\n    text: x\n"
        "  note:28:\n    source: 1234\n    text: y\n",
        encoding="utf-8",
    )
    report = load_report(content)
    problems = [str(p) for p in report.translations["fr"].problems]
    assert any("broken.yaml:2:" in p and "YAML syntax error" in p for p in problems)  # where the [ opens
    assert any("other.yaml:1:" in p and "'de'" in p for p in problems)
    assert any("other.yaml:3:" in p and "warning" in p and "block:nonexistent" in p for p in problems)
    assert any("other.yaml:6:" in p and "translated twice" in p for p in problems)


def test_an_edited_source_makes_its_translation_outdated(content: Path) -> None:
    edit(content / "sections" / "07-conclusion.yaml", "Worse still,", "Worse still, and plainly,")
    report = load_report(content)
    units = {unit.id: unit for unit in report_units(report)}
    unit = units["block:conclusion-6"]
    assert unit_state(unit, report.translations["fr"].units.get(unit.id)) is State.OUTDATED
    assert unit_state(units["block:conclusion-5"], report.translations["fr"].units["block:conclusion-5"]) is (
        State.CURRENT
    )


def test_validate_summarises_each_language_and_fails_on_a_broken_translation(content: Path, capsys) -> None:
    from briefer.cli.main import main

    assert main(["validate", "--content", str(content)]) == 0
    out = capsys.readouterr().out
    assert "translations into fr: 16 of 123 units current" in out and "translations into uk:" in out
    edit(content / "translations" / "uk" / "countries.yaml", "country:SE:\n    source:", "country:SE:\n    sourse:")
    assert main(["validate", "--content", str(content)]) == 2
    err = capsys.readouterr().err
    assert "translations/uk/countries.yaml:" in err and "'sourse'" in err
