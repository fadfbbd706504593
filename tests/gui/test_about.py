"""The About text credits the open report (its own words, never another report's) and names the
font licences found beside the fonts."""

from __future__ import annotations

from pathlib import Path

from briefer.content.model import Report
from briefer.gui.about import FONT_DIR, about_html, font_families, licence_files


def test_about_credits_the_report_and_its_authors(report: Report) -> None:
    text = about_html(report=report)
    assert "Withdrawal Symptoms" in text
    assert "Lou Maresca" in text and "Magnus Løvold" in text
    assert "Lex International Fund" in text


def test_about_gives_the_reports_address_and_its_publishers_words(gao_report: Report) -> None:
    text = about_html(report=gao_report)
    assert '<a href="https://www.gao.gov/products/gao-26-107955">' in text
    assert "the audit, evaluation, and investigative arm of Congress" in text


def test_about_shows_another_report_s_own_credits(mini_report: Report) -> None:
    text = about_html(report=mini_report)
    assert "Shared Rivers" in text and "Ana Tremblay" in text and "Example Water Institute, 2024" in text
    assert "Withdrawal Symptoms" not in text and "Lex International Fund" not in text
    assert "shipped" not in text


def test_about_shows_the_report_s_about_and_url(report: Report) -> None:
    text = about_html(report=report)
    assert "philanthropic fund dedicated to strengthening international law" in text


def test_about_without_a_report_names_none() -> None:
    text = about_html()
    assert "No report is open" in text
    assert "Withdrawal Symptoms" not in text and "Lex International Fund" not in text


def test_about_names_the_shipped_font_licences() -> None:
    licences = licence_files(FONT_DIR)
    assert licences, "assets/fonts should ship a licence file"
    text = about_html()
    for licence in licences:
        assert licence.name in text
    assert "Open Font License" in text
    for family in font_families(FONT_DIR):
        assert family in text


def test_font_licences_are_read_at_run_time(tmp_path: Path) -> None:
    (tmp_path / "Example-Regular.ttf").write_bytes(b"")
    (tmp_path / "LICENSE-example.txt").write_text(
        "Copyright 2030 Someone\n\nSIL OPEN FONT LICENSE\nVersion 1.1 - 26 February 2007\n", encoding="utf-8"
    )
    text = about_html(tmp_path)
    assert "Example" in text and "LICENSE-example.txt" in text and "Copyright 2030 Someone" in text
    assert "No font licence" in about_html(tmp_path / "missing")


def test_about_links_the_report_s_url(mini_report: Report) -> None:
    import dataclasses

    text = about_html(report=dataclasses.replace(mini_report, url="https://example.org/rivers?a=1&b=2"))
    assert '<a href="https://example.org/rivers?a=1&amp;b=2">' in text
