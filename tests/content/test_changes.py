"""What changed since a brief was made: edits to the YAML of a copy of the report, named by part and section."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefer.content.changes import compare, describe
from briefer.content.fingerprint import stamp_of
from briefer.content.load import load_report
from briefer.content.model import Report
from tests.conftest import CONTENT


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _lines(report: Report, copy: Path) -> list[str]:
    old = stamp_of(report).contents
    assert old is not None
    return describe(compare(old, load_report(copy)))


def test_unchanged_report_has_no_changes(report: Report) -> None:
    old = stamp_of(report).contents
    assert old is not None
    assert not compare(old, load_report(CONTENT))


def test_a_block_a_note_and_a_country_fact_are_each_named(report: Report, copy: Path) -> None:
    utility = copy / "sections" / "04-military-utility.yaml"
    _edit(utility, "extremely limited — and even negative", "extremely limited")
    harm = copy / "sections" / "03-unacceptable-harm.yaml"
    _edit(harm, "anti-vehicle mines and booby traps", "anti-vehicle mines, booby traps")
    _edit(copy / "countries.yaml", "on 25 November 2011", "on 24 November 2011")
    lines = _lines(report, copy)

    assert lines == [
        "Section “Unacceptable harm” (unacceptable-harm): note 3 changed",
        "Section “Unproven military utility” (military-utility): block military-utility-3 changed",
        "Countries: Finland (FI) facts changed",
    ]


def test_a_status_change_names_the_field(report: Report, copy: Path) -> None:
    _edit(copy / "countries.yaml", "status: withdrawn (effective 10 January 2026)", "status: withdrawn")
    _edit(copy / "countries.yaml", "joined: 2012-01-09", "joined: 2012-01-10")
    assert _lines(report, copy) == ["Countries: Finland (FI) status changed (APMBC: status, Joined)"]


def test_a_block_added_at_the_top_is_one_addition_not_a_cascade(report: Report, copy: Path) -> None:
    # blocks without an id get one from their place (conclusion-1, -2...): adding one renumbers the rest
    _edit(copy / "sections" / "07-conclusion.yaml", "blocks:\n", "blocks:\n  - paragraph: A new first paragraph.\n")
    assert _lines(report, copy) == ["Section “Conclusion: A matter of facts” (conclusion): block conclusion-1 added"]


def test_removed_and_moved_blocks(report: Report, copy: Path) -> None:
    conclusion = copy / "sections" / "07-conclusion.yaml"
    first = load_report(copy).section("conclusion").blocks[0]
    text = conclusion.read_text(encoding="utf-8")
    start = text.index("  - ", text.index("blocks:"))
    end = text.index("  - ", start + 4)
    block_yaml = text[start:end]
    conclusion.write_text(text[:start] + text[end:], encoding="utf-8")
    foreword = copy / "sections" / "01-foreword.yaml"
    _edit(foreword, "blocks:\n", "blocks:\n" + block_yaml)
    lines = _lines(report, copy)
    assert "block foreword-1 moved from “Conclusion: A matter of facts”" in "\n".join(lines), lines
    assert first.id == "conclusion-1"

    conclusion.write_text(text[:start] + text[end:], encoding="utf-8")
    foreword.write_text((CONTENT / "sections" / "01-foreword.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    assert _lines(report, copy) == ["Section “Conclusion: A matter of facts” (conclusion): block conclusion-1 removed"]


def test_a_new_section_and_reordered_sections(report: Report, copy: Path) -> None:
    (copy / "sections" / "01-foreword.yaml").rename(copy / "sections" / "08-foreword.yaml")
    lines = _lines(report, copy)
    assert "The sections are in a new order" in lines
