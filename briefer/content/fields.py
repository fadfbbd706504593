"""Typed reading of located YAML values: each accessor checks and reports, never raises.

A missing or wrong value is recorded as a Problem at its place and a harmless default is
returned, so one pass finds every problem in a file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator

from briefer.content.inline import InlineError, offset_to_line_col, parse_inline
from briefer.content.located import LDict, LList, LScalar, LStr, Where
from briefer.content.model import Text
from briefer.content.printable import unprintable
from briefer.content.problems import Problems
from briefer.content.yaml_dialect import yaml11_reading

ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
COUNTRY_RE = re.compile(r"^[A-Z]{2}$")


def _not_text(value: object) -> str:
    """'not a list' and the like, for a value where text was expected."""
    return f"not {_type_name(value)}"


def _type_name(value: object) -> str:
    if isinstance(value, LDict):
        return "a mapping"
    if isinstance(value, LList):
        return "a list"
    if isinstance(value, LStr):
        return "text"
    if isinstance(value, LScalar):
        inner = value.value
        if inner is None:
            return "empty"
        if isinstance(inner, bool):
            return "true/false"
        if isinstance(inner, int | float):
            return "a number"
        if isinstance(inner, dt.date):
            return "a date"
    return type(value).__name__


def as_typed(value: object) -> str | None:
    """The text of a scalar exactly as typed (`14:30`, `2021.10`, `NO`); None for anything else
    (a mapping, a list, an empty value)."""
    if isinstance(value, LStr):
        return str(value)
    if isinstance(value, LScalar) and value.value is not None:
        return value.text
    return None


def yaml11_hint(value: object) -> str:
    """' (older YAML tools read it as the number 870)' for text that YAML 1.1 types; else ''."""
    reading = yaml11_reading(str(value)) if isinstance(value, LStr) else ""
    return f" (older YAML tools read {str(value)!r} as {reading})" if reading else ""


class Record:
    """One YAML mapping read against a set of allowed keys."""

    def __init__(
        self,
        value: object,
        where: Where,
        what: str,
        problems: Problems,
        required: Iterable[str] = (),
        optional: Iterable[str] = (),
        *,
        printable: bool = True,
    ) -> None:
        """`printable`: text must be printable by briefer's fonts (content); a recipe file's
        text is checked with the recipe instead (tailor.recipe_check), so it opens as saved."""
        self.problems = problems
        self.what = what
        self.printable = printable
        self.ok = isinstance(value, LDict)
        self.data: LDict = value if isinstance(value, LDict) else LDict()
        self.where = getattr(value, "where", where)
        if not self.ok:
            problems.error(self.where, f"{what} must be a mapping (key: value), not {_type_name(value)}")
            self.data.key_where = {}
            return
        required = tuple(required)
        allowed = set(required) | set(optional)
        for key in self.data:
            if key not in allowed:
                choices = ", ".join(sorted(allowed))
                problems.error(self.data.key_where[key], f"unknown key {key!r} in {what} (allowed: {choices})")
        for key in required:
            if key not in self.data:
                problems.error(self.where, f"{what} is missing the required key {key!r}")

    def has(self, key: str) -> bool:
        return key in self.data

    def place(self, key: str) -> Where:
        value = self.data.get(key)
        return getattr(value, "where", self.data.key_where.get(key, self.where))

    def raw(self, key: str) -> object:
        return self.data.get(key)

    def text(self, key: str, default: str = "") -> str:
        """A plain string field; numbers, dates and true/false are taken exactly as typed."""
        value = self.data.get(key)
        if value is None:
            return default
        typed = as_typed(value)
        if typed is not None and typed.strip():
            self._printable(key, typed)
            return typed.strip()
        if typed is not None or (isinstance(value, LScalar) and value.value is None):
            self.problems.error(self.place(key), f"{key!r} in {self.what} is empty")
            return default
        self.problems.error(self.place(key), f"{key!r} in {self.what} must be text, {_not_text(value)}")
        return default

    def ident(self, key: str, pattern: re.Pattern[str] = ID_RE, kind: str = "an id") -> str:
        value = self.text(key)
        if value and not pattern.match(value):
            self.problems.error(self.place(key), f"{key!r} must be {kind}, got {value!r}")
        return value

    def integer(self, key: str, default: int = 0) -> int:
        value = self.data.get(key)
        if value is None:
            return default
        if isinstance(value, LScalar) and isinstance(value.value, int) and not isinstance(value.value, bool):
            return value.value
        self.problems.error(
            self.place(key), f"{key!r} in {self.what} must be a whole number in digits{yaml11_hint(value)}"
        )
        return default

    def flag(self, key: str, default: bool) -> bool:
        """true or false; `yes`, `on` and the like are refused, since YAML versions disagree on them."""
        value = self.data.get(key)
        if value is None:
            return default
        if isinstance(value, LScalar) and isinstance(value.value, bool):
            return value.value
        self.problems.error(self.place(key), f"{key!r} must be true or false{yaml11_hint(value)}")
        return default

    def date(self, key: str) -> str:
        """An ISO date (YYYY-MM-DD), returned as written."""
        value = self.data.get(key)
        if value is None:
            return ""
        if isinstance(value, LScalar) and isinstance(value.value, dt.date):
            return value.value.isoformat()
        if isinstance(value, LStr):
            try:
                return dt.date.fromisoformat(str(value)).isoformat()
            except ValueError:
                pass
        self.problems.error(self.place(key), f"{key!r} must be a date written YYYY-MM-DD, got {_show(value)}")
        return ""

    def inline(self, key: str, *, cites: bool = False, notes: bool = True) -> Text:
        value = self.data.get(key)
        if value is None:
            return ()
        return read_inline(value, self.place(key), f"{key!r} in {self.what}", self.problems, cites, notes)

    def strings(self, key: str) -> tuple[str, ...]:
        """A list of plain strings (ids, names), each as typed; a single string is a list of one."""
        value = self.data.get(key)
        if value is None:
            return ()
        if not isinstance(value, LList):
            typed = as_typed(value)
            if typed is None:
                self.problems.error(self.place(key), f"{key!r} in {self.what} must be a list")
            elif not typed.strip():
                self.problems.error(self.place(key), f"{key!r} in {self.what} is empty")
            return (typed.strip(),) if typed and typed.strip() else ()
        out = []
        for item in value:
            typed = as_typed(item)
            if typed is not None and typed.strip():
                self._printable(key, typed, getattr(item, "where", value.where))
                out.append(typed.strip())
                continue
            problem = (
                "is empty" if typed is not None or isinstance(item, LScalar) else f"must be text, {_not_text(item)}"
            )
            self.problems.error(getattr(item, "where", value.where), f"an item of {key!r} {problem}")
        return tuple(out)

    def _printable(self, key: str, text: str, where: Where | None = None) -> None:
        problem = unprintable(text) if self.printable else ""
        if problem:
            self.problems.error(where or self.place(key), f"{key!r} in {self.what} {problem}")

    def items(self, key: str) -> Iterator[tuple[object, Where]]:
        """The items of a list field with their places."""
        value = self.data.get(key)
        if value is None:
            return
        if not isinstance(value, LList):
            self.problems.error(self.place(key), f"{key!r} in {self.what} must be a list")
            return
        for item in value:
            yield item, getattr(item, "where", value.where)


def _show(value: object) -> str:
    typed = as_typed(value)
    return repr(typed) if typed is not None else _type_name(value)


def read_inline(
    value: object, where: Where, what: str, problems: Problems, cites: bool = False, notes: bool = True
) -> Text:
    typed = as_typed(value)
    if typed is None and not (isinstance(value, LScalar) and value.value is None):
        problems.error(where, f"{what} must be text, {_not_text(value)}")
        return ()
    if not typed or not typed.strip():
        problems.error(where, f"{what} is empty")
        return ()
    stripped = typed.strip()
    problem = unprintable(stripped)
    if problem:
        problems.error(where, f"{what} {problem}")
    try:
        return parse_inline(stripped, allow_cites=cites, allow_notes=notes)
    except InlineError as exc:
        line, col = offset_to_line_col(stripped, exc.offset)
        near = stripped[max(0, exc.offset - 20) : exc.offset + 20].replace("\n", " ")
        problems.error(where, f"{what}: {exc} (near “{near}”, text line {line + 1})")
        return ()
