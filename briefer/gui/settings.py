"""Typed access to the app's QSettings: user preferences apart from remembered window state.

Set $BRIEFER_SETTINGS to an .ini path to keep settings elsewhere (tests use a temporary file).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "briefer"
APPLICATION = "briefer"
MAX_RECENT = 8
PREVIEW_DELAY_MS = 50  # the default pause after a keystroke (pref/preview_delay_ms)


def open_qsettings() -> QSettings:
    path = os.environ.get("BRIEFER_SETTINGS")
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)


@dataclass(frozen=True, slots=True)
class BatchMemory:
    """The Batch dialog's choices, as they were when it last closed."""

    by_recipient: bool = False
    audiences: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    booklets: bool = False
    glance: bool = False
    combined: bool = False
    recipients: str = ""
    geometry: QByteArray = field(default_factory=QByteArray)


class Settings:
    """`pref/...` keys are choices the user makes; `persist/...` keys are remembered state."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else open_qsettings()

    # -- generic typed access --------------------------------------------------------

    def _text(self, key: str, default: str = "") -> str:
        value = self.store.value(key, default)
        return value if isinstance(value, str) else default

    def _list(self, key: str) -> list[str]:
        value = self.store.value(key, [])
        if isinstance(value, str):  # QSettings gives a lone string for a one-item list
            return [value] if value else []
        return [str(v) for v in value] if isinstance(value, list) else []

    def _bool(self, key: str, default: bool = False) -> bool:
        value = self.store.value(key, default)
        if isinstance(value, bool):
            return value
        return {"true": True, "false": False}.get(str(value).lower(), default)

    def _bytes(self, key: str) -> QByteArray:
        value = self.store.value(key)
        return value if isinstance(value, QByteArray) else QByteArray()

    # -- preferences -------------------------------------------------------------------

    @property
    def preview_delay_ms(self) -> int:
        """How long the app waits after a keystroke, when no build is running, before rebuilding
        the preview: every keystroke restarts it. Short: people type a key every 100-300 ms."""
        value = self.store.value("pref/preview_delay_ms", PREVIEW_DELAY_MS)
        try:
            return max(0, min(2000, int(str(value))))
        except (TypeError, ValueError):
            return PREVIEW_DELAY_MS

    @preview_delay_ms.setter
    def preview_delay_ms(self, value: int) -> None:
        self.store.setValue("pref/preview_delay_ms", int(value))

    @property
    def reopen_last_recipe(self) -> bool:
        """Open the recipe that was open when the app closed, at the next start."""
        return self._bool("pref/reopen_last_recipe", True)

    @reopen_last_recipe.setter
    def reopen_last_recipe(self, value: bool) -> None:
        self.store.setValue("pref/reopen_last_recipe", bool(value))

    # -- remembered state ------------------------------------------------------------

    @property
    def geometry(self) -> QByteArray:
        return self._bytes("persist/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self.store.setValue("persist/geometry", value)

    @property
    def window_state(self) -> QByteArray:
        return self._bytes("persist/window_state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self.store.setValue("persist/window_state", value)

    @property
    def splitter_state(self) -> QByteArray:
        return self._bytes("persist/splitter_state")

    @splitter_state.setter
    def splitter_state(self, value: QByteArray) -> None:
        self.store.setValue("persist/splitter_state", value)

    @property
    def side_panel(self) -> bool:
        """The outline and pages beside the preview are shown."""
        return self._bool("persist/side_panel", True)

    @side_panel.setter
    def side_panel(self, value: bool) -> None:
        self.store.setValue("persist/side_panel", bool(value))

    @property
    def last_recipe(self) -> str:
        """The recipe file open when the app last closed ('' for an unsaved recipe)."""
        return self._text("persist/last_recipe")

    @last_recipe.setter
    def last_recipe(self, value: str) -> None:
        self.store.setValue("persist/last_recipe", value)

    @property
    def recipe_folder(self) -> str:
        """The folder recipes were last opened from or saved to (else the last export's)."""
        return self._text("persist/recipe_folder") or self._text("persist/export_folder") or str(Path.home())

    @recipe_folder.setter
    def recipe_folder(self, value: str) -> None:
        self.store.setValue("persist/recipe_folder", value)

    @property
    def export_folder(self) -> str:
        """The folder briefs were last exported to (else the last recipe's)."""
        return self._text("persist/export_folder") or self._text("persist/recipe_folder") or str(Path.home())

    @export_folder.setter
    def export_folder(self, value: str) -> None:
        self.store.setValue("persist/export_folder", value)

    @property
    def batch_folder(self) -> str:
        """The folder the last batch was built into."""
        return self._text("persist/batch_folder", str(Path(self.export_folder) / "briefs"))

    @batch_folder.setter
    def batch_folder(self, value: str) -> None:
        self.store.setValue("persist/batch_folder", value)

    @property
    def batch(self) -> BatchMemory:
        return BatchMemory(
            by_recipient=self._bool("persist/batch/by_recipient"),
            audiences=tuple(self._list("persist/batch/audiences")),
            countries=tuple(self._list("persist/batch/countries")),
            booklets=self._bool("persist/batch/booklets"),
            glance=self._bool("persist/batch/glance"),
            combined=self._bool("persist/batch/combined"),
            recipients=self._text("persist/batch/recipients"),
            geometry=self._bytes("persist/batch/geometry"),
        )

    @batch.setter
    def batch(self, value: BatchMemory) -> None:
        for name in ("by_recipient", "booklets", "glance", "combined"):
            self.store.setValue(f"persist/batch/{name}", bool(getattr(value, name)))
        self.store.setValue("persist/batch/audiences", list(value.audiences))
        self.store.setValue("persist/batch/countries", list(value.countries))
        self.store.setValue("persist/batch/recipients", value.recipients)
        self.store.setValue("persist/batch/geometry", value.geometry)

    def _add_recent(self, key: str, path: str) -> None:
        path = str(Path(path).resolve())
        self.store.setValue(key, [path, *(p for p in self._list(key) if p != path)][:MAX_RECENT])

    def _remove_recent(self, key: str, path: str) -> None:
        self.store.setValue(key, [p for p in self._list(key) if p != path])

    @property
    def recent_recipes(self) -> list[str]:
        """Recipe paths, most recent first."""
        return self._list("persist/recent_recipes")

    def add_recent_recipe(self, path: str) -> None:
        self._add_recent("persist/recent_recipes", path)

    def remove_recent_recipe(self, path: str) -> None:
        self._remove_recent("persist/recent_recipes", path)

    def clear_recent_recipes(self) -> None:
        self.store.setValue("persist/recent_recipes", [])

    @property
    def report_folder(self) -> str:
        """The report folder open when the app last closed ('' for the shipped report)."""
        return self._text("persist/report_folder")

    @report_folder.setter
    def report_folder(self, value: str) -> None:
        self.store.setValue("persist/report_folder", value)

    @property
    def recent_reports(self) -> list[str]:
        """Report folders, most recent first."""
        return self._list("persist/recent_reports")

    def add_recent_report(self, path: str) -> None:
        self._add_recent("persist/recent_reports", path)

    def remove_recent_report(self, path: str) -> None:
        self._remove_recent("persist/recent_reports", path)

    def clear_recent_reports(self) -> None:
        self.store.setValue("persist/recent_reports", [])

    def sync(self) -> None:
        self.store.sync()
