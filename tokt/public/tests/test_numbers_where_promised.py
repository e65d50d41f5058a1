"""Pages that say "call ROSA" give the number; print material never pairs "free" with a charged number."""

from __future__ import annotations

import pytest

from tokt.public import printing
from tokt.public.content import load_site
from tokt.public.pages import content_root

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("page_id", ["selling-sex", "sector-fisheries", "worried-about-someone"])
@pytest.mark.parametrize("lang", ["nb", "pl", "vi"])
def test_a_page_that_says_call_rosa_gives_the_number(client, confirmed_directory, page_id, lang):
    body = client.get(f"/{lang}/{page_id}/").content.decode()
    assert "ROSA" in body
    assert 'href="tel:+4722331160"' in body and 'href="tel:112"' in body


def test_every_page_naming_rosa_gets_the_number_box(client, confirmed_directory):
    site = load_site(content_root())
    for (lang, page_id), page in site.pages.items():
        if "ROSA" in page.body:
            assert 'href="tel:+4722331160"' in client.get(f"/{lang}/{page_id}/").content.decode(), (lang, page_id)


@pytest.mark.parametrize("lang", ["nb", "en", "pl", "ru"])
def test_print_material_names_services_in_the_readers_language_and_labels_cost(confirmed_directory, lang):
    html = printing.render_html(lang, "poster")
    ui = load_site(content_root()).strings(lang)
    assert "02800" not in html  # costs money: not on a poster that promises help
    assert ui["cost_free"] in html  # 112 and 116 111
    if lang == "pl":
        assert "ROSA – pomoc dla ofiar handlu ludźmi" in html and "Policja – numer alarmowy 112" in html


def test_no_poster_text_calls_the_help_free():
    site = load_site(content_root())
    for lang in site.languages:
        body = site.strings(lang)["poster_body"].lower()
        assert not any(word in body for word in ("free", "gratis", "bezpł", "nemokam", "безплат", "безкошт", "бесплат"))


def test_the_roomiest_layout_is_tried_first_and_the_poster_stays_on_one_page(confirmed_directory):
    assert printing.DENSITIES[0] == "roomy"
    assert len(printing.render_document("en", "poster").pages) == 1
