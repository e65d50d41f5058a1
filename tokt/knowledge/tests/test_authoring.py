"""Coordinators create, preview, retire and restore articles and bring back earlier versions."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from tokt.audit.models import AuditEntry
from tokt.knowledge import selectors, services
from tokt.knowledge.models import Article
from tokt.knowledge.text import parse_query

pytestmark = pytest.mark.django_db

CREATE = reverse("knowledge:create")
RETIRED = reverse("knowledge:retired")
NEW = {
    "lang": "nb",
    "slug": "",
    "title": "Menneskehandel i fiskeoppdrett",
    "summary": "Hva ansatte i oppdrett bør se etter.",
    "body_md": "Innledning om merdene.\n\n## Tegn\n\n- Lang arbeidstid\n",
    "audience": ["labour_inspection", "police"],
    "sectors": ["fisheries"],
    "forms": ["forced_labour"],
    "sources": "Arbeidstilsynet, https://www.arbeidstilsynet.no\n",
    "visibility": "public",
    "last_reviewed": "2026-01-15",
    "reviewer_role": "Koordinator, ToKt Salten",
}


def _found(word):
    page = selectors.search(parse_query(word), user=AnonymousUser(), langs=("nb",))
    return [hit.article.slug for hit in page.hits]


@pytest.mark.parametrize("url", [CREATE, RETIRED])
def test_only_coordinators_open_the_authoring_pages(client, signed_in, fagperson, url):
    assert client.get(url).status_code == 302
    assert signed_in(fagperson).get(url).status_code == 403


def test_a_fagperson_cannot_create_retire_or_restore(signed_in, fagperson):
    client = signed_in(fagperson)
    assert client.post(CREATE, NEW).status_code == 403
    assert client.post(reverse("knowledge:retire", args=["ordliste", "nb"])).status_code == 403
    assert client.post(reverse("knowledge:restore", args=["ordliste", "nb"])).status_code == 403
    assert set(Article.objects.filter(slug="ordliste").values_list("status", flat=True)) == {"active"}


@pytest.mark.parametrize("name", ["retire", "restore"])
def test_retire_and_restore_only_accept_post(signed_in, koordinator, name):
    assert signed_in(koordinator).get(reverse(f"knowledge:{name}", args=["ordliste", "nb"])).status_code == 405


def test_a_coordinator_creates_an_article_that_is_found_and_audited(signed_in, koordinator):
    response = signed_in(koordinator).post(CREATE, NEW)
    article = Article.objects.get(slug="menneskehandel-i-fiskeoppdrett", lang="nb")
    assert response.status_code == 302 and response["Location"] == selectors.article_url(article.slug, "nb")
    assert article.sources == ["Arbeidstilsynet, https://www.arbeidstilsynet.no"]
    assert article.audience == ["labour_inspection", "police"] and article.reviewer_role.startswith("Koordinator")
    assert article.translation_status == "original" and article.edited_in_ui
    assert _found("merdene") == ["menneskehandel-i-fiskeoppdrett"]
    entry = AuditEntry.objects.get(details__what="knowledge_article_created")
    assert entry.actor == koordinator and entry.target_id == str(article.pk)


def test_preview_shows_the_sanitised_text_and_saves_nothing(signed_in, koordinator):
    data = {**NEW, "body_md": "Tekst med **fet** og [lenke](javascript:alert(1)).\n", "forhandsvis": "1"}
    response = signed_in(koordinator).post(CREATE, data)
    page = response.content.decode()
    assert response.status_code == 200 and "Forhåndsvisning (ikke lagret)" in page
    assert "<strong>fet</strong>" in page and 'href="javascript' not in page
    assert not Article.objects.filter(slug="menneskehandel-i-fiskeoppdrett").exists()


def test_preview_while_editing_keeps_the_draft_in_the_form(signed_in, koordinator):
    article = Article.objects.get(slug="ordliste", lang="nb")
    url = reverse("knowledge:edit", args=["ordliste", "nb"])
    data = {**NEW, "title": article.title, "body_md": "Ny tekst om **kraner**.\n", "forhandsvis": "1"}
    page = signed_in(koordinator).post(url, data).content.decode()
    assert "<strong>kraner</strong>" in page and "Ny tekst om **kraner**." in page
    assert Article.objects.get(pk=article.pk).body_md == article.body_md


def test_the_slug_spells_norwegian_letters_like_the_seeded_articles(koordinator):
    article = services.article_create(
        user=koordinator,
        lang="nb",
        title="Sjøfart og båter på øya",
        summary="S.",
        body_md="T.\n",
        audience=["all"],
        sources=["K"],
    )
    assert article.slug == "sjofart-og-bater-pa-oya"


def test_a_second_article_with_the_same_title_is_refused_with_a_message(signed_in, koordinator):
    client = signed_in(koordinator)
    client.post(CREATE, NEW)
    page = client.post(CREATE, NEW).content.decode()
    assert "Det finnes allerede en artikkel" in page
    assert Article.objects.filter(slug="menneskehandel-i-fiskeoppdrett").count() == 1


def test_a_translation_is_created_with_the_slug_of_the_original(koordinator):
    original = services.article_create(
        user=koordinator, lang="nb", title="Ny", summary="S.", body_md="T.\n", audience=["all"], sources=["K"]
    )
    translation = services.article_create(
        user=koordinator,
        lang="en",
        slug=original.slug,
        title="New",
        summary="S.",
        body_md="T.\n",
        audience=["all"],
        sources=["K"],
    )
    assert translation.slug == original.slug and translation.translation_status == "reviewed"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("sources", "Se indicators.yaml\n", "ikke til filer i ToKt"),
        ("audience", [], "Velg minst én målgruppe"),
        ("body_md", "Hei\n\n<b>x</b>\n", "HTML-kode er ikke tillatt"),
    ],
)
def test_bad_input_gets_a_message_and_nothing_is_saved(signed_in, koordinator, field, value, message):
    page = signed_in(koordinator).post(CREATE, {**NEW, field: value}).content.decode()
    assert message in page
    assert not Article.objects.filter(slug="menneskehandel-i-fiskeoppdrett").exists()


def test_the_service_refuses_an_internal_file_in_the_body_without_writing(koordinator):
    article = Article.objects.get(slug="ordliste", lang="nb")
    with pytest.raises(services.KnowledgeError, match="filer i ToKt"):
        services.article_update(article=article, user=koordinator, body_md="Kilde: METHOD.md\n")
    assert Article.objects.get(pk=article.pk).body_md == article.body_md and not article.history.exists()


def test_tags_and_sources_are_edited(koordinator):
    article = Article.objects.get(slug="ordliste", lang="nb")
    changed = services.article_update(
        article=article, user=koordinator, audience=["nav"], sectors=["cleaning"], sources=["Ny kilde"]
    )
    assert changed == ["audience", "sectors", "sources"]
    article.refresh_from_db()
    assert article.audience == ["nav"] and " sector:cleaning " in article.facets


def test_a_retired_article_leaves_lists_and_search_and_comes_back(client, signed_in, koordinator):
    coordinator = signed_in(koordinator)
    response = coordinator.post(reverse("knowledge:retire", args=["tvangsarbeid", "nb"]))
    assert response.status_code == 302
    assert set(Article.objects.filter(slug="tvangsarbeid").values_list("status", flat=True)) == {"retired"}
    assert "tvangsarbeid" not in _found("tvangsarbeid")
    assert reverse("knowledge:restore", args=["tvangsarbeid", "nb"]) in coordinator.get(RETIRED).content.decode()
    article_page = reverse("knowledge:article", args=["tvangsarbeid"])
    assert "er trukket tilbake" in coordinator.get(article_page).content.decode()
    coordinator.logout()
    assert client.get(article_page).status_code == 404

    coordinator = signed_in(koordinator)
    assert coordinator.post(reverse("knowledge:restore", args=["tvangsarbeid", "nb"])).status_code == 302
    assert _found("tvangsarbeid")[0] == "tvangsarbeid"
    whats = list(
        AuditEntry.objects.filter(details__what__startswith="knowledge_article_r")
        .order_by("seq")
        .values_list("details__what", flat=True)
    )
    assert whats == ["knowledge_article_retired", "knowledge_article_restored"]


def test_retiring_twice_says_so(koordinator):
    article = Article.objects.get(slug="ordliste", lang="nb")
    services.article_retire(article=article, user=koordinator)
    with pytest.raises(services.KnowledgeError, match="allerede trukket tilbake"):
        services.article_retire(article=article, user=koordinator)


def test_an_earlier_version_is_restored_from_the_history(signed_in, koordinator):
    article = Article.objects.get(slug="ordliste", lang="nb")
    loaded_at, original_title = article.updated_at, article.title
    services.article_update(article=article, user=koordinator, title="Andre tittel")
    services.article_update(article=article, user=koordinator, title="Tredje tittel")
    first = article.history.order_by("history_date", "history_id").first()
    assert first.history_date == loaded_at and first.history_user is None
    client = signed_in(koordinator)
    history = client.get(reverse("knowledge:history", args=["ordliste", "nb"])).content.decode()
    url = reverse("knowledge:restore_version", args=["ordliste", "nb", first.history_id])
    assert url in history and "gjeldende versjon" in history
    assert client.post(url).status_code == 302
    article.refresh_from_db()
    assert article.title == original_title and article.history.count() == 4
    entry = AuditEntry.objects.get(details__what="knowledge_article_version_restored")
    assert entry.details["version"] == first.history_id and entry.details["fields"] == ["title"]


def test_restoring_an_unknown_version_is_a_message_not_a_500(signed_in, koordinator):
    response = signed_in(koordinator).post(
        reverse("knowledge:restore_version", args=["ordliste", "nb", 999999]), follow=True
    )
    assert response.status_code == 200 and "Fant ikke den versjonen" in response.content.decode()
