"""Every fixed word a brief prints, in one place: labels, headings, citation words, dates.

Tailoring chooses the words (`words_for(language)`) and puts the finished titles and labels
into the Brief; renderers (PDF, Markdown, at a glance) only print them. Imports nothing
from briefer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True, slots=True)
class Words:
    """The fixed words of a brief in one language. Fields with {placeholders} are templates
    that tailoring fills; renderers fill only page numbers (`page_of`), known after layout."""

    language: str = "en"
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
    # citations
    ibid: str = "Ibid."
    ibid_lower: str = "ibid."
    see_note: str = "note {number}"
    accessed: str = "accessed {date}"
    label: str = "{label}:"  # a label before its value, as in "Joined: 9 January 2012"
    qualified: str = "{value} ({qualifier})"  # a value and the field that qualifies it
    # lists of names
    list_separator: str = ", "
    last_separator: str = " and "
    particulars_separator: str = " · "

    def join(self, names: Sequence[str]) -> str:
        """'A', 'A and B', 'A, B and C'."""
        if len(names) <= 1:
            return "".join(names)
        return self.list_separator.join(names[:-1]) + self.last_separator + names[-1]

    def human_date(self, iso: str) -> str:
        """2025-12-27 -> 27 December 2025 (content dates are ISO; readers are not)."""
        try:
            day = dt.date.fromisoformat(iso)
        except ValueError:
            return iso
        return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


ENGLISH = Words()


def words_for(language: str) -> Words:
    """The words for a brief in `language` (a BCP 47 code). English only, for now."""
    return ENGLISH
