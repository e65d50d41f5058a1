"""The tip form is found from the pages that promise it, says what it is, and a demo says it is one."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tokt.public.content import load_site
from tokt.public.pages import content_root

pytestmark = pytest.mark.django_db
SITE = load_site(content_root())


@pytest.mark.parametrize("page_id", ["home", "help", "worried-about-someone"])
@pytest.mark.parametrize("lang", ["nb", "pl", "uk"])
def test_the_tip_form_is_linked_from_home_help_and_worried(client, page_id, lang):
    url = f"/{lang}/" if page_id == "home" else f"/{lang}/{page_id}/"
    body = client.get(url).content.decode()
    tips = reverse("public:tips", kwargs={"lang": lang})
    assert f'<a href="{tips}">{SITE.strings(lang)["tip_link"]}</a>' in body


@pytest.mark.parametrize("lang", ["nb", "en", "ro"])
def test_the_tip_page_says_who_reads_in_which_languages_how_soon_and_what_it_cannot_do(client, lang):
    body = client.get(reverse("public:tips", kwargs={"lang": lang})).content.decode()
    ui = SITE.strings(lang)
    for key in ("tip_who", "tip_languages", "tip_when", "tip_cannot", "not_for_emergencies"):
        assert ui[key] in body


def test_the_confirmation_page_says_what_happens_next(client):
    body = client.get(reverse("public:tip_sent", kwargs={"lang": "lt"})).content.decode()
    ui = SITE.strings("lt")
    assert f"<h1>{ui['tip_thanks']}</h1>" in body
    assert ui["tip_next_heading"] in body and ui["tip_next"] in body


def test_a_demo_instance_shows_the_demo_banner_on_public_pages(client, settings):
    settings.DEMO_MODE = True
    for url in ("/pl/", "/pl/help/", reverse("public:tips", kwargs={"lang": "pl"})):
        assert SITE.strings("pl")["demo_banner"] in client.get(url).content.decode()


def test_a_real_instance_shows_no_demo_banner(client, settings):
    settings.DEMO_MODE = False
    assert SITE.strings("pl")["demo_banner"] not in client.get("/pl/").content.decode()


def test_the_safe_browsing_page_explains_honestly_what_quick_exit_cannot_undo(client):
    body = client.get("/en/safe-browsing/").content.decode()
    assert SITE.strings("en")["quick_exit_back"] in body
