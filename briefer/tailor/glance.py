"""What an at-a-glance page shows, the order in which content gives way when it does not fit,
and how the notes of what is shown are numbered.

Pure functions over the tailored Brief; no ReportLab. briefer.render.glance measures and draws.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from briefer.content.model import Span
from briefer.tailor.brief import Brief, BriefText, CountryBox, KeyMessagesPart, NoteMark
from briefer.tailor.recipe import CitationStyle, NotePlacement, Recipe

MAX_FACTS = 3  # a country's most important facts: the first three, as the content orders them


def glance_recipe(recipe: Recipe) -> Recipe:
    """The recipe to tailor a page from: key messages and country boxes on, citations in full
    (each note is read alone; a "see note 4" could point at a note the page left out), and no
    sections when there is something else to show (the page shows none; in another language
    they would otherwise have to be translated too)."""
    shows_something = bool(recipe.audience or recipe.countries)
    return dataclasses.replace(
        recipe,
        sections=() if shows_something else recipe.sections,
        key_messages=True,
        country_boxes=True,
        citations=CitationStyle.FULL,
        notes=NotePlacement.BOTTOM,
    )


@dataclass(frozen=True, slots=True)
class StatusRow:
    country: str
    cells: tuple[BriefText, ...]  # one per instrument column; the no-status mark where none is recorded


@dataclass(frozen=True, slots=True)
class CountryFacts:
    country: str
    facts: tuple[BriefText, ...]


@dataclass(frozen=True, slots=True)
class GlanceContent:
    """Everything the page may show, with its words; note marks carry the brief's note numbers."""

    title: str
    subtitle: str
    document_title: str  # the PDF's title: "Withdrawal Symptoms: At a glance — Defence — Finland"
    label: str  # whose page it is, for messages: "Defence / Finland and Ukraine"
    kicker: str  # "At a glance"
    particulars: str  # "Audience: Defence · Country focus: Finland and Ukraine", or ""
    prepared_for: str  # "Prepared for …", or ""
    key_messages_title: str
    introduction: BriefText
    messages: tuple[BriefText, ...]
    asks_title: str
    asks: tuple[BriefText, ...]
    status_title: str
    status_headers: tuple[str, ...]  # "Country", then the instruments' short names
    status: tuple[StatusRow, ...]
    facts_title: str  # "Key facts", or "Key facts: Finland" for one country
    facts: tuple[CountryFacts, ...]
    source_label: str  # "From", before the report's citation
    citation: BriefText  # how to cite the report


@dataclass(frozen=True, slots=True)
class GlanceNote:
    number: int  # 1..n on this page, in reading order
    text: BriefText


def select_glance(brief: Brief) -> GlanceContent:
    """The full selection: the audience's framing and messages, status and top facts per country."""
    words = brief.words
    key = next((p for p in brief.parts if isinstance(p, KeyMessagesPart)), None)
    boxes = [p for p in brief.parts if isinstance(p, CountryBox)]
    instruments = tuple(dict.fromkeys(row.short for box in boxes for row in box.instruments))
    none: BriefText = (Span(words.no_status),)
    status = []
    for box in boxes:
        by_instrument = {row.short: row.status for row in box.instruments}
        status.append(StatusRow(box.name, tuple(by_instrument.get(t, none) for t in instruments)))
    countries = words.join(brief.country_names)
    particulars = []
    if brief.audience_name:
        particulars.append(words.audience.format(audience=brief.audience_name))
    if countries:
        particulars.append(words.country_focus_on.format(countries=countries))
    prepared = brief.prepared_for.line()
    with_facts = [b for b in boxes if b.facts]
    return GlanceContent(
        title=brief.title,
        subtitle=brief.subtitle,
        document_title=f"{brief.title}: "
        + " — ".join(x for x in (words.at_a_glance, brief.audience_name, countries) if x),
        label=" / ".join(x for x in (brief.audience_name, countries) if x) or brief.title,
        kicker=words.at_a_glance,
        particulars=words.particulars_separator.join(particulars),
        prepared_for=words.prepared_for_who.format(who=prepared) if prepared else "",
        key_messages_title=words.key_messages,
        introduction=key.introduction if key else (),
        messages=key.messages if key else (),
        asks_title=key.asks_title if key else "",
        asks=key.asks if key else (),
        status_title=brief.status_title or words.status,
        status_headers=(words.country, *instruments),
        status=tuple(status),
        facts_title=words.key_facts_for.format(country=with_facts[0].name) if len(with_facts) == 1 else words.key_facts,
        facts=tuple(CountryFacts(b.name, b.facts[:MAX_FACTS]) for b in with_facts),
        source_label=words.source_line,
        citation=brief.report_citation,
    )


