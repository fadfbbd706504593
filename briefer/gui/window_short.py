"""The short forms, one click from the main window: File ▸ One page at a glance (written as a PDF)
and File ▸ Fit in pages (content left out in the order tailor/budget.py defines, each candidate
measured with the real renderer, the result an undoable change that the status bar explains).

A mixin of MainWindow. The jobs run in the build process (short_jobs.py), waited for on a worker
thread, so the window never waits for a render.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QMainWindow

from briefer.gui import dialogs
from briefer.gui.i18n import _, ngettext
from briefer.gui.preview_job import HANDOUT_PAGES
from briefer.gui.short_jobs import BudgetFit, GlancePage, Job, fit_job, glance_job
from briefer.gui.worker import Outcome, run_task
from briefer.output import OutputError, write_atomically
from briefer.tailor.budget import Cut, CutKind

if TYPE_CHECKING:
    from briefer.content.model import Report
    from briefer.gui.build_process import ProcessBuild
    from briefer.gui.preview_job import Preview
    from briefer.gui.recipe_history import RecipeHistory
    from briefer.gui.recipe_panel import RecipePanel
    from briefer.gui.settings import Settings
    from briefer.tailor.recipe import Recipe

CUT_WORDS = {
    CutKind.SOURCES_LIST: lambda cut: _("the list of sources"),
    CutKind.PULL_QUOTES: lambda cut: _("the pull quotes"),
    CutKind.BOXES: lambda cut: _("the boxes"),
    CutKind.CONTENTS: lambda cut: _("the contents page"),
    CutKind.SECTION: lambda cut: _("the section “{title}”").format(title=cut.title),
    CutKind.COVER: lambda cut: _("the cover"),
}

# The mixin is typed as the window it is mixed into; at run time it is a plain class.
if TYPE_CHECKING:
    _Window = QMainWindow
else:
    _Window = object


def cuts_text(cuts: tuple[Cut, ...]) -> str:
    return ", ".join(CUT_WORDS[cut.kind](cut) for cut in cuts)


class ShortForms(_Window):
    if TYPE_CHECKING:
        panel: RecipePanel
        report: Report | None
        settings: Settings
        history: RecipeHistory
        last_preview: Preview | None
        _process: ProcessBuild | None

        def suggested_path(self, folder: str, suffix: str, kind: str = "") -> str: ...
        def can_build(self) -> bool: ...

    def _short_pool(self) -> QThreadPool:
        return QThreadPool.globalInstance()

    def _run_job(self, job: Job, on_done: object) -> None:
        """Run `job` in the build process (or, without one, on the worker thread itself)."""
        report, process = self.report, self._process
        assert report is not None
        work = partial(process.run_job, report, job) if process is not None else partial(job.run, report)
        run_task(work, on_done, self._short_pool(), self)  # type: ignore[arg-type]

    # -- one page at a glance ------------------------------------------------------------

    def export_glance(self) -> bool:
        if not self.can_build():
            return False
        recipe = self.panel.recipe()
        if not recipe.audience and not recipe.countries:
            dialogs.show_error(
                self,
                _("One page at a glance"),
                _("An at-a-glance page is made for an audience or focus countries: choose one first (Ctrl+2)."),
            )
            return False
        suggested = self.suggested_path(self.settings.export_folder, ".pdf", "-at-a-glance")
        path = dialogs.ask_save_path(self, _("One page at a glance"), suggested, _("PDF documents (*.pdf)"))
        if not path:
            return False
        target = Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")
        self.statusBar().showMessage(_("Making the page at a glance…"))
        self._run_job(Job(glance_job, (recipe,)), partial(self._glance_done, target))
        return True

    def _glance_done(self, target: Path, outcome: Outcome) -> None:
        self.statusBar().clearMessage()
        if outcome.error is not None:
            dialogs.show_error(self, _("Cannot make the page at a glance"), str(outcome.error))
            return
        page = cast(GlancePage, outcome.value)
        try:
            write_atomically(target, page.pdf)
        except OutputError as exc:
            dialogs.show_error(self, _("Cannot write the page at a glance"), str(exc))
            return
        self.settings.export_folder = str(target.resolve().parent)
        said = _("Wrote one page at a glance to {path}").format(path=target)
        if page.dropped:
            said += _("; left out to fit: {what}").format(what="; ".join(page.dropped))
        self.statusBar().showMessage(said, 15000)

    # -- a page budget ----------------------------------------------------------------------

    def fit_in_pages(self, pages: int | None = None) -> bool:
        """Leave content out until the brief fits `pages` (asked for when None)."""
        if not self.can_build():
            return False
        current = self.last_preview.stats.pages if self.last_preview is not None else HANDOUT_PAGES + 1
        if pages is None:
            pages = dialogs.ask_pages(self, current, min(HANDOUT_PAGES, current))
            if pages is None:
                return False
        recipe = self.panel.recipe()
        self.statusBar().showMessage(
            ngettext("Fitting the brief in {n} page…", "Fitting the brief in {n} pages…", pages).format(n=pages)
        )
        self._run_job(Job(fit_job, (recipe, pages)), partial(self._fit_done, recipe, pages))
        return True

    def _fit_done(self, asked: Recipe, pages: int, outcome: Outcome) -> None:
        self.statusBar().clearMessage()
        if outcome.error is not None:
            dialogs.show_error(self, _("Cannot fit the brief"), str(outcome.error))
            return
        fit = cast(BudgetFit, outcome.value)
        if self.panel.recipe() != asked:
            return  # the choices changed while it was measured: the answer is for other choices
        if not fit.cuts:
            said = ngettext("The brief already fits in {n} page.", "The brief already fits in {n} pages.", pages)
            self.statusBar().showMessage(said.format(n=pages), 10000)
            return
        self.history.apply(fit.recipe, "budget", _("fit in {n} pages").format(n=pages))
        left_out = cuts_text(fit.cuts)
        if fit.fits:
            said = ngettext(
                "Fits in {n} page, leaving out {what} (Ctrl+Z brings it back).",
                "Fits in {n} pages, leaving out {what} (Ctrl+Z brings it back).",
                fit.pages,
            ).format(n=fit.pages, what=left_out)
        else:
            said = ngettext(
                "Even leaving out {what}, the brief takes {n} page (Ctrl+Z brings it all back); "
                "One page at a glance is shorter still.",
                "Even leaving out {what}, the brief takes {n} pages (Ctrl+Z brings it all back); "
                "One page at a glance is shorter still.",
                fit.pages,
            ).format(n=fit.pages, what=left_out)
        self.statusBar().showMessage(said, 30000)
