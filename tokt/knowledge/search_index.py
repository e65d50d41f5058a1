"""The full-text index and BM25 ranking, on SQLite (FTS5) and PostgreSQL.

Both databases index the same thing: the Snowball stems of title, summary and
body made by tokt.knowledge.text (stored on Article as " stem  stem "), and both
rank with the same formula, FTS5's bm25() with a title and summary boost:

- SQLite: an FTS5 table (unicode61 tokenizer, no diacritic folding) that the
  services keep in step with the articles (no triggers); ranking is bm25().
- PostgreSQL: a GIN index over to_tsvector('simple', stems) finds the candidate
  rows; tokens are counted in SQL and bm25_scores() below, a transcription of
  FTS5's bm25 (sqlite/ext/fts5/fts5_aux.c), scores them.

PostgreSQL's own `norwegian` configuration was not used: its stop words and
parser differ from the Python tokenizer, so the two databases would rank the
same query differently. Scores are rounded (12 digits) before sorting and ties are broken
by slug and language, so the order is the same on both.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.db import connection as default_connection

FTS_TABLE = "knowledge_article_fts"
PG_INDEX = "knowledge_article_search_gin"
# Column weights for title, summary and body: a word in the title counts as much
# as eight in the body.
WEIGHTS = (8.0, 3.0, 1.0)
K1, B = 1.2, 0.75
_PG_VECTOR = "to_tsvector('simple'::regconfig, search_title || ' ' || search_summary || ' ' || search_body)"
_COLUMNS = ("search_title", "search_summary", "search_body")


def create_index(connection=default_connection) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
                "title, summary, body, tokenize = 'unicode61 remove_diacritics 0')"
            )
        elif connection.vendor == "postgresql":
            cursor.execute(f"CREATE INDEX IF NOT EXISTS {PG_INDEX} ON knowledge_article USING gin ({_PG_VECTOR})")


def drop_index(connection=default_connection) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
        elif connection.vendor == "postgresql":
            cursor.execute(f"DROP INDEX IF EXISTS {PG_INDEX}")


def index_article(article, connection=default_connection) -> None:
    """Put the article's current stems in the index (PostgreSQL's index follows the row by itself)."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [article.pk])
        cursor.execute(
            f"INSERT INTO {FTS_TABLE} (rowid, title, summary, body) VALUES (%s, %s, %s, %s)",
            [article.pk, article.search_title, article.search_summary, article.search_body],
        )


def remove(article_id: int, connection=default_connection) -> None:
    """Take a deleted article out of the index (call it wherever articles are deleted)."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [article_id])


def rebuild(connection=default_connection) -> None:
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FTS_TABLE}")
        cursor.execute(
            f"INSERT INTO {FTS_TABLE} (rowid, title, summary, body) "
            "SELECT id, search_title, search_summary, search_body FROM knowledge_article"
        )


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


def _order(hits: list[Hit]) -> list[Hit]:
    # Twelve significant digits hide the last-bit differences between SQLite's C
    # and Python's arithmetic, so equal scores tie (and fall back to slug) on both.
    return sorted(hits, key=lambda hit: (-float(f"{hit.score:.12g}"), hit.slug, hit.lang))


def bm25_scores(rows, term_count: int, n_rows: int, total_tokens: int) -> dict:
    """FTS5's bm25 for candidate rows: ``rows`` maps a key to (length, tf) where
    tf[i][c] counts term i in column c. Statistics are over the whole table."""
    avgdl = total_tokens / n_rows if n_rows else 1.0
    idf = []
    for i in range(term_count):
        hits = sum(1 for _length, tf in rows.values() if any(tf[i]))
        idf.append(max(1e-6, math.log((n_rows - hits + 0.5) / (hits + 0.5))))
    scores = {}
    for key, (length, tf) in rows.items():
        score = 0.0
        for i in range(term_count):
            freq = sum(weight * count for weight, count in zip(WEIGHTS, tf[i], strict=True))
            score += idf[i] * (freq * (K1 + 1.0)) / (freq + K1 * (1 - B + B * length / avgdl))
        scores[key] = score
    return scores


def _ranked_sqlite(terms: tuple[str, ...], filters: Filters, connection) -> list[Hit]:
    match = " OR ".join(f'"{term}"' for term in terms)
    where = [f"{FTS_TABLE} MATCH %s"]
    params: list = [match]
    where.append(f"a.lang IN ({', '.join(['%s'] * len(filters.langs))})")
    params += filters.langs
    where.append(f"a.visibility IN ({', '.join(['%s'] * len(filters.visibilities))})")
    params += filters.visibilities
    for group in filters.facet_groups:
        where.append("(" + " OR ".join(["instr(a.facets, %s) > 0"] * len(group)) + ")")
        params += [f" {token} " for token in group]
    weights = ", ".join(str(w) for w in WEIGHTS)
    sql = (
        f"SELECT a.id, a.slug, a.lang, -bm25({FTS_TABLE}, {weights}) FROM {FTS_TABLE} "
        f"JOIN knowledge_article a ON a.id = {FTS_TABLE}.rowid WHERE {' AND '.join(where)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [Hit(*row) for row in cursor.fetchall()]


def _ranked_postgresql(terms: tuple[str, ...], filters: Filters, connection) -> list[Hit]:
    counts, params = [], []
    for term in terms:
        needle = f" {term} "
        for column in _COLUMNS:
            counts.append(f"(length({column}) - length(replace({column}, %s, ''))) / %s")
            params += [needle, len(needle)]
    params.append(" | ".join(terms))
    sql = (
        f"SELECT id, slug, lang, visibility, facets, search_length, {', '.join(counts)} "
        f"FROM knowledge_article WHERE {_PG_VECTOR} @@ to_tsquery('simple', %s)"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        fetched = cursor.fetchall()
        cursor.execute("SELECT count(*), coalesce(sum(search_length), 0) FROM knowledge_article")
        n_rows, total_tokens = cursor.fetchone()
    width = len(_COLUMNS)
    rows, info = {}, {}
    for row in fetched:
        flat = row[6:]
        tf = [tuple(flat[i * width : (i + 1) * width]) for i in range(len(terms))]
        if any(any(t) for t in tf):
            rows[row[0]] = (row[5], tf)
            info[row[0]] = row[1:5]
    scores = bm25_scores(rows, len(terms), n_rows, int(total_tokens))
    return [
        Hit(key, info[key][0], info[key][1], score)
        for key, score in scores.items()
        if filters.accepts(info[key][1], info[key][2], info[key][3])
    ]


def ranked(terms: tuple[str, ...], filters: Filters, connection=default_connection) -> list[Hit]:
    """Every matching article (filtered), best first."""
    if not terms or not filters.langs or not filters.visibilities:
        return []
    if connection.vendor == "sqlite":
        return _order(_ranked_sqlite(terms, filters, connection))
    if connection.vendor == "postgresql":
        return _order(_ranked_postgresql(terms, filters, connection))
    raise NotImplementedError(f"knowledge search does not support {connection.vendor}")
