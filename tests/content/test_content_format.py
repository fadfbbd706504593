"""report.yaml's `format: N`: this briefer reads formats 1 and 2; a newer report is refused in one clear message."""

from __future__ import annotations

import shutil
from pathlib import Path

from briefer.content.content_format import CONTENT_FORMAT
from briefer.content.load import check_report
from tests.conftest import MINI


def _copy(tmp_path: Path, header: str, extra: str = "") -> Path:
    """The mini report (format 2) with its `format:` line replaced by `header`."""
    target = tmp_path / "report"
    shutil.copytree(MINI, target)
    meta = target / "report.yaml"
    text = meta.read_text(encoding="utf-8")
    assert text.startswith("format: 2\n")
    meta.write_text(header + text.removeprefix("format: 2\n") + extra, encoding="utf-8")
    return target


def test_the_current_format_is_read(tmp_path: Path) -> None:
    report, problems = check_report(_copy(tmp_path, f"format: {CONTENT_FORMAT}\n"))
    assert report is not None and not problems


def test_a_newer_format_is_one_clear_message(tmp_path: Path) -> None:
    # a newer report may use keys this briefer does not know: they are not listed one by one
    folder = _copy(tmp_path, f"format: {CONTENT_FORMAT + 1}\n", "colour_scheme: dark\n")
    (folder / "sections" / "01-summary.yaml").write_text("id: summary\nlayout: columns\n", encoding="utf-8")
    report, problems = check_report(folder)
    assert report is None
    assert [str(p) for p in problems] == [
        f"report/report.yaml:1:9: this report is written in content format {CONTENT_FORMAT + 1}, newer than "
        f"this briefer reads (format {CONTENT_FORMAT} and older): update briefer to open it"
    ]


def test_a_format_that_is_not_a_version_is_named(tmp_path: Path) -> None:
    report, problems = check_report(_copy(tmp_path, "format: latest\n"))
    assert report is None
    assert any(
        "report.yaml:1:9: 'format' must be a content format number (1 or 2), got 'latest'" in str(p) for p in problems
    )
