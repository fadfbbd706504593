"""Read YAML safely into plain values that remember where they stand (file, line, column).

Only the composer runs (no object construction beyond YAML's core scalar types), so a
content file can never execute anything. Uses libyaml when available, for speed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from briefer.content.yaml_places import mistake_place

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
    """A non-string scalar (int, bool, float, null, date) with its place."""

    __slots__ = ("value", "where")

    def __init__(self, value: object, where: Where) -> None:
        self.value = value
        self.where = where

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
        raw = path.read_bytes()
    except OSError as exc:
        raise YamlError(Where(display, 1, 1), f"cannot read file: {exc.strerror}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlError(Where(display, line, col), "file is not valid UTF-8") from exc
    return parse_located(text, display)


def parse_located(text: str, display: str) -> Located | None:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        return _convert(node, loader, display, depth=0, budget=[_MAX_NODES])
    except yaml.MarkedYAMLError as exc:
        place = mistake_place(text, exc)  # the line of the mistake, not where YAML gave up
        raise YamlError(Where(display, place.line, place.col), place.message) from exc
    except yaml.YAMLError as exc:
        raise YamlError(Where(display, 1, 1), f"YAML error: {exc}") from exc
    except RecursionError as exc:
        raise YamlError(Where(display, 1, 1), "YAML nested too deeply") from exc
    finally:
        loader.dispose()


_MAX_DEPTH = 100
# Aliases can make a small file expand enormously ("billion laughs"); no content needs this many.
_MAX_NODES = 200_000


def _convert(node: yaml.Node, loader: yaml.SafeLoader, display: str, depth: int, budget: list[int]) -> Located:
    where = Where(display, node.start_mark.line + 1, node.start_mark.column + 1)
    if depth > _MAX_DEPTH:
        raise YamlError(where, "YAML nested too deeply")
    budget[0] -= 1
    if budget[0] < 0:
        raise YamlError(where, "YAML expands to too many values (aliases repeated too often?)")
    if isinstance(node, yaml.MappingNode):
        result = LDict()
        result.where = where
        result.key_where = {}
        loader.flatten_mapping(node)  # resolves `<<` merge keys
        for key_node, value_node in node.value:
            key_where = Where(display, key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlError(key_where, "a key must be a plain word")
            key = str(loader.construct_object(key_node))
            if key in result:
                raise YamlError(key_where, f"key {key!r} appears twice in this mapping")
            result.key_where[key] = key_where
            result[key] = _convert(value_node, loader, display, depth + 1, budget)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = LList(_convert(item, loader, display, depth + 1, budget) for item in node.value)
        items.where = where
        return items
    value = loader.construct_object(node)
    if isinstance(value, str):
        text = LStr(value)
        text.where = where
        return text
    return LScalar(value, where)
