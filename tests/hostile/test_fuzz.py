"""Fuzzing: mutated briefer PDFs as recipes, any YAML value in any content field, plain
scalars as people type them, and the two YAML loaders against each other.

Each property says what must always hold: an answer (a recipe, a report, a brief) or briefer's
own error with a place; never another exception, never text changed on the way.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from briefer.build import build_bytes, open_recipe
from briefer.content.fields import as_typed
from briefer.content.load import check_report
from briefer.content.located import YamlError, parse_located
from briefer.content.problems import ContentError
from briefer.content.yaml_dialect import LOADERS
from briefer.output import OutputError
from briefer.tailor.recipe import Recipe
from briefer.tailor.recipe_check import RecipeError
from tests.conftest import MINI

from . import pdfs
from .harness import plain_value

GUARD_SECONDS = 30  # per example: a hang guard only

PDF_EXAMPLES = 300
CONTENT_EXAMPLES = 250
TYPED_EXAMPLES = 600
LOADER_EXAMPLES = 600


@contextlib.contextmanager
def guard() -> Iterator[None]:
    """Fail an example that hangs, instead of hanging the suite."""

    def expired(signum: int, frame: object) -> None:
        raise AssertionError(f"no answer within {GUARD_SECONDS} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(GUARD_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# --- recipe PDFs ------------------------------------------------------------------------------

operation = st.one_of(
    st.tuples(st.just("flip"), st.integers(min_value=0), st.integers(0, 255)),
    st.tuples(st.just("cut"), st.integers(min_value=0), st.integers(1, 4000)),
    st.tuples(st.just("insert"), st.integers(min_value=0), st.binary(min_size=1, max_size=64)),
    st.tuples(st.just("truncate"), st.integers(min_value=0), st.just(0)),
)


def mutate(data: bytes, operations: list[tuple[str, int, object]]) -> bytes:
    out = bytearray(data)
    for kind, where, what in operations:
        at = where % max(len(out), 1)
        if kind == "flip" and out:
            out[at] = what  # type: ignore[assignment]
        elif kind == "cut":
            del out[at : at + what]  # type: ignore[operator]
        elif kind == "insert":
            out[at:at] = what  # type: ignore[assignment]
        elif kind == "truncate":
            del out[at:]
    return bytes(out)


@settings(max_examples=PDF_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=st.lists(operation, min_size=1, max_size=8))
def test_a_mutated_briefer_pdf_gives_a_recipe_or_a_recipe_error(tmp_path: Path, operations) -> None:
    path = tmp_path / "in.pdf"
    path.write_bytes(mutate(pdfs.briefer_pdf(), operations))
    with guard():
        try:
            recipe = open_recipe(path)
        except RecipeError as exc:
            assert exc.problems and all(str(path) in str(p.where) for p in exc.problems)
        else:
            assert isinstance(recipe, Recipe)


# --- content values ---------------------------------------------------------------------------

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=dt.date(1, 1, 1)),
    st.text(max_size=40),
    st.sampled_from(["", "   ", "14:30", "2021.10", "1_000", "0x1F", "NO", "yes", "~", "2001-02-30", "!!binary"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)

# (file, a line in it whose value is replaced)
FIELDS = [
    ("report.yaml", "title: Shared Rivers"),
    ("report.yaml", "year: 2024"),
    ("report.yaml", "authors: [Ana Tremblay]"),
    ("countries.yaml", "name: Poland"),
    ("countries.yaml", "sources: [un-water-2021]"),
    ("countries.yaml", "joined: 2001-02-03"),
    ("audiences.yaml", "section_order: [cases]"),
    ("audiences.yaml", "items: [Will you join the Convention?]"),
    ("sections/01-summary.yaml", "title: Summary"),
    ("sections/02-cases.yaml", "title: What a basin is"),
    ("sources/main.yaml", 'date: "2021"'),
]


@pytest.fixture(scope="module")
def content_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@settings(max_examples=CONTENT_EXAMPLES, deadline=None)
@given(field=st.sampled_from(FIELDS), value=values)
def test_any_value_in_any_field_loads_or_is_located(content_root: Path, field, value) -> None:
    content = content_root / "content"
    shutil.rmtree(content, ignore_errors=True)
    shutil.copytree(MINI, content)
    file, line = field
    key = line.split(":")[0]
    dumped = yaml.safe_dump({key: value}, allow_unicode=True, default_flow_style=True, width=10**6).strip()
    path = content / file
    path.write_text(path.read_text(encoding="utf-8").replace(line, dumped[1:-1], 1), encoding="utf-8")
    with guard():
        report, problems = check_report(content)
        if report is None:
            assert any(not p.warning and p.where.file.startswith("content") for p in problems)
            return
        for recipe in (Recipe(), Recipe(audience="ministers", countries=("PL", "UA"))):
            try:
                build_bytes(report, recipe, "markdown")
            except (ContentError, OutputError) as exc:  # pragma: no cover - a message, not a crash
                assert str(exc)


# --- text as typed ----------------------------------------------------------------------------

typed = (
    st.text(alphabet="0123456789:._-+eEx abcNOyes~TtrufalsFL", min_size=1, max_size=24)
    .map(str.strip)
    .filter(lambda s: s and s[0] not in "-:~" and ": " not in s and not s.endswith(":") and " #" not in s)
)


@settings(max_examples=TYPED_EXAMPLES, deadline=None)
@given(text=typed)
def test_a_plain_scalar_reads_as_typed_or_is_located(text: str) -> None:
    for loader in LOADERS.values():
        try:
            value = parse_located(f"meeting: {text}\n", "r.yaml", loader)
        except YamlError as exc:
            assert exc.where.line == 1 and "is not a date" in exc.message, exc.message
            continue
        assert isinstance(value, dict)
        got = as_typed(value["meeting"])
        assert got is None or got == text, (text, got)  # None: an empty value (null, ~)


# --- libyaml and pure Python alike ------------------------------------------------------------

flow_words = st.text(alphabet="abc ?:,-#'\"!&*[]{}0123456789.", min_size=0, max_size=20)


@settings(max_examples=LOADER_EXAMPLES, deadline=None)
@example(document="items: [!, ]\n")  # found by this test: PyYAML took the comma into the tag
@given(document=st.one_of(flow_words.map(lambda w: f"items: [{w}]\n"), flow_words.map(lambda w: f"a: {w}\n")))
def test_what_libyaml_reads_pure_python_reads_alike(document: str) -> None:
    """A file that is valid on a machine with libyaml is valid, and means the same, on one
    without it. (The reverse is not promised: on a few odd flow forms such as `[0:]`,
    libyaml refuses what the pure-Python parser reads as a one-pair mapping; briefer then
    refuses that mapping where text was expected.)"""
    if "libyaml" not in LOADERS:
        pytest.skip("PyYAML without libyaml here")
    try:
        with_libyaml = plain_value(parse_located(document, "f.yaml", LOADERS["libyaml"]))
    except YamlError:
        return
    assert plain_value(parse_located(document, "f.yaml", LOADERS["python"])) == with_libyaml, document
