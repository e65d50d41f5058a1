"""WCAG 2.2.1: a signed-in user is warned before the idle timeout and can extend the session."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.axe import assert_accessible
from tests.browser.conftest import sign_in


def test_the_warning_appears_and_extending_keeps_the_user_signed_in(page, account, settings):
    settings.SESSION_IDLE_SECONDS = 8  # the warning shows after 4 s
    user, password = account()
    sign_in(page, user, password)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Velkommen")
    warning = page.get_by_role("alertdialog")
    expect(warning).to_be_visible(timeout=8_000)
    expect(page.get_by_role("button", name="Fortsett å være logget inn")).to_be_focused()
    assert_accessible(page, "session warning")
    page.get_by_role("button", name="Fortsett å være logget inn").click()
    expect(warning).to_be_hidden()
    page.wait_for_timeout(4_500)  # more than 8 s since sign-in, less than 8 s since extending
    page.goto("/start/")
    expect(page).to_have_url(re.compile(r"/start/$"))


def test_without_extending_the_session_ends_with_a_message(page, account, settings):
    settings.SESSION_IDLE_SECONDS = 3
    user, password = account()
    sign_in(page, user, password)
    page.wait_for_timeout(3_500)
    page.goto("/start/")
    expect(page).to_have_url(re.compile(r"/konto/logg-inn/"))
    expect(page.get_by_text(re.compile(r"Økten din er avsluttet fordi du har vært inaktiv"))).to_be_visible()
