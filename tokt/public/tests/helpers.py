"""Shared helpers for the public-site tests: every page of every language, budgets, resources."""

from __future__ import annotations

import gzip
from html.parser import HTMLParser
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders

from tokt.public.export import public_paths

BUDGET_BYTES = 20 * 1024


def all_public_paths() -> list[str]:
    return public_paths()


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


class Resources(HTMLParser):
    """Collects every URL the browser would load by itself (not the links a reader may follow)."""

    def __init__(self):
        super().__init__()
        self.loaded: list[str] = []
        self.links: list[str] = []
        self.html_attrs: dict[str, str] = {}
        self.cookies_forms = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_attrs = attrs
        if tag == "a":
            self.links.append(attrs.get("href") or "")
            return
        for name in ("src", "srcset", "poster", "data"):
            if attrs.get(name):
                self.loaded.append(attrs[name])
        if tag == "link" and attrs.get("href"):
            self.loaded.append(attrs["href"])


def resources(body: bytes) -> Resources:
    parser = Resources()
    parser.feed(body.decode())
    return parser


def static_bytes(url: str) -> bytes:
    path = finders.find(url[len(settings.STATIC_URL) :])
    assert path, url
    return Path(path).read_bytes()
