"""A recipe: what a user chose for one brief, and the closed vocabularies its choices come from.

Each vocabulary (page size, note placement, citation style) is spelled here once, as an enum
whose value is what recipes and the command line write and whose label is what people read;
the CLI's choices, the app's menus, the renderers' tables and the checks all derive from it.
Plain data; saving and opening live in recipe_file.py. Imports nothing from briefer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

_BREAKS = re.compile(r"[ ]*[^\S ]+[\s]*")  # a run of whitespace holding a line break or tab
_MM = 72.0 / 2.54 * 0.1  # one millimetre in points, computed as ReportLab does, to the last bit


class PageSize(StrEnum):
    """The paper a brief is laid out for."""

    A4 = "a4"
    LETTER = "letter"

    @property
    def label(self) -> str:
        return {PageSize.A4: "A4", PageSize.LETTER: "US Letter"}[self]

    @property
    def points(self) -> tuple[float, float]:
        """Width and height in PDF points (1/72 inch), portrait."""
        if self is PageSize.A4:
            return (210 * _MM, 297 * _MM)
        return (612.0, 792.0)

    @property
    def half_name(self) -> str:
        """The paper of a booklet folded from this size: A4 sheets fold to A5 pages."""
        return {PageSize.A4: "A5", PageSize.LETTER: "half-letter"}[self]


class NotePlacement(StrEnum):
    """Where a brief's notes are printed."""

    BOTTOM = "bottom"
    END = "end"

    @property
    def label(self) -> str:
        return {NotePlacement.BOTTOM: "At the foot of each page", NotePlacement.END: "At the end"}[self]


class CitationStyle(StrEnum):
    """How a citation of a source already cited in full prints again."""

    IBID = "ibid"
    SHORT = "short"
    FULL = "full"
    SEE_NOTE = "see-note"

    @property
    def label(self) -> str:
        return {
            CitationStyle.IBID: "Ibid. where it applies",
            CitationStyle.SHORT: "Short form",
            CitationStyle.FULL: "Full reference every time",
            CitationStyle.SEE_NOTE: "“See note N”",
        }[self]


class Untranslated(StrEnum):
    """What a brief in another language than the report's does with text not translated yet."""

    REFUSE = "refuse"
    MARK = "mark"

    @property
    def label(self) -> str:
        return {
            Untranslated.REFUSE: "Refuse to build until it is translated",
            Untranslated.MARK: "Print it in the report's language, marked",
        }[self]


def describe_choices(
    vocabulary: type[PageSize] | type[NotePlacement] | type[CitationStyle] | type[Untranslated],
) -> str:
    """'a4 (A4), letter (US Letter)': the values and what they mean, for help texts."""
    return ", ".join(f"{choice.value} ({choice.label})" for choice in vocabulary)


CONTENTS_DEPTHS = (1, 2, 3)  # parts; and level-3 sub-headings; and level-4 ones
PREPARED_FIELDS = ("recipient", "meeting", "place", "date", "organisation")


@dataclass(frozen=True, slots=True)
class PreparedFor:
    """Who a brief is prepared for; printed on the cover and in the footer."""

    recipient: str = ""
    meeting: str = ""
    place: str = ""
    date: str = ""
    organisation: str = ""

    def __post_init__(self) -> None:
        # each field is one line wherever it prints: a line break or tab typed into it (a
        # recipients CSV's quoted field, a pasted address) is a space, never a missing glyph
        for name in PREPARED_FIELDS:
            value = getattr(self, name)
            if isinstance(value, str) and _BREAKS.search(value):
                object.__setattr__(self, name, _BREAKS.sub(" ", value).strip())

    def line(self) -> str:
        """One line for the footer and cover: the filled fields joined."""
        fields = (self.recipient, self.organisation, self.meeting, self.place, self.date)
        return " · ".join(f for f in fields if f)


@dataclass(frozen=True, slots=True)
class Recipe:
    """Every choice a user makes; the defaults give the whole report.

    `sections` None means every section in the report's (or the audience's) order.
    `citations`: how a repeat citation of a source prints (see CitationStyle).
    `language`: the brief's language (BCP 47); "" means the report's own language.
    `untranslated`: what happens to text without a translation into that language.
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
    notes: NotePlacement = NotePlacement.BOTTOM
    citations: CitationStyle = CitationStyle.IBID
    page_size: PageSize = PageSize.A4
    large_print: bool = False
    grayscale: bool = False
    watermark: str = ""
    prepared_for: PreparedFor = field(default_factory=PreparedFor)
    cover_note: str = ""
    contents_depth: int = 1  # how deep the contents go: 1 parts, 2 and sub-headings, 3 and level 4
    language: str = ""
    untranslated: Untranslated = Untranslated.REFUSE

    @property
    def chooses_nothing(self) -> bool:
        """No section, and neither key messages nor country boxes: the brief would be a bare cover."""
        return (
            self.sections is not None
            and not self.sections
            and not (self.audience and self.key_messages)
            and not (self.countries and self.country_boxes)
        )

    def __post_init__(self) -> None:
        # A value spelled as text ("letter") becomes its enum member, so every later step can
        # rely on the type; a value outside the vocabulary stays as given, for check_recipe to
        # name with the valid choices.
        for name, vocabulary in _VOCABULARIES.items():
            value = getattr(self, name)
            if not isinstance(value, vocabulary) and value in _values(vocabulary):
                object.__setattr__(self, name, vocabulary(value))
        # country codes are upper case everywhere ("pl" in a recipe means what --country pl means)
        codes = tuple(code.strip().upper() if isinstance(code, str) else code for code in self.countries)
        if codes != self.countries:
            object.__setattr__(self, "countries", codes)


_VOCABULARIES: dict[str, type[StrEnum]] = {
    "notes": NotePlacement,
    "citations": CitationStyle,
    "page_size": PageSize,
    "untranslated": Untranslated,
}


def _values(vocabulary: type[StrEnum]) -> frozenset[str]:
    return frozenset(choice.value for choice in vocabulary)
