from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.axe import assert_accessible_at_widths
from tests.browser.conftest import sign_in


def test_sign_in_with_password_and_totp_switch_language_and_sign_out(page, account):
    user, password = account("koordinator")
    sign_in(page, user, password)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Velkommen")
    expect(page).to_have_url(re.compile(r"/start/$"))

    page.get_by_label("Språk").select_option("en")
    page.get_by_role("button", name="Bytt språk").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome")

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    page.goto("/start/")
    expect(page).to_have_url(re.compile(r"/konto/logg-inn/"))


def test_wrong_code_keeps_the_user_out_with_a_message(page, account):
    user, password = account()
    page.goto("/konto/logg-inn/")
    page.get_by_label("Brukernavn").fill(user.username)
    page.get_by_label("Passord").fill(password)
    page.get_by_role("button", name="Logg inn").click()
    page.get_by_label("Engangskode").fill("000000")
    page.get_by_role("button", name="Bekreft").click()
    expect(page.get_by_role("alert")).to_contain_text("Koden er feil")


def test_login_page_has_no_accessibility_violations(page):
    page.goto("/konto/logg-inn/")
    assert_accessible_at_widths(page, where="login")
    page.get_by_role("button", name="Logg inn").click()  # empty form: the error state too
    assert_accessible_at_widths(page, where="login with errors")


def test_start_page_has_no_accessibility_violations(page, account):
    user, password = account("administrator")
    sign_in(page, user, password)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Velkommen")
    assert_accessible_at_widths(page, where="start page")


def test_accessibility_statement_has_no_violations(page):
    page.goto("/tilgjengelighet/")
    assert_accessible_at_widths(page, where="accessibility statement")


def test_skip_link_moves_focus_to_main_content(page):
    page.goto("/konto/logg-inn/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Hopp til hovedinnholdet")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))


def test_pages_make_no_console_errors_or_csp_violations(page, account):
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    user, password = account()
    sign_in(page, user, password)
    page.goto("/tilgjengelighet/")
    assert errors == []
