"""Reading the knowledge base: index, search page, articles, languages and access."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tokt.knowledge.models import Article

pytestmark = pytest.mark.django_db

INTERNAL = "situasjonen-i-salten"


def _article(slug, **params):
    url = reverse("knowledge:article", kwargs={"slug": slug})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def test_the_index_is_public_and_lists_the_topics(client):
    response = client.get(reverse("knowledge:index"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Tegn og hva du gjør" in body and "Tvangsarbeid: definisjon og tegn på tvangsarbeid" in body
    assert INTERNAL not in body  # internal articles are not listed for anonymous visitors


def test_signed_in_members_see_internal_articles_in_the_list(signed_in, fagperson):
    assert INTERNAL in signed_in(fagperson).get(reverse("knowledge:index")).content.decode()


@pytest.mark.parametrize(
    ("q", "message"),
    [
        ("", "Skriv inn ett eller flere ord"),
        ("   ", "Skriv inn ett eller flere ord"),
        ("tvang " * 50, "Søket er for langt"),
        ("?!% «» §§ ---", "Søket må inneholde minst ett ord"),
    ],
)
def test_bad_queries_get_a_clear_message_never_an_error(client, q, message):
    response = client.get(reverse("knowledge:index"), {"q": q})
    assert response.status_code == 200
    assert message in response.content.decode()


def test_a_search_shows_ranked_highlighted_results(client):
    response = client.get(reverse("knowledge:index"), {"q": "hva er sosial dumping"})
    body = response.content.decode()
    assert response.status_code == 200 and "artikler passer søket" in body
    first = body.index('class="ds-card tokt-card tokt-kb-result"')
    assert "sosial-dumping-arbeidslivskriminalitet-menneskehandel" in body[first : first + 600]
    assert "<mark>sosial</mark> <mark>dumping</mark>" in body.lower()


def test_typed_markup_in_a_query_is_escaped(client):
    body = client.get(reverse("knowledge:index"), {"q": "<script>alert(1)</script> tvang"}).content.decode()
    assert "<script>alert(1)" not in body and "&lt;script&gt;" in body


def test_junk_filters_and_pages_give_a_form_error_not_a_crash(client):
    response = client.get(reverse("knowledge:index"), {"q": "tvang", "bransje": "x", "side": "abc", "sprak": "zz"})
    assert response.status_code == 200
    assert "ds-validation-message" in response.content.decode()
    assert client.get(reverse("knowledge:index"), {"q": "a\x00b"}).status_code == 200


def test_no_results_suggests_what_to_do(client):
    body = client.get(reverse("knowledge:index"), {"q": "xylofonkonsert"}).content.decode()
    assert "0 artikler passer søket" in body and "Prøv et annet ord" in body


def test_the_search_follows_the_language_filter(client):
    body = client.get(reverse("knowledge:index"), {"q": "forced labour", "sprak": "en"}).content.decode()
    assert "<mark>Forced</mark> <mark>labour</mark>: definition and signs of" in body
    assert "På engelsk" in body


def test_a_public_article_is_readable_without_login(client):
    response = client.get(_article("tvangsarbeid"))
    body = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="ds-heading tokt-article__title" data-size="lg" lang="nb">Tvangsarbeid: definisjon' in body
    assert 'class="tokt-toc"' in body and 'href="#s-ilos-definisjon"' in body
    assert "FL07" in body and "Tilbakeholdelse av identitetspapirer" in body  # name from the screening catalogue
    assert "Fiskeri og fiskeindustri" in body and "Kilder" in body
    assert 'href="https://www.regjeringen.no/no/dokumenter/nou-2024-13/id3046261/?ch=11"' in body
    assert "Maskinassistert oversettelse" not in body
    assert "Rediger artikkelen" not in body


def test_the_english_version_says_it_is_machine_assisted(client):
    body = client.get(_article("tvangsarbeid", sprak="en")).content.decode()
    assert 'lang="en">Forced labour: definition' in body
    assert "Maskinassistert oversettelse" in body or "Machine-assisted translation" in body
    assert "?sprak=nb" in body


def test_the_ui_language_picks_the_version_and_falls_back_to_bokmal(client):
    from django.conf import settings

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # as set by the language switcher
    response = client.get(_article("tvangsarbeid"))
    assert "Forced labour: definition" in response.content.decode()
    del client.cookies[settings.LANGUAGE_COOKIE_NAME]
    Article.objects.filter(slug="ordliste", lang="en").delete()
    body = client.get(_article("ordliste", sprak="en")).content.decode()
    assert "Ordliste" in body and "Artikkelen finnes ikke på engelsk ennå" in body


def test_an_internal_article_sends_anonymous_visitors_to_login(client):
    response = client.get(_article(INTERNAL))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


def test_an_internal_article_is_readable_for_members(signed_in, fagperson):
    response = signed_in(fagperson).get(_article(INTERNAL))
    assert response.status_code == 200 and "Intern artikkel" in response.content.decode()


def test_the_data_protection_officer_may_not_read_internal_articles(signed_in, personvernombud):
    assert signed_in(personvernombud).get(_article(INTERNAL)).status_code == 403


def test_an_unknown_article_is_404(client):
    assert client.get(_article("finnes-ikke")).status_code == 404


def test_a_coordinator_sees_the_editing_tools(signed_in, koordinator):
    body = signed_in(koordinator).get(_article("tvangsarbeid")).content.decode()
    assert "Rediger artikkelen" in body and reverse("knowledge:history", args=["tvangsarbeid", "nb"]) in body


def test_wrong_methods_are_refused(client):
    assert client.post(reverse("knowledge:index")).status_code == 405
    assert client.post(_article("tvangsarbeid")).status_code == 405
