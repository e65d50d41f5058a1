"""Full-text search over the real articles (loaded by migration 0005).

The suite runs on SQLite and on PostgreSQL with the same expectations; the
ranking is one Python computation over the rows either database returns.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from tokt.knowledge import search_index, selectors
from tokt.knowledge.models import Article
from tokt.knowledge.query_expansion import expand
from tokt.knowledge.text import parse_query, stems

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


def _slugs(q, langs=("nb",), user=None, **filters):
    page = selectors.search(parse_query(q), user=user or AnonymousUser(), langs=langs, **filters)
    return [(hit.article.slug, hit.article.lang) for hit in page.hits]


@pytest.mark.parametrize(("q", "slug"), FIRST_RESULT.items())
def test_a_norwegian_query_finds_the_right_article_first(q, slug):
    assert _slugs(q)[0] == (slug, "nb")


@pytest.mark.parametrize(("q", "slug"), FIRST_RESULT_EN.items())
def test_an_english_query_finds_the_right_article_first(q, slug):
    assert _slugs(q, ("en",))[0] == (slug, "en")


@pytest.mark.parametrize(("q", "slug"), FIRST_RESULT_EN.items())
def test_an_english_query_on_the_norwegian_page_finds_the_english_article(q, slug):
    page = selectors.search(parse_query(q), user=AnonymousUser(), ui_lang="nb")
    assert page.langs == ("en",)
    assert (page.hits[0].article.slug, page.hits[0].article.lang) == (slug, "en")


def test_a_norwegian_query_stays_norwegian():
    page = selectors.search(parse_query("tegn på tvangsarbeid"), user=AnonymousUser(), ui_lang="nb")
    assert page.langs == ("nb",)


def test_tvangsarbeidet_finds_the_forced_labour_article_through_its_stem():
    assert ("tvangsarbeid", "nb") in _slugs("tvangsarbeidet")


def test_the_signs_article_is_near_the_top_for_signs_of_forced_labour():
    assert ("tegn-pa-menneskehandel", "nb") in _slugs("tegn på tvangsarbeid")[:3]


def test_the_what_is_article_comes_first_for_the_word_every_article_uses():
    assert _slugs("menneskehandel")[0] == ("hva-er-menneskehandel", "nb")


@pytest.mark.parametrize("typed", ["menneskhandel", "menneskehandell", "menneskehandl", "tvangsarbied"])
def test_a_misspelt_word_is_corrected_and_offered(typed):
    page = selectors.search(parse_query(typed), user=AnonymousUser(), langs=("nb",))
    assert page.total > 0
    assert page.suggestion in {"menneskehandel", "tvangsarbeid"}


def test_a_known_word_gets_no_suggestion():
    assert selectors.search(parse_query("tvangsarbeid"), user=AnonymousUser(), langs=("nb",)).suggestion == ""


def test_kom_is_not_dropped_as_a_stop_word():
    assert _slugs("KOM")


def test_a_compound_finds_what_its_parts_find():
    assert _slugs("arbeidsutnyttelse")
    assert ("hushold-og-tvangsekteskap", "nb") in _slugs("husholdningsarbeid")[:3]


def test_the_ranking_does_not_depend_on_the_order_the_database_returns_rows():
    """What makes SQLite and PostgreSQL agree: one Python ranking over the same rows."""
    columns = (
        "id",
        "slug",
        "lang",
        "visibility",
        "facets",
        "search_title",
        "search_summary",
        "search_body",
        "title",
        "summary",
        "body_text",
    )
    rows = list(Article.objects.active().values_list(*columns))
    stop = selectors._STOP_TERMS
    forward, backward = search_index.build(rows, stop), search_index.build(rows[::-1], stop)
    filters = search_index.Filters(("nb", "en"), ("public", "internal"))
    for q in ("menneskehandel", "sosial dumping", "barn", "forced labour", "hvem kan jeg ringe"):
        terms = {lang: expand(list(parse_query(q).tokens), lang, forward).terms for lang in ("nb", "en")}
        assert search_index.ranked(forward, terms, filters) == search_index.ranked(backward, terms, filters)


def test_the_database_keeps_the_stored_stems_exactly():
    for article in Article.objects.all():
        assert article.search_title.split() == stems(article.title, article.lang)


def test_a_retired_article_is_not_found():
    Article.objects.filter(slug="tvangsarbeid").update(status="retired", updated_at=timezone.now())
    assert all(slug != "tvangsarbeid" for slug, _lang in _slugs("tvangsarbeid"))


def test_language_filter_and_both_languages():
    assert {lang for _slug, lang in _slugs("tvangsarbeid", ("en",))} <= {"en"}
    both = _slugs("sosial dumping", ("nb", "en"))
    assert set(both[:2]) == {(SOSIAL_DUMPING, "nb"), (SOSIAL_DUMPING, "en")}


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
    page = selectors.search(parse_query("tegn på tvangsarbeid"), user=AnonymousUser(), langs=("nb",))
    first = page.hits[0]
    assert "<mark>Tvangsarbeid</mark>" in first.title_html and "<mark>tegn</mark>" in first.title_html
    assert "<mark>" in first.snippet_html


def test_results_are_paged():
    query = parse_query("menneskehandel")
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
    article_update(article=article, user=koordinator, body_md=article.body_md + "\nOm blåbærsyltetøy.\n")
    assert _slugs("blåbærsyltetøy") == [("ordliste", "nb")]
