from __future__ import annotations

import pytest
from django.utils import translation

from tokt.core.language import ui_language


@pytest.mark.parametrize(("active", "expected"), [("nb", "nb"), ("en", "en"), ("en-gb", "en"), ("pl", "nb")])
def test_the_ui_language_is_one_of_ours(active, expected):
    with translation.override(active):
        assert ui_language() == expected


def test_without_an_active_language_it_is_bokmal():
    with translation.override(None):
        assert ui_language() == "nb"
