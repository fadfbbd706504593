"""A brief in another language: built only from current translations of what it includes, or with
untranslated text marked by explicit choice; never a silent mix. Notes as in the report's language."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from briefer.content.load import load_report
from briefer.content.model import Report, Span
from briefer.tailor.brief import Brief, CountryBox, KeyMessagesPart, SectionPart
from briefer.tailor.glance import glance_recipe
from briefer.tailor.localise import UntranslatedError
from briefer.tailor.recipe import Recipe, Untranslated
from briefer.tailor.recipe_check import RecipeError
from briefer.tailor.recipe_file import dump_recipe, parse_recipe
from briefer.tailor.tailor import tailor
from briefer.tailor.wording import words_for

from ..conftest import CONTENT
from .helpers import marks_in_order, texts_in_order

SAMPLE = Recipe(sections=("conclusion",), audience="diplomats", countries=("SE", "NO"))


def _plain(text: tuple[object, ...]) -> str:
    return "".join(p.text for p in text if isinstance(p, Span))


@pytest.mark.parametrize("language", ["fr", "uk"])
def test_the_sample_builds_in_the_language_with_the_same_notes(report: Report, language: str) -> None:
    english = tailor(report, SAMPLE)
    translated = tailor(report, dataclasses.replace(SAMPLE, language=language))
    assert translated.language == language and translated.words == words_for(language)
    # notes are numbered after selection exactly as in English: same markers, same carriers, same sources
    assert marks_in_order(translated) == marks_in_order(english)
    assert [(n.number, n.source_ids, n.origin) for n in translated.notes] == [
        (n.number, n.source_ids, n.origin) for n in english.notes
    ]
    assert [s.id for s in translated.sources] == [s.id for s in english.sources]
    # every text printed comes from the translation: nothing of the English texts is left
    english_texts = {_plain(text) for _, text in texts_in_order(english)}
    assert not english_texts & {_plain(text) for _, text in texts_in_order(translated)}
    assert translated.title != english.title and translated.country_names != english.country_names
    part = next(p for p in translated.parts if isinstance(p, SectionPart))
    assert part.title != next(p for p in english.parts if isinstance(p, SectionPart)).title


def test_french_words_and_dates(report: Report) -> None:
    recipe = dataclasses.replace(SAMPLE, language="fr", countries=("FI",), sections=(), untranslated=Untranslated.MARK)
    brief = tailor(report, recipe)
    assert brief.audience_line == "Note d’information\u00a0: Diplomates et délégations aux traités"
    box = next(p for p in brief.parts if isinstance(p, CountryBox))
    assert box.status_headers == ("Traité", "Statut", "Dates clés")
    assert ("Devenu partie\u00a0:", "9 janvier 2012 (accession [non traduit])") in box.instruments[0].details


def test_an_untranslated_unit_stops_the_brief_and_is_named(report: Report) -> None:
    recipe = dataclasses.replace(SAMPLE, language="fr", countries=("SE", "FI"))
    with pytest.raises(UntranslatedError) as info:
        tailor(report, recipe)
    problems = [str(p) for p in info.value.problems]
    assert any("translations/fr/countries.yaml" in p and "country:FI" in p and "no translation" in p for p in problems)
    assert not any("country:SE" in p for p in problems)
    assert "--untranslated mark" in problems[-1]


def test_marked_text_is_the_report_s_own_with_the_catalogue_label(report: Report) -> None:
    recipe = dataclasses.replace(SAMPLE, language="fr", countries=("SE", "FI"), untranslated=Untranslated.MARK)
    brief = tailor(report, recipe)
    label = words_for("fr").untranslated
    assert label == "[non traduit]"
    finland = next(p for p in brief.parts if isinstance(p, CountryBox) and p.code == "FI")
    assert finland.name == f"Finland {label}"
    assert all(fact[0] == Span(label, italic=True) for fact in finland.facts)
    sweden = next(p for p in brief.parts if isinstance(p, CountryBox) and p.code == "SE")
    assert sweden.name == "Suède" and label not in _plain(sweden.facts[0])


def test_every_untranslated_block_of_the_whole_report_is_marked(report: Report) -> None:
    brief = tailor(report, Recipe(language="uk", untranslated=Untranslated.MARK))
    label = words_for("uk").untranslated
    for part in brief.parts:
        if isinstance(part, SectionPart):
            for carrier, text in texts_in_order(dataclasses.replace(brief, parts=(part,))):
                translated = part.id == "conclusion"
                assert (text[0] == Span(label, italic=True)) is not translated, carrier
            assert part.title.endswith(label) is (part.id != "conclusion")
    for note in brief.notes:
        marked = _plain(note.text).startswith(label)
        assert marked is (note.origin not in {"17", "20", "28", "29"}), note.origin


def test_an_outdated_translation_is_not_printed(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    path = content / "sections" / "07-conclusion.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Worse still,", "Worse still, and plainly,"), "utf-8")
    report = load_report(content)
    with pytest.raises(UntranslatedError) as info:
        tailor(report, dataclasses.replace(SAMPLE, language="uk"))
    (problem,) = [p for p in info.value.problems if "block:" in p.message]
    assert "block:conclusion-6" in problem.message and "older source text" in problem.message
    marked = tailor(report, dataclasses.replace(SAMPLE, language="uk", untranslated=Untranslated.MARK))
    part = next(p for p in marked.parts if isinstance(p, SectionPart))
    assert part.blocks[-1].text[0] == Span("[не перекладено]", italic=True)  # type: ignore[union-attr]
    assert "and plainly" in _plain(part.blocks[-1].text)  # type: ignore[union-attr]


def test_a_glance_page_needs_no_section_translated(report: Report) -> None:
    brief: Brief = tailor(report, glance_recipe(Recipe(audience="diplomats", countries=("NO",), language="uk")))
    key = next(p for p in brief.parts if isinstance(p, KeyMessagesPart))
    assert key.audience_name == "Дипломати та делегації на нарадах договорів"


def test_the_language_is_saved_in_the_recipe_only_when_chosen() -> None:
    assert "language" not in dump_recipe(Recipe()) and "untranslated" not in dump_recipe(Recipe())
    recipe = Recipe(language="uk", untranslated=Untranslated.MARK)
    text = dump_recipe(recipe)
    assert "language: uk" in text and "untranslated: mark" in text
    assert parse_recipe(text) == recipe


def test_a_language_without_a_catalogue_is_refused_by_the_recipe_check(report: Report) -> None:
    with pytest.raises(RecipeError, match="no word catalogue for language 'sv'"):
        tailor(report, Recipe(language="sv"))
    with pytest.raises(RecipeError, match="unknown choice for untranslated text 'maybe'"):
        parse_recipe("format: 1\nuntranslated: maybe\n")
