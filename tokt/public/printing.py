"""Posters (A4) and leaflets (A5) as PDF, one per language, each with a QR code to that language's page."""

from __future__ import annotations

from pathlib import Path

import segno
from django.conf import settings
from django.template.loader import render_to_string

from tokt.public.contacts import phone_labels, print_contacts
from tokt.public.pages import HOME, current_site, page_url

KINDS = ("poster", "leaflet")
# Pages listed on the leaflet.
LEAFLET_PAGES = ("rights", "warning-signs", "what-is-trafficking", "help", "young-people")
# Tried in order: the first that fits on one page is used, so short texts fill the page.
DENSITIES = ("roomy", "", "compact", "tiny")
_CSS = Path(__file__).resolve().parent / "print.css"


class PrintError(ValueError):
    pass


def public_url(lang: str) -> str:
    return settings.PUBLIC_BASE_URL.rstrip("/") + page_url(lang, HOME)


def _fetcher():
    from weasyprint.urls import URLFetcher

    # Everything a PDF needs is inline (a data: URI QR code, system fonts): no other URL is loaded.
    return URLFetcher(allowed_protocols={"data"}, fail_on_errors=True)


def render_html(lang: str, kind: str, density: str = "") -> str:
    site = current_site()
    if lang not in site.languages or kind not in KINDS:
        raise PrintError(f"no {kind!r} in {lang!r}")
    url = public_url(lang)
    qr = segno.make(url, error="m").svg_data_uri(scale=4, border=2)
    pages = [p for p in (site.page(lang, pid) for pid in LEAFLET_PAGES) if p is not None]
    ui = site.strings(lang)
    context = {
        "lang": site.languages[lang],
        "ui": ui,
        "kind": kind,
        "density": density,
        "url": url,
        "qr": qr,
        "contacts": [
            {"c": c, "name_lang": c.name_lang if c.name_lang != lang else "", "labels": phone_labels(c, ui)}
            for c in print_contacts(lang)
        ],
        "pages": pages,
    }
    return render_to_string("public/print/poster.html", context)


def render_document(lang: str, kind: str):
    """The laid-out document, on one page: longer translations get smaller type."""
    from weasyprint import CSS, HTML

    fetcher = _fetcher()
    css = CSS(string=_CSS.read_text(encoding="utf-8"), url_fetcher=fetcher)
    for density in DENSITIES:
        document = HTML(string=render_html(lang, kind, density), url_fetcher=fetcher).render(stylesheets=[css])
        if len(document.pages) == 1:
            break
    return document


def render_pdf(lang: str, kind: str) -> bytes:
    return render_document(lang, kind).write_pdf()


def file_name(lang: str, kind: str) -> str:
    return f"tokt-{kind}-{lang}.pdf"


def write_all(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for lang in current_site().languages:
        for kind in KINDS:
            path = directory / file_name(lang, kind)
            path.write_bytes(render_pdf(lang, kind))
            written.append(path)
    return written
