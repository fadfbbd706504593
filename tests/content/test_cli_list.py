"""`briefer list` prints ids and titles, or JSON objects with id and title (name for countries)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from ..conftest import MINI


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefer", *args], capture_output=True, text=True)


def test_list_sections_json_defaults_to_the_shipped_report() -> None:
    done = run("list", "sections", "--json")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert [r["id"] for r in rows] == [
        "foreword",
        "introduction",
        "unacceptable-harm",
        "military-utility",
        "self-destruct",
        "right-hands",
        "conclusion",
    ]
    assert rows[3]["title"] == "Unproven military utility"


def test_list_countries_json_has_names() -> None:
    rows = json.loads(run("list", "countries", "--json").stdout)
    assert {"id": "UA", "name": "Ukraine"}.items() <= next(r for r in rows if r["id"] == "UA").items()
    assert all(r["title"] == r["name"] for r in rows)


@pytest.mark.parametrize(
    "what,expected",
    [("sections", "summary  Summary"), ("audiences", "ministers  Ministers"), ("countries", "PL  Poland")],
)
def test_list_text_for_another_report(what: str, expected: str) -> None:
    done = run("list", what, "--content", str(MINI))
    assert done.returncode == 0
    assert expected in done.stdout.splitlines()


def test_list_bad_content_exits_2(tmp_path) -> None:  # noqa: ANN001
    done = run("list", "sections", "--content", str(tmp_path / "nowhere"))
    assert done.returncode == 2
    assert "content folder not found" in done.stderr
