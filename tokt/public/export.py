"""Static export of the public site: the served bytes, written as files for any web server."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.test import Client
from django.urls import reverse

from tokt.public.pages import HOME, current_site, page_url

_ASSET_RE = re.compile(r'<(?:link|script|img)\b[^>]*?\b(?:href|src)="([^"]+)"')


@dataclass(frozen=True)
class Exported:
    pages: int
    assets: int
    directory: Path


def public_paths() -> list[str]:
    """Every information page: the landing page and each page of each language."""
    site = current_site()
    paths = [reverse("public:landing")]
    for lang in site.languages:
        paths.append(page_url(lang, HOME))
        paths.extend(page_url(lang, page_id) for page_id in site.page_ids if page_id != HOME)
    return paths


def _client() -> Client:
    host = urlsplit(settings.PUBLIC_BASE_URL).hostname or "localhost"
    if settings.ALLOWED_HOSTS and host not in settings.ALLOWED_HOSTS and "*" not in settings.ALLOWED_HOSTS:
        host = settings.ALLOWED_HOSTS[0].lstrip(".")
    return Client(HTTP_HOST=host)


def fetch(client: Client, path: str, expect: int = 200) -> bytes:
    response = client.get(path, secure=settings.SECURE_SSL_REDIRECT)
    if response.status_code != expect:
        raise RuntimeError(f"{path} answered {response.status_code}, expected {expect}")
    return response.content


def _asset_source(url: str) -> Path:
    name = url[len(settings.STATIC_URL) :].split("?")[0]
    if staticfiles_storage.exists(name):
        return Path(staticfiles_storage.path(name))
    found = finders.find(name)
    if not found:
        raise RuntimeError(f"static file {name} not found")
    return Path(found)


def export_site(directory: Path) -> Exported:
    client = _client()
    directory.mkdir(parents=True, exist_ok=True)
    assets: set[str] = set()
    paths = public_paths()
    for path in paths:
        body = fetch(client, path)
        target = directory / path.strip("/") / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)
        assets.update(url for url in _ASSET_RE.findall(body.decode()) if url.startswith(settings.STATIC_URL))
    # The nb 404 page lists every language: the one error page a static host serves.
    missing = fetch(client, "/xx/", expect=404)
    (directory / "404.html").write_bytes(missing)
    assets.update(url for url in _ASSET_RE.findall(missing.decode()) if url.startswith(settings.STATIC_URL))
    for url in sorted(assets):
        target = directory / url.lstrip("/").split("?")[0]
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(_asset_source(url), target)
    return Exported(pages=len(paths) + 1, assets=len(assets), directory=directory)
