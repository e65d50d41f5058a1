"""Markdown to safe HTML, a table of contents and plain text (pure Python, no Django).

markdown-it-py renders with raw HTML switched off (typed tags come out as text),
then nh3 keeps only an allow-list of tags and attributes. Nothing a coordinator
types can add a script, a style or an event handler. Tables are wrapped in a
focusable scroll region after sanitising, so the wrapper never comes from input.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from html import escape

import nh3
from markdown_it import MarkdownIt
from mdit_py_plugins.anchors import anchors_plugin

ALLOWED_TAGS = {
    "p",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "a",
    "br",
    "blockquote",
    "code",
    "pre",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "del",
    "sup",
    "sub",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "h2": {"id"}, "h3": {"id"}, "ol": {"start"}, "th": {"scope"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
TOC_MIN_SECTIONS = 3
_TABLE_LABEL = {"nb": "Tabell", "en": "Table"}


def heading_id(text: str) -> str:
    """A stable, ASCII id for a heading ("Tegn på tvang" -> "s-tegn-pa-tvang").

    The prefix keeps heading ids apart from the page's own ids (main, search).
    """
    folded = text.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    ascii_text = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    return "s-" + (re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "seksjon")


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable(["table", "strikethrough"])
    return md.use(anchors_plugin, min_level=2, max_level=3, slug_func=heading_id)


_MD = _parser()


@dataclass(frozen=True)
class Rendered:
    html: str
    toc: list[dict] = field(default_factory=list)  # [{"id": ..., "text": ...}] for the h2 sections
    text: str = ""  # plain text, for search snippets


def _plain_text(tokens) -> str:
    blocks = []
    for token in tokens:
        if token.type == "inline":
            parts = [child.content for child in token.children or [] if child.type in ("text", "code_inline")]
            blocks.append("".join(parts))
        elif token.type in ("code_block", "fence"):
            blocks.append(token.content)
    return "\n".join(block.strip() for block in blocks if block.strip())


def sanitize(html: str) -> str:
    return nh3.clean(
        html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel="noopener noreferrer"
    )


def render_markdown(body: str, lang: str = "nb") -> Rendered:
    tokens = _MD.parse(body)
    toc = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h2":
            toc.append({"id": token.attrGet("id") or "", "text": tokens[index + 1].content})
    html = sanitize(_MD.renderer.render(tokens, _MD.options, {}))
    label = _TABLE_LABEL.get(lang, _TABLE_LABEL["nb"])
    html = html.replace(
        "<table>",
        f'<div class="tokt-table-wrap" tabindex="0" role="region" aria-label="{label}"><table class="ds-table">',
    ).replace("</table>", "</table></div>")
    html = html.replace("<th>", '<th scope="col">')
    return Rendered(html=html, toc=toc if len(toc) >= TOC_MIN_SECTIONS else [], text=_plain_text(tokens))


def parse_tokens(body: str, *, html: bool = False):
    """Tokens for the content check (``html=True`` makes raw HTML visible as html tokens)."""
    md = MarkdownIt("commonmark", {"html": html}).enable(["table", "strikethrough"])
    return md.parse(body)


_URL_RE = re.compile(r"https?://[^\s<>\"']+")


def linkify(text: str) -> str:
    """Plain text as escaped HTML with its http(s) addresses as links (for source lists)."""
    parts, pos = [], 0
    for match in _URL_RE.finditer(text):
        url = match.group().rstrip(").,;:")
        parts.append(escape(text[pos : match.start()]))
        parts.append(f'<a class="ds-link" href="{escape(url)}" rel="noopener noreferrer">{escape(url)}</a>')
        pos = match.start() + len(url)
    parts.append(escape(text[pos:]))
    return "".join(parts)
