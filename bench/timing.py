"""Repeated in-process timing for the bench scripts: one warm-up, then median, p95 and worst."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Timing:
    median_ms: float
    p95_ms: float
    worst_ms: float


def measure(fn: Callable[[], object], runs: int) -> Timing:
    fn()  # warm the interpreter and the per-process caches (fonts, styles), as a running app has them
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return Timing(statistics.median(times), times[max(0, round(len(times) * 0.95) - 1)], times[-1])
