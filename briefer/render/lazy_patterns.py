"""ReportLab's paragraph module, imported without compiling its URL pattern until a link needs it.

reportlab.platypus.paragraph compiles, at import, a case-insensitive pattern for URLs spanning
most of Unicode: 30–45 ms, a tenth of a one-section build from the command line, though only a
link to a web address ever uses it (to tell a URL from a local destination). While that module
is imported, `compiled_on_first_use` hands ReportLab a pattern that compiles itself on first use:
the same pattern with the same flags, so every match is the same.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from typing import Any

_SLOW_PREFIX = "(^(?:[a-z0-9\\.\\-\\+]*)://)"  # the start of reportlab.platypus.paragraph.uri_pat


class LazyPattern:
    """Stands in for re.compile(pattern, flags) and becomes it at first use."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._source = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            self._compiled = re.compile(*self._source)
        return getattr(self._compiled, name)


@contextlib.contextmanager
def compiled_on_first_use() -> Iterator[None]:
    """While inside, re.compile makes ReportLab's URL pattern a LazyPattern (and nothing else)."""
    real = re.compile

    def compile_lazily(pattern: Any, flags: int = 0) -> Any:
        if isinstance(pattern, str) and pattern.startswith(_SLOW_PREFIX):
            return LazyPattern(pattern, flags)
        return real(pattern, flags)

    re.compile = compile_lazily
    try:
        yield
    finally:
        re.compile = real
