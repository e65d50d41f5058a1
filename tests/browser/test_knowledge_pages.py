"""Kunnskapsbank in a real browser: axe (WCAG 2.1 AA) at 320 and 1280 px, search, print."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.axe import assert_accessible_at_widths
from tests.browser.conftest import sign_in


def test_the_index_with_topics_is_accessible_without_login(page):
    page.goto("/kunnskap/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kunnskapsbank")
    expect(page.get_by_role("heading", name="Tegn og hva du gjør")).to_be_visible()
    assert_accessible_at_widths(page, where="knowledge index")


def test_a_nurse_searches_and_finds_the_forced_labour_article_first(page):
    page.goto("/kunnskap/")
    page.get_by_role("searchbox", name="Søk i kunnskapsbanken").fill("tegn på tvangsarbeid")
    page.get_by_role("button", name="Søk", exact=True).click()
    expect(page.get_by_role("heading", level=2, name="artikler passer søket")).to_be_visible()
    first = page.locator(".tokt-kb-result").first
    expect(first.get_by_role("link")).to_contain_text("Tvangsarbeid: definisjon og tegn på tvangsarbeid")
    expect(first.locator("mark").first).to_be_visible()
    assert_accessible_at_widths(page, where="knowledge search results")


def test_filters_open_and_a_bad_query_gets_a_message(page):
    page.goto("/kunnskap/?q=%3F%21%25")
    expect(page.get_by_role("status").filter(has_text="minst ett ord")).to_be_visible()
    page.get_by_text("Avgrens søket").click()
    page.get_by_label("Bransje").select_option("fisheries")
    page.get_by_role("searchbox", name="Søk i kunnskapsbanken").fill("tvangsarbeid")
    page.get_by_role("button", name="Søk", exact=True).click()
    expect(page.locator(".tokt-kb-result").first).to_be_visible()
    assert_accessible_at_widths(page, where="knowledge search with filters")


def test_a_long_article_with_contents_and_a_table_is_accessible(page):
    page.goto("/kunnskap/artikkel/sosial-dumping-arbeidslivskriminalitet-menneskehandel/?sprak=en")
    expect(page.get_by_role("heading", level=1)).to_contain_text("social dumping")
    toc = page.get_by_role("navigation", name="Innhold")
    expect(toc).to_be_visible()
    toc.get_by_role("link").first.click()
    expect(page.get_by_role("region", name="Table")).to_be_visible()
    assert_accessible_at_widths(page, where="knowledge article (en, with table)")


def test_an_article_prints_without_navigation(page):
    page.goto("/kunnskap/artikkel/tvangsarbeid/")
    page.emulate_media(media="print")
    expect(page.locator(".tokt-nav")).to_be_hidden()
    expect(page.locator(".tokt-toc")).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator(".tokt-prose")).to_be_visible()


def test_the_edit_history_and_review_pages_are_accessible_for_a_coordinator(page, account):
    user, password = account("koordinator")
    sign_in(page, user, password)
    page.goto("/kunnskap/artikkel/ordliste/nb/rediger/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Rediger artikkel")
    assert_accessible_at_widths(page, where="knowledge edit")
    page.get_by_label("Tittel").fill("Ordliste: begreper (oppdatert)")
    page.get_by_role("button", name="Lagre").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ordliste: begreper (oppdatert)")
    page.goto("/kunnskap/artikkel/ordliste/nb/historikk/")
    expect(page.get_by_text("Ordliste: begreper (oppdatert)").first).to_be_visible()
    assert_accessible_at_widths(page, where="knowledge history")
    page.goto("/kunnskap/til-gjennomgang/")
    assert_accessible_at_widths(page, where="knowledge review list")


def test_an_internal_article_asks_anonymous_visitors_to_sign_in(page):
    page.goto("/kunnskap/artikkel/situasjonen-i-salten/")
    expect(page).to_have_url(re.compile(r"/konto/logg-inn/"))


def test_every_public_article_fits_a_320_px_screen(page):
    from tokt.knowledge.models import Article

    page.set_viewport_size({"width": 320, "height": 800})
    for slug, lang in Article.objects.filter(visibility="public").values_list("slug", "lang"):
        page.goto(f"/kunnskap/artikkel/{slug}/?sprak={lang}")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"{slug}.{lang} scrolls sideways by {overflow}px at 320px"
