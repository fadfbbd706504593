"""Save and open recipes as small YAML files with a format version.

Format 1 is the first. Format 2 adds `report:`, the report the recipe was made from (its id,
title, fingerprint and a per-part map: recipe_stamp.py); a format-1 recipe names no report.
When the format changes, bump FORMAT and add a step to _UPGRADES that turns the previous
version's mapping into the next, so every old recipe still opens.
`language` and `untranslated` are optional keys, written only when they differ from the default.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import yaml

from briefer.content.fields import Record
from briefer.content.fingerprint import ReportStamp
from briefer.content.located import LDict, LScalar, Where, YamlError, parse_located
from briefer.content.problems import Problem, Problems
from briefer.content.yaml_dialect import Dumper
from briefer.inputs import MB, InputError, read_input
from briefer.output import write_atomically
from briefer.tailor.recipe import CitationStyle, NotePlacement, PageSize, PreparedFor, Recipe, Untranslated
from briefer.tailor.recipe_check import RecipeError
from briefer.tailor.recipe_stamp import dump_stamp, read_stamp

FORMAT = 2
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
    "report",
    "language",
    "untranslated",
    "contents_depth",  # optional: written only when it is not the default
)

_Choice = TypeVar("_Choice", PageSize, NotePlacement, CitationStyle, Untranslated)


def _from_format_1(value: LDict) -> LDict:
    """Format 2 only adds the optional `report:`; a format-1 recipe names no report."""
    return value


# version -> function upgrading a located mapping of that version to version + 1
_UPGRADES: dict[int, Callable[[LDict], LDict]] = {1: _from_format_1}


@dataclass(frozen=True, slots=True)
class OpenedRecipe:
    """A recipe as read from a file, with the report it names (None: it names none)."""

    recipe: Recipe
    report: ReportStamp | None = None


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
    if recipe.language:
        data["language"] = recipe.language
    if recipe.untranslated != Untranslated.REFUSE:
        data["untranslated"] = str(recipe.untranslated)
    if recipe.contents_depth != 1:
        data["contents_depth"] = recipe.contents_depth
    return data


def dump_recipe(recipe: Recipe, report: ReportStamp | None = None) -> str:
    """The recipe as YAML; with `report`, followed by the report it is made from."""
    body = yaml.dump(recipe_to_dict(recipe), Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100)
    stamp = "\n" + dump_stamp(report) if report is not None else ""
    return "# briefer recipe: open it in briefer, or `briefer build --recipe FILE -o brief.pdf`\n" + body + stamp


def parse_recipe(text: str, origin: str = "recipe") -> Recipe:
    return parse_recipe_file(text, origin).recipe


def parse_recipe_file(text: str, origin: str = "recipe") -> OpenedRecipe:
    """The recipe and the report it names; every problem is named with its place (RecipeError)."""
    value = _current_mapping(text, origin)
    p = Problems()
    # printable=False: what the fonts lack is said by check_recipe, so a recipe opens as it was saved
    r = Record(value, Where(origin, 1, 1), "the recipe", p, optional=TOP_KEYS, printable=False)
    include = Record(r.raw("include") or _empty(), r.place("include"), "include", p, optional=INCLUDE_KEYS)
    prepared = Record(
        r.raw("prepared_for") or _empty(),
        r.place("prepared_for"),
        "prepared_for",
        p,
        optional=PREPARED_KEYS,
        printable=False,
    )
    recipe = Recipe(
        sections=r.strings("sections") if r.has("sections") else None,
        exclude_blocks=r.strings("exclude_blocks"),
        audience=_text(r, "audience") or None,
        countries=r.strings("countries"),
        notes=_choice(r, "notes", NotePlacement, "notes placement") or NotePlacement.BOTTOM,
        citations=_choice(r, "citations", CitationStyle, "citation style") or CitationStyle.IBID,
        page_size=_choice(r, "page_size", PageSize, "page size") or PageSize.A4,
        large_print=_flag(r, "large_print", False),
        grayscale=_flag(r, "grayscale", False),
        watermark=_text(r, "watermark"),
        cover_note=_text(r, "cover_note"),
        language=_text(r, "language"),
        untranslated=_choice(r, "untranslated", Untranslated, "choice for untranslated text") or Untranslated.REFUSE,
        prepared_for=PreparedFor(**{key: _text(prepared, key) for key in PREPARED_KEYS}),
        contents_depth=r.integer("contents_depth", 1),
        **{key: _flag(include, key, True) for key in INCLUDE_KEYS},
    )
    report = read_stamp(r.raw("report"), r.place("report"), p) if r.has("report") else None
    if p.errors:
        raise RecipeError(p.items)
    return OpenedRecipe(recipe, report)


def _current_mapping(text: str, origin: str) -> LDict:
    """The recipe's mapping, upgraded from an older format to the current one."""
    try:
        value = parse_located(text, origin)
    except YamlError as exc:
        raise RecipeError([Problem(exc.where, exc.message)]) from exc
    start = Where(origin, 1, 1)
    if value is None:
        raise RecipeError([Problem(start, "the recipe file is empty")])
    if not isinstance(value, LDict):
        raise RecipeError([Problem(start, "a recipe must be a mapping of choices (key: value)")])
    version_value = value.get("format")
    version = version_value.value if isinstance(version_value, LScalar) else None
    if not isinstance(version, int) or isinstance(version, bool) or version_value is None:
        raise RecipeError([Problem(value.where, "the recipe has no 'format: N' version line")])
    if version > FORMAT:
        newer = f"recipe format {version} is newer than this briefer reads (format {FORMAT}); update briefer to open it"
        raise RecipeError([Problem(version_value.where, newer)])
    while version < FORMAT:
        if version not in _UPGRADES:
            raise RecipeError([Problem(version_value.where, f"recipe format {version} is not known")])
        value = _UPGRADES[version](value)
        version += 1
    return value


