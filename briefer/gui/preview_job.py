"""One preview build as plain data: tailor, render, count pages, words and notes; and the warnings.

Runs off the main thread, so it imports no Qt and touches nothing shared.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from briefer.build import OutputFormat, page_count, render
from briefer.content.model import Report
from briefer.gui.i18n import _, ngettext
from briefer.tailor.brief import (
    Brief,
    BriefText,
    ComparisonTable,
    CountryBox,
    KeyMessagesPart,
    SectionPart,
    bblock_texts,
    brief_plain,
)
from briefer.tailor.recipe import Recipe
from briefer.tailor.tailor import tailor

WORDS_PER_MINUTE = 200
HANDOUT_PAGES = 4
_WORD = re.compile(r"\w+(?:[’'\-]\w+)*")


@dataclass(frozen=True, slots=True)
class Stats:
    pages: int
    words: int
    notes: int

    @property
    def reading_minutes(self) -> int:
        return max(1, math.floor(self.words / WORDS_PER_MINUTE + 0.5)) if self.words else 0


@dataclass(frozen=True, slots=True)
class Preview:
    """A finished build: the recipe it was made from, the PDF, and what the status bar shows.

    `first_pages`: the PDF is only the brief's first pages (render_first_pages), shown while the
    whole brief is built; its stats count those pages only. Never exported or printed."""

    recipe: Recipe
    pdf: bytes
    stats: Stats
    seconds: float
    first_pages: bool = False


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def brief_words(brief: Brief) -> int:
    """Words a reader reads in the body: key messages, country boxes and sections (not notes)."""
    texts: list[BriefText] = []
    plain: list[str] = []
    for part in brief.parts:
        if isinstance(part, SectionPart):
            plain.append(part.title)
            for block in part.blocks:
                texts.extend(bblock_texts(block))
                texts.append(getattr(block, "term", ()) or getattr(block, "title", ()))
        elif isinstance(part, KeyMessagesPart):
            texts.extend((part.introduction, *part.messages, *part.asks))
            plain.append(part.asks_title)
        elif isinstance(part, CountryBox):
            plain.append(part.name)
            texts.extend(part.facts)
            for row in part.instruments:
                texts.append(row.status)
                plain.extend(f"{label} {value}" for label, value in row.details)
        elif isinstance(part, ComparisonTable):
            plain.extend(" ".join(row) for row in part.rows)
    plain.extend(brief_plain(t) for t in texts)
    return sum(count_words(p) for p in plain)


def build_preview(
    report: Report,
    recipe: Recipe,
    first_pages: int = 0,
    on_first_pages: Callable[[Preview], None] | None = None,
) -> Preview:
    """Tailor and render one brief; raises RecipeError (with problems) when the recipe does not fit.

    With `first_pages` and `on_first_pages`, the brief's first pages are laid out and handed to
    `on_first_pages` first (when the brief is longer), so the page on show can be shown sooner."""
    started = time.perf_counter()
    brief = tailor(report, recipe)
    if first_pages > 0 and on_first_pages is not None:
        first = first_pages_preview(brief, recipe, first_pages, started)
        if not first.first_pages:
            return first  # the brief is no longer: that was all of it
        on_first_pages(first)
    return whole_preview(brief, recipe, started)


def first_pages_preview(brief: Brief, recipe: Recipe, pages: int, started: float) -> Preview:
    """The brief's first `pages` pages alone (`first_pages` True), or the whole brief when it is no longer."""
    from briefer.render.pdf import render_first_pages

    pdf, whole = render_first_pages(brief, pages)
    if whole:
        return _finished(brief, recipe, pdf, started)
    stats = Stats(pages=page_count(pdf), words=0, notes=0)
    return Preview(recipe, pdf, stats, time.perf_counter() - started, first_pages=True)


def whole_preview(brief: Brief, recipe: Recipe, started: float) -> Preview:
    return _finished(brief, recipe, render(brief, OutputFormat.PDF), started)


def _finished(brief: Brief, recipe: Recipe, pdf: bytes, started: float) -> Preview:
    stats = Stats(pages=page_count(pdf), words=brief_words(brief), notes=len(brief.notes))
    return Preview(recipe, pdf, stats, time.perf_counter() - started)


def chosen_nothing(recipe: Recipe) -> bool:
    return recipe.sections is not None and not recipe.sections


def warnings(recipe: Recipe, stats: Stats | None) -> list[str]:
    """Advice for the status bar: things a person preparing a handout would want to know."""
    found: list[str] = []
    if chosen_nothing(recipe):
        found.append(_("no sections chosen"))
    if stats is not None and stats.pages > HANDOUT_PAGES:
        found.append(_("{pages} pages: longer than a four-page handout").format(pages=stats.pages))
    if recipe.countries and not recipe.country_boxes:
        found.append(_("country boxes are off: the focus countries only set emphasis"))
    return found


def status_text(stats: Stats) -> str:
    pages = ngettext("{n} page", "{n} pages", stats.pages).format(n=stats.pages)
    notes = ngettext("{n} note", "{n} notes", stats.notes).format(n=stats.notes)
    words = ngettext("{n} word", "{n} words", stats.words).format(n=f"{stats.words:,}")
    minutes = _("about {n} min to read").format(n=stats.reading_minutes)
    return " · ".join((pages, words, notes, minutes))
