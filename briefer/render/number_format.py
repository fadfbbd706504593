"""ReportLab's number formatting, remembered: the same PDF, a fifteenth less time per build.

ReportLab writes every number in a PDF (coordinates, font sizes, colours, the widths of each
embedded font's glyphs: a few thousand a brief) through `fp_str`, a pure-Python function that
takes a logarithm and trims zeros for each one. A brief writes the same few hundred values over
and over, so the formatting of single numbers is remembered (typed: 1 and 1.0 are kept apart);
anything else goes to ReportLab's own function. The output is byte for byte the same (tested).
Runs once, from briefer/render/__init__.py, after ReportLab's modules are imported.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any

REMEMBERED = 16_384  # numbers; a whole-report build writes about 3,000 distinct ones


def remember_number_formats() -> None:
    from reportlab.lib import rl_accel

    original: Callable[..., str] = rl_accel.fp_str
    if getattr(original, "remembers", False):
        return

    @functools.lru_cache(maxsize=REMEMBERED, typed=True)
    def one(number: float) -> str:
        return original(number)

    def fp_str(*numbers: Any) -> str:
        if len(numbers) == 1 and type(numbers[0]) in (float, int):
            return one(numbers[0])
        return original(*numbers)

    fp_str.remembers = True  # type: ignore[attr-defined]
    fp_str.original = original  # type: ignore[attr-defined]
    # each ReportLab module took its own reference at import: replace it wherever it is
    for name, module in list(sys.modules.items()):
        if name.startswith("reportlab") and getattr(module, "fp_str", None) is original:
            module.fp_str = fp_str  # type: ignore[attr-defined]
