"""Module length from word counts at 200 words a minute (content.WORDS_PER_MINUTE)."""

from __future__ import annotations

import pytest

from tokt.training import selectors
from tokt.training.content import estimated_minutes, own_words

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_every_module_takes_10_to_20_minutes(lang):
    for module in selectors.modules(lang):
        minutes = estimated_minutes(module, selectors.article_words(module))
        print(
            f"{module.slug}.{lang}: {own_words(module)} own + {selectors.article_words(module)} article words, {minutes:.1f} min"
        )
        assert 10 <= minutes <= 20, (module.slug, lang, minutes)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_new_nav_employee_needs_under_40_minutes_for_the_basics_and_nav(lang):
    total = sum(
        estimated_minutes(m, selectors.article_words(m))
        for m in selectors.modules(lang)
        if m.slug in ("grunnkurs", "nav")
    )
    assert total < 40, total
