"""From the words a user typed to weighted search terms (pure Python, no Django).

Four steps make the search forgive what people really type, each tried in turn
for a word the index does not know:

1. Synonyms and abbreviations (tokt.knowledge.synonyms): "A-krim" also searches
   for "arbeidslivskriminalitet"; a word in a synonym group is never a stop word.
2. Stop words are dropped ("hva er sosial dumping" searches "sosial dumping").
3. Spelling: an unknown word is replaced by the indexed word at the smallest
   edit distance (optimal string alignment: one insertion, deletion,
   substitution or swap of neighbours; two for words of eight letters or more),
   the most common one on a tie. The page offers it as "Mente du …?".
4. Compounds: a word still unknown is split into indexed words, with or without
   a linking s or e ("arbeidsutnyttelse" -> arbeid + utnyttelse,
   "husholdningsarbeid" -> husholdning + arbeid).

The query language is guessed from how common each word is in the articles of
each language, so "forced labour" typed on the Norwegian page finds the English
article.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

from tokt.knowledge.search_index import Index, deletions_of
from tokt.knowledge.synonyms import GROUPS
from tokt.knowledge.text import STOPWORDS, stem, words

SYNONYM_WEIGHT = 0.6
COMPOUND_WEIGHT = 0.7
MODIFIER_WEIGHT = 0.25
# How much likelier (natural log) the words must be in the other language
# before the query is searched in that language rather than the page's.
LANGUAGE_MARGIN = 0.5
MIN_PART = 3
# A known word in at most this many articles is also split into its parts.
RARE = 2
# ... but only into long parts, so "merdene" is not read as "mer" + "dene".
RARE_PART = 5
LINKING = ("s", "e")


@dataclass
class Expanded:
    terms: dict[str, float] = field(default_factory=dict)  # stem -> weight
    corrections: dict[str, str] = field(default_factory=dict)  # typed word -> corrected stem

    def add(self, term: str, weight: float) -> None:
        if term:
            self.terms[term] = max(weight, self.terms.get(term, 0.0))


@lru_cache(maxsize=1)
def _synonym_phrases() -> dict[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    phrases = {}
    for group in GROUPS:
        tokenised = tuple(tuple(words(entry)) for entry in group)
        for entry in tokenised:
            phrases[entry] = tuple(other for other in tokenised if other != entry)
    return phrases


def synonym_spans(tokens: list[str]) -> list[tuple[int, int, tuple[tuple[str, ...], ...]]]:
    """(start, end, other phrases) for every synonym phrase in ``tokens``, longest first, not overlapping."""
    phrases = _synonym_phrases()
    longest = max((len(p) for p in phrases), default=1)
    spans, taken = [], set()
    for size in range(longest, 0, -1):
        for start in range(len(tokens) - size + 1):
            key = tuple(tokens[start : start + size])
            if key in phrases and not taken & set(range(start, start + size)):
                spans.append((start, start + size, phrases[key]))
                taken.update(range(start, start + size))
    return sorted(spans)


def osa_distance(a: str, b: str) -> int:
    """Optimal string alignment distance: edits of one letter, and swaps of two neighbours."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], previous2[j - 2] + 1)
        previous2, previous = previous, row
    return previous[len(b)]


def correct(term: str, lang: str, index: Index) -> str | None:
    """The indexed stem closest to an unknown ``term``, or None when none is close enough."""
    if len(term) < 4 or term.isdigit():
        return None
    allowed = 1 if len(term) < 8 else 2
    candidates = set(index.deletions.get((lang, term), ()))
    for variant in deletions_of(term):
        if index.knows(variant, lang):
            candidates.add(variant)
        candidates |= index.deletions.get((lang, variant), set())
    scored = sorted(
        (distance, -index.df[(lang, candidate)], candidate)
        for candidate in candidates
        if (distance := osa_distance(term, candidate)) <= allowed
    )
    return scored[0][2] if scored else None


