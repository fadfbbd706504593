"""The message catalogues a brief's fixed words come from, and the CLDR locale of a language.

Catalogues are gettext files in briefer/locale: `<lang>/LC_MESSAGES/brief.po` is the source,
`brief.mo` its compiled form (made by `./run`, see tools/catalogues.py). English is the
language the messages are written in, so it needs no catalogue. Imports Babel and content.
"""

from __future__ import annotations

import functools
import gettext
from pathlib import Path

from babel import Locale, UnknownLocaleError

from briefer.content.translations import primary

LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"
DOMAIN = "brief"
SOURCE_LANGUAGE = "en"


class CatalogueError(Exception):
    """A language without a usable catalogue; the message says what to do."""


def catalogue_languages() -> tuple[str, ...]:
    """Every language a brief can be written in: English and each catalogue shipped."""
    found = {path.parent.parent.name for path in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po")}
    return tuple(sorted(found | {SOURCE_LANGUAGE}))


@functools.cache
def cldr_locale(language: str) -> str:
    """The CLDR locale dates, numbers and lists follow. A bare 'en' is British English, the
    conventions briefer has always printed ("27 December 2025"); 'en-US' is American."""
    code = language.replace("_", "-").strip()
    if code.lower() == SOURCE_LANGUAGE:
        return "en_GB"
    try:
        return str(Locale.parse(code, sep="-"))
    except (UnknownLocaleError, ValueError) as exc:
        raise CatalogueError(f"{language!r} is not a language code CLDR knows (write it like 'fr' or 'fr-CA')") from exc


@functools.cache
def brief_catalogue(language: str) -> gettext.NullTranslations:
    """The compiled catalogue of `language` (English: the messages themselves)."""
    lang = primary(language)
    if lang == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    folder = LOCALE_DIR / lang / "LC_MESSAGES"
    if not (folder / f"{DOMAIN}.po").is_file():
        available = ", ".join(catalogue_languages())
        raise CatalogueError(f"no word catalogue for language {language!r} (available: {available})")
    compiled = folder / f"{DOMAIN}.mo"
    if not compiled.is_file():
        raise CatalogueError(
            f"the {lang} word catalogue is not compiled: run `./run` (or `python tools/catalogues.py compile`)"
        )
    with compiled.open("rb") as handle:
        return gettext.GNUTranslations(handle)


def language_name(language: str) -> str:
    """The language's name in itself ('français', 'українська'), for people choosing it."""
    try:
        return Locale.parse(language.replace("_", "-"), sep="-").display_name or language
    except (UnknownLocaleError, ValueError):
        return language
