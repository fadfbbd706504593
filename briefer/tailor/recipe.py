"""A recipe: what a user chose for one brief. Plain data; saving and opening live in recipe_file.py."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefer.tailor.brief import PreparedFor

PAGE_SIZES = ("a4", "letter")
NOTE_PLACEMENTS = ("bottom", "end")
CITATION_STYLES = ("ibid", "short", "full", "see-note")


@dataclass(frozen=True, slots=True)
class Recipe:
    """Every choice a user makes; the defaults give the whole report.

    `sections` None means every section in the report's (or the audience's) order.
    `repeat_citations`: how a repeat citation of a source prints —
    "ibid" (Ibid. where true, else short form), "short", "full", or "see-note" ("see note N").
    """

    sections: tuple[str, ...] | None = None
    exclude_blocks: tuple[str, ...] = ()
    audience: str | None = None
    countries: tuple[str, ...] = ()
    cover: bool = True
    contents: bool = True
    key_messages: bool = True
    country_boxes: bool = True
    sources_list: bool = True
    notes: str = "bottom"
    repeat_citations: str = "ibid"
    page_size: str = "a4"
    large_print: bool = False
    grayscale: bool = False
    watermark: str = ""
    prepared_for: PreparedFor = field(default_factory=PreparedFor)
    cover_note: str = ""
