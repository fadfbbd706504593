"""Recipes: save -> open gives the same recipe and brief; old formats open; bad ones are explained."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.content.model import Report
from briefer.tailor.recipe import PreparedFor, Recipe
from briefer.tailor.recipe_check import RecipeError, check_recipe
from briefer.tailor.recipe_file import FORMAT, dump_recipe, load_recipe, parse_recipe, save_recipe
from briefer.tailor.tailor import tailor

RECIPES = Path(__file__).resolve().parents[1] / "data" / "recipes"

texts = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)


@settings(max_examples=80, deadline=None)
@given(
    sections=st.none() | st.lists(st.sampled_from(["foreword", "introduction", "conclusion"]), unique=True, min_size=1),
    audience=st.none() | st.sampled_from(["media", "defence"]),
    countries=st.lists(st.sampled_from(["FI", "UA", "NO"]), unique=True),
    flags=st.lists(st.booleans(), min_size=7, max_size=7),
    words=st.lists(texts, min_size=7, max_size=7),
)
def test_round_trip(sections, audience, countries, flags, words) -> None:
    recipe = Recipe(
        sections=tuple(sections) if sections is not None else None,
        audience=audience,
        countries=tuple(countries),
        cover=flags[0],
        contents=flags[1],
        key_messages=flags[2],
        country_boxes=flags[3],
        sources_list=flags[4],
        large_print=flags[5],
        grayscale=flags[6],
        watermark=words[0].strip(),
        prepared_for=PreparedFor(*(w.strip() for w in words[1:6])),
        cover_note=words[6].strip(),
    )
    assert parse_recipe(dump_recipe(recipe)) == recipe


def test_save_open_same_brief(tmp_path: Path, report: Report) -> None:
    recipe = Recipe(
        sections=("introduction", "conclusion"),
        audience="media",
        countries=("UA",),
        prepared_for=PreparedFor(recipient="Олена & <Co>"),
    )
    path = tmp_path / "r.yaml"
    save_recipe(recipe, path)
    assert load_recipe(path) == recipe
    assert tailor(report, load_recipe(path)) == tailor(report, recipe)


@pytest.mark.parametrize("fixture", sorted(RECIPES.glob("format-*.yaml")), ids=lambda p: p.stem)
def test_every_format_version_still_opens(fixture: Path, report: Report) -> None:
    recipe = load_recipe(fixture)
    brief = tailor(report, recipe)
    assert brief.sections
    assert recipe.prepared_for.recipient == "Łucja Wąsowska"


def test_fixture_exists_for_current_format() -> None:
    assert (RECIPES / f"format-{FORMAT}.yaml").is_file()


def test_unknown_key_names_it_and_lists_choices() -> None:
    with pytest.raises(RecipeError) as info:
        parse_recipe("format: 1\naudeince: media\n", "r.yaml")
    assert "r.yaml:2:1: unknown key 'audeince' in the recipe (allowed: audience," in str(info.value)


def test_newer_version_is_refused_clearly() -> None:
    with pytest.raises(RecipeError) as info:
        parse_recipe(f"format: {FORMAT + 1}\n", "r.yaml")
    assert "newer than this briefer reads" in str(info.value)


@pytest.mark.parametrize(
    "text,message",
    [
        ("", "empty"),
        ("- a\n- b\n", "must be a mapping"),
        ("sections: [a]\n", "no 'format: N' version line"),
        ("format: 1\nlarge_print: maybe\n", "'large_print' must be true or false"),
        ("format: 1\nsections: [a\n", "YAML syntax error"),
    ],
)
def test_broken_recipes(text: str, message: str) -> None:
    with pytest.raises(RecipeError) as info:
        parse_recipe(text, "r.yaml")
    assert message in str(info.value)


def test_contents_depth_is_optional_in_format_1() -> None:
    assert parse_recipe("format: 1\n").contents_depth == 1
    deep = Recipe(contents_depth=3)
    assert "contents_depth: 3" in dump_recipe(deep) and parse_recipe(dump_recipe(deep)) == deep
    assert "contents_depth" not in dump_recipe(Recipe())  # a default recipe's text is as before
    with pytest.raises(RecipeError, match="'contents_depth' in the recipe must be a whole number"):
        parse_recipe("format: 1\ncontents_depth: deep\n")


def test_a_contents_depth_out_of_range_is_refused(report: Report) -> None:
    with pytest.raises(RecipeError, match="contents depth 4 is not one of 1, 2, 3"):
        check_recipe(Recipe(contents_depth=4), report)


def test_contents_depth_on_the_command_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    out = tmp_path / "brief.pdf"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "briefer",
            "build",
            "--content",
            "gao-26-107955",
            "--contents-depth",
            "2",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    from briefer.render.embedded import read_embedded_recipe

    assert "contents_depth: 2" in (read_embedded_recipe(out) or "")
    bad = subprocess.run(
        [sys.executable, "-m", "briefer", "build", "--contents-depth", "5", "-o", str(out)],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2 and "invalid choice: 5" in bad.stderr
