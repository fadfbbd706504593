"""File ▸ Batch…: the choices (batch_choices.py), how many files they make, then a run with progress.

The run (batch_run.py) builds on a worker thread and in worker processes; its progress arrives
here through a queued signal. Cancel stops it within moments, leaving only finished files.
"""

from __future__ import annotations

import traceback
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefer.batch import BatchError, BatchPlan, BatchResult, Progress, WrittenFile
from briefer.content.model import Report
from briefer.content.problems import ContentError
from briefer.gui import dialogs
from briefer.gui.batch_choices import BatchChoices
from briefer.gui.batch_run import BatchRun
from briefer.gui.batch_text import error_lines, file_line, plan_summary
from briefer.gui.i18n import _, ngettext
from briefer.gui.settings import Settings
from briefer.gui.worker import Outcome
from briefer.output import OutputError
from briefer.tailor.recipe import Recipe

PATH_ROLE = Qt.ItemDataRole.UserRole
ERROR_STYLE = "color: #b00020;"
SUMMARY_STYLE = "font-weight: bold;"


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
        self.choices.choices_changed.connect(self.replan)
        self.message = QLabel(self)  # how many files the choices make, or why they cannot be built (red)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar(self)
        self.progress.setFormat(_("%v of %m"))
        self.progress.setTextVisible(False)  # until a run: "0 of 100" would mean nothing
        self.status = QLabel("", self)  # what was built last; how the run ended
        self.results = QListWidget(self)
        self.results.setToolTip(_("The files written; double-click one to open it"))
        self.results.itemDoubleClicked.connect(lambda item: dialogs.open_location(Path(item.data(PATH_ROLE))))
        self.open_folder = QPushButton(_("Open folder"), self)
        self.open_folder.setEnabled(False)
        self.open_folder.clicked.connect(self._open_folder)
        self.build_button = QPushButton(_("Build"), self)
        self.build_button.setDefault(True)
        self.build_button.clicked.connect(self.build)
        self.close_button = QPushButton(_("Close"), self)
        self.close_button.clicked.connect(lambda: self.cancel() if self.running else self.reject())
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_folder)
        buttons.addStretch(1)
        buttons.addWidget(self.build_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.choices, 3)
        layout.addSpacing(4)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 2)
        layout.addLayout(buttons)
        self.resize(760, 760)
        self.replan()

    # -- the plan -----------------------------------------------------------------------------

    def replan(self) -> None:
        """After any change: say how many files the choices make, or what is wrong (Build is off then)."""
        if self.running:
            return
        try:
            self.plan = self.choices.plan()
            folder = self.choices.output_folder()
        except (BatchError, ContentError) as exc:  # RecipientsError and RecipeError among them
            self.plan = None
            self._show_message(error_lines(exc), error=True)
        else:
            names = self.plan.file_names()
            there = sum((folder / name).exists() for name in names)
            already = ngettext(
                " {count} of them is in the folder already and will be replaced.",
                " {count} of them are in the folder already and will be replaced.",
                there,
            )
            replaced = already.format(count=there) if there else ""
            self._show_message([plan_summary(self.plan) + replaced])
            self.message.setToolTip("\n".join(names))
        self.build_button.setEnabled(self.plan is not None)

    def _show_message(self, lines: list[str], error: bool = False) -> None:
        self.message.setText("\n".join(lines))
        self.message.setStyleSheet(ERROR_STYLE if error else SUMMARY_STYLE)
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
        item.setToolTip(str(file.path))
        self.results.scrollToItem(item)

    def _finished(self, outcome: Outcome) -> None:
        assert self.run is not None
        planned = len(self.run.plan.file_names())
        self._set_running(False)
        counts: dict[str, object] = {"done": len(self.written), "planned": planned}
        if isinstance(outcome.value, BatchResult):
            result = outcome.value
            for file in result.files[len(self.written) :]:
                self._add_result(file)  # a combined print file is written last, with no progress
            counts = {"done": len(self.written), "planned": planned, "seconds": f"{result.seconds:.1f}"}
            if result.cancelled:
                said = ngettext(
                    "Cancelled: {done} of {planned} file written.",
                    "Cancelled: {done} of {planned} files written.",
                    planned,
                )
            else:
                said = ngettext(
                    "Done: {done} of {planned} file written in {seconds} s.",
                    "Done: {done} of {planned} files written in {seconds} s.",
                    planned,
                )
            self.status.setText(said.format(**counts))
        else:
            said = ngettext(
                "Stopped: {done} of {planned} file written.", "Stopped: {done} of {planned} files written.", planned
            )
            self.status.setText(said.format(**counts))
            error = outcome.error
            if isinstance(error, BatchError | OutputError | ContentError):
                self._show_message(error_lines(error), error=True)
            elif error is not None:
                lines = [line.rstrip("\n") for line in traceback.format_exception(error)]
                hint = _("This is a bug in briefer; the details help to fix it.")
                dialogs.show_error(self, _("The batch failed"), hint, lines)
        self.open_folder.setEnabled(bool(self.written))
        self.running_changed.emit(False)
        if self._close_when_done:
            self._close_when_done = False
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

    def reject(self) -> None:
        """Close (Esc, the window's close button); while running, cancel first and close when the run ends."""
        if self.running:
            self._close_when_done = True
            self.cancel()
            return
        super().reject()
