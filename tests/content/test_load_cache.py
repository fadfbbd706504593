"""A report read from the cache is the report the files hold now: any change to them is read anew."""

from __future__ import annotations

import dataclasses
import os
import shutil
import time
from pathlib import Path

import pytest

from briefer import cache
from briefer.content import load_cache
from briefer.content.load import check_report, load_report

from ..conftest import MINI


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(cache.DIR_ENV, str(tmp_path / "cache"))
    monkeypatch.delenv(cache.OFF_ENV, raising=False)
    return tmp_path / "cache"


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    target = tmp_path / "mini-report"
    shutil.copytree(MINI, target)
    return target


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files copied a moment ago count as settled (the real rule waits a few seconds)."""
    monkeypatch.setattr(load_cache, "SETTLED_NS", -60_000_000_000)


def summary_file(mini: Path) -> Path:
    return mini / "sections" / "01-summary.yaml"


def test_an_unchanged_report_is_stored_and_read_back_equal(mini: Path, folder: Path, settled: None) -> None:
    first = load_report(mini)
    assert len(list(folder.glob("content-*.pickle"))) == 1
    again = load_report(mini)
    assert again == first
    assert check_report(mini)[1] == check_report(mini)[1]  # the warnings come back too


def test_an_edit_of_the_same_size_is_read_anew(mini: Path, folder: Path, settled: None) -> None:
    load_report(mini)
    path = summary_file(mini)
    info = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace("300 river", "400 river"), encoding="utf-8")
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))  # even with its old time put back
    assert path.stat().st_size == info.st_size
    report = load_report(mini)
    assert "400 river" in str(report.section("summary").blocks[0])


def test_a_renamed_file_is_read_anew(mini: Path, folder: Path, settled: None) -> None:
    assert [s.id for s in load_report(mini).sections] == ["summary", "cases"]
    (mini / "sections" / "02-cases.yaml").rename(mini / "sections" / "00-cases.yaml")  # sections go by name
    assert [s.id for s in load_report(mini).sections] == ["cases", "summary"]


def test_errors_are_never_stored(mini: Path, folder: Path, settled: None) -> None:
    path = summary_file(mini)
    path.write_text(path.read_text(encoding="utf-8").replace("id: summary", "id: [", 1), encoding="utf-8")
    assert check_report(mini)[0] is None
    assert not list(folder.glob("content-*.pickle"))


def test_files_changed_a_moment_ago_are_not_stored(mini: Path, folder: Path) -> None:
    assert time.time_ns() - summary_file(mini).stat().st_ctime_ns < load_cache.SETTLED_NS
    load_report(mini)
    assert not list(folder.glob("content-*.pickle"))


def test_a_cache_of_another_key_is_not_used(mini: Path, folder: Path, settled: None) -> None:
    """A file under the folder's name but made for other files (or another briefer) is ignored."""
    real = load_report(mini)
    (stored,) = folder.glob("content-*.pickle")
    fake = dataclasses.replace(real, title="Forged")
    cache.write(stored.name, ("another briefer",), (fake, ()))
    assert load_report(mini).title == real.title
