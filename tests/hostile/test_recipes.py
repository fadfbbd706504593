"""Hostile recipes and briefer PDFs from other people's inboxes: one clear message, exit 2,
bounded time and memory, nothing of pypdf's own on the way."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import MINI

from . import pdfs
from .harness import run, stderr_lines

BAD_PDFS = {
    "embedded-not-utf8": (pdfs.not_utf8, "the recipe inside this PDF is not UTF-8 text"),
    "inflates-to-200-MB": (lambda: pdfs.with_embedded_stream(pdfs.inflating_to(200 * pdfs.MB)), "larger than 1 MB"),
    "inflates-to-2-GB": (lambda: pdfs.with_embedded_stream(pdfs.inflating_to(2048 * pdfs.MB)), "larger than 1 MB"),
    "truncated": (lambda: pdfs.briefer_pdf()[:5000], "the PDF is damaged and cannot be read"),
    "no-recipe": (
        lambda: pdfs.briefer_pdf().replace(b"/EmbeddedFiles", b"/EmbeddedFilez"),
        "carries no briefer recipe",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_PDFS))
def test_a_bad_pdf_as_a_recipe_is_one_clear_message(tmp_path: Path, name: str) -> None:
    make, message = BAD_PDFS[name]
    (tmp_path / "in.pdf").write_bytes(make())
    result = run(["build", "--content", str(MINI), "--recipe", "in.pdf", "-o", "out.pdf"], tmp_path)
    assert result.code == 2 and message in result.err, result.err
    # briefer's lines only: the file's, then the count (pypdf's warnings are silenced)
    assert [line.split(":")[0] for line in stderr_lines(result)] == ["in.pdf", "briefer"], result.err
    assert not (tmp_path / "out.pdf").exists()


@pytest.mark.parametrize("seed", range(8))
def test_a_mutated_briefer_pdf_opens_or_is_refused(tmp_path: Path, seed: int) -> None:
    (tmp_path / "in.pdf").write_bytes(pdfs.mutated(seed))
    result = run(["build", "--content", str(MINI), "--recipe", "in.pdf", "-o", "out.pdf"], tmp_path)
    assert result.code in (0, 2)
    if result.code == 2:
        assert stderr_lines(result)[-1].startswith("briefer: "), result.err


def test_a_recipe_from_a_good_pdf_keeps_its_text(tmp_path: Path) -> None:
    (tmp_path / "in.pdf").write_bytes(pdfs.briefer_pdf())
    result = run(["build", "--content", str(MINI), "--recipe", "in.pdf", "-o", "out.md"], tmp_path)
    assert result.code == 0, result.err
    assert "Prepared for 14:30" in (tmp_path / "out.md").read_text(encoding="utf-8")


RECIPES = {
    "impossible-date": ("format: 1\nprepared_for:\n  date: 2025-13-45\n", "r.yaml:3:9: 2025-13-45 is not a date"),
    "flag-as-yes": ("format: 1\nlarge_print: yes\n", "r.yaml:2:14: 'large_print' must be true or false (older YAML"),
    "binary": ("format: 1\nwatermark: !!binary aGVsbG8=\n", "r.yaml:2:12: the YAML tag !!binary is not used"),
    "sections-nothing": ("format: 1\nsections: []\n", "the recipe chooses nothing to print"),
    "emoji": ("format: 1\nwatermark: 🚀\n", "the watermark cannot print “🚀” (U+1F680 ROCKET)"),
    "long-prepared-for": (
        "format: 1\nprepared_for:\n  recipient: " + "word " * 600 + "\n",
        "the prepared-for recipient is 2,999 characters long; at most 300 fit on a cover",
    ),
}


@pytest.mark.parametrize("name", sorted(RECIPES))
def test_a_bad_recipe_is_located(tmp_path: Path, name: str) -> None:
    text, message = RECIPES[name]
    (tmp_path / "r.yaml").write_text(text, encoding="utf-8")
    result = run(["build", "--content", str(MINI), "--recipe", "r.yaml", "-o", "out.pdf"], tmp_path)
    assert result.code == 2 and message in result.err, result.err


def test_a_recipe_time_prints_as_typed(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text("format: 1\nprepared_for:\n  meeting: 14:30\n  place: 2021.10\n", encoding="utf-8")
    result = run(["build", "--content", str(MINI), "--recipe", "r.yaml", "-o", "out.md"], tmp_path)
    assert result.code == 0, result.err
    assert "Prepared for 14:30 · 2021.10" in (tmp_path / "out.md").read_text(encoding="utf-8")


def test_a_recipes_lower_case_country_is_the_options(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text("format: 1\ncountries: [pl]\n", encoding="utf-8")
    from_recipe = run(["build", "--content", str(MINI), "--recipe", "r.yaml", "-o", "a.md"], tmp_path)
    from_option = run(["build", "--content", str(MINI), "--country", "pl", "-o", "b.md"], tmp_path)
    assert from_recipe.code == from_option.code == 0, from_recipe.err + from_option.err
    # the same brief; its figures are copied beside each file, into a_files/ and b_files/
    assert (tmp_path / "a.md").read_text().replace("](a_files/", "](b_files/") == (tmp_path / "b.md").read_text()


@pytest.mark.parametrize("kind", ["fifo", "device", "huge", "folder"])
def test_a_recipe_that_is_not_a_regular_small_file(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "r.yaml"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        path.symlink_to("/dev/zero")
    elif kind == "huge":
        with open(path, "wb") as handle:
            handle.truncate(3 * pdfs.MB)
    else:
        path.mkdir()
    result = run(["build", "--content", str(MINI), "--recipe", "r.yaml", "-o", "out.pdf"], tmp_path)
    expected = {
        "fifo": "a pipe (FIFO)",
        "device": "a device",
        "huge": "3.0 MB, more than the 1.0 MB",
        "folder": "a folder",
    }
    assert result.code == 2 and "r.yaml: the recipe" in result.err and expected[kind] in result.err, result.err


def test_100000_unknown_ids_print_a_count_not_100001_lines(tmp_path: Path) -> None:
    ids = ", ".join(f"s{n}" for n in range(100_000))
    (tmp_path / "r.yaml").write_text(f"format: 1\nsections: [{ids}]\n", encoding="utf-8")
    result = run(["build", "--content", str(MINI), "--recipe", "r.yaml", "-o", "out.pdf"], tmp_path)
    assert result.code == 2
    lines = stderr_lines(result)
    assert len(lines) == 22, lines[-3:]
    assert lines[-2] == "… and 99980 more error(s) like these" and lines[-1] == "briefer: 100000 error(s) in the recipe"
