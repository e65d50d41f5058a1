"""The help page as a Polish reader sees it, the tip path, and the coordinators' review queue."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.axe import assert_accessible_at_widths
from tests.browser.conftest import sign_in
from tokt.directory.tests.factories import confirm_public_actors
from tokt.public.content import load_site
from tokt.public.pages import content_root
from tokt.public.tests.test_help_in_readers_language import INTERNAL_MARKERS, english_fragments

SITE = load_site(content_root())


def _public_context(browser, live_url, width=320):
    # The page's CSP is bypassed only so axe's injected script can run; the pages themselves are unchanged.
    context = browser.new_context(base_url=live_url, viewport={"width": width, "height": 800}, bypass_csp=True)
    context.route(re.compile(r"^https?://(?!127\.0\.0\.1)[^/]+/.*"), lambda route: route.fulfill(status=200, body=""))
    return context


def test_the_polish_help_page_has_no_english_and_no_internal_note(browser, live_url, account):
    coordinator, _password = account("koordinator")
    confirm_public_actors(user=coordinator)
    context = _public_context(browser, live_url)
    page = context.new_page()
    page.goto("/pl/help/")
    text = " ".join(page.locator("body").inner_text().split())
    assert [f for f in english_fragments() if f in text] == []
    assert [m for m in INTERNAL_MARKERS if m in text] == []
    expect(page.get_by_role("link", name="22 33 11 60")).to_be_visible()
    assert_accessible_at_widths(page, where="/pl/help/")
    page.get_by_text(SITE.strings("pl")["more_services"]).click()
    assert_accessible_at_widths(page, where="/pl/help/ with more services open")
    context.close()


def test_a_reader_finds_the_tip_form_from_home_and_reads_what_happens_next(browser, live_url):
    ui = SITE.strings("pl")
    context = _public_context(browser, live_url)
    page = context.new_page()
    page.goto("/pl/")
    page.get_by_role("link", name=ui["tip_link"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(ui["tip_title"])
    for key in ("tip_who", "tip_languages", "tip_when", "tip_cannot"):
        expect(page.get_by_text(ui[key])).to_be_visible()
    assert_accessible_at_widths(page, where="/pl/tips/")
    page.get_by_label(ui["tip_message_label"]).fill("Syntetyczna wiadomość testowa o pracy w przetwórni ryb.")
    page.get_by_role("button", name=ui["tip_submit"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(ui["tip_thanks"])
    expect(page.get_by_role("heading", level=2, name=ui["tip_next_heading"])).to_be_visible()
    assert_accessible_at_widths(page, where="/pl/tips/sendt/")
    context.close()


def test_quick_exit_opens_a_neutral_tab_and_replaces_this_one(browser, live_url):
    context = _public_context(browser, live_url)
    context.route(
        re.compile(r"^https?://www\.yr\.no/.*"),
        lambda route: route.fulfill(status=200, content_type="text/html", body="<title>Weather</title>"),
    )
    page = context.new_page()
    page.goto("/en/help/")
    with context.expect_page() as opened:
        page.get_by_role("link", name=SITE.strings("en")["quick_exit"]).click()
    neutral = opened.value
    neutral.wait_for_load_state()
    page.wait_for_url(re.compile(r"yr\.no"))
    assert "yr.no" in neutral.url
    page.go_back()
    assert "/en/help/" not in page.url
    context.close()


def test_the_review_queue_lists_unconfirmed_entries_and_is_accessible(page, account):
    user, password = account("koordinator")
    sign_in(page, user, password)
    page.goto("/aktorer/til-kontroll/")
    expect(page.get_by_role("link", name="Barnevernvakta for Fauske og Sørfold")).to_be_visible()
    assert_accessible_at_widths(page, where="review queue")
