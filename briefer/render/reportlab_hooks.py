"""Two changes to how ReportLab starts, made when ReportLab's paragraph module is first imported
(by whichever renderer imports it first), so that a brief written as Markdown imports no ReportLab:

- its URL pattern compiles when a link first needs it (lazy_patterns.py);
- its number formatting remembers single numbers (number_format.py);
- its compression remembers the last large streams, the font subsets (compressed_streams.py).

`install()` runs from briefer/render/__init__.py; it puts an import hook in front of the others
that removes itself at its first use. If the module was imported already, the number formatting
is changed at once and the pattern stays as it is.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Any

from briefer.render.compressed_streams import remember_compressed_streams
from briefer.render.lazy_patterns import compiled_on_first_use
from briefer.render.number_format import remember_number_formats

PARAGRAPH = "reportlab.platypus.paragraph"


def install() -> None:
    if PARAGRAPH in sys.modules:
        _remember()
    elif not any(isinstance(finder, _ParagraphHook) for finder in sys.meta_path):
        sys.meta_path.insert(0, _ParagraphHook())


class _ParagraphHook(importlib.abc.MetaPathFinder):
    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != PARAGRAPH:
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is not None and spec.loader is not None:
            spec.loader = _ParagraphLoader(spec.loader)
        return spec


class _ParagraphLoader(importlib.abc.Loader):
    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        module: ModuleType | None = self.inner.create_module(spec)
        return module

    def exec_module(self, module: ModuleType) -> None:
        with compiled_on_first_use():
            self.inner.exec_module(module)
        _remember()


def _remember() -> None:
    remember_number_formats()
    remember_compressed_streams()
