"""The certificate of a completed module as a PDF (WeasyPrint, like the public print material)."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import translation

from tokt.training.content import Module
from tokt.training.models import Certificate

_CSS = """
@page { size: A4 landscape; margin: 2cm; }
body { font-family: sans-serif; color: #1e2b3c; text-align: center; }
h1 { font-size: 30pt; margin: 1.5cm 0 0.5cm; }
.module { font-size: 22pt; font-weight: bold; margin: 0.5cm 0; }
.name { font-size: 20pt; margin: 0.8cm 0 0.3cm; }
.meta { font-size: 12pt; margin-top: 1.5cm; }
.code { font-family: monospace; font-size: 14pt; letter-spacing: 1pt; }
"""


def render_pdf(*, certificate: Certificate, module: Module, name: str) -> bytes:
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    # Nothing outside the document is fetched.
    fetcher = URLFetcher(allowed_protocols={"data"}, fail_on_errors=True)
    with translation.override(module.lang):
        html = render_to_string(
            "training/certificate_pdf.html", {"certificate": certificate, "module": module, "name": name}
        )
    return HTML(string=html, url_fetcher=fetcher).write_pdf(stylesheets=[CSS(string=_CSS, url_fetcher=fetcher)])
