"""Coordinators edit articles: access, validation, audit, history with diffs, review dates."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tokt.audit.models import AuditEntry
from tokt.knowledge import services
from tokt.knowledge.models import Article

pytestmark = pytest.mark.django_db

EDIT = reverse("knowledge:edit", args=["ordliste", "nb"])
HISTORY = reverse("knowledge:history", args=["ordliste", "nb"])
STALE = reverse("knowledge:stale")
REVIEWED = reverse("knowledge:mark_reviewed", args=["ordliste", "nb"])


def _form(article, **changes):
    data = {
        "title": article.title,
        "summary": article.summary,
        "body_md": article.body_md,
        "audience": article.audience,
        "sectors": article.sectors,
        "forms": article.forms,
        "sources": "\n".join(article.sources),
        "visibility": article.visibility,
        "last_reviewed": article.last_reviewed.isoformat(),
        "reviewer_role": article.reviewer_role,
    }
    return {**data, **changes}


@pytest.mark.parametrize("url", [EDIT, HISTORY, STALE])
def test_anonymous_visitors_are_sent_to_login(client, url):
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("url", [EDIT, HISTORY, STALE])
def test_a_fagperson_cannot_open_the_editing_pages(signed_in, fagperson, url):
    assert signed_in(fagperson).get(url).status_code == 403


@pytest.mark.parametrize("url", [EDIT, HISTORY, STALE])
def test_a_koordinator_opens_the_editing_pages(signed_in, koordinator, url):
    assert signed_in(koordinator).get(url).status_code == 200


def test_a_fagperson_cannot_change_an_article(signed_in, fagperson):
    article = Article.objects.get(slug="ordliste", lang="nb")
    client = signed_in(fagperson)
    assert client.post(EDIT, _form(article, title="X")).status_code == 403
    assert client.post(REVIEWED).status_code == 403
    assert Article.objects.get(pk=article.pk).title == article.title


def test_an_unknown_language_is_404(signed_in, koordinator):
    assert signed_in(koordinator).get(reverse("knowledge:edit", args=["ordliste", "de"])).status_code == 404


def test_an_edit_is_saved_rendered_indexed_audited_and_kept_in_history(signed_in, koordinator):
    article = Article.objects.get(slug="ordliste", lang="nb")
    client = signed_in(koordinator)
    body = article.body_md + "\n## Nytt avsnitt\n\nTekst om skjærgårdsidyll.\n"
    response = client.post(EDIT, _form(article, title="Ordliste (oppdatert)", body_md=body))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Ordliste (oppdatert)" and article.edited_in_ui and article.updated_by == koordinator
    assert '<h2 id="s-nytt-avsnitt">Nytt avsnitt</h2>' in article.body_html
    found = client.get(reverse("knowledge:index"), {"q": "skjærgårdsidyll"}).content.decode()
    assert "1 artikkel passer søket" in found
    entry = AuditEntry.objects.filter(details__what="knowledge_article_updated").get()
    assert entry.actor == koordinator and entry.details["fields"] == ["title", "body_md"]
    history = client.get(HISTORY).content.decode()
    assert koordinator.username in history and "Innlasting fra fil" in history
    assert 'class="tokt-diff__add"' in history and "Tekst om skjærgårdsidyll." in history
    assert "Ordliste (oppdatert)" in history


def test_typed_html_is_refused_with_its_line_and_nothing_is_saved(signed_in, koordinator):
    article = Article.objects.get(slug="ordliste", lang="nb")
    response = signed_in(koordinator).post(EDIT, _form(article, body_md="Hei\n\n<script>alert(1)</script>\n"))
    body = response.content.decode()
    assert response.status_code == 200 and "Linje 3: HTML-kode er ikke tillatt" in body
    assert "<script>alert(1)</script>" not in body
    assert Article.objects.get(pk=article.pk).body_md == article.body_md
    assert not AuditEntry.objects.filter(details__what="knowledge_article_updated").exists()


def test_markup_in_titles_and_links_cannot_inject_script(signed_in, koordinator, client):
    article = Article.objects.get(slug="ordliste", lang="nb")
    data = _form(article, title="<img src=x onerror=alert(1)>", body_md="[klikk](javascript:alert(1)) og **fet**\n")
    assert signed_in(koordinator).post(EDIT, data).status_code == 302
    page = client.get(reverse("knowledge:article", args=["ordliste"])).content.decode()
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert 'href="javascript' not in page


def test_a_future_review_date_is_refused(signed_in, koordinator):
    article = Article.objects.get(slug="ordliste", lang="nb")
    future = (timezone.localdate() + dt.timedelta(days=3)).isoformat()
    response = signed_in(koordinator).post(EDIT, _form(article, last_reviewed=future))
    assert response.status_code == 200 and "Datoen kan ikke være i fremtiden" in response.content.decode()


def test_saving_without_changes_says_so(signed_in, koordinator):
    article = Article.objects.get(slug="ordliste", lang="nb")
    response = signed_in(koordinator).post(EDIT, _form(article), follow=True)
    assert "Ingen endringer å lagre" in response.content.decode()


def test_the_service_refuses_bad_bodies_without_writing(koordinator):
    article = Article.objects.get(slug="ordliste", lang="nb")
    with pytest.raises(services.KnowledgeError):
        services.article_update(article=article, user=koordinator, body_md="# Ny tittel\n")
    assert not article.history.exists()


def test_old_articles_are_listed_for_review_and_can_be_marked_reviewed(signed_in, koordinator):
    Article.objects.filter(slug="ordliste").update(last_reviewed=dt.date(2024, 1, 1))
    client = signed_in(koordinator)
    listing = client.get(STALE).content.decode()
    assert listing.count(reverse("knowledge:mark_reviewed", args=["ordliste", "nb"])) == 1
    assert "tvangsarbeid" not in listing
    assert (
        "ikke gjennomgått på tolv måneder"
        in client.get(reverse("knowledge:article", args=["ordliste"])).content.decode()
    )
    response = client.post(REVIEWED, {"tilbake": "liste"})
    assert response.status_code == 302 and response["Location"] == STALE
    assert Article.objects.get(slug="ordliste", lang="nb").last_reviewed == timezone.localdate()
    assert AuditEntry.objects.filter(details__what="knowledge_article_reviewed").count() == 1
    assert reverse("knowledge:mark_reviewed", args=["ordliste", "nb"]) not in client.get(STALE).content.decode()


def test_mark_reviewed_only_accepts_post(signed_in, koordinator):
    assert signed_in(koordinator).get(REVIEWED).status_code == 405
