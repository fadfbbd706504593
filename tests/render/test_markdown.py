"""Markdown output: Pandoc-style notes, text as typed, the same options as the PDF."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from briefer.content.model import Report
from briefer.render.markdown import render_markdown
from briefer.tailor.brief import BSidebar, CountryBox, brief_plain
from briefer.tailor.recipe import PreparedFor, Recipe
from briefer.tailor.recipe_file import save_recipe
from briefer.tailor.tailor import tailor

from ..conftest import MINI


def test_markers_and_definitions_match(report: Report) -> None:
    text = render_markdown(tailor(report, Recipe(audience="parliamentarians", countries=("FI", "UA"))))
    body, _, _ = text.partition("\n[^1]: ")
    markers = [int(n) for n in re.findall(r"\[\^(\d+)\](?!:)", body)]
    definitions = [int(n) for n in re.findall(r"^\[\^(\d+)\]:", text, flags=re.M)]
    assert markers == list(range(1, len(markers) + 1))
    assert definitions == markers


def test_whole_report_headings_and_sources(report: Report) -> None:
    text = render_markdown(tailor(report, Recipe()))
    for section in report.sections:
        assert f"\n## {section.title.replace('[', chr(92) + '[')}\n" in text
    assert "\n## Sources\n" in text
    assert "**There is still no such thing as a “smart” anti-personnel mine.**" in text


def test_markup_like_text_is_escaped(mini_report: Report) -> None:
    recipe = Recipe(prepared_for=PreparedFor(recipient="<b>R&D</b> *x* [^9]"))
    text = render_markdown(tailor(mini_report, recipe))
    assert r"Prepared for \<b\>R&D\</b\> \*x\* \[^9\]" in text
    assert r"“R&D \<and\> more”" in text


def test_no_notes_no_notes_section(report: Report) -> None:
    text = render_markdown(tailor(report, Recipe(sections=("foreword",), notes="end")))
    assert "[^" not in text
    assert "## Notes" not in text


def test_endnotes_heading(report: Report) -> None:
    text = render_markdown(tailor(report, Recipe(sections=("introduction",), notes="end")))
    assert "\n## Notes\n" in text


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefer", *args], capture_output=True, text=True)


def test_cli_build_markdown_options_override_recipe(tmp_path: Path) -> None:
    recipe = tmp_path / "r.yaml"
    save_recipe(Recipe(sections=("summary",), audience="ministers"), recipe)
    out = tmp_path / "brief.md"
    done = run_cli(
        "build",
        "--content",
        str(MINI),
        "--recipe",
        str(recipe),
        "--sections",
        "cases",
        "--country",
        "ua",
        "-o",
        str(out),
    )
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert "## Two cases" in text and "## Summary" not in text
    assert "Key messages for Ministers" in text
    assert "Country focus: Ukraine" in text


def test_cli_build_errors_exit_2_and_keep_existing_file(tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    out.write_text("good", encoding="utf-8")
    bad = run_cli("build", "--content", str(MINI), "--audience", "nobody", "-o", str(out))
    assert bad.returncode == 2
    assert "unknown audience 'nobody' (valid: ministers)" in bad.stderr
    assert out.read_text(encoding="utf-8") == "good"
    nowhere = run_cli("build", "--content", str(MINI), "-o", str(tmp_path / "missing" / "b.md"))
    assert nowhere.returncode == 2 and "does not exist" in nowhere.stderr
    odd = run_cli("build", "--content", str(MINI), "-o", str(tmp_path / "b.docx"))
    assert odd.returncode == 2 and "use a .pdf or .md" in odd.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.md"]


def test_cli_builds_a_pdf_without_sections(tmp_path: Path) -> None:
    out = tmp_path / "km.pdf"
    done = run_cli("build", "--sections", ",", "--audience", "media", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF")


def test_format_2_blocks_in_markdown(mini_report: Report) -> None:
    text = render_markdown(tailor(mini_report, Recipe(sections=("cases",))))
    assert '<a id="heading-where-rules-apply"></a>\n\n### Where the rules apply\n' in text
    assert "1. Rivers that cross a border.[^" in text
    assert (
        "2. Waters two or more states share\n   - Groundwater that feeds a shared river\n   - Lakes on a border" in text
    )
    assert "**Table 1:** Shared basins by *continent*\n\n| Continent | Basins |\n|:--|--:|\n| Africa | 64 |\n" in text
    assert "Source: UN-Water, “Transboundary Cooperation”, p. 12." in text
    alt = "Bar chart of shared river basins by continent: Africa 64, Asia 61, Europe 69, the Americas 68."
    assert f"![{alt}](file://" in text and 'figures/basins.png "Figure 1: Shared basins by continent")' in text


def test_cli_markdown_copies_its_figures_beside_it(tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    done = run_cli("build", "--content", str(MINI), "--sections", "cases", "-o", str(out))
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert '](brief_files/figures/basins.png "Figure 1: Shared basins by continent")' in text
    assert (tmp_path / "brief_files" / "figures" / "basins.png").read_bytes() == (
        MINI / "figures" / "basins.png"
    ).read_bytes()


def test_the_report_address_and_about_close_the_markdown(gao_report: Report) -> None:
    text = render_markdown(tailor(gao_report, Recipe(sections=("conclusions",))))
    assert "<https://www.gao.gov/products/gao-26-107955>" in text
    assert text.rstrip().endswith("integrity, and reliability.")
    assert "\n### About the publisher\n" in text


def test_markdown_keeps_the_tagged_pdfs_semantics(report: Report) -> None:
    """Headings, lists and tables as the PDF's structure tree has them: a country box's status
    table with its header row and its facts under their sub-heading, sidebars with a heading."""
    recipe = Recipe(audience="parliamentarians", countries=("FI", "LT"), cover_note="Dear colleague,\n\nIn brief.")
    brief = tailor(report, recipe)
    text = render_markdown(brief)
    box = next(p for p in brief.parts if isinstance(p, CountryBox))
    at = text.index(f"## {box.title}\n")
    assert text[at:].split("\n")[2] == "| " + " | ".join(box.status_headers) + " |"
    assert f"\n### {box.facts_title}\n\n- " in text[at:]
    sidebar = next(b for s in brief.sections for b in s.blocks if isinstance(b, BSidebar))
    assert f"\n> ### {brief_plain(sidebar.title)}\n" in text
    assert f"\n## {brief.words.cover_note}\n\nDear colleague,\n\nIn brief.\n" in text
    assert "\n1. " in text and "\n- " in text
