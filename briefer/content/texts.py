"""Read the texts a reader sees, as the folder's content format says: in format 1 titles and
names are printed as written; from format 2 titles take inline markup and names take its
escapes, and emphasis where it cannot print is a located error, never literal asterisks.

Imports the fields, inline parser and model of this package; no Qt, no ReportLab.
"""

from __future__ import annotations

from briefer.content.fields import Record, read_inline
from briefer.content.located import LStr, Where
from briefer.content.model import Span, Text, plain_text
from briefer.content.problems import Problems

_NO_EMPHASIS = "is printed as plain text: emphasis (* or **) cannot stand here (write \\* for a literal asterisk)"


def read_title(r: Record, key: str, fmt: int) -> tuple[str, Text]:
    """A title: (plain text for lists and the outline, the text as printed)."""
    if not r.has(key):
        return "", ()
    if fmt < 2:
        plain = r.text(key)
        return plain, ((Span(plain),) if plain else ())
    text = r.inline(key, notes=False)
    return plain_text(text).strip(), text


def read_name(r: Record, key: str, fmt: int) -> str:
    """A name or label, printed as plain text."""
    if not r.has(key):
        return ""
    if fmt < 2:
        return r.text(key)
    return name_of(r.raw(key), r.place(key), f"{key!r} in {r.what}", r.problems)


def name_of(value: object, where: Where, what: str, problems: Problems) -> str:
    """A plain name from a format-2 value: escapes resolved, emphasis refused."""
    if isinstance(value, LStr) and not value.strip():
        problems.error(where, f"{what} is empty")
        return ""
    text = read_inline(value, where, what, problems, notes=False)
    if any(isinstance(p, Span) and (p.bold or p.italic) for p in text):
        problems.error(where, f"{what} {_NO_EMPHASIS}")
    return plain_text(text).strip()


def read_names(r: Record, key: str, fmt: int) -> tuple[str, ...]:
    """A list of names (authors); a single name is taken as a list of one."""
    names = r.strings(key)
    if fmt < 2:
        return names
    value = r.raw(key)
    items = list(value) if isinstance(value, list) else [value]
    return tuple(
        name_of(item, getattr(item, "where", r.place(key)), f"a name in {key!r}", r.problems)
        for item in items
        if isinstance(item, LStr) and item.strip()
    )
