"""Words, stems, queries and highlighted snippets (pure Python, no Django).

The same tokenizer and Snowball stemmer feed the search index on SQLite and
PostgreSQL and mark the words in snippets, so both databases see exactly the
same tokens and every page highlights what the index matched.

A token is a run of letters and digits. Both FTS5's unicode61 tokenizer and
PostgreSQL's default parser keep such a run as one token, so the indexed text
(stems separated by spaces) is split the same way by both databases.
"""

from __future__ import annotations

import enum
import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from html import escape

import snowballstemmer

TOKEN_RE = re.compile(r"[^\W_]+")
MAX_TOKEN_CHARS = 60
MAX_QUERY_CHARS = 200
MAX_QUERY_TERMS = 24
SNIPPET_MATCHES = 60
STEMMER_NAMES = {"nb": "norwegian", "en": "english"}

# The Snowball stop-word lists (Norwegian and English), lightly trimmed. Stop
# words stay in the index (they count towards document length, as in any
# full-text index) but are dropped from queries: "hva er sosial dumping"
# searches for "sosial dumping".
STOPWORDS = {
    "nb": frozenset(
        """og i jeg det at en et den til er som på de med han av ikke ikkje der så var meg seg men ett har om vi
        min mitt ha hadde hun nå over da ved fra du ut sin dem oss opp man kan hans hvor eller hva skal selv sjøl
        her alle vil bli ble blei blitt kunne inn når være vere kom noen noe ville dere deres kun ja etter ned
        skulle denne for deg si sine sitt mot å meget hvorfor dette disse uten hvordan ingen din ditt blir samme
        hvilken hvilke sånn inni mellom vår hver hvem vors hvis både bare enn fordi før mange også slik vært
        begge siden dei deim deira di då eg ein eit eitt elles ho henne hennar hennes hjå ingi inkje korleis
        kva kvar kven kvifor me medan mi mine mykje no nokon noko nokre sia sidan so um upp vore verte vort
        varte vart""".split()
    ),
    "en": frozenset(
        """i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers
        herself it its itself they them their theirs themselves what which who whom this that these those am is
        are was were be been being have has had having do does did doing would should could ought a an the and
        but if or because as until while of at by for with about against between into through during before
        after above below to from up down in out on off over under again further then once here there when where
        why how all any both each few more most other some such no nor not only own same so than too very can
        will just""".split()
    ),
}

_stemmers: dict[str, snowballstemmer.stemmer] = {}
_stem_lock = threading.Lock()


@lru_cache(maxsize=200_000)
def stem(word: str, lang: str) -> str:
    """The Snowball stem of a lower-case word (Norwegian for nb, English for en)."""
    # Snowball stemmer objects keep state while stemming: one thread at a time.
    with _stem_lock:
        stemmer = _stemmers.get(lang)
        if stemmer is None:
            stemmer = _stemmers[lang] = snowballstemmer.stemmer(STEMMER_NAMES[lang])
        return stemmer.stemWord(word)


def words(text: str) -> list[str]:
    """Lower-case tokens of ``text``; over-long runs (not words) are left out."""
    normal = unicodedata.normalize("NFC", text).lower()
    return [token for token in TOKEN_RE.findall(normal) if len(token) <= MAX_TOKEN_CHARS]


def stems(text: str, lang: str) -> list[str]:
    return [stem(word, lang) for word in words(text)]


def index_text(tokens: list[str]) -> str:
    """Stems joined for the index: each one between its own spaces (" a  b  c "), so a
    stem is counted on PostgreSQL by replacing " stem " without overlaps."""
    return " " + "  ".join(tokens) + " " if tokens else ""


class QueryProblem(enum.Enum):
    EMPTY = "empty"
    TOO_LONG = "too_long"
    NO_WORDS = "no_words"


@dataclass(frozen=True)
class Query:
    raw: str
    tokens: tuple[str, ...]  # the lower-case words, in query order


def parse_query(raw: str | None) -> Query | QueryProblem:
    """Check what the user typed and split it into words, or say why not.

    Stop words, synonyms, spelling and compounds are handled per language by
    tokt.knowledge.query_expansion, which needs the index.
    """
    text = (raw or "").strip()
    if not text:
        return QueryProblem.EMPTY
    if len(text) > MAX_QUERY_CHARS:
        return QueryProblem.TOO_LONG
    tokens = words(text)
    if not tokens:
        return QueryProblem.NO_WORDS
    return Query(raw=text, tokens=tuple(tokens[:MAX_QUERY_TERMS]))


@lru_cache(maxsize=512)
def _candidate_re(terms: tuple[str, ...]) -> re.Pattern:
    # A word whose stem is ``term`` starts with the term, except where the
    # English stemmer rewrites the last letter (happy -> happi): match on the
    # term less its last letter, then confirm by stemming.
    prefixes = sorted({term[:-1] if len(term) > 3 else term for term in terms}, key=len, reverse=True)
    return re.compile(r"(?<![^\W_])(?:" + "|".join(map(re.escape, prefixes)) + r")[^\W_]*", re.IGNORECASE)


def _matches(text: str, terms: tuple[str, ...], lang: str, limit: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, term) of the words in ``text`` whose stem is one of ``terms``, the first ``limit``."""
    if not terms or not text:
        return []
    wanted = set(terms)
    found = []
    for match in _candidate_re(terms).finditer(text):
        term = stem(unicodedata.normalize("NFC", match.group()).lower(), lang)
        if term in wanted:
            found.append((match.start(), match.end(), term))
            if limit is not None and len(found) >= limit:
                break
    return found


def _marked(text: str, matches: list[tuple[int, int, str]], start: int, end: int) -> str:
    parts, pos = [], start
    for m_start, m_end, _term in matches:
        if m_start < start or m_end > end:
            continue
        parts.append(escape(text[pos:m_start]))
        parts.append(f"<mark>{escape(text[m_start:m_end])}</mark>")
        pos = m_end
    parts.append(escape(text[pos:end]))
    return "".join(parts)


def highlight(text: str, terms: tuple[str, ...], lang: str) -> str:
    """``text`` as escaped HTML with the words matching ``terms`` in <mark>."""
    return _marked(text, _matches(text, terms, lang), 0, len(text))


def snippet(text: str, terms: tuple[str, ...], lang: str, width: int = 240) -> str:
    """The stretch of ``text`` (about ``width`` characters) with the most distinct
    query terms, as escaped HTML with the matches in <mark>."""
    text = " ".join(text.split())
    if not text:
        return ""
    # The best stretch is looked for among the first matches only: a word that
    # runs through a long article need not be found a hundred times for a snippet.
    matches = _matches(text, terms, lang, limit=SNIPPET_MATCHES)
    best_pos, best_count = 0, 0
    for index, (m_start, _end, _term) in enumerate(matches):
        distinct = set()
        for pos, _e, term in matches[index:]:
            if pos >= m_start + width - 40:
                break
            distinct.add(term)
        if len(distinct) > best_count:
            best_pos, best_count = m_start, len(distinct)
    start = 0
    if best_pos > 40:
        start = text.rfind(" ", 0, best_pos - 40) + 1
    end = len(text)
    if end - start > width:
        cut = text.rfind(" ", start, start + width)
        end = cut if cut > start else start + width
    html = _marked(text, matches, start, end)
    return ("… " if start > 0 else "") + html + (" …" if end < len(text) else "")
