"""The word catalogues: every message translated in every language, placeholders kept, compiled
catalogues up to date; dates, numbers and lists in each language's CLDR conventions."""

from __future__ import annotations

import gettext
import io
import re
import string

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from briefer.tailor.catalogue import LOCALE_DIR, CatalogueError, catalogue_languages
from briefer.tailor.wording import ENGLISH, MESSAGES, words_for

LANGUAGES = ("fr", "es", "de", "fi", "lt", "uk")

# words that are the same in the language as in English, checked one by one
SAME_AS_ENGLISH = {
    "fr": {
        "date",
        "organisation",
        "notes",
        "sources",
        "ibid",
        "ibid_lower",
        "no_status",
        "particulars_separator",
        "note_link",
        "instrument",
        "figure",
        "qualified",
    },
    "es": {"ibid", "ibid_lower", "no_status", "label", "particulars_separator", "qualified"},
    "de": {"organisation", "status_column", "no_status", "label", "particulars_separator", "status", "instrument"},
    "fi": {"no_status", "label", "particulars_separator", "qualified"},
    "lt": {"no_status", "label", "particulars_separator", "qualified"},
    "uk": {"no_status", "label", "particulars_separator", "qualified"},
}
SAME_AS_ENGLISH["de"].add("qualified")  # "{value} ({qualifier})": brackets are the same everywhere


def _placeholders(message: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(message) if name}


def test_every_listed_language_has_a_catalogue() -> None:
    assert set(catalogue_languages()) >= {"en", *LANGUAGES}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_with_its_placeholders(language: str) -> None:
    with (LOCALE_DIR / language / "LC_MESSAGES" / "brief.po").open("rb") as handle:
        catalog = read_po(handle)
    translated = {m.context: m.string for m in catalog if m.id and not m.fuzzy}
    assert set(translated) == {name for name, _ in MESSAGES}
    for name, english in MESSAGES:
        assert translated[name].strip(), f"{language}: {name} is not translated"
        assert _placeholders(translated[name]) == _placeholders(english), f"{language}: {name}"
        if name not in SAME_AS_ENGLISH[language]:
            assert translated[name] != english, f"{language}: {name} is still English"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_is_the_po_file(language: str) -> None:
    """`./run` compiles the .po files; a .mo left behind by an older .po would print old words."""
    folder = LOCALE_DIR / language / "LC_MESSAGES"
    with (folder / "brief.po").open("rb") as handle:
        buffer = io.BytesIO()
        write_mo(buffer, read_po(handle))
    fresh = gettext.GNUTranslations(io.BytesIO(buffer.getvalue()))
    with (folder / "brief.mo").open("rb") as handle:
        shipped = gettext.GNUTranslations(handle)
    for name, english in MESSAGES:
        assert shipped.pgettext(name, english) == fresh.pgettext(name, english), name


def test_words_come_from_the_catalogue() -> None:
    french = words_for("fr")
    assert french.contents == "Sommaire" and french.page_of == "Page {page} sur {pages}"
    assert words_for("de").ibid == "Ebd." and words_for("uk").ibid == "Там само."
    assert words_for("fr").see_note.format(number=4) == "voir note 4"
    assert words_for("en") == ENGLISH
    assert words_for("fr-CA").contents == "Sommaire" and words_for("fr-CA").locale == "fr_CA"


@pytest.mark.parametrize(
    ("language", "date", "names"),
    [
        ("en", "27 December 2025", "Finland, Lithuania and Ukraine"),
        ("en-US", "December 27, 2025", "Finland, Lithuania, and Ukraine"),
        ("fr", "27 décembre 2025", "Finland, Lithuania et Ukraine"),
        ("es", "27 de diciembre de 2025", "Finland, Lithuania y Ukraine"),
        ("de", "27. Dezember 2025", "Finland, Lithuania und Ukraine"),
        ("fi", "27. joulukuuta 2025", "Finland, Lithuania ja Ukraine"),
        ("lt", "2025 m. gruodžio 27 d.", "Finland, Lithuania ir Ukraine"),
        ("uk", "27 грудня 2025 р.", "Finland, Lithuania і Ukraine"),
    ],
)
def test_dates_and_lists_follow_cldr(language: str, date: str, names: str) -> None:
    words = words_for(language)
    # CLDR keeps a date's parts together with no-break spaces ("2025\u202fр.")
    assert re.sub(r"\s", " ", words.human_date("2025-12-27")) == date
    assert words.join(["Finland", "Lithuania", "Ukraine"]) == names
    assert words.join(["Finland"]) == "Finland" and words.join([]) == ""


def test_numbers_follow_cldr() -> None:
    assert words_for("en").number(12345) == "12,345"
    assert re.fullmatch(r"12\s345", words_for("fr").number(12345))
    assert words_for("de").number(12345) == "12.345"


@pytest.mark.parametrize(
    ("written", "french"),
    [
        ("1 December 2025", "1 décembre 2025"),
        ("Apr. 5, 2024", "5 avril 2024"),
        ("Sept. 30, 2024", "30 septembre 2024"),
        ("June 2023", "juin 2023"),
        ("2025-07-10", "10 juillet 2025"),
        ("2025", "2025"),
        ("Sept. 30, 2024 (effective Nov. 1, 2024)", "Sept. 30, 2024 (effective Nov. 1, 2024)"),
        ("31 April 2024", "31 April 2024"),
        ("Winter 2024", "Winter 2024"),
    ],
)
def test_dates_written_in_the_content_are_written_again_in_the_brief_language(written: str, french: str) -> None:
    assert words_for("fr").written_date(written) == french
    assert words_for("en").written_date(written) == written  # the content's own language: as written


def test_a_language_without_a_catalogue_is_named_with_the_choices() -> None:
    with pytest.raises(CatalogueError, match=r"no word catalogue for language 'sv' \(available: de, en, es"):
        words_for("sv")
    with pytest.raises(CatalogueError, match="not a language code"):
        words_for("fr--x")
