"""The search index: an inverted index over the stored stems, held in each process's memory.

Why in memory and not in the database's full-text engine: the knowledge bank holds
tens of articles (a thousand in the benchmark), and search has to forgive typos,
split compounds and weigh title above body in the same way on SQLite and on
PostgreSQL. FTS5 and PostgreSQL's tsvector rank differently, and counting term
frequencies in SQL made PostgreSQL ten times slower than SQLite. Here both
databases only supply the rows (``Article.search_*``, the Snowball stems made by
tokt.knowledge.text), and one Python ranking makes the order, so the results are
the same on both by construction.

The index is rebuilt when the articles change: every search asks the database for
a cheap fingerprint (count, newest ``updated_at``, sum of ids), so an edit in one
gunicorn worker is seen by the others on their next search.

Ranking is BM25F (title, summary and body with their own length normalisation
and weights) with an always-positive idf, so a word found in half the articles
still counts, plus a bonus for how much of the title the query covers: for
"menneskehandel", "Hva er menneskehandel?" beats an article that mentions the
word in a long title.
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Max, Sum

from tokt.knowledge.text import stem, words

# Weights of title, summary and body: a word in the title counts as much as
# eight in the body.
WEIGHTS = (8.0, 3.0, 1.0)
LENGTH_NORM = (0.5, 0.6, 0.75)
K1 = 1.2
# How much a title made up of the query's words adds, in units of the terms' idf
# (at least TITLE_MATCH_IDF, so a word found in every article still counts).
TITLE_MATCH = 1.5
TITLE_MATCH_IDF = 0.5


@dataclass(frozen=True)
class Filters:
    langs: tuple[str, ...]
    visibilities: tuple[str, ...]
    # Each group is a tuple of facet tokens ("sector:fisheries"); a row must
    # carry at least one token of every group.
    facet_groups: tuple[tuple[str, ...], ...] = ()

    def accepts(self, lang: str, visibility: str, facets: str) -> bool:
        return (
            lang in self.langs
            and visibility in self.visibilities
            and all(any(f" {token} " in facets for token in group) for group in self.facet_groups)
        )


@dataclass(frozen=True)
class Hit:
    article_id: int
    slug: str
    lang: str
    score: float


@dataclass(frozen=True)
class Doc:
    id: int
    slug: str
    lang: str
    visibility: str
    facets: str
    lengths: tuple[int, int, int]
    title_terms: frozenset[str]


@dataclass
class Index:
    docs: list[Doc] = field(default_factory=list)
    # term -> [(doc number, BM25F term weight, whether the title has the term)]; the
    # weight depends only on the article, so it is worked out once when building
    postings: dict[str, list[tuple[int, float, bool]]] = field(default_factory=dict)
    # (lang, term) -> number of articles in that language with the term
    df: Counter = field(default_factory=Counter)
    docs_per_lang: Counter = field(default_factory=Counter)
    avg_lengths: tuple[float, float, float] = (1.0, 1.0, 1.0)
    # (lang, word as written) -> number of articles in that language with it:
    # tells the query's language ("modern" is English, "moderne" Norwegian)
    word_df: Counter = field(default_factory=Counter)
    # Made on first use (a misspelt query), not on every rebuild:
    # (lang, one-letter deletion) -> terms, the candidates for a misspelt word
    _deletions: dict[tuple[str, str], set[str]] | None = None
    # (lang, term) -> the commonest word as written with that stem ("Mente du …?")
    _surfaces: dict[tuple[str, str], str] | None = None
    # (filters, lang) -> which articles pass: the same few filters come back all the time
    _allowed: dict[tuple[Filters, str], list[bool]] = field(default_factory=dict)

    def knows(self, term: str, lang: str) -> bool:
        return self.df[(lang, term)] > 0

    def allowed(self, filters: Filters, lang: str) -> list[bool]:
        key = (filters, lang)
        if key not in self._allowed:
            if len(self._allowed) > 256:
                self._allowed.clear()
            self._allowed[key] = [
                doc.lang == lang and filters.accepts(doc.lang, doc.visibility, doc.facets) for doc in self.docs
            ]
        return self._allowed[key]

    @property
    def deletions(self) -> dict[tuple[str, str], set[str]]:
        if self._deletions is None:
            deletions: dict[tuple[str, str], set[str]] = {}
            for lang, term in self.df:
                if len(term) >= 4 and not term.isdigit():
                    for variant in deletions_of(term):
                        deletions.setdefault((lang, variant), set()).add(term)
            self._deletions = deletions
        return self._deletions

    def surface(self, term: str, lang: str) -> str:
        """The word as written in most articles among those with the stem ``term``."""
        if self._surfaces is None:
            surfaces: dict[tuple[str, str], str] = {}
            for (word_lang, word), _n in self.word_df.most_common():
                surfaces.setdefault((word_lang, stem(word, word_lang)), word)
            self._surfaces = surfaces
        return self._surfaces.get((lang, term), term)

    def compounds_with(self, parts: list[str], lang: str, limit: int = 8) -> list[str]:
        """Indexed stems that start with ``parts[0]`` and contain the other parts in order, commonest first."""
        pattern = re.compile(".*".join(map(re.escape, parts)))
        found = [term for (term_lang, term) in self.df if term_lang == lang and pattern.match(term)]
        return sorted(found, key=lambda term: (-self.df[(lang, term)], term))[:limit]


def deletions_of(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def build(rows, stop_terms: dict[str, frozenset[str]]) -> Index:
    """``rows``: (id, slug, lang, visibility, facets, search_title, search_summary, search_body,
    title, summary, body_text)."""
    index = Index()
    totals = [0, 0, 0]
    counted: dict[str, list[tuple[int, int, int, int]]] = {}
    for number, (pk, slug, lang, visibility, facets, *columns) in enumerate(rows):
        index.word_df.update((lang, word) for word in set(words(" ".join(columns[3:]))))
        split = [column.split() for column in columns[:3]]
        lengths = (len(split[0]), len(split[1]), len(split[2]))
        title_terms = frozenset(split[0]) - stop_terms.get(lang, frozenset())
        index.docs.append(Doc(pk, slug, lang, visibility, facets, lengths, title_terms))
        index.docs_per_lang[lang] += 1
        counts = [Counter(tokens) for tokens in split]
        for term in set().union(*counts):
            counted.setdefault(term, []).append((number, counts[0][term], counts[1][term], counts[2][term]))
            index.df[(lang, term)] += 1
        for i in range(3):
            totals[i] += lengths[i]
    n = len(index.docs) or 1
    index.avg_lengths = tuple(max(1.0, total / n) for total in totals)
    for term, entries in counted.items():
        index.postings[term] = [
            (number, _saturated(index, index.docs[number], tf), bool(tf[0])) for number, *tf in entries
        ]
    return index


def _saturated(index: Index, doc: Doc, tf) -> float:
    """BM25F: the term's weighted, length-normalised frequency over the three columns, saturated by K1."""
    freq = 0.0
    for c in range(3):
        if tf[c]:
            norm = 1 - LENGTH_NORM[c] + LENGTH_NORM[c] * doc.lengths[c] / index.avg_lengths[c]
            freq += WEIGHTS[c] * tf[c] / norm
    return freq * (K1 + 1) / (freq + K1)


