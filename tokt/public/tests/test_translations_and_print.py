"""Coordinator pages: translation status and print material; the print command."""

from __future__ import annotations

import io
import shutil

import pytest
from django.core.management import call_command
from django.urls import reverse

from tokt.public import pages, printing

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_languages(settings, tmp_path):
    """A content folder with nb and a partial Lithuanian translation."""
    root = tmp_path / "public"
    source = settings.BASE_DIR / "content" / "public"
    shutil.copytree(source / "nb", root / "nb")
    (root / "lt").mkdir()
    shutil.copy(source / "en" / "_ui.yaml", root / "lt" / "_ui.yaml")
    shutil.copy(source / "en" / "help.md", root / "lt" / "help.md")
    settings.TOKT_PUBLIC_CONTENT_DIR = root
    yield root
    pages.clear_cache()


def test_coordinators_see_which_pages_await_review_or_are_missing(signed_in, koordinator, two_languages):
    response = signed_in(koordinator).get(reverse("public_admin:translations"))
    assert response.status_code == 200
    rows = {row.code: row for row in response.context["rows"]}
    assert rows["nb"].reviewed == 17 and rows["nb"].missing == 0
    assert rows["lt"].machine == 1 and rows["lt"].missing == 16
    body = response.content.decode()
    assert "Maskinassistert, venter på gjennomlesing" in body and "Mangler (viser nb)" in body


def test_readers_are_told_a_page_is_machine_assisted_in_their_language_with_the_date(client):
    body = client.get("/pl/rights/").content.decode()
    assert "Tłumaczenie maszynowe z dnia 2026-11-27" in body
    # The original is not a translation.
    assert "Maskinassistert" not in client.get("/nb/rights/").content.decode()


@pytest.mark.parametrize("persona", ["fagperson", "administrator"])
def test_only_coordinators_reach_the_coordinator_pages(signed_in, request, persona):
    client = signed_in(request.getfixturevalue(persona))
    for name in ("public_admin:translations", "public_admin:print_material"):
        assert client.get(reverse(name)).status_code == 403


def test_a_coordinator_downloads_a_poster_pdf(signed_in, koordinator, two_languages):
    client = signed_in(koordinator)
    page = client.get(reverse("public_admin:print_material"))
    assert (
        page.status_code == 200
        and reverse("public_admin:print_download", args=["lt", "leaflet"]) in page.content.decode()
    )
    response = client.get(reverse("public_admin:print_download", args=["lt", "poster"]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF") and 'filename="tokt-poster-lt.pdf"' in response["Content-Disposition"]
    assert client.get(reverse("public_admin:print_download", args=["xx", "poster"])).status_code == 404
    assert client.get(reverse("public_admin:print_download", args=["lt", "flyer"])).status_code == 404


def test_print_material_points_its_qr_code_to_the_languages_page(settings, two_languages, confirmed_directory):
    settings.PUBLIC_BASE_URL = "https://tokt.example.org"
    html = printing.render_html("lt", "poster")
    assert "https://tokt.example.org/lt/" in html
    assert 'src="data:image/svg+xml' in html
    assert "22 33 11 60" in html  # ROSA, from the directory
    assert "Work in Norway? Know your rights." in html


def test_the_command_writes_a_poster_and_a_leaflet_per_language(tmp_path, two_languages):
    out = tmp_path / "print"
    call_command("make_print_material", str(out), stdout=io.StringIO())
    names = sorted(p.name for p in out.iterdir())
    assert names == ["tokt-leaflet-lt.pdf", "tokt-leaflet-nb.pdf", "tokt-poster-lt.pdf", "tokt-poster-nb.pdf"]
    assert all(p.read_bytes().startswith(b"%PDF") for p in out.iterdir())


def test_every_poster_and_leaflet_of_every_language_fits_on_one_page():
    for lang in pages.current_site().languages:
        for kind in printing.KINDS:
            assert len(printing.render_document(lang, kind).pages) == 1, (lang, kind)
