"""The main window's content folder: reading it in the background, applying a good read, and
saying what is wrong with a bad one while the last good brief stays in use.

A mixin of MainWindow, kept apart so the window module stays about the window.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtWidgets import QMainWindow

from briefer.build import check_content
from briefer.content.located import Where
from briefer.content.model import Report
from briefer.content.problems import Problem
from briefer.content.resources import MissingPartError
from briefer.gui.i18n import _, ngettext
from briefer.gui.problems import problem_lines
from briefer.gui.worker import Outcome, run_task

if TYPE_CHECKING:
    from PySide6.QtCore import QThreadPool, QTimer, SignalInstance
    from PySide6.QtWidgets import QLabel

    from briefer.gui.preview import PreviewPane
    from briefer.gui.preview_job import Preview
    from briefer.gui.recipe_history import RecipeHistory
    from briefer.gui.recipe_panel import RecipePanel
    from briefer.gui.worker import PreviewBuilder
    from briefer.tailor.recipe import Recipe

# The mixin is typed as the window it is mixed into; at run time it is a plain class.
if TYPE_CHECKING:
    _Window = QMainWindow
else:
    _Window = object


class ContentActions(_Window):
    if TYPE_CHECKING:
        content_dir: Path
        report: Report | None
        missing_part: MissingPartError | None
        content_problems: list[str]
        last_preview: Preview | None
        preview: PreviewPane
        panel: RecipePanel
        history: RecipeHistory
        builder: PreviewBuilder
        debounce: QTimer
        stats_label: QLabel
        content_changed: SignalInstance
        _content_generation: int
        _loader_pool: QThreadPool

        def _update_title(self) -> None: ...
        def _show_report_name(self) -> None: ...
        def _show_warnings(self, recipe: Recipe) -> None: ...
        def _show_build_problem(self, error: BaseException) -> None: ...
        def rebuild_now(self) -> None: ...

    def _read_content(self) -> tuple[Report | None, list[Problem]]:
        try:
            return check_content(self.content_dir)
        except MissingPartError as exc:  # briefer's own files, not the report's: said as such
            self.missing_part = exc
            return None, []
        except Exception as exc:  # the loader reports problems; anything else is still shown, not raised
            return None, [Problem(_where(self.content_dir), _("cannot read the content: {error}").format(error=exc))]

    @property
    def content_ok(self) -> bool:
        """False while the content folder has errors (the last good report stays on the panel)."""
        return not self.content_problems and self.missing_part is None

    def reload_content(self) -> None:
        """Read the content folder again in the background; the newest read wins."""
        self._content_generation += 1
        generation = self._content_generation
        folder = self.content_dir
        run_task(partial(check_content, folder), partial(self._content_read, generation), self._loader_pool, self)

    def _content_read(self, generation: int, outcome: Outcome) -> None:
        if generation != self._content_generation:
            return
        if isinstance(outcome.error, MissingPartError):
            self.missing_part = outcome.error
            self._apply_content(None, [])
        elif outcome.error is not None:
            message = _("cannot read the content: {error}").format(error=outcome.error)
            problems = [Problem(_where(self.content_dir), message)]
            self._apply_content(None, problems)
        else:
            report, problems = cast(tuple[Report | None, list[Problem]], outcome.value)
            self._apply_content(report, problems)

    def _apply_content(self, report: Report | None, problems: list[Problem]) -> None:
        self.content_problems = problem_lines(problems) if report is None else []
        if report is None:
            self._content_broken(sum(1 for p in problems if not p.warning))
            return
        self.missing_part = None
        self.report = report
        self.last_preview = None  # built from the previous content
        self.preview.set_banner("")
        self.panel.set_report(report)
        self.history.current = self.panel.recipe()
        self._update_title()
        self._show_report_name()
        self._show_warnings(self.panel.recipe())
        self.content_changed.emit(True)
        self.rebuild_now()

    def _content_broken(self, errors: int) -> None:
        """The content has errors: show them; the last good brief (if any) stays in use, marked.
        briefer's own files missing is said as such: nothing can be built then."""
        last_good = self.report is not None and self.last_preview is not None and self.missing_part is None
        if self.missing_part is not None:
            self._show_build_problem(self.missing_part)
        else:
            self.preview.show_problems(*self._content_problem_texts(errors), self.content_problems, last_good=last_good)
        if last_good:
            banner = ngettext(
                "The content has {count} error, so this is the brief built from the last good content; "
                "Export and Print use it too.",
                "The content has {count} errors, so this is the brief built from the last good content; "
                "Export and Print use it too.",
                errors,
            )
            self.preview.set_banner(banner.format(count=errors))
            self.preview.stack.setCurrentWidget(self.preview.document_page)
        else:
            self.builder.cancel()
            self.debounce.stop()
            self.stats_label.setText("")
        self._update_title()
        self._show_report_name()
        self._show_warnings(self.panel.recipe())
        self.content_changed.emit(False)

    def _content_problem_texts(self, errors: int) -> tuple[str, str]:
        """The title and the hint over the content's problems."""
        title = ngettext("The content has {count} error", "The content has {count} errors", errors).format(count=errors)
        hint = ngettext(
            "Fix it in {folder}; the preview comes back by itself when the files are saved "
            "(or use File ▸ Reload content).",
            "Fix them in {folder}; the preview comes back by itself when the files are saved "
            "(or use File ▸ Reload content).",
            errors,
        ).format(folder=self.content_dir)
        return title, hint


def _where(folder: Path) -> Where:
    return Where(str(folder), 0, 0)
