"""Screening test fixtures."""

from __future__ import annotations

import pytest

from tokt.screening import result_page


@pytest.fixture(autouse=True)
def _fresh_directory_contacts():
    """Each test sees its own database's directory, not a minute-old copy."""
    result_page._contacts_cache.clear()
    yield
    result_page._contacts_cache.clear()
