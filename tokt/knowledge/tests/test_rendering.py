"""Markdown rendering: nothing typed can inject script; headings, contents and tables."""

from __future__ import annotations

from tokt.knowledge.rendering import heading_id, linkify, render_markdown


def test_typed_html_and_script_come_out_as_text():
    html = render_markdown(
        'Hei <script>alert("x")</script> <img src=x onerror="alert(1)"> <a href="javascript:alert(1)">x</a>'
    ).html
    assert "<script" not in html and "<img" not in html and '<a href="javascript' not in html
    assert "&lt;script&gt;" in html


def test_javascript_and_data_links_are_not_links():
    html = render_markdown(
        "[klikk](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) [ok](https://example.org)"
    ).html
    assert "javascript:" not in html.replace("[klikk](javascript:alert(1))", "")
    assert 'href="data:' not in html
    assert '<a href="https://example.org" rel="noopener noreferrer">ok</a>' in html


def test_attributes_and_styles_are_stripped():
    html = render_markdown("| a | b |\n|:--|--:|\n| 1 | 2 |\n").html
    assert "style=" not in html
    assert (
        '<div class="tokt-table-wrap" tabindex="0" role="region" aria-label="Tabell"><table class="ds-table">' in html
    )
    assert '<th scope="col">a</th>' in html and html.rstrip().endswith("</table></div>")


def test_headings_get_ids_and_three_sections_give_a_table_of_contents():
    rendered = render_markdown(
        "Intro\n\n## Tegn på tvang\n\nA\n\n## Hva gjør jeg?\n\nB\n\n### Detalj\n\n## Kilder\n\nC\n"
    )
    assert [entry["text"] for entry in rendered.toc] == ["Tegn på tvang", "Hva gjør jeg?", "Kilder"]
    assert rendered.toc[0]["id"] == "s-tegn-pa-tvang"
    assert '<h2 id="s-tegn-pa-tvang">Tegn på tvang</h2>' in rendered.html
    assert '<h3 id="s-detalj">' in rendered.html


def test_short_articles_have_no_table_of_contents():
    assert render_markdown("## En\n\nA\n\n## To\n\nB\n").toc == []


def test_plain_text_keeps_the_words_without_markup():
    text = render_markdown("## Tittel\n\nEn **fet** setning med [lenke](https://example.org).\n\n- punkt").text
    assert text == "Tittel\nEn fet setning med lenke.\npunkt"


def test_heading_ids_are_ascii_and_prefixed():
    assert heading_id("Ærlig øl på å") == "s-aerlig-ol-pa-a"
    assert heading_id("???") == "s-seksjon"


def test_linkify_escapes_text_and_links_addresses():
    html = linkify("Rapport <b>x</b>, https://example.org/a?b=1&c=2). Mer")
    assert html == (
        'Rapport &lt;b&gt;x&lt;/b&gt;, <a class="ds-link" href="https://example.org/a?b=1&amp;c=2" '
        'rel="noopener noreferrer">https://example.org/a?b=1&amp;c=2</a>). Mer'
    )
