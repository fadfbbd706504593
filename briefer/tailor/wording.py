"""Every fixed word a brief prints, in one place: labels, headings, citation words, dates.

`Words` is the face of the message catalogue: each message field's default is the English
message (the catalogue's msgid, its field name the msgctxt), and `words_for(language)` fills
every field from that language's catalogue. Dates, numbers and lists follow CLDR (Babel).
Tailoring chooses the words and puts finished titles and labels into the Brief; renderers
(PDF, Markdown, at a glance) only print them. Imports Babel and the catalogue module only.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Sequence
from dataclasses import dataclass

from babel.lists import format_list
from babel.numbers import format_decimal

from briefer.content.translations import primary
from briefer.tailor.catalogue import brief_catalogue, cldr_locale
from briefer.tailor.dates import iso_to_long, rewrite_date

# fields of Words that are not messages: which language, and whose conventions
SETTINGS = frozenset({"language", "locale", "content_language"})


@dataclass(frozen=True, slots=True)
class Words:
    """The fixed words of a brief in one language. Fields with {placeholders} are templates
    that tailoring fills; renderers fill only page numbers (`page_of`), known after layout."""

    language: str = "en"  # the brief's language (BCP 47)
    locale: str = "en_GB"  # the CLDR locale its dates, numbers and lists follow
    content_language: str = "en"  # the language the report's own text (and its dates) is written in
    # the brief's particulars (cover, title block, running head, Markdown)
    briefing_for: str = "Briefing for {audience}"
    country_focus: str = "Country focus"
    country_focus_on: str = "Country focus: {countries}"
    prepared_for: str = "Prepared for"
    prepared_for_who: str = "Prepared for {who}"
    organisation: str = "Organisation"
    meeting: str = "Meeting"
    place: str = "Place"
    date: str = "Date"
    based_on: str = "Based on"
    based_on_report: str = "Based on the report"
    written_by: str = "Written by"
    cover_note: str = "A note with this briefing"
    keyword: str = "briefing"
    # parts of the body
    key_messages: str = "Key messages"
    key_messages_for: str = "Key messages for {audience}"
    asks: str = "Asks"
    facts: str = "Facts"
    # a country's status: the report's declared headings (report.yaml `status`) win over these
    status_compared: str = "Status compared"
    status: str = "Status"
    instrument: str = "Instrument"
    status_column: str = "Status"
    details: str = "Details"
    country: str = "Country"
    no_status: str = "—"
    # tables and figures
    table: str = "Table {number}"
    figure: str = "Figure {number}"
    source: str = "Source:"
    # the at-a-glance page
    at_a_glance: str = "At a glance"
    audience: str = "Audience: {audience}"
    key_facts: str = "Key facts"
    key_facts_for: str = "Key facts: {country}"
    source_line: str = "From"
    # furniture and back matter
    contents: str = "Contents"
    notes: str = "Notes"
    sources: str = "Sources"
    about_publisher: str = "About the publisher"
    continued: str = "(continued)"
    page_of: str = "Page {page} of {pages}"
    # what links say to assistive technology (a tagged PDF's link descriptions)
    note_link: str = "Note {number}"
    contents_link: str = "Go to {title}"
    # citations
    ibid: str = "Ibid."
    ibid_lower: str = "ibid."
    see_note: str = "note {number}"
    accessed: str = "accessed {date}"
    quoted: str = "“{text}”"  # the title of an article or report inside a reference
    label: str = "{label}:"  # a label before its value, as in "Joined: 9 January 2012"
    qualified: str = "{value} ({qualifier})"  # a value and the field that qualifies it
    particulars_separator: str = " · "
    # content printed in the report's language because it has no translation (by choice)
    untranslated: str = "[untranslated]"

    def join(self, names: Sequence[str]) -> str:
        """'A', 'A and B', 'A, B and C', by the language's CLDR list pattern ('A, B et C')."""
        return format_list(list(names), locale=self.locale) if names else ""

    def human_date(self, iso: str) -> str:
        """2025-12-27 -> 27 December 2025 (content dates are ISO; readers are not)."""
        return iso_to_long(iso, self.locale)

    def number(self, value: int) -> str:
        return format_decimal(value, locale=self.locale)

    def written_date(self, text: str) -> str:
        """A date the content writes out ("1 December 2025") in the brief's language; in the
        content's own language it stays exactly as written."""
        if primary(self.language) == primary(self.content_language):
            return text
        return rewrite_date(text, cldr_locale(self.content_language), self.locale)


ENGLISH = Words()

# (field, English message) for every message: the catalogue's entries, in the order above
MESSAGES: tuple[tuple[str, str], ...] = tuple(
    (f.name, str(f.default)) for f in dataclasses.fields(Words) if f.name not in SETTINGS
)


@functools.cache
def words_for(language: str, content_language: str = "en") -> Words:
    """The words for a brief in `language` (a BCP 47 code) of a report written in
    `content_language`. Raises CatalogueError for a language without a catalogue."""
    catalogue = brief_catalogue(language)
    messages = {name: catalogue.pgettext(name, english) for name, english in MESSAGES}
    return Words(language=language, locale=cldr_locale(language), content_language=content_language, **messages)
