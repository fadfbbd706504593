"""The YAML briefer reads: YAML 1.2's core types for plain scalars, the same with or without libyaml.

PyYAML resolves plain scalars by YAML 1.1, where `14:30` is the number 870, `2021.10` is 2021.1,
`0x1F` is 31 and `yes` is true. Here only `null`/`~`, `true`/`false`, decimal numbers and
`YYYY-MM-DD` dates have a type; everything else is text, exactly as typed (and `Dumper` writes
text so that it reads back as text). The pure-Python
scanner also learns libyaml's (and YAML 1.2's) rule that `?` may stand inside a plain scalar
in `[…]`, so a file valid on one machine is valid on every one. Imports PyYAML only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner
from yaml.tokens import ScalarToken, TagToken, Token

TAG = "tag:yaml.org,2002:"
NULL, BOOL, INT, FLOAT, DATE, STR = (TAG + t for t in ("null", "bool", "int", "float", "timestamp", "str"))
MERGE, MAP, SEQ = TAG + "merge", TAG + "map", TAG + "seq"

NULL_RE = re.compile(r"^(?:~|null|Null|NULL|)$")
BOOL_RE = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
# no leading zeros: YAML 1.1 reads 017 as the octal number 15
INT_RE = re.compile(r"^[-+]?(?:0|[1-9][0-9]{0,17})$")  # longer: a float, or text where text is expected
FLOAT_RE = re.compile(r"^[-+]?(?:\.[0-9]+|(?:0|[1-9][0-9]*)(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
DATE_RE = re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$")
# characters YAML does not allow in a file (checked before parsing, so both loaders agree)
UNPRINTABLE = Reader.NON_PRINTABLE

# the scalar tags a file may give explicitly (`!!str 14:30`), and the pattern each value must have
SCALAR_TAGS: dict[str, re.Pattern[str] | None] = {
    NULL: NULL_RE,
    BOOL: BOOL_RE,
    INT: INT_RE,
    FLOAT: FLOAT_RE,
    DATE: DATE_RE,
    STR: None,
}
COLLECTION_TAGS = frozenset({MAP, SEQ})


class Resolver(BaseResolver):
    """Types plain scalars by YAML 1.2's core schema (plus dates); all else is text."""


IMPLICIT = (
    (NULL, NULL_RE, ["~", "n", "N", ""]),
    (BOOL, BOOL_RE, list("tTfF")),
    (INT, INT_RE, list("-+0123456789")),
    (FLOAT, FLOAT_RE, list("-+.0123456789")),
    (DATE, DATE_RE, list("0123456789")),
    (MERGE, re.compile(r"^<<$"), ["<"]),
)
for _tag, _pattern, _first in IMPLICIT:
    Resolver.add_implicit_resolver(_tag, _pattern, _first)


class Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Writes text that reads back as text here and in YAML 1.1 tools: PyYAML's dumper quotes
    only what YAML 1.1 reads otherwise, so a digest such as `826124e0` (a float here) would
    come back as a number."""


for _tag, _pattern, _first in IMPLICIT:
    Dumper.add_implicit_resolver(_tag, _pattern, _first)


_Token = TypeVar("_Token", bound=Token)


class _Scanner(Scanner):
    """Where PyYAML's own scanner reads flow context (`[…]`, `{…}`) unlike libyaml and YAML 1.2,
    the inherited scanner is shown a translated character while it scans one token: a `?`
    inside a plain scalar is a letter (`[Will you join?]` is one item), and `, [ ] { }` end a
    tag (`[!, x]` is a tag `!` then a comma). The text a token keeps is read from the buffer,
    so nothing typed is changed."""

    def scan_plain(self) -> ScalarToken:
        return self._in_flow(super().scan_plain, {"?": "a"})

    def scan_tag(self) -> TagToken:
        return self._in_flow(super().scan_tag, dict.fromkeys(",[]{}", " "))

    def _in_flow(self, scan: Callable[[], _Token], shown: dict[str, str]) -> _Token:
        if not self.flow_level:
            return scan()
        real_peek: Callable[[int], str] = self.peek  # type: ignore[attr-defined]

        def peek(index: int = 0) -> str:
            char = real_peek(index)
            return shown.get(char, char)

        self.__dict__["peek"] = peek  # shadows the method for this one token
        try:
            return scan()
        finally:
            del self.__dict__["peek"]


class PythonLoader(Reader, _Scanner, Parser, Composer, SafeConstructor, Resolver):
    """Pure-Python composer with briefer's rules (SafeConstructor only for merge keys)."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        _Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)


LOADERS: dict[str, type] = {"python": PythonLoader}

try:
    from yaml.cyaml import CParser  # type: ignore[attr-defined]
except ImportError:  # PyYAML built without libyaml: the pure-Python loader reads the same
    pass
else:

    class LibyamlLoader(CParser, SafeConstructor, Resolver):
        """libyaml's composer (about five times faster) with the same rules."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)

    LOADERS["libyaml"] = LibyamlLoader


def default_loader() -> type:
    return LOADERS.get("libyaml", PythonLoader)


def short_tag(tag: str) -> str:
    """`!!binary` for the tag YAML spells in full."""
    return "!!" + tag[len(TAG) :] if tag.startswith(TAG) else tag


def yaml11_reading(text: str) -> str:
    """What YAML 1.1 tools (and earlier briefer) make of a plain scalar, when it is not text:
    "the number 870" for `14:30`; "" when they read it as text too."""
    tag = yaml.resolver.Resolver().resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    if tag in (STR, MERGE):
        return ""
    try:
        value = yaml.safe_load(text)
    except (yaml.YAMLError, ValueError):
        return ""
    if isinstance(value, bool):
        return f"{str(value).lower()} (yes/no)"
    if isinstance(value, int | float):
        return f"the number {value}"
    return ""
