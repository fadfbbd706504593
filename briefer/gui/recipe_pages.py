"""The four pages of the recipe panel's tool box, as widgets: sections, audience and countries,
layout and options, prepared for. A mixin of RecipePanel, which reads and sets them.

Every control gets an accessible name and description (what a screen reader announces), and
each change is reported with the field it was made in (`_changed(field)`, `_typed(field)`), so
the window can undo it and merge typing in one field.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from briefer.gui.countries_list import CountriesList
from briefer.gui.i18n import N_, _
from briefer.gui.sections_tree import SectionsTree
from briefer.tailor.recipe import CitationStyle, NotePlacement, PageSize

INCLUDE_BOXES = (
    ("cover", N_("Cover page")),
    ("contents", N_("Contents (with three or more sections)")),
    ("key_messages", N_("Key messages for the audience")),
    ("country_boxes", N_("Country boxes for the focus countries")),
    ("sources_list", N_("List of sources")),
)
LOOK_BOXES = (("large_print", N_("Large print")), ("grayscale", N_("Grayscale (for black-and-white printers)")))
PREPARED_FIELDS = (
    ("recipient", N_("Recipient"), N_("e.g. Committee on Foreign Affairs")),
    ("meeting", N_("Meeting"), N_("e.g. Briefing on mine action")),
    ("place", N_("Place"), N_("e.g. Helsinki")),
    ("date", N_("Date"), N_("e.g. 12 March 2026")),
    ("organisation", N_("Organisation"), N_("who prepared the brief")),
)
NEEDS_LINES = 4  # the audience's needs get this many lines, whatever the audience: nothing below moves


def _combo(vocabulary: type[PageSize] | type[NotePlacement] | type[CitationStyle]) -> QComboBox:
    combo = QComboBox()
    for choice in vocabulary:
        combo.addItem(_(choice.label), choice.value)
    return combo


def described(widget: QWidget, name: str, description: str) -> None:
    """What a screen reader announces for `widget`: its name, then its description."""
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)


if TYPE_CHECKING:
    _Panel = QWidget
else:
    _Panel = object


class PanelPages(_Panel):
    """Builds the pages; the widgets become attributes of the panel."""

    if TYPE_CHECKING:

        def _changed(self, field: str, *_signal: object) -> None: ...
        def _typed(self, field: str, *_signal: object) -> None: ...
        def _audience_changed(self) -> None: ...
        def _language_changed(self) -> None: ...

    def _sections_page(self) -> QWidget:
        page = QWidget()
        self.tree = SectionsTree(page)
        self.tree.choice_changed.connect(partial(self._changed, "sections"))
        described(
            self.tree,
            _("Sections"),
            _("Space ticks or unticks the section; Ctrl+Up and Ctrl+Down move it"),
        )
        buttons = QHBoxLayout()
        self.select_all = self._button(page, _("All"), _("Tick every section"))
        self.select_all.clicked.connect(lambda: self.tree.set_all_checked(True))
        self.select_none = self._button(page, _("None"), _("Untick every section"))
        self.select_none.clicked.connect(lambda: self.tree.set_all_checked(False))
        self.move_up = self._button(page, _("Move up"), _("Move the selected section earlier (Ctrl+Up, or drag it)"))
        self.move_up.clicked.connect(lambda: self.tree.move_current(-1))
        self.move_down = self._button(
            page, _("Move down"), _("Move the selected section later (Ctrl+Down, or drag it)")
        )
        self.move_down.clicked.connect(lambda: self.tree.move_current(1))
        for button in (self.select_all, self.select_none):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.move_up, self.move_down):
            buttons.addWidget(button)
        hint = QLabel(_("Tick the sections to include; drag them into the order you want."), page)
        hint.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(hint)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        return page

    @staticmethod
    def _button(parent: QWidget, text: str, tip: str) -> QPushButton:
        button = QPushButton(text, parent)
        button.setToolTip(tip)
        button.setAccessibleDescription(tip)
        return button

    def _audience_page(self) -> QWidget:
        page = QWidget()
        self.audience = QComboBox(page)
        self.audience.currentIndexChanged.connect(self._audience_changed)
        described(self.audience, _("Audience"), _("Who the brief is for: sets its key messages and section order"))
        audience_label = QLabel(_("&Audience"), page)
        audience_label.setBuddy(self.audience)
        self.audience_needs = QLabel(page)
        self.audience_needs.setWordWrap(True)
        self.audience_needs.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.audience_needs.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # a fixed height, scrolling when longer: the country list below never moves under the pointer
        self.needs_area = QScrollArea(page)
        self.needs_area.setWidget(self.audience_needs)
        self.needs_area.setWidgetResizable(True)
        self.needs_area.setFrameShape(QFrame.Shape.NoFrame)
        self.needs_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.needs_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.needs_area.setFixedHeight(self.audience_needs.fontMetrics().lineSpacing() * NEEDS_LINES + 6)
        self.countries = CountriesList(page)
        self.countries.countries_changed.connect(partial(self._changed, "countries"))
        countries_label = QLabel(_("&Focus countries"), page)
        countries_label.setBuddy(self.countries.filter)
        layout = QVBoxLayout(page)
        layout.addWidget(audience_label)
        layout.addWidget(self.audience)
        layout.addWidget(self.needs_area)
        layout.addSpacing(4)
        layout.addWidget(countries_label)
        layout.addWidget(self.countries, 1)
        return page

    def _options_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.page_size = _combo(PageSize)
        self.notes = _combo(NotePlacement)
        self.citations = _combo(CitationStyle)
        for key, combo, label, tip in (
            ("page_size", self.page_size, N_("Page size"), N_("The paper the brief is laid out for")),
            ("notes", self.notes, N_("Notes"), N_("Where the notes are printed")),
            (
                "citations",
                self.citations,
                N_("Repeat citations"),
                N_("How a source cited again is printed in the notes"),
            ),
        ):
            combo.currentIndexChanged.connect(partial(self._changed, key))
            combo.setToolTip(_(tip))
            described(combo, _(label), _(tip))
            form.addRow(_(label), combo)
        self._language_rows(form)
        self.flags: dict[str, QCheckBox] = {}
        form.addRow(QLabel(_("<b>Include</b>")))
        self._flag_rows(form, INCLUDE_BOXES, _("Include this in the brief"))
        form.addRow(QLabel(_("<b>Look</b>")))
        self._flag_rows(form, LOOK_BOXES, _("How the brief looks"))
        self.watermark = QLineEdit()
        self.watermark.setMaxLength(40)
        self.watermark.setPlaceholderText(_("e.g. DRAFT (empty for none)"))
        self.watermark.textChanged.connect(partial(self._typed, "watermark"))
        described(self.watermark, _("Watermark"), _("A word printed across every page, e.g. DRAFT"))
        form.addRow(_("Watermark"), self.watermark)
        return page

    def _flag_rows(self, form: QFormLayout, boxes: tuple[tuple[str, str], ...], description: str) -> None:
        for key, label in boxes:
            box = QCheckBox(_(label))
            box.toggled.connect(partial(self._changed, key))
            box.setAccessibleDescription(description)
            self.flags[key] = box
            form.addRow(box)

    def _language_rows(self, form: QFormLayout) -> None:
        """The brief's language, and what to do with text not yet translated into it."""
        self.language = QComboBox()
        tip = _("The language of the brief's words and dates, and of its text where translated")
        self.language.setToolTip(tip)
        described(self.language, _("Language"), tip)
        self.language.currentIndexChanged.connect(self._language_changed)
        form.addRow(_("Language"), self.language)
        self.mark_untranslated = QCheckBox(_("Print text not yet translated, marked"))
        tip = _("Otherwise a brief in another language waits until everything it includes is translated")
        self.mark_untranslated.setToolTip(tip)
        self.mark_untranslated.setAccessibleDescription(tip)
        self.mark_untranslated.toggled.connect(partial(self._changed, "untranslated"))
        form.addRow(self.mark_untranslated)

    def _prepared_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.prepared: dict[str, QLineEdit] = {}
        for key, label, placeholder in PREPARED_FIELDS:
            edit = QLineEdit()
            edit.setPlaceholderText(_(placeholder))
            edit.textChanged.connect(partial(self._typed, f"prepared_for.{key}"))
            described(
                edit, _(label), _("Printed on the cover and in the footer: {example}").format(example=_(placeholder))
            )
            self.prepared[key] = edit
            form.addRow(_(label), edit)
        self.cover_note = QPlainTextEdit()
        self.cover_note.setPlaceholderText(_("A few lines to the reader, printed on a page of its own after the cover"))
        self.cover_note.setTabChangesFocus(True)
        self.cover_note.setMinimumHeight(90)
        self.cover_note.textChanged.connect(partial(self._typed, "cover_note"))
        described(
            self.cover_note,
            _("Covering note"),
            _("Printed on a page of its own after the cover; a blank line starts a new paragraph"),
        )
        note_label = QLabel(_("Covering note (its own page, after the cover)"))
        note_label.setWordWrap(True)
        note_label.setBuddy(self.cover_note)
        form.addRow(note_label)
        form.addRow(self.cover_note)
        return page
