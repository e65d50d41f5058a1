"""Words, stems, queries and highlighting."""

from __future__ import annotations

from tokt.knowledge.text import (
    MAX_QUERY_CHARS,
    Query,
    QueryProblem,
    highlight,
    index_text,
    parse_query,
    snippet,
    stems,
    words,
)


def test_norwegian_inflections_share_a_stem():
    assert stems("Tvangsarbeidet tvangsarbeid", "nb") == ["tvangsarbeid", "tvangsarbeid"]
    assert stems("sosiale sosial", "nb") == ["sosial", "sosial"]
    assert stems("Tegnene", "nb") == ["tegn"]


def test_words_are_runs_of_letters_and_digits():
    assert words("Straffeloven § 257, «tvang» – e-post_adresse") == [
        "straffeloven",
        "257",
        "tvang",
        "e",
        "post",
        "adresse",
    ]
    assert words("x" * 61 + " ok") == ["ok"]


def test_index_text_puts_every_stem_between_its_own_spaces():
    assert index_text(["a", "b", "a"]) == " a  b  a "
    assert index_text([]) == ""


def test_empty_too_long_and_symbol_only_queries_are_refused_with_a_reason():
    assert parse_query("") is QueryProblem.EMPTY
    assert parse_query("   ") is QueryProblem.EMPTY
    assert parse_query(None) is QueryProblem.EMPTY
    assert parse_query("a" * (MAX_QUERY_CHARS + 1)) is QueryProblem.TOO_LONG
    assert parse_query("?!%&*()<>«»§") is QueryProblem.NO_WORDS


def test_a_query_is_split_into_lower_case_words():
    query = parse_query("Hva er «sosial dumping»?")
    assert isinstance(query, Query) and query.tokens == ("hva", "er", "sosial", "dumping")


def test_highlight_escapes_html_and_marks_inflected_words():
    html = highlight("<script>alert(1)</script> Tvangsarbeidet og tvangsarbeid", ("tvangsarbeid",), "nb")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert html.count("<mark>") == 2 and "<mark>Tvangsarbeidet</mark>" in html


def test_snippet_picks_the_passage_with_the_query_words():
    text = "Innledning. " * 60 + "Her står det om sosial dumping i fiskeindustrien. " + "Slutt. " * 60
    html = snippet(text, ("sosial", "dumping"), "nb")
    assert "<mark>sosial</mark> <mark>dumping</mark>" in html
    assert html.startswith("… ") and html.endswith(" …")
    assert len(html) < 400


def test_snippet_without_matches_starts_at_the_beginning():
    assert snippet("Kort tekst uten treff.", ("tvang",), "nb") == "Kort tekst uten treff."
