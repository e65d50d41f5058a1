"""Reads from the knowledge base: search, topic lists, and links for other apps.

``articles_for`` is the entry point for the screening result page.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from tokt.accounts.permissions import Perm, has_perm
from tokt.knowledge import search_index, vocab
from tokt.knowledge.models import Article, Visibility
from tokt.knowledge.query_expansion import expand, guess_language
from tokt.knowledge.text import STOPWORDS, Query, highlight, snippet, stem

PER_PAGE = 20
_CARD_FIELDS = (
    "id",
    "slug",
    "lang",
    "title",
    "summary",
    "visibility",
    "translation_status",
    "last_reviewed",
    "status",
)


def article_url(slug: str, lang: str | None = None) -> str:
    url = reverse("knowledge:article", kwargs={"slug": slug})
    return f"{url}?sprak={lang}" if lang else url


def _pick_language(articles, lang: str) -> dict[str, Article]:
    """One version per slug: the one in ``lang``, else bokmål, else whatever there is."""
    chosen: dict[str, Article] = {}
    for article in articles:
        current = chosen.get(article.slug)
        rank = 0 if article.lang == lang else 1 if article.lang == "nb" else 2
        if current is None or rank < (0 if current.lang == lang else 1 if current.lang == "nb" else 2):
            chosen[article.slug] = article
    return chosen


def article_to_show(slug: str, lang: str) -> tuple[Article | None, bool]:
    """The version of ``slug`` in ``lang`` (or the fallback) and whether it is a fallback."""
    article = _pick_language(Article.objects.filter(slug=slug), lang).get(slug)
    return article, article is not None and article.lang != lang


def other_versions(article: Article) -> list[Article]:
    return list(Article.objects.active().filter(slug=article.slug).exclude(lang=article.lang).only(*_CARD_FIELDS))


# --- Search -----------------------------------------------------------------


@dataclass(frozen=True)
class SearchHit:
    article: Article
    title_html: SafeString
    snippet_html: SafeString
    score: float


@dataclass(frozen=True)
class SearchPage:
    hits: list[SearchHit]
    total: int
    page: int
    pages: int
    langs: tuple[str, ...] = ()
    # The query with misspelt words corrected ("Mente du …?"), or "" when nothing was corrected.
    suggestion: str = ""
    per_page: int = PER_PAGE

    @property
    def start(self) -> int:
        return (self.page - 1) * self.per_page + 1


_STOP_TERMS = {lang: frozenset(stem(word, lang) for word in STOPWORDS[lang]) for lang in vocab.LANGS}


def search_index_now() -> search_index.Index:
    """The in-memory index of the active articles (rebuilt when they change)."""
    return search_index.current(Article.objects.active(), _STOP_TERMS)


def search(
    query: Query,
    *,
    user,
    langs: tuple[str, ...] | None = None,
    ui_lang: str = "nb",
    audience: str = "",
    sector: str = "",
    form: str = "",
    page: int = 1,
    per_page: int = PER_PAGE,
) -> SearchPage:
    """Ranked articles for ``query`` that ``user`` may read, with highlighted title and snippet.

    ``langs=None`` searches the language the query is written in (the UI
    language unless the words are clearly more common in the other one).
    """
    index = search_index_now()
    if langs is None:
        langs = (guess_language(list(query.tokens), index, ui_lang, vocab.LANGS),)
    expanded = {lang: expand(list(query.tokens), lang, index) for lang in langs}
    visibilities = ("public", "internal") if has_perm(user, Perm.READ_INTERNAL_KNOWLEDGE) else ("public",)
    groups = []
    if audience:
        groups.append((f"audience:{audience}", "audience:all"))
    if sector:
        groups.append((f"sector:{sector}",))
    if form:
        groups.append((f"form:{form}",))
    filters = search_index.Filters(langs=langs, visibilities=visibilities, facet_groups=tuple(groups))
    ranked = search_index.ranked(index, {lang: e.terms for lang, e in expanded.items()}, filters)
    pages = max(1, math.ceil(len(ranked) / per_page))
    page = min(max(1, page), pages)
    chosen = ranked[(page - 1) * per_page : page * per_page]
    loaded = Article.objects.only(*_CARD_FIELDS, "body_text").in_bulk([hit.article_id for hit in chosen])
    hits = []
    for hit in chosen:
        article = loaded[hit.article_id]
        terms = tuple(expanded[article.lang].terms)
        title = mark_safe(highlight(article.title, terms, article.lang))  # noqa: S308 - escaped by highlight()
        text = f"{article.summary}\n{article.body_text}"
        excerpt = mark_safe(snippet(text, terms, article.lang))  # noqa: S308 - escaped by snippet()
        hits.append(SearchHit(article=article, title_html=title, snippet_html=excerpt, score=hit.score))
    corrections = {
        typed: index.surface(term, lang) for lang in langs for typed, term in expanded[lang].corrections.items()
    }
    suggestion = " ".join(corrections.get(token, token) for token in query.tokens) if corrections else ""
    return SearchPage(
        hits=hits, total=len(ranked), page=page, pages=pages, langs=langs, suggestion=suggestion, per_page=per_page
    )


# --- Lists ------------------------------------------------------------------


@dataclass(frozen=True)
class TopicGroup:
    id: str
    label: str
    articles: list[Article] = field(default_factory=list)


def topic_groups(*, lang: str, user) -> list[TopicGroup]:
    chosen = _pick_language(Article.objects.visible_to(user).only(*_CARD_FIELDS), lang)
    groups, placed = [], set()
    for topic in vocab.topics():
        articles = [chosen[slug] for slug in topic["articles"] if slug in chosen]
        placed.update(topic["articles"])
        if articles:
            groups.append(TopicGroup(topic["id"], topic.get(lang) or topic["nb"], articles))
    rest = sorted((a for slug, a in chosen.items() if slug not in placed), key=lambda a: a.title)
    if rest:
        groups.append(TopicGroup("other", gettext("Andre artikler"), rest))
    return groups


def retired_articles() -> list[Article]:
    return list(Article.objects.retired().only(*_CARD_FIELDS).order_by("slug", "lang"))


def not_reviewed(today) -> list[Article]:
    return list(
        Article.objects.active().not_reviewed_since(today).only(*_CARD_FIELDS).order_by("last_reviewed", "slug", "lang")
    )


def indicator_names(ids, lang: str) -> list[tuple[str, str]]:
    """(id, name) for indicator ids, named from the screening catalogue in ``lang``."""
    catalogue = vocab.indicator_catalogue()
    return [(ident, catalogue.get(ident, {}).get(lang, ident)) for ident in ids]


# --- For other apps ---------------------------------------------------------


@dataclass(frozen=True)
class ArticleLink:
    slug: str
    lang: str
    title: str
    summary: str
    url: str
    indicators: tuple[str, ...]  # the requested indicators this article explains
    sectors: tuple[str, ...]  # the requested sectors it covers
    internal: bool


def articles_for(indicator_ids, sectors=(), lang: str = "nb", *, user=None, limit: int = 6) -> list[ArticleLink]:
    """Articles that explain any of ``indicator_ids`` or cover any of ``sectors``, best first.

    Articles explaining more of the indicators come first, then those covering
    more of the sectors. Internal articles only for users who may read them
    (``user=None``: public articles only). Falls back to bokmål per article.
    """
    wanted_ind, wanted_sec = set(indicator_ids or ()), set(sectors or ())
    if not wanted_ind and not wanted_sec:
        return []
    queryset = (
        Article.objects.visible_to(user)
        if user is not None
        else Article.objects.active().filter(visibility=Visibility.PUBLIC)
    )
    chosen = _pick_language(queryset.only(*_CARD_FIELDS, "indicators", "sectors"), lang)
    links = []
    for article in chosen.values():
        ind = tuple(i for i in article.indicators if i in wanted_ind)
        sec = tuple(s for s in article.sectors if s in wanted_sec)
        if ind or sec:
            links.append(
                ArticleLink(
                    article.slug,
                    article.lang,
                    article.title,
                    article.summary,
                    article_url(article.slug, article.lang),
                    ind,
                    sec,
                    not article.is_public,
                )
            )
    links.sort(key=lambda link: (-len(link.indicators), -len(link.sectors), link.title))
    return links[:limit]
