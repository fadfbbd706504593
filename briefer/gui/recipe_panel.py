"""The left side of the window: every choice of a Recipe as widgets, in a tool box of four pages.

`set_recipe()` shows a recipe, `recipe()` reads the widgets back; `recipe_changed` fires on any
change the user makes, and `last_field` says where it was made. Fields the widgets cannot show
(paragraph exclusions) are kept as given. The pages themselves are built in recipe_pages.py.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QComboBox, QFrame, QScrollArea, QToolBox, QVBoxLayout, QWidget

from briefer.content.model import Report
from briefer.content.translations import primary
from briefer.gui.i18n import N_, _
from briefer.gui.recipe_pages import PanelPages
from briefer.tailor.catalogue import catalogue_languages, language_name
from briefer.tailor.recipe import CitationStyle, NotePlacement, PageSize, PreparedFor, Recipe, Untranslated
from briefer.tailor.selection import section_order

# plain, clickable page headers (the default style draws them as half-drawn tabs), with a focus
# frame drawn in the text colour, so the header that has the keyboard's focus is plain to see
TOOLBOX_STYLE = """
QToolBox::tab {
    background: palette(button); border: 1px solid palette(mid); border-radius: 3px;
    padding: 3px 8px; font-weight: bold;
}
QToolBox::tab:selected { background: palette(highlight); color: palette(highlighted-text); }
QToolBox::tab:focus { border: 2px dashed palette(window-text); padding: 2px 7px; }
"""
PAGES = (N_("Sections"), N_("Audience and countries"), N_("Layout and options"), N_("Prepared for"))
# the page each field is on (undo shows the page of the change it takes back)
FIELD_PAGES = {"sections": 0, "audience": 1, "countries": 1, "page_size": 2, "notes": 2, "citations": 2}
FIELD_NAMES = {
    "sections": N_("sections"),
    "audience": N_("audience"),
    "countries": N_("focus countries"),
    "watermark": N_("watermark"),
    "cover_note": N_("covering note"),
    "language": N_("language"),
}
# keys the window's Edit menu owns, even while a text field has the focus (its own undo would
# change the text behind the window's history)
WINDOW_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
WINDOW_KEY_STRINGS = ("Ctrl+Y", "Ctrl+Shift+Z")


def _select(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(0, index))


def _scrolling(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the controls inside, not to the frame
    return area


def field_page(field: str) -> int:
    """The page a field is on; -1 for a change made by the app across pages (a page budget)."""
    if field in FIELD_PAGES:
        return FIELD_PAGES[field]
    if field.startswith("prepared_for.") or field == "cover_note":
        return 3
    return -1 if field in ("", "budget") else 2


def field_name(field: str) -> str:
    """The field as the Edit menu names it: 'Undo watermark'."""
    if field in FIELD_NAMES:
        return _(FIELD_NAMES[field])
    if field.startswith("prepared_for."):
        return _("prepared for")
    return _("options")


class RecipePanel(PanelPages, QWidget):
    # the Recipe the widgets now show after any change by the user, and True when it came from
    # typing in a text field (where more keys are likely to follow)
    recipe_changed = Signal(object, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._report: Report | None = None
        self._base = Recipe()  # the recipe last set: keeps what the widgets cannot show
        self._quiet = False
        self.last_field = ""  # where the last change was made ("sections", "watermark", …)
        self.last_ticked: str | None = None  # the section the last change ticked, if it ticked one
        self.toolbox = QToolBox(self)
        self.toolbox.setStyleSheet(TOOLBOX_STYLE)
        self.toolbox.addItem(self._sections_page(), _(PAGES[0]))
        self.toolbox.addItem(self._audience_page(), _(PAGES[1]))
        self.toolbox.addItem(_scrolling(self._options_page()), _(PAGES[2]))
        self.toolbox.addItem(_scrolling(self._prepared_page()), _(PAGES[3]))
        self.toolbox.setAccessibleName(_("Choices for the brief"))
        self.toolbox.setAccessibleDescription(_("Four pages: Ctrl+1 to Ctrl+4 open them"))
        for frame in self.toolbox.findChildren(QScrollArea):
            frame.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the tool box's own frames: no invisible stops
        self._keyboard_headers()
        for edit in (self.watermark, *self.prepared.values(), self.cover_note, self.countries.filter):
            edit.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbox)

    # -- keyboard ----------------------------------------------------------------------------

    def headers(self) -> list[QAbstractButton]:
        """The tool box's page headers, in page order."""
        buttons = [
            b for b in self.toolbox.findChildren(QAbstractButton) if b.metaObject().className() == "QToolBoxButton"
        ]
        return sorted(buttons, key=lambda b: b.y())

    def _keyboard_headers(self) -> None:
        """Headers take the focus with Tab (Space opens the page), each before its page's controls."""
        for number, header in enumerate(self.headers(), start=1):
            header.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            header.setToolTip(_("Open this page (Ctrl+{n})").format(n=number))
            header.setAccessibleDescription(_("Opens the page; Ctrl+{n} from anywhere").format(n=number))
        headers = self.headers()
        chain: list[QWidget] = []
        for index, header in enumerate(headers):
            chain.append(header)
            chain += self._focusable(self.toolbox.widget(index))
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    @staticmethod
    def _focusable(page: QWidget | None) -> list[QWidget]:
        if page is None:
            return []
        window = page.window()
        return [
            w
            for w in page.findChildren(QWidget)
            if w.window() is window and w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isEnabledTo(page)
        ]

    def show_page(self, index: int) -> None:
        """Open page `index` and put the keyboard's focus in it (Ctrl+1 … Ctrl+4)."""
        self.toolbox.setCurrentIndex(index)
        first = next(iter(self._focusable(self.toolbox.widget(index))), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Let Undo and Redo reach the window's Edit menu from a text field."""
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            combination = QKeySequence(event.keyCombination())
            if any(event.matches(key) for key in WINDOW_KEYS) or combination.toString() in WINDOW_KEY_STRINGS:
                event.ignore()
                return True
        return super().eventFilter(watched, event)

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

    def _fill_languages(self, report: Report, chosen: str) -> None:
        self.language.clear()
        self.language.addItem(_("The report's own ({language})").format(language=language_name(report.language)), "")
        codes = [c for c in catalogue_languages() if primary(c) != primary(report.language)]
        for code in [*codes, *([chosen] if chosen and chosen not in codes else [])]:
            self.language.addItem(language_name(code), code)
        _select(self.language, chosen)
        self.mark_untranslated.setEnabled(bool(self.language.currentData()))

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
            self._set_text(self.watermark, recipe.watermark)
            for key, edit in self.prepared.items():
                self._set_text(edit, getattr(recipe.prepared_for, key))
            if self.cover_note.toPlainText().strip() != recipe.cover_note:
                self.cover_note.setPlainText(recipe.cover_note)
        finally:
            self._quiet = False

    @staticmethod
    def _set_text(edit: QWidget, text: str) -> None:
        """Set a line's text unless it already reads so (give or take spaces): the cursor stays put."""
        if edit.text().strip() != text:  # type: ignore[attr-defined]
            edit.setText(text)  # type: ignore[attr-defined]

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
        self._changed("audience")

    def _show_needs(self) -> None:
        audience = self.audience.currentData()
        report = self._report
        if audience and report is not None:
            needs = report.audience(audience).needs
            self.audience_needs.setText(_("<i>Needs:</i> {needs}").format(needs=needs))
            self.audience_needs.setToolTip(needs)
        else:
            self.audience_needs.setText(
                _("<i>No audience:</i> the brief speaks to every reader, in the report's order.")
            )
            self.audience_needs.setToolTip("")

    def _language_changed(self) -> None:
        self.mark_untranslated.setEnabled(bool(self.language.currentData()))
        self._changed("language")

    def _changed(self, field: str, *_signal: object) -> None:
        self._announce(field, typing=False)

    def _typed(self, field: str, *_signal: object) -> None:
        self._announce(field, typing=True)

    def _announce(self, field: str, typing: bool) -> None:
        if self._quiet:
            return
        self.last_field = field
        self.last_ticked = self.tree.last_ticked if field == "sections" else None
        recipe = self.recipe()
        self._base = dataclasses.replace(self._base, audience=recipe.audience)
        self.recipe_changed.emit(recipe, typing)
