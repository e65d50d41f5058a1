"""Full-text search over the real articles (loaded by migration 0003).

The suite runs on SQLite and on PostgreSQL. The expectations below are the same
for both, and both databases are checked against one Python reference ranking,
so a query gives the same results in the same order on either database.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection

from tokt.knowledge import search_index, selectors
from tokt.knowledge.models import Article
from tokt.knowledge.text import parse_query

pytestmark = pytest.mark.django_db

SOSIAL_DUMPING = "sosial-dumping-arbeidslivskriminalitet-menneskehandel"
# What a nurse types, and the article that must come first.
FIRST_RESULT = {
    "tvangsarbeidet": "tvangsarbeid",
    "tegn på tvangsarbeid": "tvangsarbeid",
    "sosial dumping": SOSIAL_DUMPING,
    "hva er sosial dumping": SOSIAL_DUMPING,
    "Hva er sosial dumping?": SOSIAL_DUMPING,
    "barn utsatt for menneskehandel": "barn-og-unge-utsatt-for-menneskehandel",
    "tvangsekteskap": "hushold-og-tvangsekteskap",
    "straffeloven 257": "straffeloven-257-258",
}
FIRST_RESULT_EN = {
    "forced labour": "tvangsarbeid",
    "what is social dumping": SOSIAL_DUMPING,
    "signs of forced labour": "tvangsarbeid",
}
REFERENCE_QUERIES = [
    ("tvangsarbeidet", ("nb",)),
    ("tegn på tvangsarbeid", ("nb",)),
    ("hva er sosial dumping", ("nb",)),
    ("menneskehandel", ("nb",)),
    ("pass inndratt gjeld", ("nb",)),
    ("forced labour", ("en",)),
    ("sosial dumping", ("nb", "en")),
    ("barn", ("nb", "en")),
    ("hvem kan jeg ringe", ("nb",)),
]


def _slugs(q, langs=("nb",), user=None, **filters):
    page = selectors.search(parse_query(q, langs), user=user or AnonymousUser(), langs=langs, **filters)
    return [(hit.article.slug, hit.article.lang) for hit in page.hits]


@pytest.mark.parametrize(("q", "slug"), FIRST_RESULT.items())
def test_a_norwegian_query_finds_the_right_article_first(q, slug):
    assert _slugs(q)[0] == (slug, "nb")


@pytest.mark.parametrize(("q", "slug"), FIRST_RESULT_EN.items())
def test_an_english_query_finds_the_right_article_first(q, slug):
    assert _slugs(q, ("en",))[0] == (slug, "en")


def test_tvangsarbeidet_finds_the_forced_labour_article_through_its_stem():
    assert ("tvangsarbeid", "nb") in _slugs("tvangsarbeidet")
    assert parse_query("tvangsarbeidet", ("nb",)).terms == ("tvangsarbeid",)


def test_the_signs_article_is_near_the_top_for_signs_of_forced_labour():
    assert ("tegn-pa-menneskehandel", "nb") in _slugs("tegn på tvangsarbeid")[:3]


def _reference(terms, langs, visibilities):
    """The ranking computed in Python from the stored stems: what both databases must return."""
    articles = list(Article.objects.all())
    rows = {}
    for article in articles:
        columns = [article.search_title.split(), article.search_summary.split(), article.search_body.split()]
        assert article.search_length == sum(len(c) for c in columns)
        tf = [tuple(column.count(term) for column in columns) for term in terms]
        if any(any(counts) for counts in tf):
            rows[article.pk] = (article.search_length, tf)
    scores = search_index.bm25_scores(rows, len(terms), len(articles), sum(a.search_length for a in articles))
    by_id = {a.pk: a for a in articles}
    hits = [
        search_index.Hit(pk, by_id[pk].slug, by_id[pk].lang, score)
        for pk, score in scores.items()
        if by_id[pk].lang in langs and by_id[pk].visibility in visibilities
    ]
    return search_index._order(hits)


@pytest.mark.parametrize(("q", "langs"), REFERENCE_QUERIES)
def test_the_database_ranking_equals_the_reference_ranking(q, langs):
    terms = parse_query(q, langs).terms
    visibilities = ("public", "internal")
    got = search_index.ranked(terms, search_index.Filters(langs, visibilities))
    expected = _reference(terms, langs, visibilities)
    assert [(h.slug, h.lang) for h in got] == [(h.slug, h.lang) for h in expected]
    for mine, reference in zip(got, expected, strict=True):
        assert mine.score == pytest.approx(reference.score, rel=1e-9, abs=1e-15)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's parser")
def test_postgresql_splits_the_stored_stems_exactly_like_python():
    with connection.cursor() as cursor:
        for article in Article.objects.all():
            text = f"{article.search_title} {article.search_summary} {article.search_body}"
            cursor.execute("SELECT token FROM ts_debug('simple', %s) WHERE alias <> 'blank'", [text])
            assert [row[0] for row in cursor.fetchall()] == text.split(), article.slug


def test_language_filter_and_both_languages():
    assert {lang for _slug, lang in _slugs("tvangsarbeid", ("en",))} <= {"en"}
    both = _slugs("sosial dumping", ("nb", "en"))
    assert both[:2] == [(SOSIAL_DUMPING, "nb"), (SOSIAL_DUMPING, "en")]


def test_sector_form_and_audience_filters_narrow_the_results():
    everything = _slugs("tvang")
    fisheries = _slugs("tvang", sector="fisheries")
    assert 0 < len(fisheries) < len(everything)
    by_slug = {(a.slug, a.lang): a for a in Article.objects.all()}
    assert all("fisheries" in by_slug[key].sectors for key in fisheries)
    begging = _slugs("tvang", form="begging")
    assert begging and all("begging" in by_slug[key].forms for key in begging)
    health = _slugs("tvang", audience="health")
    assert health and all({"all", "health"} & set(by_slug[key].audience) for key in health)


def test_internal_articles_are_found_only_by_signed_in_members(fagperson, personvernombud):
    # As after a two-factor login (django-otp sets this per request).
    fagperson.is_verified = lambda: True
    personvernombud.is_verified = lambda: True
    internal = ("situasjonen-i-salten", "nb")
    assert internal not in _slugs("situasjonen i salten")
    assert internal not in _slugs("situasjonen i salten", user=personvernombud)
    assert internal in _slugs("situasjonen i salten", user=fagperson)


def test_results_have_highlighted_titles_and_snippets():
    page = selectors.search(parse_query("tegn på tvangsarbeid", ("nb",)), user=AnonymousUser(), langs=("nb",))
    first = page.hits[0]
    assert "<mark>Tvangsarbeid</mark>" in first.title_html and "<mark>tegn</mark>" in first.title_html
    assert "<mark>" in first.snippet_html


def test_results_are_paged():
    query = parse_query("menneskehandel", ("nb",))
    first = selectors.search(query, user=AnonymousUser(), langs=("nb",), per_page=5)
    second = selectors.search(query, user=AnonymousUser(), langs=("nb",), per_page=5, page=2)
    assert first.total == second.total > 10 and first.pages > 1
    assert len(first.hits) == 5 and second.start == 6
    assert {h.article.pk for h in first.hits}.isdisjoint({h.article.pk for h in second.hits})
    assert selectors.search(query, user=AnonymousUser(), langs=("nb",), page=999).page == first.total // 20 + 1


def test_an_edited_article_is_found_by_its_new_words(koordinator):
    from tokt.knowledge.services import article_update

    article = Article.objects.get(slug="ordliste", lang="nb")
    assert _slugs("blåbærsyltetøy") == []
    article_update(article=article, user=koordinator, data={"body_md": article.body_md + "\nOm blåbærsyltetøy.\n"})
    assert _slugs("blåbærsyltetøy") == [("ordliste", "nb")]
