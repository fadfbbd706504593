"""A plain progress bar for the terminal: drawn on stderr only when stderr is a terminal.

Lines printed through `ProgressBar.print` never collide with the bar. Standard library only.
"""

from __future__ import annotations

import shutil
import sys
import time
from typing import TextIO


class ProgressBar:
    def __init__(self, total: int, stream: TextIO | None = None, out: TextIO | None = None) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.out = out if out is not None else sys.stdout
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self.done = 0
        self.label = ""
        self.started = time.perf_counter()
        self._shown = False

    def update(self, done: int, label: str = "") -> None:
        self.done, self.label = done, label
        self._draw()

    def print(self, line: str) -> None:
        """A line on stdout, with the bar cleared first and drawn again after."""
        self._clear()
        print(line, file=self.out, flush=True)
        self._draw()

    def close(self) -> None:
        self._clear()

    def render(self, width: int) -> str:
        """The bar as one line of at most `width` characters."""
        count = f"{self.done}/{self.total}"
        elapsed = f"{time.perf_counter() - self.started:.0f}s"
        cells = max(10, min(30, width // 3))
        filled = cells * self.done // self.total if self.total else cells
        bar = "#" * filled + "-" * (cells - filled)
        line = f"[{bar}] {count} {elapsed} {self.label}"
        return line[: max(0, width - 1)]

    def _draw(self) -> None:
        if not self.enabled:
            return
        width = shutil.get_terminal_size((80, 24)).columns
        self.stream.write("\r" + self.render(width) + "\x1b[K")
        self.stream.flush()
        self._shown = True

    def _clear(self) -> None:
        if self.enabled and self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False
