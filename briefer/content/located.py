"""Read YAML safely into plain values that remember where they stand (file, line, column).

Only the composer runs, with briefer's own rules for scalars (yaml_dialect.py): no object is
constructed beyond text, null, true/false, decimal numbers and dates, so a content file can
never execute anything, and text stays exactly as typed. Uses libyaml when available, for speed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml

from briefer.content import yaml_dialect as dialect
from briefer.inputs import MB, InputError, read_input

# the largest YAML file briefer reads: the whole shipped report is 300 KB
MAX_FILE_BYTES = 20 * MB


@dataclass(frozen=True, slots=True)
class Where:
    file: str
    line: int  # 1-based
    col: int  # 1-based

    def __str__(self) -> str:
        # line 0: a value that did not come from a file (a command-line option)
        return f"{self.file}:{self.line}:{self.col}" if self.line else self.file


class LDict(dict):  # type: ignore[type-arg]
    """A mapping with the place of itself and of each key."""

    where: Where
    key_where: dict[str, Where]


class LList(list):  # type: ignore[type-arg]
    where: Where


class LStr(str):
    where: Where


class LScalar:
    """A typed scalar (null, true/false, a decimal number, a date) with its place and its text as typed."""

    __slots__ = ("text", "value", "where")

    def __init__(self, value: object, where: Where, text: str = "") -> None:
        self.value = value
        self.where = where
        self.text = text

    def __repr__(self) -> str:
        return f"LScalar({self.value!r})"


Located = LDict | LList | LStr | LScalar


class YamlError(Exception):
    def __init__(self, where: Where, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


def where_of(value: object, fallback: Where) -> Where:
    return getattr(value, "where", fallback)


def load_located(path: Path, display: str) -> Located | None:
    """Parse one YAML file; None for an empty file. Raises YamlError with the place."""
    try:
        raw = read_input(path, MAX_FILE_BYTES, "the file")
    except InputError as exc:
        raise YamlError(Where(display, 1, 1), str(exc)) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlError(Where(display, line, col), "file is not valid UTF-8") from exc
    return parse_located(text, display)


def parse_located(text: str, display: str, loader_class: type | None = None) -> Located | None:
    """`loader_class`: one of yaml_dialect.LOADERS (default: libyaml when installed)."""
    bad = dialect.UNPRINTABLE.search(text)
    if bad is not None:
        line = text.count("\n", 0, bad.start()) + 1
        col = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        char = f"U+{ord(bad.group()):04X}"
        raise YamlError(Where(display, line, col), f"the control character {char} is not allowed in YAML")
    loader = (loader_class or dialect.default_loader())(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        return _convert(node, loader, display, depth=0, budget=[_MAX_NODES])
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Where(display, mark.line + 1, mark.column + 1) if mark else Where(display, 1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlError(where, f"YAML syntax error: {problem}") from exc
    except yaml.YAMLError as exc:
        raise YamlError(Where(display, 1, 1), f"YAML error: {exc}") from exc
    except RecursionError as exc:
        raise YamlError(Where(display, 1, 1), "YAML nested too deeply") from exc
    finally:
        loader.dispose()


_MAX_DEPTH = 100
# Aliases can make a small file expand enormously ("billion laughs"); no content needs this many.
_MAX_NODES = 200_000


def _place(node: yaml.Node, display: str) -> Where:
    return Where(display, node.start_mark.line + 1, node.start_mark.column + 1)


def _convert(node: yaml.Node, loader: yaml.SafeLoader, display: str, depth: int, budget: list[int]) -> Located:
    where = _place(node, display)
    if depth > _MAX_DEPTH:
        raise YamlError(where, "YAML nested too deeply")
    budget[0] -= 1
    if budget[0] < 0:
        raise YamlError(where, "YAML expands to too many values (aliases repeated too often?)")
    if isinstance(node, yaml.ScalarNode):
        return scalar(node, where)
    if node.tag not in dialect.COLLECTION_TAGS:
        raise YamlError(where, _tag_refused(node.tag))
    if isinstance(node, yaml.MappingNode):
        result = LDict()
        result.where = where
        result.key_where = {}
        loader.flatten_mapping(node)  # resolves `<<` merge keys
        for key_node, value_node in node.value:
            key_where = _place(key_node, display)
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlError(key_where, "a key must be a plain word")
            key_value = scalar(key_node, key_where)
            key = key_value.text if isinstance(key_value, LScalar) else str(key_value)
            if not key.strip():
                raise YamlError(key_where, "a key is empty: write a word before the colon")
            if key in result:
                raise YamlError(key_where, f"key {key!r} appears twice in this mapping")
            result.key_where[key] = key_where
            result[key] = _convert(value_node, loader, display, depth + 1, budget)
        return result
    items = LList(_convert(item, loader, display, depth + 1, budget) for item in node.value)
    items.where = where
    return items


def scalar(node: yaml.ScalarNode, where: Where) -> LStr | LScalar:
    """Text as typed, or a typed value when the resolver (or an explicit tag) says so."""
    typed = node.value
    if node.tag not in dialect.SCALAR_TAGS:
        raise YamlError(where, _tag_refused(node.tag))
    if not typed and not node.style:
        return LScalar(None, where, typed)  # `key:` or `key: !`, which the two loaders tag apart
    pattern = dialect.SCALAR_TAGS[node.tag]
    if pattern is None:
        text = LStr(typed)
        text.where = where
        return text
    if not pattern.match(typed):
        raise YamlError(where, f"{typed!r} is not what the tag {dialect.short_tag(node.tag)} says it is")
    value: object
    if node.tag == dialect.NULL:
        value = None
    elif node.tag == dialect.BOOL:
        value = typed.lower() == "true"
    elif node.tag == dialect.INT:
        value = int(typed)
    elif node.tag == dialect.FLOAT:
        value = float(typed)
    else:
        value = _date(typed, where)
    return LScalar(value, where, typed)


def _date(typed: str, where: Where) -> dt.date:
    match = dialect.DATE_RE.match(typed)
    assert match is not None
    year, month, day = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise YamlError(
            where, f"{typed} is not a date ({exc}): correct it, or put it in quotes to keep it as text"
        ) from exc


def _tag_refused(tag: str) -> str:
    return (
        f"the YAML tag {dialect.short_tag(tag)} is not used in briefer files: remove it "
        "(put the value in quotes to keep it as text)"
    )