def idf(index: Index, term: str, lang: str) -> float:
    """Lucene's BM25 idf: never negative, so a common word still ranks."""
    n, hits = index.docs_per_lang[lang], index.df[(lang, term)]
    return math.log(1 + (n - hits + 0.5) / (hits + 0.5))


def ranked(index: Index, weighted_terms: dict[str, dict[str, float]], filters: Filters) -> list[Hit]:
    """Every matching article (filtered), best first. ``weighted_terms`` maps a
    language to {stem: weight} (1.0 for a word as typed, less for expansions)."""
    scores: dict[int, float] = {}
    matched_title: dict[int, set[str]] = {}
    idfs: dict[tuple[str, str], float] = {}
    for lang in filters.langs:
        allowed = index.allowed(filters, lang)
        for term, weight in weighted_terms.get(lang, {}).items():
            term_idf = idfs[(lang, term)] = idf(index, term, lang)
            factor = weight * term_idf
            for number, saturated, in_title in index.postings.get(term, ()):
                if not allowed[number]:
                    continue
                scores[number] = scores.get(number, 0.0) + factor * saturated
                if in_title and term in index.docs[number].title_terms:
                    matched_title.setdefault(number, set()).add(term)
    hits = []
    for number, score in scores.items():
        doc = index.docs[number]
        terms = matched_title.get(number)
        if terms:
            coverage = len(terms) / len(doc.title_terms)
            score += TITLE_MATCH * coverage * sum(max(TITLE_MATCH_IDF, idfs[(doc.lang, t)]) for t in terms)
        hits.append(Hit(doc.id, doc.slug, doc.lang, score))
    # Ties (and last-bit float noise) fall back to slug and language, so the
    # order is stable whatever order the rows came in.
    return sorted(hits, key=lambda hit: (-round(hit.score, 9), hit.slug, hit.lang))


# --- The process-wide copy ----------------------------------------------------

_lock = threading.Lock()
_current: tuple[tuple, Index] | None = None


def fingerprint(queryset) -> tuple:
    # Through the ORM's SQL but without building model instances: this runs on every search.
    return tuple(queryset.aggregate(n=Count("id"), changed=Max("updated_at"), ids=Sum("id")).values())


def current(queryset, stop_terms: dict[str, frozenset[str]]) -> Index:
    """The index for the rows of ``queryset``, rebuilt only when they changed."""
    global _current
    key = fingerprint(queryset)
    cached = _current
    if cached is not None and cached[0] == key:
        return cached[1]
    with _lock:
        if _current is not None and _current[0] == key:
            return _current[1]
        rows = queryset.order_by("id").values_list(
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
        index = build(rows.iterator(chunk_size=500), stop_terms)
        _current = (key, index)
        return index
