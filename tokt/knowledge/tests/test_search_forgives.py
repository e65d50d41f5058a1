"""The held-out queries (search_queries.py) find their article in the top three, on both databases."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from tokt.knowledge import selectors
from tokt.knowledge.tests.search_queries import HELD_OUT
from tokt.knowledge.text import parse_query

pytestmark = pytest.mark.django_db
TARGET = 0.9


def _top(q: str, ui_lang: str, n: int = 3) -> list[tuple[str, str]]:
    page = selectors.search(parse_query(q), user=AnonymousUser(), ui_lang=ui_lang)
    return [(hit.article.slug, hit.article.lang) for hit in page.hits[:n]]


def misses() -> list[str]:
    found = []
    for q, ui_lang, lang, slugs in HELD_OUT:
        top = _top(q, ui_lang)
        if not any((slug, lang) in top for slug in slugs):
            found.append(f"{q!r} ({ui_lang}): expected one of {slugs} in {lang}, got {top}")
    return found


def test_at_least_nine_in_ten_held_out_queries_find_their_article_in_the_top_three():
    assert len(HELD_OUT) >= 40
    missed = misses()
    rate = 1 - len(missed) / len(HELD_OUT)
    print(f"held-out hit rate {rate:.0%}", *missed, sep="\n")
    assert rate >= TARGET, f"hit rate {rate:.0%}; missed:\n" + "\n".join(missed)
