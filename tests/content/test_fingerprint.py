"""A report's fingerprint is of its content, not its files: reformatting YAML changes nothing,
any change to any field of the model changes it, and each part has its own fingerprint."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import yaml

from briefer.content import fingerprint
from briefer.content.fingerprint import stamp_of
from briefer.content.load import load_report
from briefer.content.model import Report
from tests.conftest import CONTENT


def _reformat(folder: Path) -> None:
    """Rewrite every YAML file: keys sorted, flow style, no comments, other quoting."""
    for path in folder.rglob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(data, sort_keys=True, default_flow_style=True, width=70), encoding="utf-8")


def test_reformatted_yaml_has_the_same_fingerprint(tmp_path: Path, report: Report) -> None:
    copy = tmp_path / "content"
    shutil.copytree(CONTENT, copy)
    _reformat(copy)
    (copy / "sections" / "01-foreword.yaml").rename(copy / "sections" / "01-a-renamed-foreword.yaml")
    assert (copy / "report.yaml").read_text(encoding="utf-8").startswith("{")
    assert stamp_of(load_report(copy)).fingerprint == stamp_of(report).fingerprint


def test_the_same_content_loaded_twice_has_the_same_stamp(report: Report) -> None:
    again = load_report(CONTENT)
    assert again is not report
    assert stamp_of(again) == stamp_of(report)


def test_every_field_of_the_report_is_fingerprinted() -> None:
    names = {f.name for f in dataclasses.fields(Report) if not f.name.startswith("_")}
    assert names == set(fingerprint._META_FIELDS) | set(fingerprint._PARTS) | set(fingerprint.UNSTAMPED)


def _changed(value: object) -> object:
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, str):
        return value + " (edited)"
    assert isinstance(value, tuple) and value, value
    return value[:-1]


def test_any_change_to_any_field_changes_the_fingerprint(report: Report) -> None:
    before = stamp_of(report).fingerprint
    for field in dataclasses.fields(Report):
        if field.name.startswith("_") or field.name in fingerprint.UNSTAMPED:
            continue
        edited = dataclasses.replace(report, **{field.name: _changed(getattr(report, field.name))})
        assert stamp_of(edited).fingerprint != before, field.name


def test_a_changed_block_changes_only_its_own_part_fingerprint(report: Report) -> None:
    section = report.sections[3]
    block = section.blocks[2]
    edited_block = dataclasses.replace(block, text=block.text[:-1])
    edited_section = dataclasses.replace(section, blocks=(*section.blocks[:2], edited_block, *section.blocks[3:]))
    edited = dataclasses.replace(report, sections=(*report.sections[:3], edited_section, *report.sections[4:]))
    old, new = stamp_of(report).contents, stamp_of(edited).contents
    assert old is not None and new is not None
    assert old.sections[3].blocks != new.sections[3].blocks
    differing = [b for b, a in zip(old.sections[3].blocks, new.sections[3].blocks, strict=True) if a != b]
    assert [ident for ident, _ in differing] == [block.id]
    assert old.sections[:3] == new.sections[:3] and old.countries == new.countries