# --- what gives way, in order ---------------------------------------------------------------

Drop = Callable[[GlanceContent], tuple[GlanceContent, str]]  # new content, what went ("" = nothing)


def _facts_beyond(keep: int) -> Drop:
    def drop(content: GlanceContent) -> tuple[GlanceContent, str]:
        gone = sum(max(0, len(c.facts) - keep) for c in content.facts)
        if not gone:
            return content, ""
        facts = tuple(CountryFacts(c.country, c.facts[:keep]) for c in content.facts if keep)
        if keep:
            what = f"{_count(gone, 'country fact')} beyond the {_first(keep)} per country"
        else:
            what = "the last country fact" if gone == 1 else f"the remaining {gone} country facts"
        return dataclasses.replace(content, facts=facts), what

    return drop


def _asks(content: GlanceContent) -> tuple[GlanceContent, str]:
    if not content.asks:
        return content, ""
    title = f" ({content.asks_title})" if content.asks_title else ""
    return dataclasses.replace(content, asks=()), f"the {_count(len(content.asks), 'ask')}{title}"


def _introduction(content: GlanceContent) -> tuple[GlanceContent, str]:
    if not content.introduction:
        return content, ""
    return dataclasses.replace(content, introduction=()), "the audience introduction"


def _messages_beyond(keep: int) -> Drop:
    def drop(content: GlanceContent) -> tuple[GlanceContent, str]:
        gone = len(content.messages) - keep
        if gone <= 0:
            return content, ""
        what = f"{_count(gone, 'key message')} beyond the {_first(keep)}"
        return dataclasses.replace(content, messages=content.messages[:keep]), what

    return drop


# The defined order in which content gives way. What is left after the last step is the
# minimum (the heading, three key messages and the status table); if that does not fit,
# the page cannot be made.
DROPS: tuple[Drop, ...] = (
    _facts_beyond(2),
    _asks,
    _introduction,
    _messages_beyond(3),
    _facts_beyond(1),
    _facts_beyond(0),
)


def _first(n: int) -> str:
    return "first" if n == 1 else f"first {n}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def reductions(content: GlanceContent) -> Iterator[tuple[GlanceContent, tuple[str, ...]]]:
    """The full content, then each smaller version in turn, with everything dropped so far."""
    dropped: tuple[str, ...] = ()
    yield content, dropped
    for drop in DROPS:
        content, what = drop(content)
        if what:
            dropped += (what,)
            yield content, dropped


# --- notes --------------------------------------------------------------------------------


def number_notes(content: GlanceContent, notes: dict[int, BriefText]) -> tuple[GlanceContent, tuple[GlanceNote, ...]]:
    """Renumber the marks of what is shown 1..n in reading order; only their notes are kept.

    Reading order: introduction, messages, asks, status table row by row, facts. Notes are
    printed in full (the page is read alone), so marks whose notes read the same share a number.
    """
    numbers: dict[BriefText, int] = {}

    def renumber(text: BriefText) -> BriefText:
        out = []
        for part in text:
            if isinstance(part, NoteMark):
                part = NoteMark(numbers.setdefault(notes[part.number], len(numbers) + 1))
            out.append(part)
        return tuple(out)

    content = dataclasses.replace(
        content,
        introduction=renumber(content.introduction),
        messages=tuple(renumber(m) for m in content.messages),
        asks=tuple(renumber(a) for a in content.asks),
        status=tuple(StatusRow(r.country, tuple(renumber(c) for c in r.cells)) for r in content.status),
        facts=tuple(CountryFacts(c.country, tuple(renumber(f) for f in c.facts)) for c in content.facts),
    )
    kept = tuple(GlanceNote(number, text) for text, number in numbers.items())
    return content, kept
