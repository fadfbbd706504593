"""The main window's recipe files: new, open (a recipe or a briefer PDF), save, save as, recent.

A mixin of MainWindow, kept apart so the window module stays about the window.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow

from briefer.build import open_recipe_file
from briefer.content.fingerprint import stamp_of
from briefer.gui import dialogs
from briefer.gui.i18n import N_, _
from briefer.gui.problems import problem_lines
from briefer.output import OutputError
from briefer.tailor.recipe import Recipe
from briefer.tailor.recipe_check import RecipeError, check_recipe
from briefer.tailor.recipe_file import OpenedRecipe, save_recipe
from briefer.tailor.recipe_report import ReportFit, ReportMismatch, check_recipe_report, describe_fit

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from briefer.content.model import Report
    from briefer.gui.recipe_panel import RecipePanel
    from briefer.gui.settings import Settings

RECIPE_FILTER = N_("Recipes (*.yaml *.yml);;Briefs made by briefer (*.pdf);;All files (*)")


# The mixin is typed as the window it is mixed into; at run time it is a plain class.
if TYPE_CHECKING:
    _Window = QMainWindow
else:
    _Window = object


class RecipeFileActions(_Window):
    """File ▸ New, Open, Open recent, Save and Save as, and the unsaved-changes prompt."""

    if TYPE_CHECKING:
        panel: RecipePanel
        settings: Settings
        report: Report | None
        recent_menu: QMenu
        recipe_path: Path | None
        recipe_origin: str
        _saved: Recipe | None

        def _show_warnings(self, recipe: Recipe) -> None: ...
        def rebuild_now(self) -> None: ...
        def report_caption(self) -> str: ...
        def find_report(self, report_id: str) -> Path | None: ...
        def open_report_folder(self, folder: Path, *, confirmed: bool = False) -> bool: ...

    def is_modified(self) -> bool:
        return self._saved is None or self.panel.recipe() != self._saved

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.recipe_origin}[*] — {self.report_caption()} — briefer")
        self.setWindowModified(self.is_modified())

    def _set_recipe(self, recipe: Recipe, path: Path | None, origin: str, saved: bool = True) -> None:
        """Show `recipe`; `saved` False marks it as changed (it came from a PDF, say)."""
        self.panel.set_recipe(recipe)
        self.recipe_path = path
        self.recipe_origin = origin
        # what the panel shows, not the file's text: an unchanged recipe must not look modified
        self._saved = self.panel.recipe() if saved else None
        self._update_title()
        self._show_warnings(self.panel.recipe())
        self.rebuild_now()

    def new_recipe(self) -> None:
        if self.confirm_discard():
            self._set_recipe(Recipe(), None, _("Untitled"))

    def open_recipe_dialog(self) -> None:
        if not self.confirm_discard():
            return
        path = dialogs.ask_open_path(self, _("Open recipe"), self.settings.recipe_folder, _(RECIPE_FILTER))
        if path:
            self.open_recipe_file(Path(path))

    def open_recipe_file(self, path: Path) -> bool:
        """Open a recipe (or a briefer PDF's recipe); on failure say why and keep the current one.
        A recipe of another report opens that report first, when the app knows where it is."""
        path = Path(path)
        try:
            opened = open_recipe_file(path)
            fit = self._fit(opened, path)
            if fit is None:
                return False
            if self.report is not None:
                check_recipe(opened.recipe, self.report, str(path))
        except RecipeError as exc:
            text = _("{path} cannot be used:").format(path=path)
            dialogs.show_error(self, _("Cannot open the recipe"), text, problem_lines(exc.problems))
            self.settings.remove_recent_recipe(str(path.resolve()))
            return False
        except Exception as exc:  # never silence: whatever went wrong is said over the window
            detail = _("{path} cannot be used: {error}").format(path=path, error=f"{type(exc).__name__}: {exc}")
            dialogs.show_error(self, _("Cannot open the recipe"), detail)
            return False
        self.settings.recipe_folder = str(path.resolve().parent)
        if path.suffix.lower() == ".pdf":
            # never save YAML over the PDF: Save asks where to put the recipe
            self._set_recipe(opened.recipe, None, _("recipe from {name}").format(name=path.name), saved=False)
        else:
            self._set_recipe(opened.recipe, path, path.name)
            self.settings.add_recent_recipe(str(path))
        changes = describe_fit(fit, opened.report)
        if changes:
            dialogs.show_info(self, _("The report has changed"), changes[0], [line.strip() for line in changes[1:]])
        return True

    def _fit(self, opened: OpenedRecipe, path: Path) -> ReportFit | None:
        """How the recipe fits the open report, after opening the report it names if need be;
        None when it is of another report that cannot (or, by the user's answer, need not) be opened."""
        if self.report is None:
            return ReportFit(named=opened.report is not None)
        try:
            return check_recipe_report(opened.report, self.report, str(path))
        except ReportMismatch as exc:
            wanted = exc.wanted
            folder = self.find_report(wanted.id)
            text = _("{name} was made from the report {wanted}, not from {current}.").format(
                name=path.name, wanted=wanted.label(), current=stamp_of(self.report).label()
            )
            if folder is None:
                hint = _("Open that report first (File ▸ Open report…), then the recipe.")
                dialogs.show_error(self, _("A recipe of another report"), text, [hint])
                return None
            question = _("Open {report} from {folder}?").format(report=wanted.label(), folder=folder)
            if not dialogs.ask_yes_no(self, _("A recipe of another report"), f"{text}\n\n{question}"):
                return None
            if not self.open_report_folder(folder, confirmed=True) or self.report is None:
                return None
            return check_recipe_report(opened.report, self.report, str(path))

    def save(self) -> bool:
        if self.recipe_path is None:
            return self.save_as()
        return self.save_to(self.recipe_path)

    def save_as(self) -> bool:
        folder = Path(self.settings.recipe_folder)
        suggested = str(self.recipe_path or folder / "recipe.yaml")
        path = dialogs.ask_save_path(self, _("Save recipe"), suggested, _("Recipes (*.yaml *.yml)"))
        if not path:
            return False
        target = Path(path)
        if target.suffix.lower() not in (".yaml", ".yml"):
            target = target.with_name(target.name + ".yaml")
        return self.save_to(target)

    def save_to(self, path: Path) -> bool:
        recipe = self.panel.recipe()
        try:
            save_recipe(recipe, path, stamp_of(self.report) if self.report is not None else None)
        except OutputError as exc:
            dialogs.show_error(self, _("Cannot save the recipe"), str(exc))
            return False
        self.recipe_path = Path(path)
        self.recipe_origin = self.recipe_path.name
        self._saved = recipe
        self.settings.recipe_folder = str(self.recipe_path.resolve().parent)
        self.settings.add_recent_recipe(str(self.recipe_path))
        self._update_title()
        self.statusBar().showMessage(_("Saved {path}").format(path=self.recipe_path), 5000)
        return True

    def confirm_discard(self) -> bool:
        """True when it is fine to drop the current recipe (saved, discarded or unchanged)."""
        if not self.is_modified():
            return True
        answer = dialogs.ask_save_changes(self, self.recipe_origin)
        if answer == "save":
            return self.save()
        return answer == "discard"

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        recent = self.settings.recent_recipes
        for path in recent:
            action = menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.setEnabled(Path(path).is_file())
            action.triggered.connect(partial(self._open_recent, path))
        if not recent:
            menu.addAction(_("No recent recipes")).setEnabled(False)
        menu.addSeparator()
        menu.addAction(_("Clear the list"), self.settings.clear_recent_recipes).setEnabled(bool(recent))

    def _open_recent(self, path: str) -> None:
        if self.confirm_discard():
            self.open_recipe_file(Path(path))
