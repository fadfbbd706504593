"""Watches the content folder, its subfolders and files; announces a change once things settle.

Editors often save by writing a new file and renaming it over the old one, which drops the
watch on that file, so every announcement re-scans the folder and watches what is there now.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

SETTLE_MS = 300
WATCHED_SUFFIXES = (".yaml", ".yml")


class ContentWatcher(QObject):
    content_changed = Signal()  # something under the folder changed and has been quiet for SETTLE_MS

    def __init__(self, parent: QObject | None = None, settle_ms: int = SETTLE_MS) -> None:
        super().__init__(parent)
        self._folder: Path | None = None
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._touched)
        self._watcher.directoryChanged.connect(self._touched)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(settle_ms)
        self._timer.timeout.connect(self._settled)

    def folder(self) -> Path | None:
        return self._folder

    def watch(self, folder: Path | None) -> None:
        """Watch `folder` (None stops watching)."""
        self._folder = folder
        self._rewatch()

    def watched(self) -> list[str]:
        return self._watcher.files() + self._watcher.directories()

    def _rewatch(self) -> None:
        old = self.watched()
        if old:
            self._watcher.removePaths(old)
        folder = self._folder
        if folder is None or not folder.is_dir():
            return
        paths = [str(folder)]
        for path in sorted(folder.rglob("*")):
            if path.name.startswith("."):
                continue
            if path.is_dir() or path.suffix.lower() in WATCHED_SUFFIXES:
                paths.append(str(path))
        self._watcher.addPaths(paths)

    def _touched(self, _path: str) -> None:
        self._timer.start()  # restarts: a burst of saves gives one announcement

    def _settled(self) -> None:
        self._rewatch()
        self.content_changed.emit()