def _empty() -> LDict:
    empty = LDict()
    empty.key_where = {}
    return empty


def _flag(rec: Record, key: str, default: bool) -> bool:
    return rec.flag(key, default)


def _text(rec: Record, key: str) -> str:
    """A text choice; empty (or null) means not chosen."""
    raw = rec.raw(key)
    if raw is None or getattr(raw, "value", "") is None:
        return ""
    return rec.text(key) if str(raw).strip() else ""


def _choice(rec: Record, key: str, vocabulary: type[_Choice], what: str) -> _Choice | None:
    value = _text(rec, key)
    if not value:
        return None
    try:
        return vocabulary(value)
    except ValueError:
        valid = ", ".join(c.value for c in vocabulary)
        rec.problems.error(rec.place(key), f"unknown {what} {value!r} (valid: {valid})")
        return None


def read_recipe_bytes(path: Path, limit: int = MAX_RECIPE_BYTES) -> bytes:
    """The file's bytes: a regular file of at most `limit` bytes (never a pipe or a device)."""
    try:
        return read_input(path, limit, "the recipe")
    except InputError as exc:
        raise RecipeError([Problem(Where(str(path), 0, 0), str(exc))]) from exc


def load_recipe(path: Path | str) -> Recipe:
    """Open a recipe file (PDFs carrying a recipe are opened by briefer.build.open_recipe)."""
    return load_recipe_file(path).recipe


def load_recipe_file(path: Path | str) -> OpenedRecipe:
    """A recipe file and the report it names."""
    path = Path(path)
    data = read_recipe_bytes(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RecipeError([Problem(Where(str(path), 1, 1), "the recipe is not UTF-8 text")]) from exc
    return parse_recipe_file(text, str(path))


def save_recipe(recipe: Recipe, path: Path | str, report: ReportStamp | None = None) -> None:
    write_atomically(Path(path), dump_recipe(recipe, report).encode("utf-8"))
