"""Enrolment with an administrator's link, recovery codes, a new password, Min konto, confirmations."""

from __future__ import annotations

import re

from django_otp.oath import totp
from playwright.sync_api import expect

from tests.browser.axe import assert_accessible_at_widths
from tests.browser.conftest import sign_in


def test_a_new_user_enrols_with_the_link_and_manages_their_account(page, account, settings):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tokt.accounts import services

    settings.OTP_REQUIRED = True
    user, password = account("fagperson")
    TOTPDevice.objects.filter(user=user).delete()
    user.must_change_password = True
    user.save()
    token = services.enrolment_link_issue(by=None, user=user)

    page.goto(f"/konto/aktiver/{token}/")
    expect(page).to_have_url(re.compile(r"/konto/logg-inn/"))
    page.get_by_label("Brukernavn").fill(user.username)
    page.get_by_label("Passord").fill(password)
    page.get_by_role("button", name="Logg inn").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sett opp tofaktorinnlogging")
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    page.get_by_label("Engangskode").fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Bekreft og logg inn").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Ta vare på reservekodene")
    expect(page.get_by_test_id("recovery-codes").locator("li")).to_have_count(10)
    assert_accessible_at_widths(page, where="recovery codes")
    page.get_by_role("button", name="Jeg har tatt vare på kodene").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Velg nytt passord")
    assert_accessible_at_widths(page, where="first password")
    page.get_by_label("Nytt passord", exact=True).fill("Mitt-eget-passord-2026")
    page.get_by_label("Nytt passord en gang til").fill("Mitt-eget-passord-2026")
    page.get_by_role("button", name="Lagre passord og logg inn").click()
    expect(page).to_have_url(re.compile(r"/start/$"))

    page.get_by_role("link", name=user.display_name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Min konto")
    assert_accessible_at_widths(page, where="Min konto")


def test_a_used_link_explains_itself(page):
    page.goto("/konto/aktiver/not-a-real-token/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Lenken virker ikke")
    assert_accessible_at_widths(page, where="invalid enrolment link")


def test_an_administrator_confirms_and_hands_over_a_new_link(page, account):
    admin, password = account("administrator")
    other, _ = account("fagperson")
    sign_in(page, admin, password)
    page.goto(f"/konto/brukere/{other.pk}/")
    page.get_by_role("button", name="Nullstill tofaktor").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Er du sikker?")
    assert_accessible_at_widths(page, where="confirmation")
    page.get_by_role("button", name="Ja, gjør det").click()
    expect(page.get_by_test_id("enrolment-link")).to_contain_text("/konto/aktiver/")
    assert_accessible_at_widths(page, where="enrolment link shown once")
