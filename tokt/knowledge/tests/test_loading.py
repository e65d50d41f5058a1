"""Loading the Markdown files: idempotent, keeps coordinators' edits, skips broken files."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from tokt.audit.models import AuditAction, AuditEntry
from tokt.knowledge import search_index, selectors, services
from tokt.knowledge.models import Article
from tokt.knowledge.tests.helpers import article_text, write_pair
from tokt.knowledge.text import parse_query

pytestmark = pytest.mark.django_db


def _found(word):
    from django.contrib.auth.models import AnonymousUser

    page = selectors.search(parse_query(word, ("nb",)), user=AnonymousUser(), langs=("nb",))
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
    report = services.articles_load(directory=tmp_path)
    assert sorted(report.created) == ["test-artikkel.en", "test-artikkel.nb"]
    assert "tvangsarbeid.nb" in report.orphaned
    assert _found("multekrem") == ["test-artikkel"]
    assert services.articles_load(directory=tmp_path).created == []
    entry = AuditEntry.objects.order_by("-seq").first()
    assert entry.action == AuditAction.KNOWLEDGE_LOADED


def test_a_changed_file_updates_its_article(tmp_path):
    nb_path, _en = write_pair(tmp_path)
    services.articles_load(directory=tmp_path)
    nb_path.write_text(article_text(title="Ny tittel"), encoding="utf-8")
    report = services.articles_load(directory=tmp_path)
    assert report.updated == ["test-artikkel.nb"]
    assert Article.objects.get(slug="test-artikkel", lang="nb").title == "Ny tittel"


def test_an_article_edited_in_the_ui_is_kept_until_forced(tmp_path, koordinator, capsys):
    nb_path, _en = write_pair(tmp_path)
    services.articles_load(directory=tmp_path)
    article = Article.objects.get(slug="test-artikkel", lang="nb")
    services.article_update(article=article, user=koordinator, data={"title": "Koordinatorens tittel"})
    nb_path.write_text(article_text(title="Filens tittel"), encoding="utf-8")

    call_command("load_knowledge", directory=tmp_path)
    assert "kept: test-artikkel.nb was edited in the web UI" in capsys.readouterr().err
    assert Article.objects.get(pk=article.pk).title == "Koordinatorens tittel"

    call_command("load_knowledge", directory=tmp_path, force=True)
    article.refresh_from_db()
    assert article.title == "Filens tittel" and not article.edited_in_ui


def test_a_broken_file_is_reported_and_not_loaded(tmp_path, capsys):
    write_pair(tmp_path, nb=article_text().replace("visibility: public", "visibility: hemmelig"))
    call_command("load_knowledge", directory=tmp_path)
    out = capsys.readouterr()
    assert "test-artikkel.nb.md:12: 'visibility' must be one of" in out.err
    assert "1 created" in out.out
    assert list(Article.objects.filter(slug="test-artikkel").values_list("lang", flat=True)) == ["en"]


def test_reindex_rebuilds_the_search_index(capsys):
    call_command("load_knowledge", reindex=True)
    assert "0 created, 0 updated" in capsys.readouterr().out
    assert _found("tvangsarbeidet")[0] == "tvangsarbeid"
    search_index.rebuild()
    assert _found("tvangsarbeidet")[0] == "tvangsarbeid"


def test_the_index_holds_exactly_the_articles():
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL indexes the rows themselves")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT rowid FROM {search_index.FTS_TABLE} ORDER BY rowid")
        assert [row[0] for row in cursor.fetchall()] == list(
            Article.objects.order_by("pk").values_list("pk", flat=True)
        )
    article = Article.objects.get(slug="ordliste", lang="en")
    pk = article.pk
    search_index.remove(article.pk)
    article.delete()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {search_index.FTS_TABLE} WHERE rowid = %s", [pk])
        assert cursor.fetchone()[0] == 0
