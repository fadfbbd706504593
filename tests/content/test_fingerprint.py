"""A report's fingerprint is of its content, not its files: reformatting YAML changes nothing,
any change to any field of the model changes it, and each part has its own fingerprint."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Iterator
from pathlib import Path

import yaml

from briefer.content import fingerprint
from briefer.content.fingerprint import stamp_of
from briefer.content.load import load_report
from briefer.content.model import (
    Column,
    Figure,
    Heading,
    Instrument,
    InstrumentStatus,
    ItemList,
    ListItem,
    Report,
    StatusField,
    StatusScheme,
    Table,
)
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
    if isinstance(value, int | float):
        return value + 1
    assert isinstance(value, str), value
    return value + " (edited)"


# (dataclass, field) pairs that are not content: the report's unstamped fields, a figure's image
# as an absolute path (the image's `digest`, which is walked, stands for it); fields outside
# equality (`where`) are skipped too
_NOT_CONTENT = {(Figure, "image"), *((Report, name) for name in fingerprint.UNSTAMPED)}


def _edits(value: object, covered: set[tuple[type, str]]) -> Iterator[tuple[str, object]]:
    """(path, edited copy of value): one edit of every field of every kind of dataclass inside
    value, walking into nested dataclasses and tuples (the status scheme's instruments and their
    fields, a table's cells, a list's items...), and one removal from every kind of tuple."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            key = (type(value), f.name)
            if not f.compare or f.name.startswith("_") or key in _NOT_CONTENT:
                continue
            inner = getattr(value, f.name)
            if isinstance(inner, tuple | None) or dataclasses.is_dataclass(inner):
                if isinstance(inner, tuple) and inner and key not in covered:
                    covered.add(key)
                    yield f.name, dataclasses.replace(value, **{f.name: inner[:-1]})
                for path, edited in _edits(inner, covered):
                    covered.add(key)
                    yield f"{f.name}.{path}", dataclasses.replace(value, **{f.name: edited})
            elif key not in covered:
                covered.add(key)
                yield f.name, dataclasses.replace(value, **{f.name: _changed(inner)})
    elif isinstance(value, tuple):
        for n, item in enumerate(value):
            for path, edited in _edits(item, covered):
                yield f"{n}.{path}", (*value[:n], edited, *value[n + 1 :])
            if isinstance(item, str) and (str, "") not in covered:
                covered.add((str, ""))
                yield f"{n}", (*value[:n], _changed(item), *value[n + 1 :])


def test_any_change_to_any_field_changes_the_fingerprint(
    report: Report, gao_report: Report, mini_report: Report
) -> None:
    covered: set[tuple[type, str]] = set()
    for shipped in (report, gao_report, mini_report):
        before = stamp_of(shipped).fingerprint
        reached: set[tuple[type, str]] = set()
        for path, edited in _edits(shipped, reached):
            assert isinstance(edited, Report)
            assert stamp_of(edited).fingerprint != before, f"{shipped.id}: {path}"
        covered |= reached
    # between them the three reports reach every field of the status declaration, of every
    # country's statuses and of every format-2 block
    # (tags: the same BlockTags on every kind, digested with the block's other fields, and
    # edited above wherever a report uses them)
    kinds = (
        StatusScheme,
        Instrument,
        StatusField,
        InstrumentStatus,
        Heading,
        ItemList,
        ListItem,
        Table,
        Column,
        Figure,
    )
    for kind in kinds:
        fields = {f.name for f in dataclasses.fields(kind) if f.compare and (kind, f.name) not in _NOT_CONTENT} - {
            "tags"
        }
        assert fields <= {name for k, name in covered if k is kind}, kind


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
