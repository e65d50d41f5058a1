"""`export_public DIR` writes exactly the served bytes, plus the static files the pages use."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from tokt.public.tests.helpers import all_public_paths, resources

pytestmark = pytest.mark.django_db


def test_the_export_is_byte_identical_to_the_served_pages(client, tmp_path):
    out = io.StringIO()
    call_command("export_public", str(tmp_path), stdout=out)
    paths = all_public_paths()
    assert f"Wrote {len(paths) + 1} pages" in out.getvalue()
    for path in paths:
        served = client.get(path).content
        assert (tmp_path / path.strip("/") / "index.html").read_bytes() == served, path
        for url in resources(served).loaded:
            assert (tmp_path / url.lstrip("/")).is_file(), url
    assert (tmp_path / "404.html").read_bytes() == client.get("/xx/").content
    assert not (tmp_path / "nb" / "tips").exists()
