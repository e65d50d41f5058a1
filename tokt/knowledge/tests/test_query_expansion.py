"""Stop words, synonyms, spelling, compounds and the query's language, on a small index (no database)."""

from __future__ import annotations

from tokt.knowledge import search_index
from tokt.knowledge.query_expansion import expand, guess_language, osa_distance, split_compound
from tokt.knowledge.text import STOPWORDS, index_text, stem, stems

STOP = {lang: frozenset(stem(word, lang) for word in STOPWORDS[lang]) for lang in ("nb", "en")}
ARTICLES = [
    (
        "nb",
        "Hva er menneskehandel?",
        "Menneskehandel er utnyttelse av mennesker.",
        "Arbeid og utnyttelse i husholdning.",
    ),
    ("nb", "Tvangsarbeid", "Tvangsarbeid og sosial dumping.", "KOM og A-krim hjelper. Arbeidskraft utnyttes."),
    ("en", "What is human trafficking?", "Trafficking is the exploitation of people.", "Forced labour and work."),
]


def _index() -> search_index.Index:
    rows = []
    for number, (lang, title, summary, body) in enumerate(ARTICLES, start=1):
        columns = [index_text(stems(text, lang)) for text in (title, summary, body)]
        rows.append((number, f"a{number}", lang, "public", " audience:all ", *columns, title, summary, body))
    return search_index.build(rows, STOP)


def test_stop_words_are_dropped_unless_nothing_else_is_left():
    index = _index()
    assert set(expand(["hva", "er", "sosial", "dumping"], "nb", index).terms) == {"sosial", "dumping"}
    assert set(expand(["hva", "er"], "nb", index).terms) == {"hva", "er"}


def test_kom_is_a_synonym_not_a_stop_word():
    terms = expand(["kom"], "nb", _index()).terms
    assert terms["kom"] == 1.0 and stem("koordineringsenheten", "nb") in terms


def test_a_misspelt_word_is_corrected_to_the_nearest_indexed_word():
    index = _index()
    for typed in ("menneskhandel", "menneskehandell", "menneskehandl"):
        out = expand([typed], "nb", index)
        assert out.corrections == {typed: "menneskehandel"} and "menneskehandel" in out.terms
    assert expand(["tvangsarbied"], "nb", index).corrections == {"tvangsarbied": "tvangsarbeid"}
    assert index.surface("menneskehandel", "nb") == "menneskehandel"


def test_an_unknown_word_far_from_every_indexed_word_is_left_alone():
    out = expand(["blåbærsyltetøy"], "nb", _index())
    assert out.corrections == {} and list(out.terms) == [stem("blåbærsyltetøy", "nb")]


def test_compounds_are_split_into_indexed_words():
    index = _index()
    assert split_compound("arbeidsutnyttelse", "nb", index) == ["arbeid", "utnytt"]
    assert split_compound("husholdningsarbeid", "nb", index) == ["husholdning", "arbeid"]
    terms = expand(["arbeidsutnyttelse"], "nb", index).terms
    assert {"arbeid", "utnytt"} <= set(terms) and terms["arbeidskraft"] < terms["arbeid"]


def test_the_edit_distance_counts_a_swap_of_neighbours_as_one():
    assert osa_distance("tvangsarbied", "tvangsarbeid") == 1
    assert osa_distance("menneskhandel", "menneskehandel") == 1
    assert osa_distance("abc", "abc") == 0 and osa_distance("", "abc") == 3


def test_the_query_language_follows_the_words_not_the_page():
    index = _index()
    assert guess_language(["forced", "labour"], index, "nb", ("nb", "en")) == "en"
    assert guess_language(["tvangsarbeid"], index, "en", ("nb", "en")) == "nb"
    # Names used in both languages and unknown words leave the page's language.
    assert guess_language(["a", "krim"], index, "nb", ("nb", "en")) == "nb"
    assert guess_language(["xyzzy"], index, "en", ("nb", "en")) == "en"
