"""The left side of the window: every choice of a Recipe as widgets, in a tool box.

`set_recipe()` shows a recipe, `recipe()` reads the widgets back; `recipe_changed` fires on any
change the user makes. Fields the widgets cannot show (paragraph exclusions) are kept as given.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, Signal
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
    QToolBox,
    QVBoxLayout,
    QWidget,
)

from briefer.content.model import Report
from briefer.content.translations import primary
from briefer.gui.countries_list import CountriesList
from briefer.gui.i18n import N_, _
from briefer.gui.sections_tree import SectionsTree
from briefer.tailor.catalogue import catalogue_languages, language_name
from briefer.tailor.recipe import CitationStyle, NotePlacement, PageSize, PreparedFor, Recipe, Untranslated
from briefer.tailor.selection import section_order

# plain, clickable page headers (the default style draws them as half-drawn tabs)
TOOLBOX_STYLE = """
QToolBox::tab {
    background: palette(button); border: 1px solid palette(mid); border-radius: 3px;
    padding: 3px 8px; font-weight: bold;
}
QToolBox::tab:selected { background: palette(highlight); color: palette(highlighted-text); }
"""
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


def _combo(vocabulary: type[PageSize] | type[NotePlacement] | type[CitationStyle]) -> QComboBox:
    combo = QComboBox()
    for choice in vocabulary:
        combo.addItem(_(choice.label), choice.value)
    return combo


def _select(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(0, index))


def _scrolling(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


class RecipePanel(QWidget):
    # the Recipe the widgets now show after any change by the user, and True when it came from
    # typing in a text field (where more keys are likely to follow)
    recipe_changed = Signal(object, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._report: Report | None = None
        self._base = Recipe()  # the recipe last set: keeps what the widgets cannot show
        self._quiet = False
        self.toolbox = QToolBox(self)
        self.toolbox.setStyleSheet(TOOLBOX_STYLE)
        self.toolbox.addItem(self._sections_page(), _("Sections"))
        self.toolbox.addItem(self._audience_page(), _("Audience and countries"))
        self.toolbox.addItem(_scrolling(self._options_page()), _("Layout and options"))
        self.toolbox.addItem(_scrolling(self._prepared_page()), _("Prepared for"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbox)

    # -- building the pages ---------------------------------------------------------------

    def _sections_page(self) -> QWidget:
        page = QWidget()
        self.tree = SectionsTree(page)
        self.tree.choice_changed.connect(self._changed)
        buttons = QHBoxLayout()
        self.select_all = QPushButton(_("All"), page)
        self.select_all.setToolTip(_("Tick every section"))
        self.select_all.clicked.connect(lambda: self.tree.set_all_checked(True))
        self.select_none = QPushButton(_("None"), page)
        self.select_none.setToolTip(_("Untick every section"))
        self.select_none.clicked.connect(lambda: self.tree.set_all_checked(False))
        self.move_up = QPushButton(_("Move up"), page)
        self.move_up.setToolTip(_("Move the selected section earlier (or drag it)"))
        self.move_up.clicked.connect(lambda: self.tree.move_current(-1))
        self.move_down = QPushButton(_("Move down"), page)
        self.move_down.setToolTip(_("Move the selected section later (or drag it)"))
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

    def _audience_page(self) -> QWidget:
        page = QWidget()
        self.audience = QComboBox(page)
        self.audience.currentIndexChanged.connect(self._audience_changed)
        self.audience_needs = QLabel(page)
        self.audience_needs.setWordWrap(True)
        self.countries = CountriesList(page)
        self.countries.countries_changed.connect(self._changed)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(_("Audience"), page))
        layout.addWidget(self.audience)
        layout.addWidget(self.audience_needs)
        layout.addSpacing(8)
        layout.addWidget(QLabel(_("Focus countries"), page))
        layout.addWidget(self.countries, 1)
        return page

    def _options_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.page_size = _combo(PageSize)
        self.notes = _combo(NotePlacement)
        self.citations = _combo(CitationStyle)
        self.citations.setToolTip(_("How a source cited again is printed in the notes"))
        for combo in (self.page_size, self.notes, self.citations):
            combo.currentIndexChanged.connect(self._changed)
        form.addRow(_("Page size"), self.page_size)
        form.addRow(_("Notes"), self.notes)
        form.addRow(_("Repeat citations"), self.citations)
        self._language_rows(form)
        self.flags: dict[str, QCheckBox] = {}
        include = QLabel(_("<b>Include</b>"))
        form.addRow(include)
        for key, label in INCLUDE_BOXES:
            box = QCheckBox(_(label))
            box.toggled.connect(self._changed)
            self.flags[key] = box
            form.addRow(box)
        form.addRow(QLabel(_("<b>Look</b>")))
        for key, label in LOOK_BOXES:
            box = QCheckBox(_(label))
            box.toggled.connect(self._changed)
            self.flags[key] = box
            form.addRow(box)
        self.watermark = QLineEdit()
        self.watermark.setMaxLength(40)
        self.watermark.setPlaceholderText(_("e.g. DRAFT (empty for none)"))
        self.watermark.textChanged.connect(self._typed)
        form.addRow(_("Watermark"), self.watermark)
        return page

    def _language_rows(self, form: QFormLayout) -> None:
        """The brief's language, and what to do with text not yet translated into it."""
        self.language = QComboBox()
        self.language.setToolTip(_("The language of the brief's words and dates, and of its text where translated"))
        self.language.currentIndexChanged.connect(self._language_changed)
        form.addRow(_("Language"), self.language)
        self.mark_untranslated = QCheckBox(_("Print text not yet translated, marked"))
        self.mark_untranslated.setToolTip(
            _("Otherwise a brief in another language waits until everything it includes is translated")
        )
        self.mark_untranslated.toggled.connect(self._changed)
        form.addRow(self.mark_untranslated)

    def _fill_languages(self, report: Report, chosen: str) -> None:
        self.language.clear()
        self.language.addItem(_("The report's own ({language})").format(language=language_name(report.language)), "")
        codes = [c for c in catalogue_languages() if primary(c) != primary(report.language)]
        for code in [*codes, *([chosen] if chosen and chosen not in codes else [])]:
            self.language.addItem(language_name(code), code)
        _select(self.language, chosen)
        self.mark_untranslated.setEnabled(bool(self.language.currentData()))

    def _prepared_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.prepared: dict[str, QLineEdit] = {}
        for key, label, placeholder in PREPARED_FIELDS:
            edit = QLineEdit()
            edit.setPlaceholderText(_(placeholder))
            edit.textChanged.connect(self._typed)
            self.prepared[key] = edit
            form.addRow(_(label), edit)
        self.cover_note = QPlainTextEdit()
        self.cover_note.setPlaceholderText(_("A short personal note printed on the cover"))
        self.cover_note.setTabChangesFocus(True)
        self.cover_note.setMinimumHeight(90)
        self.cover_note.textChanged.connect(self._typed)
        form.addRow(QLabel(_("Cover note")))
        form.addRow(self.cover_note)
        return page

    # -- the report -------------------------------------------------------------------------

    def report(self) -> Report | None:
        return self._report

    def set_report(self, report: Report) -> None:
        """Show another (or a reloaded) report, keeping every choice that still applies."""
        recipe = self.recipe() if self._report is not None else self._base
        self._report = report
        self._quiet = True
        try:
            current = self.audience.currentData()
            self.audience.clear()
            self.audience.addItem(_("No audience"), None)
            for aud in report.audiences:
                self.audience.addItem(aud.name, aud.id)
                self.audience.setItemData(self.audience.count() - 1, aud.needs, Qt.ItemDataRole.ToolTipRole)
            _select(self.audience, current)
            self.countries.set_report(report)
        finally:
            self._quiet = False
        self.set_recipe(recipe)

    # -- recipe <-> widgets --------------------------------------------------------------

    def set_recipe(self, recipe: Recipe) -> None:
        """Show `recipe`; ids the report does not have are dropped (the preview would refuse them)."""
        self._base = recipe
        report = self._report
        if report is None:
            return
        self._quiet = True
        try:
            audience = recipe.audience if recipe.audience and report.has("audience", recipe.audience) else None
            _select(self.audience, audience)
            self._show_needs()
            known = [s.id for s in report.sections]
            if recipe.sections is None:
                order = list(self._default_order(audience))
                checked = set(order)
            else:
                chosen = [s for s in recipe.sections if s in known]
                order = chosen + [s for s in self._default_order(audience) if s not in chosen]
                checked = set(chosen)
            self.tree.set_report(report, order, checked, set(recipe.exclude_blocks))
            self.countries.set_countries(recipe.countries)
            _select(self.page_size, str(recipe.page_size))
            _select(self.notes, str(recipe.notes))
            _select(self.citations, str(recipe.citations))
            self._fill_languages(report, recipe.language)
            self.mark_untranslated.setChecked(recipe.untranslated is Untranslated.MARK)
            for key, box in self.flags.items():
                box.setChecked(bool(getattr(recipe, key)))
            self.watermark.setText(recipe.watermark)
            for key, edit in self.prepared.items():
                edit.setText(getattr(recipe.prepared_for, key))
            self.cover_note.setPlainText(recipe.cover_note)
        finally:
            self._quiet = False

    def recipe(self) -> Recipe:
        """The recipe the widgets show."""
        if self._report is None:
            return self._base
        audience = self.audience.currentData()
        checked = self.tree.checked_sections()
        sections = None if checked == list(self._default_order(audience)) else tuple(checked)
        hidden = [b for b in self._base.exclude_blocks if self.tree.block_item(b) is None]
        block_order = [b.id for s in self._report.sections for b in s.blocks]
        excluded = set(hidden) | set(self.tree.excluded_blocks())
        return dataclasses.replace(
            self._base,
            sections=sections,
            exclude_blocks=tuple(b for b in block_order if b in excluded),
            audience=audience,
            countries=self.countries.countries(),
            page_size=PageSize(self.page_size.currentData()),
            notes=NotePlacement(self.notes.currentData()),
            citations=CitationStyle(self.citations.currentData()),
            watermark=self.watermark.text().strip(),
            prepared_for=PreparedFor(**{k: e.text().strip() for k, e in self.prepared.items()}),
            cover_note=self.cover_note.toPlainText().strip(),
            language=self.language.currentData() or "",
            untranslated=Untranslated.MARK if self.mark_untranslated.isChecked() else Untranslated.REFUSE,
            **{key: box.isChecked() for key, box in self.flags.items()},
        )

    def _default_order(self, audience: str | None) -> tuple[str, ...]:
        assert self._report is not None
        return section_order(self._report, Recipe(audience=audience))

    # -- reacting --------------------------------------------------------------------------

    def _audience_changed(self) -> None:
        if self._quiet or self._report is None:
            return
        self._show_needs()
        # sections in the old audience's order follow the new audience's order
        checked = self.tree.checked_sections()
        previous = self._base.audience
        if self.tree.order() == list(self._default_order(previous)) and checked == self.tree.order():
            self._quiet = True
            try:
                order = list(self._default_order(self.audience.currentData()))
                self.tree.set_report(self._report, order, set(order), set(self.tree.excluded_blocks()))
            finally:
                self._quiet = False
        self._changed()

    def _show_needs(self) -> None:
        audience = self.audience.currentData()
        report = self._report
        if audience and report is not None:
            self.audience_needs.setText(_("<i>Needs:</i> {needs}").format(needs=report.audience(audience).needs))
            self.audience_needs.show()
        else:
            self.audience_needs.hide()

    def _language_changed(self) -> None:
        self.mark_untranslated.setEnabled(bool(self.language.currentData()))
        self._changed()

    def _changed(self) -> None:
        self._announce(typing=False)

    def _typed(self) -> None:
        self._announce(typing=True)

    def _announce(self, typing: bool) -> None:
        if self._quiet:
            return
        recipe = self.recipe()
        self._base = dataclasses.replace(self._base, audience=recipe.audience)
        self.recipe_changed.emit(recipe, typing)
