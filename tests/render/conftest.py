"""Fixtures for the PDF tests: a synthetic brief that stresses note placement, rendered once."""

from __future__ import annotations

import pytest

from briefer.tailor.brief import Brief
from tests.render.briefs import make_brief


@pytest.fixture(scope="session")
def synthetic_brief() -> Brief:
    return make_brief()
