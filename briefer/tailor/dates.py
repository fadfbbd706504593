"""Dates in a reader's conventions: ISO dates from the content, and dates the content writes
out in its own language ("1 December 2025", "Apr. 5, 2024"), re-expressed through CLDR.

Imports Babel only.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from babel import Locale
from babel.dates import format_date, format_skeleton

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})\.?\s+(\w+)\.?\s+(\d{4})$")
_MONTH_DAY_YEAR = re.compile(r"^(\w+)\.?\s+(\d{1,2}),?\s+(\d{4})$")
_MONTH_YEAR = re.compile(r"^(\w+)\.?\s+(\d{4})$")


def long_date(day: dt.date, locale: str) -> str:
    """27 December 2025, 27 décembre 2025, 27. Dezember 2025, 27 грудня 2025 р."""
    return format_date(day, "long", locale=locale)


def iso_to_long(iso: str, locale: str) -> str:
    """A content date (YYYY-MM-DD) as a reader writes it; anything else as it stands."""
    try:
        return long_date(dt.date.fromisoformat(iso), locale)
    except ValueError:
        return iso


@functools.cache
def _months(locale: str) -> dict[str, int]:
    """Every name of every month in `locale`, lower-cased and without a final full stop."""
    names: dict[str, int] = {}
    months = Locale.parse(locale).months
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in months[context][width].items():
                names[name.lower().rstrip(".")] = number
    return names


def _month(token: str, locale: str) -> int | None:
    """The month a word names: a CLDR name or abbreviation, or the start of exactly one
    full name ("Sept" for September)."""
    word = token.lower().rstrip(".")
    names = _months(locale)
    if word in names:
        return names[word]
    if len(word) < 3:
        return None
    starts = {number for name, number in names.items() if name.startswith(word)}
    return starts.pop() if len(starts) == 1 else None


def rewrite_date(text: str, from_locale: str, to_locale: str) -> str:
    """A date written in `from_locale` ("1 December 2025", "Dec. 1, 2025", "December 2025",
    "2025-12-01"), written again in `to_locale`; text that is not one such date stays as it is."""
    stripped = text.strip()
    try:
        if match := _ISO.match(stripped):
            return long_date(dt.date(*(int(g) for g in match.groups())), to_locale)
        if match := _DAY_MONTH_YEAR.match(stripped):
            day, word, year = match.groups()
            month = _month(word, from_locale)
            return text if month is None else long_date(dt.date(int(year), month, int(day)), to_locale)
        if match := _MONTH_DAY_YEAR.match(stripped):
            word, day, year = match.groups()
            month = _month(word, from_locale)
            return text if month is None else long_date(dt.date(int(year), month, int(day)), to_locale)
        if match := _MONTH_YEAR.match(stripped):
            word, year = match.groups()
            month = _month(word, from_locale)
            when = dt.date(int(year), month, 1) if month else None
            return text if when is None else format_skeleton("yMMMM", when, locale=to_locale)
    except ValueError:  # a day that does not exist (31 April): leave the text alone
        return text
    return text