def _known_part(part: str, lang: str, index: Index, min_part: int) -> str | None:
    for candidate in (part, *(part[: -len(link)] for link in LINKING if part.endswith(link))):
        if len(candidate) >= min_part and index.knows(term := stem(candidate, lang), lang):
            return term
    return None


def split_compound(word: str, lang: str, index: Index, *, min_part: int = MIN_PART, depth: int = 0) -> list[str] | None:
    """Stems of indexed words that make up ``word``: the fewest parts, the longest first part."""
    if depth > 2 or len(word) < 2 * min_part:
        return None
    for cut in range(len(word) - min_part, min_part - 1, -1):
        left = _known_part(word[:cut], lang, index, min_part)
        if left is None:
            continue
        right_word = word[cut:]
        right = _known_part(right_word, lang, index, min_part)
        if right is not None:
            return [left, right]
        rest = split_compound(right_word, lang, index, min_part=min_part, depth=depth + 1)
        if rest:
            return [left, *rest]
    return None


def _add_parts(out: Expanded, parts: list[str], lang: str, index: Index) -> None:
    """The parts of a compound, the indexed compounds made of the same parts, and
    (weakly) the compounds with the same first part: "arbeidsutnyttelse" is about
    "utnyttelse av arbeidskraft", so "arbeidskraft" and "arbeidsvilkår" count a little."""
    for part in parts:
        out.add(part, COMPOUND_WEIGHT)
    for term in index.compounds_with(parts, lang):
        out.add(term, COMPOUND_WEIGHT)
    for term in index.compounds_with([parts[0]], lang):
        if term != parts[0]:
            out.add(term, MODIFIER_WEIGHT)


def expand(tokens: list[str], lang: str, index: Index) -> Expanded:
    """Weighted stems in ``lang`` for the typed ``tokens`` (lower-case words)."""
    out = Expanded()
    spans = synonym_spans(tokens)
    in_synonym = set()
    for start, end, others in spans:
        in_synonym.update(range(start, end))
        for token in tokens[start:end]:
            if len(token) > 1:
                out.add(stem(token, lang), 1.0)
        for phrase in others:
            for token in phrase:
                if len(token) > 1 and token not in STOPWORDS[lang]:
                    out.add(stem(token, lang), SYNONYM_WEIGHT)
    rest = [token for i, token in enumerate(tokens) if i not in in_synonym]
    meaningful = [token for token in rest if token not in STOPWORDS[lang]]
    if not meaningful and not spans:
        meaningful = rest  # a query of stop words only ("hva er") searches for them
    for token in meaningful:
        term = stem(token, lang)
        if index.knows(term, lang):
            out.add(term, 1.0)
            # A rare compound ("husholdningsarbeid" in one article) also searches for its parts.
            if index.df[(lang, term)] <= RARE and (parts := split_compound(token, lang, index, min_part=RARE_PART)):
                _add_parts(out, parts, lang, index)
        elif (corrected := correct(term, lang, index)) is not None:
            out.add(corrected, 1.0)
            out.corrections[token] = corrected
        elif parts := split_compound(token, lang, index):
            _add_parts(out, parts, lang, index)
        else:
            out.add(term, 1.0)
    return out


def guess_language(tokens: list[str], index: Index, default: str, langs: tuple[str, ...]) -> str:
    """The language whose articles make ``tokens`` likeliest, unless it is a close call."""

    # Names in the synonym list ("A-krim", "NAV") are used in both languages.
    names = {i for start, end, _others in synonym_spans(tokens) for i in range(start, end)}
    telling = [token for i, token in enumerate(tokens) if len(token) > 1 and i not in names]

    def likelihood(lang: str) -> float:
        total = index.docs_per_lang[lang] + 1
        return sum(math.log((index.word_df[(lang, token)] + 0.1) / total) for token in telling)

    scores = {lang: likelihood(lang) for lang in langs}
    best = max(scores, key=lambda lang: scores[lang])
    if default in scores and scores[best] - scores[default] < LANGUAGE_MARGIN:
        return default
    return best
