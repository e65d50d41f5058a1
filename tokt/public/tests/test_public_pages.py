"""Every public page in every language: status, language, budget, no cookies, no third parties."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tokt.public.pages import current_site, exit_url
from tokt.public.tests.helpers import BUDGET_BYTES, all_public_paths, gz, resources, static_bytes

pytestmark = pytest.mark.django_db

PATHS = all_public_paths()
SITE = current_site()


def _lang_of(path: str) -> str:
    return path.strip("/").split("/")[0] if path != "/" else "nb"


@pytest.mark.parametrize("path", PATHS)
def test_every_page_answers_in_its_language_without_cookies_within_budget(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert not response.cookies
    body = response.content
    found = resources(body)
    language = SITE.languages[_lang_of(path)]
    assert found.html_attrs == {"lang": language.tag, "dir": language.direction}
    assert response["Content-Language"] == language.tag
    # Page, stylesheet and script together stay under the 20 KB budget (gzip).
    assert found.loaded and all(url.startswith("/static/") for url in found.loaded), found.loaded
    total = gz(body) + sum(gz(static_bytes(url)) for url in found.loaded)
    assert total <= BUDGET_BYTES, f"{path}: {total} bytes"
    # The quick exit is a real link, first thing after the site name.
    assert exit_url() in found.links
    assert "<style" not in body.decode() and " style=" not in body.decode()


def test_no_page_loads_anything_from_another_site(client):
    for path in PATHS + [reverse("public:tips", kwargs={"lang": "nb"})]:
        found = resources(client.get(path).content)
        for url in found.loaded:
            assert url.startswith("/") and not url.startswith("//"), f"{path} loads {url}"


def test_public_pages_send_the_security_headers(client):
    response = client.get(reverse("public:home", kwargs={"lang": "en"}))
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["X-Frame-Options"] == "DENY"


def test_page_links_point_to_the_same_language(client):
    body = client.get(reverse("public:home", kwargs={"lang": "en"})).content.decode()
    assert 'href="/en/rights/"' in body and 'href="/en/help/"' in body
    assert "page:" not in body


def test_the_language_picker_uses_each_languages_own_name_and_links_to_the_same_page(client):
    body = client.get(reverse("public:page", kwargs={"lang": "en", "page_id": "rights"})).content.decode()
    for code, language in SITE.languages.items():
        assert f'href="/{code}/rights/" lang="{language.tag}"' in body
        assert f">{language.name}</a>" in body


def test_the_help_page_lists_rosa_and_112_from_the_directory(client, confirmed_directory):
    body = client.get(reverse("public:page", kwargs={"lang": "en", "page_id": "help"})).content.decode()
    assert "{{ contacts }}" not in body
    assert 'href="tel:112"' in body
    assert "ROSA" in body and 'href="tel:+4722331160"' in body
    # Only public actors: a service for professionals is not listed.
    assert "Koordineringsenheten" not in body


def test_the_landing_page_offers_every_language_and_a_staff_login(client):
    response = client.get(reverse("public:landing"))
    body = response.content.decode()
    for code, language in SITE.languages.items():
        assert f'href="/{code}/"' in body and language.name in body
    assert reverse("accounts:login") in body
    assert not response.cookies


def test_home_has_one_address(client):
    response = client.get("/en/home/")
    assert response.status_code == 301 and response["Location"] == "/en/"


@pytest.mark.parametrize(
    "path, lang",
    [
        ("/en/no-such-page/", "en"),
        ("/nb/finnes-ikke/", "nb"),
        ("/xx/", "nb"),
        ("/zz/rights/", "nb"),
        ("/en/rights/x/", "en"),
    ],
)
def test_unknown_pages_and_languages_get_a_helpful_404_in_the_right_language(client, path, lang):
    response = client.get(path)
    assert response.status_code == 404
    body = response.content.decode()
    ui = SITE.strings(lang)
    assert f'<html lang="{SITE.languages[lang].tag}"' in body
    assert ui["not_found_title"] in body and ui["back_home"] in body
    assert f'href="/{lang}/"' in body and 'href="tel:112"' in body
    assert not response.cookies


def test_a_missing_translation_shows_the_english_page_marked_as_english(client, settings, tmp_path):
    import shutil

    from tokt.public import pages

    root = tmp_path / "public"
    shutil.copytree(settings.BASE_DIR / "content" / "public" / "nb", root / "nb")
    shutil.copytree(settings.BASE_DIR / "content" / "public" / "en", root / "en")
    (root / "lt").mkdir()
    shutil.copy(settings.BASE_DIR / "content" / "public" / "en" / "_ui.yaml", root / "lt" / "_ui.yaml")
    settings.TOKT_PUBLIC_CONTENT_DIR = root
    try:
        response = client.get("/lt/rights/")
        assert response.status_code == 200
        assert re.search(r'<html lang="lt" dir="ltr">', response.content.decode())
        assert '<main id="main" tabindex="-1" lang="en">' in response.content.decode()
    finally:
        pages.clear_cache()


def test_a_right_to_left_language_gets_dir_rtl(client, settings, tmp_path):
    import shutil

    from tokt.public import pages

    root = tmp_path / "public"
    shutil.copytree(settings.BASE_DIR / "content" / "public" / "nb", root / "nb")
    (root / "ar").mkdir()
    ui = (settings.BASE_DIR / "content" / "public" / "en" / "_ui.yaml").read_text()
    (root / "ar" / "_ui.yaml").write_text(
        ui.replace('language_name: "English"', 'language_name: "العربية"') + "direction: rtl\n"
    )
    settings.TOKT_PUBLIC_CONTENT_DIR = root
    try:
        body = client.get("/ar/").content.decode()
        assert '<html lang="ar" dir="rtl">' in body
        assert 'lang="ar" hreflang="ar" dir="rtl"' in body
    finally:
        pages.clear_cache()


def test_the_help_page_shows_what_coordinators_entered_in_the_directory(client, confirmed_directory):
    from tokt.directory.models import Actor

    Actor.objects.filter(slug="rosa").update(hours_en="Synthetic test hours.")
    body = client.get("/en/help/").content.decode()
    assert "Synthetic test hours." in body


def test_an_entry_no_coordinator_confirmed_is_not_shown_publicly(client):
    # Verified against a stored copy by a script, never confirmed by a named coordinator.
    body = client.get("/en/help/").content.decode()
    assert 'href="tel:+4722331160"' not in body and "22 33 11 60" not in body
    assert 'href="tel:112"' in body  # the page's own text still names 112


def test_an_entry_confirmed_more_than_six_months_ago_is_not_shown(client, confirmed_directory):
    import datetime as dt

    from django.utils import timezone

    from tokt.directory.models import Actor

    Actor.objects.filter(slug="rosa").update(last_verified=timezone.localdate() - dt.timedelta(days=190))
    body = client.get("/en/help/").content.decode()
    assert "22 33 11 60" not in body
    assert "112" in body


def test_an_unverified_public_entry_is_not_shown_even_when_confirmed_by_someone(client, koordinator):
    from tokt.directory.models import Actor

    fauske = Actor.objects.get(slug="barnevernvakt_fauske")
    assert not fauske.verified
    Actor.objects.filter(pk=fauske.pk).update(verified_by_user=koordinator)
    assert "469 55 776" not in client.get("/en/help/").content.decode()


def test_the_help_page_works_when_the_database_does_not(client, monkeypatch):
    from django.db import DatabaseError

    def broken(**kwargs):
        raise DatabaseError("down")

    monkeypatch.setattr("tokt.directory.selectors.public_contacts", broken)
    response = client.get("/en/help/")
    assert response.status_code == 200
    assert 'href="tel:112"' in response.content.decode()
