"""The loaded public site (cached) and Markdown rendering of its pages."""

from __future__ import annotations

import threading
from pathlib import Path

import nh3
from django.conf import settings
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

from tokt.public.content import CONTACTS_MARKER, Page, Site, load_site, signature

HOME = "home"
# Pages linked from every page's footer (besides home and the tip form).
FOOTER_PAGES = ("help", "safe-browsing")

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_ALLOWED_TAGS = {"p", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "a", "br", "blockquote", "code", "hr"}
_lock = threading.Lock()
_cache: dict[str, tuple[tuple, Site]] = {}


def content_root() -> Path:
    return Path(getattr(settings, "TOKT_PUBLIC_CONTENT_DIR", settings.BASE_DIR / "content" / "public"))


def exit_url() -> str:
    return getattr(settings, "TOKT_PUBLIC_EXIT_URL", "https://www.yr.no/")


def current_site() -> Site:
    """The content, loaded once; reloaded on file changes when DEBUG is on."""
    root = content_root()
    key = str(root)
    cached = _cache.get(key)
    if cached is not None and not settings.DEBUG:
        return cached[1]
    sig = signature(root)
    if cached is not None and cached[0] == sig:
        return cached[1]
    with _lock:
        site = load_site(root)
        _cache[key] = (sig, site)
    return site


def clear_cache() -> None:
    _cache.clear()


def page_url(lang: str, page_id: str) -> str:
    if page_id == HOME:
        return reverse("public:home", kwargs={"lang": lang})
    return reverse("public:page", kwargs={"lang": lang, "page_id": page_id})


def _markdown(text: str, lang: str, site: Site) -> str:
    tokens = _md.parse(text)
    for token in tokens:
        for child in token.children or ():
            if child.type == "link_open":
                href = str(child.attrGet("href") or "")
                if href.startswith("page:"):
                    target = href[len("page:") :]
                    child.attrSet("href", page_url(lang, target) if target in site.page_ids else "#")
    html = _md.renderer.render(tokens, _md.options, {})
    # No external links in content (README rule): only same-site paths and tel: survive.
    return nh3.clean(html, tags=_ALLOWED_TAGS, attributes={"a": {"href"}}, url_schemes={"tel"}, link_rel=None)


def page_html(site: Site, lang: str, page: Page) -> tuple[SafeString, ...]:
    """The page body as HTML, split where the contacts list goes (cached per site load)."""
    key = (lang, page.id, page.lang)
    parts = site.rendered.get(key)
    if parts is None:
        chunks = _split_on_marker(page.body)
        parts = tuple(mark_safe(_markdown(chunk, lang, site)) for chunk in chunks)  # noqa: S308 - nh3-cleaned
        site.rendered[key] = parts
    return parts


def _split_on_marker(body: str) -> list[str]:
    chunks: list[str] = []
    current: list[str] = []
    for line in body.splitlines(keepends=True):
        if line.strip() == CONTACTS_MARKER:
            chunks.append("".join(current))
            current = []
        else:
            current.append(line)
    chunks.append("".join(current))
    return chunks
