"""Links between screening and articles: articles_for() and indicator names."""

from __future__ import annotations

import pytest

from tokt.knowledge.selectors import articles_for, indicator_names, topic_groups

pytestmark = pytest.mark.django_db


def test_articles_explaining_the_indicators_come_first():
    links = articles_for(["FL07", "FL09", "FL03"], [], "nb")
    assert links[0].slug == "tvangsarbeid"
    assert links[0].indicators == ("FL03", "FL07", "FL09")
    assert links[0].url == "/kunnskap/artikkel/tvangsarbeid/?sprak=nb"
    assert all(link.lang == "nb" for link in links)


def test_sectors_alone_find_articles_about_the_sector():
    links = articles_for([], ["fisheries"], "en")
    assert links and all("fisheries" in link.sectors and link.lang == "en" for link in links)
    assert len(links) <= 6


def test_nothing_asked_nothing_returned():
    assert articles_for([], [], "nb") == []
    assert articles_for(["XX99"], [], "nb") == []


def test_internal_articles_only_for_members(fagperson):
    assert all(not link.internal for link in articles_for([], ["fisheries"], "nb", limit=50))
    fagperson.is_verified = lambda: True  # as after a two-factor login
    assert any(link.internal for link in articles_for([], ["fisheries"], "nb", user=fagperson, limit=50))


def test_a_missing_translation_falls_back_to_bokmal():
    from tokt.knowledge.models import Article

    Article.objects.filter(slug="tvangsarbeid", lang="en").delete()
    link = articles_for(["FL07"], [], "en")[0]
    assert (link.slug, link.lang) == ("tvangsarbeid", "nb")


def test_indicator_names_come_from_the_screening_catalogue():
    assert indicator_names(["FL07", "DR01", "ZZ01"], "nb") == [
        ("FL07", "Tilbakeholdelse av identitetspapirer"),
        ("DR01", "Lurt om hva slags arbeid, hvor, eller hvem arbeidsgiveren er"),
        ("ZZ01", "ZZ01"),
    ]
    assert indicator_names(["FL07"], "en") == [("FL07", "Retention of identity documents")]


def test_every_topic_lists_articles_in_the_ui_language():
    groups = topic_groups(lang="en", user=None)
    assert [g.id for g in groups][:2] == ["basics", "signs_and_action"]
    assert all(article.lang == "en" for group in groups for article in group.articles)
