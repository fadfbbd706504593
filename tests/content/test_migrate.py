"""`briefer migrate`: format-1 content rewritten as format 2, reading back as the same report."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefer.content.load import load_report
from briefer.content.migrate import migrate

from ..conftest import CONTENT, FORMAT_1, ROOT
from .test_validation import edit


@pytest.fixture
def old(tmp_path: Path) -> Path:
    target = tmp_path / "old-report"
    shutil.copytree(FORMAT_1, target)
    return target


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefer", *args], cwd=ROOT, capture_output=True, text=True)


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_migrate_to_a_new_folder_leaves_the_old_one_alone(old: Path, tmp_path: Path) -> None:
    before = files(old)
    done = run("migrate", str(old), "-o", str(tmp_path / "new"))
    assert done.returncode == 0, done.stderr
    assert "to content format 2 to" in done.stdout and "is unchanged" in done.stdout
    assert files(old) == before
    new, original = load_report(tmp_path / "new"), load_report(old)
    assert new.format == 2 and original.format == 1
    assert dataclasses.replace(original, format=2) == new
    text = (tmp_path / "new" / "report.yaml").read_text(encoding="utf-8")
    assert text.startswith("format: 2\n") and "instruments:" in text and "treaties:" not in text


def test_migrate_in_place_keeps_comments_and_runs_once(old: Path) -> None:
    edit(old / "countries.yaml", "countries:\n", "# the countries, with their sources\ncountries:\n")
    done = run("migrate", str(old))
    assert done.returncode == 0 and "in place" in done.stdout
    assert (old / "countries.yaml").read_text(encoding="utf-8").startswith("# the countries, with their sources\n")
    assert load_report(old).format == 2
    again = run("migrate", str(old))
    assert again.returncode == 0 and "already content format 2" in again.stderr


def test_markup_characters_are_escaped_and_undefined_countries_dropped(old: Path) -> None:
    edit(old / "sections" / "01-summary.yaml", "title: Summary", "title: Summary *draft*")
    edit(old / "sections" / "02-cases.yaml", "countries: [PL]", "countries: [PL, DE]")
    before = load_report(old)
    migration = migrate(old)
    assert any("02-cases.yaml:6: removed from the countries tag" in n and "DE" in n for n in migration.notices)
    after = load_report(old)
    assert after.section("summary").title == before.section("summary").title == "Summary *draft*"
    assert after.section("cases").blocks[0].tags.countries == ("PL",)


def test_content_with_errors_is_not_migrated(old: Path) -> None:
    edit(old / "report.yaml", "year: 2024", "year: soon")
    before = files(old)
    done = run("migrate", str(old))
    assert done.returncode == 2 and "'year' in report.yaml must be a whole number" in done.stderr
    assert files(old) == before


def test_migrating_into_a_folder_with_files_is_refused(old: Path, tmp_path: Path) -> None:
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "keep.txt").write_text("mine", encoding="utf-8")
    done = run("migrate", str(old), "-o", str(tmp_path / "taken"))
    assert done.returncode == 2 and "exists and is not empty" in done.stderr
    assert files(tmp_path / "taken") == {"keep.txt": b"mine"}


def test_the_shipped_report_is_format_2() -> None:
    assert load_report(CONTENT).format == 2
