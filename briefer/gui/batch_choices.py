"""The batch dialog's choices: audiences × countries or a recipients list, booklets or at a glance, a folder.

Turns them into a checked BatchPlan (briefer.batch.plan). Imports Qt widgets, the batch API, dialogs.py.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from briefer.batch import BatchError, BatchPlan, plan_matrix, plan_recipients, read_recipients
from briefer.content.model import Report
from briefer.gui import dialogs
from briefer.gui.i18n import N_, _
from briefer.tailor.recipe import Recipe

KEY = Qt.ItemDataRole.UserRole
CSV_FILTER = N_("Recipients lists (*.csv *.txt);;All files (*)")
INDENT = 24  # the choices under a radio button line up with its text


def _checklist(parent: QWidget, choices: list[tuple[str, str]]) -> QListWidget:
    box = QListWidget(parent)
    for key, text in choices:
        item = QListWidgetItem(text, box)
        item.setData(KEY, key)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
    return box


def ticked(box: QListWidget) -> list[str]:
    """The keys of the ticked items, in list order."""
    items = (box.item(i) for i in range(box.count()))
    return [it.data(KEY) for it in items if it.checkState() == Qt.CheckState.Checked]


class BatchChoices(QWidget):
    choices_changed = Signal()  # anything that changes the plan or the folder was changed

    def __init__(self, report: Report, recipe: Recipe, folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report, self.recipe = report, recipe
        self.by_matrix = QRadioButton(_("One brief per audience × focus country"), self)
        self.by_recipient = QRadioButton(_("One personalised copy per recipient, their name on the cover"), self)
        self.by_matrix.setChecked(True)
        self.mode = QButtonGroup(self)
        self.mode.addButton(self.by_matrix)
        self.mode.addButton(self.by_recipient)
        self.mode.buttonToggled.connect(self._mode_changed)
        self.booklets = QCheckBox(_("Also make booklets (to print on both sides and fold)"), self)
        self.booklets.toggled.connect(self.choices_changed)
        self.glance = QCheckBox(_("One-page at a glance instead of the brief"), self)
        self.glance.toggled.connect(self._glance_toggled)
        self.folder = QLineEdit(folder, self)
        self.folder.textChanged.connect(self.choices_changed)
        self.choose_folder = QPushButton(_("Choose…"), self)
        self.choose_folder.clicked.connect(self._choose_folder)
        where = QHBoxLayout()
        where.addWidget(QLabel(_("Output folder"), self))
        where.addWidget(self.folder, 1)
        where.addWidget(self.choose_folder)
        intro = QLabel(_("Many briefs from the recipe on show, with its sections, options and “prepared for”:"), self)
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addWidget(self.by_matrix)
        layout.addLayout(self._matrix(), 1)
        layout.addWidget(self.by_recipient)
        layout.addLayout(self._people())
        layout.addSpacing(8)
        layout.addWidget(self.booklets)
        layout.addWidget(self.glance)
        layout.addLayout(where)
        self._mode_changed()

    def _matrix(self) -> QGridLayout:
        self.audiences = _checklist(self, [(a.id, a.name) for a in self.report.audiences])
        countries = sorted(self.report.countries, key=lambda c: c.name.casefold())
        self.countries = _checklist(self, [(c.code, f"{c.name} ({c.code})") for c in countries])
        recipe, report = self.recipe, self.report
        audience = report.audience(recipe.audience).name if recipe.audience else ""
        own = ", ".join(report.country(c).name for c in recipe.countries if report.has("country", c))
        grid = QGridLayout()
        grid.setContentsMargins(INDENT, 0, 0, 0)
        for column, (title, box, default) in enumerate(
            (
                (
                    _("Audiences"),
                    self.audiences,
                    _("the recipe’s, {audience}").format(audience=audience) if audience else _("no audience"),
                ),
                (
                    _("Focus countries"),
                    self.countries,
                    _("one each of the recipe’s, {countries}").format(countries=own) if own else _("no focus country"),
                ),
            )
        ):
            box.itemChanged.connect(self.choices_changed)
            hint = QLabel(_("None ticked: {default}").format(default=default), self)
            hint.setWordWrap(True)
            grid.addWidget(QLabel(title, self), 0, column)
            grid.addWidget(box, 1, column)
            grid.addWidget(hint, 2, column)
        return grid

    def _people(self) -> QGridLayout:
        self.recipients = QLineEdit(self)
        self.recipients.setPlaceholderText(_("a CSV file with the columns name, title and organisation"))
        self.recipients.editingFinished.connect(self.choices_changed)
        self.choose_recipients = QPushButton(_("Choose…"), self)
        self.choose_recipients.clicked.connect(self._choose_recipients)
        self.combined = QCheckBox(_("One combined print file (each copy starts on a right-hand page)"), self)
        self.combined.toggled.connect(self.choices_changed)
        grid = QGridLayout()
        grid.setContentsMargins(INDENT, 0, 0, 0)
        grid.addWidget(QLabel(_("Recipients list"), self), 0, 0)
        grid.addWidget(self.recipients, 0, 1)
        grid.addWidget(self.choose_recipients, 0, 2)
        grid.addWidget(self.combined, 1, 1, 1, 2)
        return grid

    def _mode_changed(self) -> None:
        by_recipient = self.by_recipient.isChecked()
        for widget in (self.audiences, self.countries):
            widget.setEnabled(not by_recipient)
        for other in (self.recipients, self.choose_recipients, self.combined):
            other.setEnabled(by_recipient)
        self.choices_changed.emit()

    def _glance_toggled(self, on: bool) -> None:
        if on:
            self.booklets.setChecked(False)  # an at-a-glance page is one page: it makes no booklet
        self.booklets.setEnabled(not on)
        self.choices_changed.emit()

    def _choose_recipients(self) -> None:
        text = self.recipients.text().strip()
        start = str(Path(text).expanduser().parent) if text else str(Path(self.folder.text()).expanduser().parent)
        path = dialogs.ask_open_path(self, _("Choose a recipients list"), start, _(CSV_FILTER))
        if path:
            self.recipients.setText(path)
            self.choices_changed.emit()

    def _choose_folder(self) -> None:
        path = dialogs.ask_folder(self, _("Build the briefs into"), self.folder.text())
        if path:
            self.folder.setText(path)

    def output_folder(self) -> Path:
        """Where to build; raises BatchError when no folder is given."""
        if not self.folder.text().strip():
            raise BatchError(_("choose an output folder"))
        return Path(self.folder.text().strip()).expanduser()

    def plan(self) -> BatchPlan:
        """The plan for the choices on show; raises BatchError (RecipientsError) or RecipeError."""
        glance, booklet = self.glance.isChecked(), self.booklets.isChecked()
        if self.by_recipient.isChecked():
            path = self.recipients.text().strip()
            if not path:
                raise BatchError(
                    _("choose a recipients list: a CSV file with the columns name, title and organisation")
                )
            people = read_recipients(Path(path).expanduser())
            combined = self.combined.isChecked()
            return plan_recipients(self.report, self.recipe, people, combined=combined, glance=glance, booklet=booklet)
        audiences = ticked(self.audiences) or ([self.recipe.audience] if self.recipe.audience else [])
        countries = ticked(self.countries) or list(self.recipe.countries)
        return plan_matrix(self.report, self.recipe, audiences, countries, glance=glance, booklet=booklet)
