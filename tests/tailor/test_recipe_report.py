"""Recipes know their report: format 2 carries its id, title, fingerprint and per-part map; a
recipe of another report is refused naming both; format-1 recipes still open and name none."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from briefer.build import build_bytes, open_recipe_file
from briefer.content.fingerprint import stamp_of
from briefer.content.model import Report
from briefer.tailor.recipe import Recipe
from briefer.tailor.recipe_file import dump_recipe, load_recipe_file, parse_recipe_file, save_recipe
from briefer.tailor.recipe_report import ReportMismatch, check_recipe_report, describe_fit

RECIPES = Path(__file__).resolve().parents[1] / "data" / "recipes"


def test_the_report_stamp_survives_saving_and_opening(tmp_path: Path, report: Report) -> None:
    stamp = stamp_of(report)
    path = tmp_path / "r.yaml"
    save_recipe(Recipe(countries=("NO", "FI")), path, stamp)
    opened = load_recipe_file(path)
    assert opened.report == stamp
    assert opened.recipe == Recipe(countries=("NO", "FI"))
    text = path.read_text(encoding="utf-8")
    assert text.index("countries:") < text.index("report:")  # the choices come first


def test_digests_that_look_like_numbers_stay_text(tmp_path: Path, report: Report) -> None:
    """`826124e0` is a float in YAML 1.2 (how briefer reads), `12345678` an integer in both."""
    stamp = stamp_of(report)
    assert stamp.contents is not None
    country = dataclasses.replace(stamp.contents.countries[0], fields=(("name", "826124e0"), ("x.joined", "12345678")))
    contents = dataclasses.replace(stamp.contents, meta="1e10", countries=(country, *stamp.contents.countries[1:]))
    odd = dataclasses.replace(stamp, fingerprint="0" * 64, contents=contents)
    path = tmp_path / "r.yaml"
    save_recipe(Recipe(), path, odd)
    assert load_recipe_file(path).report == odd


def test_every_pdf_carries_its_report(tmp_path: Path, mini_report: Report) -> None:
    path = tmp_path / "b.pdf"
    path.write_bytes(build_bytes(mini_report, Recipe(countries=("PL",))))
    opened = open_recipe_file(path)
    assert opened.report == stamp_of(mini_report)
    assert opened.report is not None and opened.report.id == "river-compact"


def test_format_1_recipes_name_no_report_and_fit_any(report: Report, mini_report: Report) -> None:
    opened = load_recipe_file(RECIPES / "format-1.yaml")
    assert opened.report is None
    assert not check_recipe_report(opened.report, mini_report).named


def test_a_recipe_of_another_report_is_refused_naming_both(report: Report, mini_report: Report) -> None:
    opened = parse_recipe_file(dump_recipe(Recipe(), stamp_of(mini_report)), "b.yaml")
    with pytest.raises(ReportMismatch) as info:
        check_recipe_report(opened.report, report, "b.yaml")
    message = str(info.value.problems[0])
    assert message.startswith("b.yaml: this brief was made from the report “Shared Rivers” (river-compact)")
    assert "“Withdrawal Symptoms” (withdrawal-symptoms)" in message


def test_the_same_report_unchanged_says_nothing(report: Report) -> None:
    stamp = stamp_of(report)
    fit = check_recipe_report(stamp, report)
    assert fit.named and not fit.changed
    assert describe_fit(fit, stamp) == []


def test_a_changed_report_says_what_changed(report: Report) -> None:
    stamp = stamp_of(report)
    edited = dataclasses.replace(report, audiences=report.audiences[:-1])
    fit = check_recipe_report(stamp, edited)
    lines = describe_fit(fit, stamp)
    assert lines[0] == "The report “Withdrawal Symptoms” (withdrawal-symptoms) has changed since this brief was made:"
    assert lines[1] == f"  Audiences: {report.audiences[-1].id} removed"
    assert "not the text" in lines[-1]


def test_a_stamp_without_a_map_says_the_report_changed_but_not_what(report: Report) -> None:
    stamp = dataclasses.replace(stamp_of(report), fingerprint="0" * 64, contents=None)
    text = dump_recipe(Recipe(), stamp)
    assert "  contents:" not in text.split("report:")[1]
    opened = parse_recipe_file(text)
    lines = describe_fit(check_recipe_report(opened.report, report), opened.report)
    assert len(lines) == 1 and "cannot be named" in lines[0]


def test_a_broken_report_mapping_is_named(report: Report) -> None:
    text = "format: 2\nreport:\n  id: x\n  fingerprint: abc\n"
    with pytest.raises(Exception) as info:
        parse_recipe_file(text, "r.yaml")
    assert "r.yaml:3:3: the recipe's report is missing the required key 'title'" in str(info.value)
