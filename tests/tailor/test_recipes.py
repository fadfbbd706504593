"""Recipes: save -> open gives the same recipe and brief; old formats open; bad ones are explained."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.content.model import Report
from briefer.tailor.recipe import PreparedFor, Recipe
from briefer.tailor.recipe_check import RecipeError
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
