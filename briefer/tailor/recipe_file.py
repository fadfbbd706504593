"""Save and open recipes as small YAML files with a format version.

Format 1 is the first. When the format changes, bump FORMAT and add a step to _UPGRADES that
turns the previous version's mapping into the next, so every old recipe still opens.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import yaml

from briefer.content.fields import Record
from briefer.content.located import LDict, Where, YamlError, parse_located
from briefer.content.problems import Problem, Problems
from briefer.inputs import MB, InputError, read_input
from briefer.output import write_atomically
from briefer.tailor.recipe import CitationStyle, NotePlacement, PageSize, PreparedFor, Recipe
from briefer.tailor.recipe_check import RecipeError

FORMAT = 1
MAX_RECIPE_BYTES = 1 * MB  # a recipe is a few hundred bytes; anything this large is not one
INCLUDE_KEYS = ("cover", "contents", "key_messages", "country_boxes", "sources_list")
PREPARED_KEYS = ("recipient", "meeting", "place", "date", "organisation")
TOP_KEYS = (
    "format",
    "sections",
    "exclude_blocks",
    "audience",
    "countries",
    "include",
    "notes",
    "citations",
    "page_size",
    "large_print",
    "grayscale",
    "watermark",
    "prepared_for",
    "cover_note",
)

_Choice = TypeVar("_Choice", PageSize, NotePlacement, CitationStyle)

# version -> function upgrading a located mapping of that version to version + 1
_UPGRADES: dict[int, Callable[[LDict], LDict]] = {}


def recipe_to_dict(recipe: Recipe) -> dict[str, object]:
    data: dict[str, object] = {"format": FORMAT}
    if recipe.sections is not None:
        data["sections"] = list(recipe.sections)
    data["exclude_blocks"] = list(recipe.exclude_blocks)
    data["audience"] = recipe.audience
    data["countries"] = list(recipe.countries)
    data["include"] = {key: getattr(recipe, key) for key in INCLUDE_KEYS}
    data["notes"] = str(recipe.notes)
    data["citations"] = str(recipe.citations)
    data["page_size"] = str(recipe.page_size)
    data["large_print"] = recipe.large_print
    data["grayscale"] = recipe.grayscale
    data["watermark"] = recipe.watermark
    data["prepared_for"] = {key: getattr(recipe.prepared_for, key) for key in PREPARED_KEYS}
    data["cover_note"] = recipe.cover_note
    return data


def dump_recipe(recipe: Recipe) -> str:
    body = yaml.safe_dump(recipe_to_dict(recipe), sort_keys=False, allow_unicode=True, width=100)
    return "# briefer recipe: open it in briefer, or `briefer build --recipe FILE -o brief.pdf`\n" + body


def parse_recipe(text: str, origin: str = "recipe") -> Recipe:
    p = Problems()
    try:
        value = parse_located(text, origin)
    except YamlError as exc:
        raise RecipeError([_problem(exc.where, exc.message)]) from exc
    start = Where(origin, 1, 1)
    if value is None:
        raise RecipeError([_problem(start, "the recipe file is empty")])
    if not isinstance(value, LDict):
        raise RecipeError([_problem(start, "a recipe must be a mapping of choices (key: value)")])
    version_value = value.get("format")
    version = getattr(version_value, "value", None)
    if not isinstance(version, int) or isinstance(version, bool):
        raise RecipeError([_problem(value.where, "the recipe has no 'format: N' version line")])
    if version > FORMAT:
        raise RecipeError(
            [
                _problem(
                    version_value.where,
                    f"recipe format {version} is newer than this briefer reads "
                    f"(format {FORMAT}); update briefer to open it",
                )
            ]
        )
    while version < FORMAT:
        if version not in _UPGRADES:
            raise RecipeError([_problem(version_value.where, f"recipe format {version} is not known")])
        value = _UPGRADES[version](value)
        version += 1

    # printable=False: what the fonts lack is said by check_recipe, so a recipe opens as it was saved
    r = Record(value, start, "the recipe", p, optional=TOP_KEYS, printable=False)
    include = Record(r.raw("include") or LDict(), r.place("include"), "include", p, optional=INCLUDE_KEYS)
    prepared = Record(
        r.raw("prepared_for") or LDict(),
        r.place("prepared_for"),
        "prepared_for",
        p,
        optional=PREPARED_KEYS,
        printable=False,
    )
    if not isinstance(include.data, LDict) or not hasattr(include.data, "key_where"):
        include.data.key_where = {}

    def text(rec: Record, key: str) -> str:
        raw = rec.raw(key)
        if raw is None or getattr(raw, "value", "") is None:
            return ""
        return rec.text(key) if str(raw).strip() else ""

    def choice(key: str, vocabulary: type[_Choice], what: str) -> _Choice | None:
        value = text(r, key)
        if not value:
            return None
        try:
            return vocabulary(value)
        except ValueError:
            valid = ", ".join(c.value for c in vocabulary)
            p.error(r.place(key), f"unknown {what} {value!r} (valid: {valid})")
            return None

    recipe = Recipe(
        sections=r.strings("sections") if r.has("sections") else None,
        exclude_blocks=r.strings("exclude_blocks"),
        audience=text(r, "audience") or None,
        countries=r.strings("countries"),
        notes=choice("notes", NotePlacement, "notes placement") or NotePlacement.BOTTOM,
        citations=choice("citations", CitationStyle, "citation style") or CitationStyle.IBID,
        page_size=choice("page_size", PageSize, "page size") or PageSize.A4,
        large_print=r.flag("large_print", False),
        grayscale=r.flag("grayscale", False),
        watermark=text(r, "watermark"),
        cover_note=text(r, "cover_note"),
        prepared_for=PreparedFor(**{key: text(prepared, key) for key in PREPARED_KEYS}),
        **{key: include.flag(key, True) for key in INCLUDE_KEYS},
    )
    if p.errors:
        raise RecipeError(p.items)
    return recipe


def read_recipe_bytes(path: Path, limit: int = MAX_RECIPE_BYTES) -> bytes:
    """The file's bytes: a regular file of at most `limit` bytes (never a pipe or a device)."""
    try:
        return read_input(path, limit, "the recipe")
    except InputError as exc:
        raise RecipeError([_problem(Where(str(path), 0, 0), str(exc))]) from exc


def load_recipe(path: Path | str) -> Recipe:
    """Open a recipe file (PDFs carrying a recipe are opened by briefer.build.open_recipe)."""
    path = Path(path)
    data = read_recipe_bytes(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RecipeError([_problem(Where(str(path), 1, 1), "the recipe is not UTF-8 text")]) from exc
    return parse_recipe(text, str(path))


def save_recipe(recipe: Recipe, path: Path | str) -> None:
    write_atomically(Path(path), dump_recipe(recipe).encode("utf-8"))


def _problem(where: Where, message: str) -> Problem:
    return Problem(where, message)
