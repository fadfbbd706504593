"""File ▸ Batch…: the choices (batch_choices.py), what they will build, then a run with progress.

The run (batch_run.py) builds on a worker thread and in worker processes; its progress arrives
here through a queued signal. Cancel stops it within moments, leaving only finished files. The
dialog fits the screen it opens on, remembers its choices (settings.py) and counts briefs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from briefer.batch import BatchError, BatchPlan, BatchResult, Progress, WrittenFile
from briefer.content.model import Report
from briefer.content.problems import ContentError
from briefer.gui import dialogs
from briefer.gui.batch_choices import BatchChoices
from briefer.gui.batch_run import BatchRun
from briefer.gui.batch_text import briefs_there, ended_text, error_lines, file_line, plan_summary, replaced_text
from briefer.gui.contrast import ERROR_COLOURS
from briefer.gui.i18n import _
from briefer.gui.screen_fit import fit_to_screen
from briefer.gui.settings import Settings
from briefer.gui.status_bar import readable_colour
from briefer.gui.worker import Outcome
from briefer.output import OutputError
from briefer.tailor.recipe import Recipe

PATH_ROLE = Qt.ItemDataRole.UserRole
SUMMARY_STYLE = "font-weight: bold;"
WANTED_SIZE = (760, 760)


class BatchDialog(QDialog):
    running_changed = Signal(bool)  # True when a run starts; False once it has ended (done, cancelled or failed)

    def __init__(self, report: Report, recipe: Recipe, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.plan: BatchPlan | None = None  # for the choices on show; None when they cannot be built
        self.run: BatchRun | None = None  # the last run
        self.written: list[WrittenFile] = []  # by the last run
        self._close_when_done = False
        self.setWindowTitle(_("Batch — briefer"))
        self.choices = BatchChoices(report, recipe, settings.batch_folder, self)
        self.choices.restore(settings.batch)
        self.choices.choices_changed.connect(self.replan)
        self.message = QLabel(self)  # what the choices build, or why they cannot be built (red)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar(self)
        self.progress.setFormat(_("%v of %m briefs"))
        self.progress.setTextVisible(False)  # until a run: "0 of 100" would mean nothing
        self.progress.setAccessibleName(_("Briefs built"))
        self.status = QLabel("", self)  # what was built last; how the run ended
        self.status.setWordWrap(True)
        self.results = QListWidget(self)
        self.results.setWordWrap(True)  # a long file name and its details wrap, never cut off
        self.results.setToolTip(_("The files written; double-click one to open it"))
        self.results.setAccessibleName(_("Files written"))
        self.results.itemDoubleClicked.connect(lambda item: dialogs.open_location(Path(item.data(PATH_ROLE))))
        # the choices come first on a short screen: the list of files written gets what is left
        self.results.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.results.setMinimumHeight(72)
        self._make_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self._scrolling(self.choices), 8)
        layout.addSpacing(4)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)  # little until the choices are all in view
        layout.addLayout(self.buttons)
        self.restoreGeometry(settings.batch.geometry)
        fit_to_screen(self, *((self.width(), self.height()) if settings.batch.geometry.size() else WANTED_SIZE))
        self.replan()

    def _make_buttons(self) -> None:
        self.open_folder = QPushButton(_("Open folder"), self)
        self.open_folder.setToolTip(_("Show the folder the briefs were built into"))
        self.open_folder.setEnabled(False)
        self.open_folder.clicked.connect(self._open_folder)
        self.build_button = QPushButton(_("Build"), self)
        self.build_button.setToolTip(_("Build the briefs described above"))
        self.build_button.setDefault(True)
        self.build_button.clicked.connect(self.build)
        self.close_button = QPushButton(_("Close"), self)
        self.close_button.setToolTip(_("Close; while building, stop (the briefs built stay)"))
        self.close_button.clicked.connect(lambda: self.cancel() if self.running else self.reject())
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.open_folder)
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.build_button)
        self.buttons.addWidget(self.close_button)

    @staticmethod
    def _scrolling(widget: QWidget) -> QScrollArea:
        """The choices scroll in a short dialog, so the buttons below always stay on the screen."""
        area = QScrollArea()
        area.setWidget(widget)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        area.setMinimumHeight(160)
        area.setMaximumHeight(widget.sizeHint().height() + 2)  # a tall screen gives the rest to the files written
        return area

    def error_style(self) -> str:
        """Red text with 4.5:1 contrast on this dialog's palette (light or dark)."""
        return f"color: {readable_colour(self.palette(), ERROR_COLOURS).name()};"

    # -- the plan -----------------------------------------------------------------------------

    def replan(self) -> None:
        """After any change: say what the choices build, or what is wrong (Build is off then)."""
        if self.running:
            return
        try:
            self.plan = self.choices.plan()
            folder = self.choices.output_folder()
        except (BatchError, ContentError) as exc:  # RecipientsError and RecipeError among them
            self.plan = None
            self._show_message(error_lines(exc), error=True)
        else:
            replaced = replaced_text(briefs_there(self.plan, folder), len(self.plan.jobs))
            self._show_message([" ".join(x for x in (plan_summary(self.plan, folder), replaced) if x)])
            self.message.setToolTip("\n".join(self.plan.file_names()))
        self.build_button.setEnabled(self.plan is not None)

    def _show_message(self, lines: list[str], error: bool = False) -> None:
        self.message.setText("\n".join(lines))
        self.message.setStyleSheet(self.error_style() if error else SUMMARY_STYLE)
        self.message.setToolTip("")

    # -- running -------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.run is not None and self.run.running

    def build(self) -> None:
        self.replan()
        if self.plan is None or self.running:
            return
        folder = self.choices.output_folder()
        self.settings.batch_folder = str(folder)
        self._remember()
        self.run = BatchRun(self.choices.report, self.plan, folder)
        self.run.progress_changed.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)
        self.run.run_finished.connect(self._finished)
        self.written = []
        self.results.clear()
        self.progress.setRange(0, len(self.plan.jobs))
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        self.status.setText(_("Starting…"))
        self._set_running(True)
        self.run.start()
        self.running_changed.emit(True)

    def cancel(self) -> None:
        """Stop a run: nothing new starts; the files already written stay, each one complete."""
        if self.run is not None and self.run.running and not self.run.cancelling:
            self.run.cancel()
            self.status.setText(_("Cancelling…"))
            self.close_button.setEnabled(False)

    @Slot(object)
    def _show_progress(self, progress: Progress) -> None:
        self.progress.setRange(0, progress.total)
        self.progress.setValue(progress.done)
        if progress.label and not (self.run and self.run.cancelling):
            self.status.setText(_("Built: {label}").format(label=progress.label))
        for file in progress.written:
            self._add_result(file)

    def _add_result(self, file: WrittenFile) -> None:
        self.written.append(file)
        item = QListWidgetItem(file_line(file), self.results)
        item.setData(PATH_ROLE, str(file.path))
        item.setToolTip(f"{file.path}\n{file_line(file)}")
        self.results.scrollToItem(item)

    def _finished(self, outcome: Outcome) -> None:
        assert self.run is not None
        planned = len(self.run.plan.jobs)
        done = self.progress.value()
        self._set_running(False)
        if isinstance(outcome.value, BatchResult):
            result = outcome.value
            for file in result.files[len(self.written) :]:
                self._add_result(file)  # a combined print file is written last, with no progress
            self.status.setText(ended_text(done, planned, result.seconds, result.cancelled))
        else:
            self.status.setText(ended_text(done, planned, None, False))
            error = outcome.error
            if isinstance(error, BatchError | OutputError | ContentError):
                self._show_message(error_lines(error), error=True)
            elif error is not None:
                dialogs.show_bug(self, _("The batch failed"), error)
        self.open_folder.setEnabled(bool(self.written))
        self.running_changed.emit(False)
        if self._close_when_done:
            self._close_when_done = False
            self._remember()
            super().reject()

    def _set_running(self, running: bool) -> None:
        self.choices.setEnabled(not running)
        self.build_button.setEnabled(not running and self.plan is not None)
        self.close_button.setText(_("Cancel") if running else _("Close"))
        self.close_button.setEnabled(True)
        if not running:
            self.replan()  # the folder now holds files that another run would replace

    def _open_folder(self) -> None:
        if self.run is not None:
            dialogs.open_location(self.run.folder)

    def _remember(self) -> None:
        self.settings.batch = self.choices.remembered(QByteArray(self.saveGeometry()))
        if self.choices.folder.text().strip():
            self.settings.batch_folder = self.choices.folder.text().strip()

    def reject(self) -> None:
        """Close (Esc, the window's close button); while running, cancel first and close when the run ends."""
        if self.running:
            self._close_when_done = True
            self.cancel()
            return
        self._remember()
        super().reject()
