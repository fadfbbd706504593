"""Briefs in every listed language, read back from the PDF: the fixed words are the catalogue's,
dates are the language's, no English fixed word is left, and every character has its glyph.

The whole report is built from a complete pseudo-translation (every letter accented, every code
kept, made through the export/import round trip), so any English left on a page is a fixed word
or a reference to a source (which stays as published, and is set aside before the check). The
tailored brief is built from the shipped French and Ukrainian sample, and in the other languages
with untranslated text marked.
"""

from __future__ import annotations

import dataclasses
import re
import shutil

import pytest
from babel import Locale
from fontTools.ttLib import TTFont

from briefer.build import build_bytes
from briefer.content.load import load_report
from briefer.content.model import Report
from briefer.render.fonts import FONT_DIR
from briefer.render.pdf import render_pdf
from briefer.tailor.catalogue import LOCALE_DIR, cldr_locale
from briefer.tailor.recipe import PreparedFor, Recipe, Untranslated
from briefer.tailor.tailor import tailor
from briefer.tailor.wording import MESSAGES, words_for
from briefer.translation.store import save_units
from briefer.translation.xliff import export_xliff, read_xliff
from tests.render.fontcheck import missing_glyphs
from tests.render.readback import read_back
from tests.translation.pseudo import translate_all

from ..conftest import CONTENT

LANGUAGES = ("en", "fr", "es", "de", "fi", "lt", "uk")
SAMPLE = Recipe(sections=("conclusion",), audience="diplomats", countries=("SE", "NO"))
# the comparison's title, the instrument and details column headers: as report.yaml declares
# them and as the shipped sample translates them
STATUS_HEADINGS = {
    "en": ("Treaty status compared", "Treaty", "Key dates"),
    "fr": ("Statut conventionnel comparé", "Traité", "Dates clés"),
    "uk": ("Статус щодо договорів: порівняння", "Договір", "Ключові дати"),
}
# every letter of each language beyond ASCII, its quotation marks and apostrophe
ALPHABETS = {
    "fr": "àâæçéèêëîïôœùûüÿÀÂÆÇÉÈÊËÎÏÔŒÙÛÜŸ«»’",
    "es": "áéíñóúüÁÉÍÑÓÚÜ¿¡«»",
    "de": "äöüßÄÖÜẞ„“",
    "fi": "åäöšžÅÄÖŠŽ”",
    "lt": "ąčęėįšųūžĄČĘĖĮŠŲŪŽ„“",
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "uk-capitals": "АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯ’«»№",
}


@pytest.fixture(scope="module")
def pseudo_report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    """The report, with a complete pseudo-translation into every listed language."""
    content = tmp_path_factory.mktemp("pseudo") / "content"
    shutil.copytree(CONTENT, content)
    shutil.rmtree(content / "translations")
    report = load_report(content)
    for language in LANGUAGES[1:]:
        exported = content.parent / f"{language}.xlf"
        exported.write_bytes(translate_all(export_xliff(report, language)[0]))
        save_units(content, report, language, read_xliff(exported, report).units)
    return load_report(content)


def _text(data: bytes) -> str:
    back = read_back(data)
    return re.sub(r"\s+", " ", " ".join(back.page_text(n) for n in range(1, back.page_count + 1)))


def _without_references(text: str, report: Report) -> str:
    """The text without what references to sources print as published (titles, publishers, URLs)."""
    published = [*report.authors, "".join(p.text for p in report.citation if hasattr(p, "text"))]
    for source in report.sources:
        published += [source.title, source.author, source.container, source.publisher, source.url]
        published += ["".join(p.text for p in source.short if hasattr(p, "text"))]
    for item in sorted({p for p in published if p}, key=len, reverse=True):
        text = text.replace(re.sub(r"\s+", " ", item), " ")
    return text


def _english_left(text: str, language: str) -> list[str]:
    """English fixed words (those the language says otherwise) found in `text`."""
    words = words_for(language)
    found = []
    for name, english in MESSAGES:
        ours = re.split(r"\{[^}]*\}", getattr(words, name))
        for chunk in re.split(r"\{[^}]*\}", english):
            chunk = chunk.strip(" :")
            if sum(c.isalpha() for c in chunk) < 3 or any(chunk in mine for mine in ours):
                continue
            for form in {chunk, chunk.upper()}:
                if re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text):
                    found.append(f"{name}: {form!r}")
    return found


