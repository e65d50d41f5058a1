from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _fresh_country_counts():
    from tokt.cases.selectors import reset_country_cache

    reset_country_cache()
    yield
    reset_country_cache()
