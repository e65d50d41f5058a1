"""Fields derived from what an editor writes: HTML, table of contents, stems, facets.

Works on any object with the Article fields (the model, or the historical model
inside a migration), so file loading, the data migration and the edit service
derive exactly the same values.
"""

from __future__ import annotations

from tokt.knowledge.rendering import render_markdown
from tokt.knowledge.text import index_text, stems


def facets_text(audience, sectors, forms) -> str:
    """ " audience:nav  sector:fisheries  form:forced_labour " for exact filtering in SQL."""
    tokens = [f"audience:{a}" for a in audience] + [f"sector:{s}" for s in sectors] + [f"form:{f}" for f in forms]
    return index_text(tokens)


def derive_fields(article) -> None:
    rendered = render_markdown(article.body_md, article.lang)
    article.body_html = rendered.html
    article.toc = rendered.toc
    article.body_text = rendered.text
    title, summary, body = (stems(text, article.lang) for text in (article.title, article.summary, rendered.text))
    article.search_title = index_text(title)
    article.search_summary = index_text(summary)
    article.search_body = index_text(body)
    article.search_length = len(title) + len(summary) + len(body)
    article.facets = facets_text(article.audience, article.sectors, article.forms)
