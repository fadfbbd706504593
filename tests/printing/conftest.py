"""The whole report as one brief, built once for the printing tests."""

from __future__ import annotations

import pytest

from briefer.build import build_bytes
from briefer.tailor.recipe import Recipe

WHOLE_REPORT = Recipe(audience="parliamentarians", countries=("FI", "LT", "UA"))


@pytest.fixture(scope="session")
def brief_pdf(report) -> bytes:  # noqa: ANN001 (the session's Report)
    return build_bytes(report, WHOLE_REPORT)
