"""Loading the Markdown files: idempotent, keeps coordinators' edits, skips broken files."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from tokt.audit.models import AuditEntry
from tokt.knowledge import selectors, services
from tokt.knowledge.models import Article
from tokt.knowledge.tests.helpers import article_text, write_pair
from tokt.knowledge.text import parse_query

pytestmark = pytest.mark.django_db


def _found(word):
    from django.contrib.auth.models import AnonymousUser

    page = selectors.search(parse_query(word), user=AnonymousUser(), langs=("nb",))
    return [hit.article.slug for hit in page.hits]


def test_the_migration_loaded_every_real_article_in_both_languages():
    assert Article.objects.filter(lang="nb").count() == Article.objects.filter(lang="en").count() >= 26
    article = Article.objects.get(slug="tvangsarbeid", lang="nb")
    assert article.body_html.startswith("<p>") and article.search_body and article.source_hash
    assert "FL07" in article.indicators and article.visibility == "public"


def test_loading_the_real_files_again_changes_nothing():
    report = services.articles_load()
    assert report.created == [] and report.updated == [] and report.problems == []
    assert len(report.unchanged) == Article.objects.count()


def test_a_new_file_is_created_and_indexed_and_a_second_run_is_a_no_op(tmp_path):
    write_pair(tmp_path, nb=article_text(body="Om multekrem i fjøset.\n"))
    report = services.articles_load(folder=tmp_path)
    assert sorted(report.created) == ["test-artikkel.en", "test-artikkel.nb"]
    assert "tvangsarbeid.nb" in report.orphaned
    assert _found("multekrem") == ["test-artikkel"]
    assert services.articles_load(folder=tmp_path).created == []
    entry = AuditEntry.objects.order_by("-seq").first()
    assert entry.details["what"] == "knowledge_loaded_from_files"


def test_a_changed_file_updates_its_article(tmp_path):
    nb_path, _en = write_pair(tmp_path)
    services.articles_load(folder=tmp_path)
    nb_path.write_text(article_text(title="Ny tittel"), encoding="utf-8")
    report = services.articles_load(folder=tmp_path)
    assert report.updated == ["test-artikkel.nb"]
    assert Article.objects.get(slug="test-artikkel", lang="nb").title == "Ny tittel"


def test_a_file_never_overwrites_a_web_edit_even_when_forced(tmp_path, koordinator, capsys):
    nb_path, _en = write_pair(tmp_path)
    services.articles_load(folder=tmp_path)
    article = Article.objects.get(slug="test-artikkel", lang="nb")
    services.article_update(article=article, user=koordinator, title="Koordinatorens tittel")
    nb_path.write_text(article_text(title="Filens tittel"), encoding="utf-8")

    call_command("load_knowledge", folder=tmp_path)
    assert "kept: test-artikkel.nb was changed in the web UI" in capsys.readouterr().err
    assert Article.objects.get(pk=article.pk).title == "Koordinatorens tittel"

    call_command("load_knowledge", folder=tmp_path, force=True)
    article.refresh_from_db()
    assert article.title == "Koordinatorens tittel" and article.edited_in_ui


def test_a_retired_article_stays_retired_when_the_files_are_loaded(koordinator):
    article = Article.objects.get(slug="ordliste", lang="nb")
    services.article_retire(article=article, user=koordinator)
    services.articles_load(force=True)
    assert set(Article.objects.filter(slug="ordliste").values_list("status", flat=True)) == {"retired"}


def test_a_broken_file_is_reported_and_not_loaded(tmp_path, capsys):
    write_pair(tmp_path, nb=article_text().replace("visibility: public", "visibility: hemmelig"))
    call_command("load_knowledge", folder=tmp_path)
    out = capsys.readouterr()
    assert "test-artikkel.nb.md:12: 'visibility' must be one of" in out.err
    assert "1 created" in out.out
    assert list(Article.objects.filter(slug="test-artikkel").values_list("lang", flat=True)) == ["en"]


def test_an_article_created_in_the_web_is_not_reported_as_orphaned(koordinator):
    services.article_create(
        user=koordinator,
        lang="nb",
        title="Ny artikkel fra nettet",
        summary="Kort.",
        body_md="Tekst.\n",
        audience=["all"],
        sources=["Kilde, https://example.org"],
    )
    assert services.articles_load().orphaned == []
