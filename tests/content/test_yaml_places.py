"""A YAML mistake is reported on the line of the mistake, not where YAML gave up reading; a missing
section file is named."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefer.content.load import check_report
from briefer.content.located import YamlError, parse_located
from tests.conftest import CONTENT

SECTION = CONTENT / "sections" / "02-introduction.yaml"


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def mistake(old: str, new: str) -> tuple[YamlError, int]:
    """The error for one edit of a real section file, and the line the edit is on."""
    text = SECTION.read_text(encoding="utf-8")
    assert old in text
    broken = text.replace(old, new, 1)
    with pytest.raises(YamlError) as caught:
        parse_located(broken, "02-introduction.yaml")
    return caught.value, line_of(broken, new)


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        ('- id: "1"', '- id: "1', "closing quote missing"),  # the quote swallows three lines
        ("title: Introduction", "title: 'Introduction", "quote opened here is never closed"),  # ... and 26
        ("title: Introduction", "title Introduction", "no ':' after it"),
        ("countries: [GB]", "countries: [GB", "'[' opened here is never closed"),
    ],
)
def test_a_mistake_is_reported_on_its_own_line(old: str, new: str, says: str) -> None:
    error, line = mistake(old, new)
    assert error.where.line == line, str(error)
    assert says in error.message and "at line" in error.message  # and where YAML noticed it


def test_a_mistake_yaml_sees_where_it_is_stays_there() -> None:
    error, line = mistake("title: Introduction", "title: Intro: duction")
    assert error.where.line == line and "mapping values are not allowed" in error.message


@pytest.fixture
def content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


def test_a_missing_section_file_is_named(content: Path) -> None:
    (content / "sections" / "03-unacceptable-harm.yaml").unlink()
    report, problems = check_report(content)
    errors = [str(p) for p in problems if not p.warning]
    assert report is None and errors
    sections = [e for e in errors if "unknown section 'unacceptable-harm'" in e]
    assert sections and all("is content/sections/03-unacceptable-harm.yaml missing?" in e for e in sections)
    notes = [e for e in errors if "unknown note" in e]
    assert all("perhaps a note of section 'unacceptable-harm', whose file is missing" in e for e in notes)
    assert len(sections) + len(notes) == len(errors)  # every error points at the one missing file


def test_the_last_section_file_missing_is_named_too(content: Path) -> None:
    (content / "sections" / "07-conclusion.yaml").unlink()
    _report, problems = check_report(content)
    assert any("is content/sections/07-conclusion.yaml missing?" in str(p) for p in problems)
