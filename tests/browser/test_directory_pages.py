from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.axe import assert_accessible_at_widths
from tests.browser.conftest import sign_in


def test_directory_index_search_and_filters_are_accessible(page, account):
    user, password = account("koordinator")
    sign_in(page, user, password)
    page.goto("/aktorer/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Aktører og henvisning")
    assert_accessible_at_widths(page, where="directory index")
    page.get_by_label("Kommune", exact=True).select_option("1841")
    page.get_by_label("Tjeneste", exact=True).select_option("child_protection")
    page.get_by_role("button", name="Søk", exact=True).click()
    expect(page.get_by_role("link", name="Barnevernvakta for Fauske og Sørfold")).to_be_visible()
    expect(page.get_by_role("link", name="Barnevernvakta i Bodø")).to_have_count(0)


def test_fauske_minor_who_does_what_page_is_accessible(page, account):
    user, password = account("fagperson")
    sign_in(page, user, password)
    page.goto("/aktorer/henvisning/")
    page.get_by_label("Personen er, eller kan være, under 18 år").check()
    page.get_by_label("Kommune").select_option("1841")
    page.get_by_role("button", name="Vis hvem som gjør hva").click()
    expect(page).to_have_url(re.compile(r"situasjon=minor.*kommune=1841"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Hvem gjør hva i Fauske")
    expect(page.get_by_role("link", name="469 55 776").first).to_be_visible()
    assert_accessible_at_widths(page, where="who does what, Fauske, minor")


def test_referral_path_page_with_diagram_is_accessible(page, account):
    user, password = account("fagperson")
    sign_in(page, user, password)
    page.goto("/aktorer/situasjon/minor/")
    expect(page.get_by_role("figure")).to_be_visible()
    assert_accessible_at_widths(page, where="referral path: minor")


def test_contact_sheet_is_accessible_and_prints_on_one_a4_page(page, account):
    user, password = account("fagperson")
    sign_in(page, user, password)
    page.goto("/aktorer/kontaktark/?kommune=1841")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Fauske")
    assert_accessible_at_widths(page, where="contact sheet Fauske")
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=False, prefer_css_page_size=True)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == 1, f"contact sheet prints on {pages} pages"


def test_edit_form_is_accessible_with_and_without_errors(page, account):
    user, password = account("koordinator")
    sign_in(page, user, password)
    page.goto("/aktorer/aktor/rosa/rediger/")
    assert_accessible_at_widths(page, where="actor edit form")
    page.get_by_label("Telefon", exact=True).fill("12 34")
    page.get_by_label("E-post", exact=True).fill("post(at)rosa.no")
    page.get_by_role("button", name="Lagre").click()
    expect(page.get_by_role("alert")).to_contain_text("er ikke et gyldig norsk telefonnummer")
    expect(page.get_by_role("alert")).to_contain_text("er ikke en gyldig e-postadresse")
    assert_accessible_at_widths(page, where="actor edit form with errors")
