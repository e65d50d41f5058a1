"""A user manages their own password, phone and recovery codes; administrators confirm and unlock."""

from __future__ import annotations

import re

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tokt.accounts.axes_handler import delay_minutes
from tokt.accounts.models import RecoveryCode
from tokt.accounts.tests.factories import TEST_PASSWORD, current_code, sign_in
from tokt.audit.models import AuditAction, AuditEntry

pytestmark = pytest.mark.django_db
NEW = "Et-nytt-eget-passord-77"


def test_a_user_changes_their_password_with_the_current_one_and_a_code(signed_in, fagperson):
    client = signed_in(fagperson)
    data = {"current": TEST_PASSWORD, "password1": NEW, "password2": NEW, "token": current_code(fagperson)}
    response = client.post(reverse("accounts:me_password"), data)
    assert response.status_code == 302
    fagperson.refresh_from_db()
    assert fagperson.check_password(NEW)
    assert client.get(reverse("core:home")).status_code == 200  # this session stays signed in
    assert AuditEntry.objects.filter(action=AuditAction.PASSWORD_CHANGED, target_id=str(fagperson.pk)).exists()


@pytest.mark.parametrize("wrong", ["current", "token"])
def test_a_password_change_without_the_current_password_or_code_is_refused(signed_in, fagperson, wrong):
    client = signed_in(fagperson)
    data = {"current": TEST_PASSWORD, "password1": NEW, "password2": NEW, "token": current_code(fagperson)}
    data[wrong] = "Feil-passord-000" if wrong == "current" else "000000"
    response = client.post(reverse("accounts:me_password"), data)
    assert response.status_code == 400
    fagperson.refresh_from_db()
    assert fagperson.check_password(TEST_PASSWORD)


def test_a_user_sees_their_device_and_makes_new_recovery_codes(signed_in, fagperson):
    client = signed_in(fagperson)
    page = client.get(reverse("accounts:me")).content.decode()
    assert "Satt opp (autentiseringsapp)" in page
    response = client.post(reverse("accounts:me_recovery_codes"), {"token": current_code(fagperson)})
    codes = re.findall(r"<code>([a-z]{5}-[a-z]{5})</code>", response.content.decode())
    assert len(codes) == 10 and RecoveryCode.objects.filter(user=fagperson).count() == 10
    assert response["Cache-Control"] == "no-store"


def test_a_user_replaces_their_phone(signed_in, fagperson):
    client = signed_in(fagperson)
    old = TOTPDevice.objects.get(user=fagperson)
    page = client.post(reverse("accounts:me_device"), {"token": current_code(fagperson)})
    assert page.status_code == 200 and "data:image/svg+xml" in page.content.decode()
    new = TOTPDevice.objects.get(user=fagperson, confirmed=False)
    response = client.post(reverse("accounts:me_device"), {"step": "confirm", "token": f"{totp(new.bin_key):06d}"})
    assert response.status_code == 200
    assert list(TOTPDevice.objects.filter(user=fagperson).values_list("pk", flat=True)) == [new.pk] != [old.pk]
    assert client.get(reverse("core:home")).status_code == 200


@pytest.mark.parametrize("action", ["deactivate", "end-sessions", "reset-otp"])
def test_destructive_actions_ask_for_confirmation_first(signed_in, administrator, fagperson, action):
    client = signed_in(administrator)
    response = client.post(reverse("accounts:user_action", args=[fagperson.pk, action]))
    assert response.status_code == 200 and "Er du sikker?" in response.content.decode()
    fagperson.refresh_from_db()
    assert fagperson.is_active and TOTPDevice.objects.filter(user=fagperson).exists()


def test_the_lock_is_a_short_growing_delay():
    assert [delay_minutes(n) for n in (5, 6, 7, 8, 9, 10, 50)] == [1, 2, 4, 8, 15, 15, 15]


def test_an_administrator_unlocks_a_locked_user_name(signed_in, administrator, fagperson, settings):
    attacker = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attacker.post(reverse("accounts:login"), {"username": "fag", "password": "wrong-password-123"})
    assert AccessAttempt.objects.filter(username="fag").exists()
    client = signed_in(administrator)
    page = client.get(reverse("accounts:user_detail", args=[fagperson.pk])).content.decode()
    assert "Opphev sperren" in page
    response = client.post(reverse("accounts:user_action", args=[fagperson.pk, "unlock"]), follow=True)
    assert "Innloggingssperren er opphevet" in response.content.decode()
    assert AuditEntry.objects.filter(action=AuditAction.LOGIN_UNLOCKED, target_id=str(fagperson.pk)).exists()
    sign_in(Client(), fagperson)  # the colleague gets in again at once