def _months(locale: str) -> set[str]:
    months = Locale.parse(locale).months
    return {name for context in ("format", "stand-alone") for name in months[context]["wide"].values()}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_whole_report_in_each_language(pseudo_report: Report, language: str) -> None:
    recipe = Recipe(language=language, prepared_for=PreparedFor(date="2026-03-12"))
    data = build_bytes(pseudo_report, recipe)
    text = _text(data).replace("\u00a0", " ")
    words = words_for(language)
    squash = dict.fromkeys(map(ord, "\u00a0\u202f"), " ")
    for fixed in (words.contents, words.sources, words.based_on_report.upper(), words.written_by.upper()):
        assert fixed.translate(squash) in text, fixed
    assert words.page_of.format(page=2, pages=read_back(data).page_count).translate(squash) in text
    assert not missing_glyphs(data)
    if language == "en":
        return
    rest = _without_references(text, pseudo_report)
    assert _english_left(rest, language) == []
    theirs = _months(cldr_locale(language))
    english = _months("en") - theirs  # German writes "September" too
    assert not [m for m in english if re.search(rf"\b{m}\b", rest)], "an English date is left"
    assert any(month in text for month in theirs)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_tailored_brief_in_each_language(report: Report, language: str) -> None:
    translated = language in ("en", "fr", "uk")  # the shipped sample; elsewhere untranslated text is marked
    mark = Untranslated.REFUSE if translated else Untranslated.MARK
    recipe = dataclasses.replace(SAMPLE, language=language, untranslated=mark)
    data = build_bytes(report, recipe)
    text = _text(data).replace("\u00a0", " ")
    words = words_for(language)
    squash = dict.fromkeys(map(ord, "\u00a0\u202f"), " ")
    for fixed in (words.key_messages, words.sources):
        assert fixed.translate(squash).upper() in text.upper(), fixed
    # the status tables' headings are the report's own (report.yaml `status`), translated with it
    headings = STATUS_HEADINGS.get(language) or tuple(f"{h} {words.untranslated}" for h in STATUS_HEADINGS["en"])
    for heading in headings:
        assert heading.upper() in text.upper(), heading  # table headers print in capitals
    assert not missing_glyphs(data)
    if translated:
        assert words.untranslated not in text
        if language != "en":
            assert _english_left(_without_references(text, report), language) == []
        else:  # the check finds English where there is some
            assert "key_messages: 'Key messages'" in _english_left(text, "fr")
    else:
        assert text.count(words.untranslated) >= 10  # the section's blocks, the audience, the countries


def test_the_sample_prints_its_own_characters(report: Report) -> None:
    """Ukrainian and French text read back from the PDF exactly as written."""
    for language, phrases in {
        "uk": ("міцному емпіричному підґрунтю", "Ба більше, якщо", "з’явилося", "Норвегія", "ККБ"),
        "fr": ("Symptômes de sevrage", "Pire encore, si la production et l’emploi reprenaient", "Norvège", "CASM"),
    }.items():
        text = _text(build_bytes(report, dataclasses.replace(SAMPLE, language=language))).replace("\u00a0", " ")
        for phrase in phrases:
            assert phrase in text, (language, phrase)


def test_every_language_s_letters_print_and_read_back(report: Report) -> None:
    lines = [ALPHABETS[language] for language in ALPHABETS]
    recipe = Recipe(sections=("conclusion",), cover_note="\n".join(lines), language="lt")
    data = build_bytes(report, dataclasses.replace(recipe, untranslated=Untranslated.MARK))
    text = read_back(data).page_text(2)
    for line in lines:
        assert line in text, line
    assert not missing_glyphs(data)


def test_a_character_the_fonts_lack_is_caught(report: Report) -> None:
    """The check above can fail: Georgian is not in the shipped fonts."""
    # made past the checks, which refuse such a recipe before anything is drawn (content/printable.py)
    brief = dataclasses.replace(tailor(report, Recipe(sections=("conclusion",))), cover_note="ქართული")
    assert missing_glyphs(render_pdf(brief)) == {2: 7}


def test_the_shipped_fonts_cover_every_language_and_catalogue() -> None:
    needed = set("".join(ALPHABETS.values()))
    for po in LOCALE_DIR.glob("*/LC_MESSAGES/brief.po"):
        needed |= {c for c in po.read_text(encoding="utf-8") if not c.isascii() and c.isprintable()}
    for translation in (CONTENT / "translations").rglob("*.yaml"):
        needed |= {c for c in translation.read_text(encoding="utf-8") if not c.isascii() and c.isprintable()}
    needed.discard("\u202f")  # printed as a no-break space (render/markup.py)
    # the text faces; the CJK fallback (NotoSansCJK-Names.ttf) carries only Chinese, Japanese and Korean
    for path in sorted(p for p in FONT_DIR.glob("Noto*.ttf") if "CJK" not in p.name):
        cmap = TTFont(path).getBestCmap()
        missing = sorted(c for c in needed if ord(c) not in cmap)
        assert not missing, f"{path.name} lacks {''.join(missing)}"
