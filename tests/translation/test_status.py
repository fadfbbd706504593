"""`briefer translations status`: what is missing or outdated in a language, unit by unit."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from briefer.cli.main import main

from ..conftest import CONTENT


@pytest.fixture
def content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


def status(content: Path, capsys, *language: str) -> tuple[int, list[str]]:
    capsys.readouterr()
    code = main(["translations", "status", "--content", str(content), *language])
    return code, capsys.readouterr().out.splitlines()


def test_the_status_finds_a_missing_and_an_outdated_translation(content: Path, capsys) -> None:
    code, lines = status(content, capsys, "--language", "fr")
    assert code == 0
    assert lines[0] == "fr: 16 of 123 units translated; 0 outdated, 0 incomplete, 107 missing"

    # the source of a translated block changes; a translated audience loses its translation
    path = content / "sections" / "07-conclusion.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Worse still,", "Worse still, and plainly,"), "utf-8")
    audiences = content / "translations" / "fr" / "audiences.yaml"
    data = yaml.safe_load(audiences.read_text(encoding="utf-8"))
    del data["units"]["audience:diplomats"]
    audiences.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")

    code, lines = status(content, capsys, "--language", "fr")
    assert code == 0
    assert lines[0] == "fr: 14 of 123 units translated; 1 outdated, 0 incomplete, 108 missing"
    (outdated,) = [line for line in lines if line.split()[0] == "outdated"]
    assert "block:conclusion-6" in outdated and "translations/fr/sections/conclusion.yaml:" in outdated
    (missing,) = [line for line in lines if "audience:diplomats" in line]
    assert missing.split()[0] == "missing" and " content/translations/fr/audiences.yaml " in missing


def test_every_language_at_once_and_a_broken_file(content: Path, capsys) -> None:
    code, lines = status(content, capsys)
    assert code == 0 and [line.split(":")[0] for line in lines if not line.startswith(" ")] == ["fr", "uk"]
    (content / "translations" / "uk" / "countries.yaml").write_text("units: [", encoding="utf-8")
    capsys.readouterr()
    assert main(["translations", "status", "--content", str(content), "--language", "uk"]) == 2
    assert "translations/uk/countries.yaml:" in capsys.readouterr().err


def test_a_language_without_translations_says_where_they_go(content: Path, capsys) -> None:
    code, lines = status(content, capsys, "--language", "lt")
    assert code == 0 and lines[0] == "lt: 0 of 123 units translated; 0 outdated, 0 incomplete, 123 missing"
    assert " content/translations/lt/countries.yaml " in next(line for line in lines if "country:FI" in line)


def test_the_report_s_own_language_is_not_a_translation(content: Path, capsys) -> None:
    assert main(["translations", "status", "--content", str(content), "--language", "en-GB"]) == 2
    assert "the report is written in en" in capsys.readouterr().err
