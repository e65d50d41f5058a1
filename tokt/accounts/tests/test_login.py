from __future__ import annotations

import time

import pytest
from axes.models import AccessAttempt
from django.contrib.sessions.models import Session
from django.urls import reverse

from tokt.accounts.services import LOGIN_AT, SEEN_AT
from tokt.accounts.tests.factories import TEST_PASSWORD, current_code
from tokt.audit.models import AuditAction, AuditEntry

pytestmark = pytest.mark.django_db
LOGIN = "accounts:login"


def _password(client, user, password=TEST_PASSWORD):
    return client.post(reverse(LOGIN), {"username": user.username, "password": password})


def test_password_then_totp_signs_in_and_audits(client, fagperson):
    response = _password(client, fagperson)
    assert response["Location"] == reverse("accounts:otp_verify")
    assert client.get(reverse("core:home")).status_code == 302  # not yet signed in
    response = client.post(reverse("accounts:otp_verify"), {"token": current_code(fagperson)})
    assert response.status_code == 302
    assert client.get(reverse("core:home")).status_code == 200
    assert AuditEntry.objects.filter(action=AuditAction.LOGIN, actor=fagperson).exists()


def test_wrong_password_gets_a_norwegian_message(client, fagperson):
    response = _password(client, fagperson, "wrong-password-123")
    assert response.status_code == 200
    assert "Feil brukernavn eller passord." in response.content.decode()
    assert AuditEntry.objects.filter(action=AuditAction.LOGIN_FAILED, actor_username="fag").exists()


def test_wrong_totp_code_is_refused(client, fagperson):
    _password(client, fagperson)
    wrong = f"{(int(current_code(fagperson)) + 1) % 1_000_000:06d}"
    response = client.post(reverse("accounts:otp_verify"), {"token": wrong})
    assert response.status_code == 200
    assert "Koden er feil" in response.content.decode()
    assert client.get(reverse("core:home")).status_code == 302
    assert AuditEntry.objects.filter(action=AuditAction.OTP_FAILED).exists()


def test_a_replayed_totp_code_is_refused(client, fagperson):
    from django.test import Client

    code = current_code(fagperson)
    _password(client, fagperson)
    assert client.post(reverse("accounts:otp_verify"), {"token": code}).status_code == 302
    other = Client()
    _password(other, fagperson)
    response = other.post(reverse("accounts:otp_verify"), {"token": code})
    assert response.status_code == 200
    assert "allerede brukt" in response.content.decode()


def test_malformed_totp_input_gets_a_message(client, fagperson):
    _password(client, fagperson)
    for junk in ["", "abc", "1" * 50, "<script>"]:
        response = client.post(reverse("accounts:otp_verify"), {"token": junk})
        assert response.status_code == 200


def test_lockout_after_repeated_failures_with_clear_message(client, fagperson, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _password(client, fagperson, "wrong-password-123").status_code == 200
    response = _password(client, fagperson, "wrong-password-123")
    assert response.status_code == 429
    assert "Kontoen er midlertidig sperret" in response.content.decode()
    # Even the right password is refused while locked.
    response = _password(client, fagperson)
    assert response.status_code == 429
    assert AuditEntry.objects.filter(action=AuditAction.LOCKOUT, actor_username="fag").exists()


def test_failed_logins_store_no_ip_address_or_user_agent(client, fagperson):
    client.post(
        reverse(LOGIN),
        {"username": "fag", "password": "nope-nope-nope"},
        HTTP_USER_AGENT="Secret/1.0",
        REMOTE_ADDR="10.9.8.7",
    )
    attempt = AccessAttempt.objects.get(username="fag")
    assert attempt.ip_address is None
    assert attempt.user_agent == ""
    entry = AuditEntry.objects.filter(action=AuditAction.LOGIN_FAILED).latest("seq")
    assert "10.9.8.7" not in str(entry.hashed_fields()) and "Secret" not in str(entry.hashed_fields())


def test_session_id_is_rotated_at_login(client, fagperson):
    client.get(reverse(LOGIN))
    client.session.save()
    before = client.session.session_key
    _password(client, fagperson)
    client.post(reverse("accounts:otp_verify"), {"token": current_code(fagperson)})
    assert client.session.session_key != before
    assert not Session.objects.filter(session_key=before).exists()


def test_sign_out_ends_the_session(signed_in, fagperson):
    client = signed_in(fagperson)
    key = client.session.session_key
    assert client.get(reverse("accounts:logout")).status_code == 405
    client.post(reverse("accounts:logout"))
    assert not Session.objects.filter(session_key=key).exists()
    assert client.get(reverse("core:home")).status_code == 302
    assert AuditEntry.objects.filter(action=AuditAction.LOGOUT, actor=fagperson).exists()


def _age_session(client, **seconds):
    session = client.session
    for key, ago in seconds.items():
        session[key] = time.time() - ago
    session.save()


def test_idle_session_expires_with_a_message(signed_in, fagperson, settings):
    client = signed_in(fagperson)
    _age_session(client, tokt_seen_at=settings.SESSION_IDLE_SECONDS + 5)
    response = client.get(reverse("core:home"), follow=True)
    assert response.redirect_chain[0][0] == reverse(LOGIN)
    assert "inaktiv i 15 minutter" in response.content.decode()
    assert AuditEntry.objects.filter(action=AuditAction.SESSION_EXPIRED, actor=fagperson).exists()


def test_active_session_expires_after_its_absolute_lifetime(signed_in, fagperson, settings):
    client = signed_in(fagperson)
    _age_session(client, tokt_login_at=settings.SESSION_MAX_SECONDS + 5)
    response = client.get(reverse("core:home"), follow=True)
    assert "mer enn 8 timer" in response.content.decode()


def test_timeouts_are_configurable(signed_in, fagperson, settings):
    settings.SESSION_IDLE_SECONDS = 60
    client = signed_in(fagperson)
    _age_session(client, tokt_seen_at=61)
    assert client.get(reverse("core:home")).status_code == 302


def test_recent_activity_keeps_the_session(signed_in, fagperson, settings):
    client = signed_in(fagperson)
    _age_session(client, tokt_seen_at=settings.SESSION_IDLE_SECONDS - 30)
    assert client.get(reverse("core:home")).status_code == 200
    assert time.time() - client.session[SEEN_AT] < 5
    assert LOGIN_AT in client.session


def test_enrolment_is_required_when_no_device_exists(client, agency, settings):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tokt.accounts.tests.factories import make_user

    settings.OTP_REQUIRED = True
    from tokt.accounts.services import enrolment_link_issue

    user = make_user(username="newbie", role="fagperson", agency=agency, with_totp=False)
    token = enrolment_link_issue(by=None, user=user)
    client.get(reverse("accounts:enrolment_link", kwargs={"token": token}))
    response = _password(client, user)
    assert response["Location"] == reverse("accounts:otp_enrol")
    page = client.get(reverse("accounts:otp_enrol"))
    assert page.status_code == 200 and "data:image/svg+xml" in page.content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    from django_otp.oath import totp

    code = f"{totp(device.bin_key):06d}"
    response = client.post(reverse("accounts:otp_enrol"), {"token": code})
    assert response.status_code == 200 and "reservekodene" in response.content.decode()
    assert client.post(reverse("accounts:login_finish")).status_code == 302
    assert TOTPDevice.objects.get(user=user).confirmed
    assert client.get(reverse("core:home")).status_code == 200
    assert AuditEntry.objects.filter(action=AuditAction.OTP_ENROLLED, actor_username="newbie").exists()


def test_demo_mode_lets_users_without_a_device_in_and_shows_a_banner(client, agency, settings):
    from tokt.accounts.tests.factories import make_user

    settings.OTP_REQUIRED = False
    settings.DEMO_MODE = True
    user = make_user(username="demo", role="fagperson", agency=agency, with_totp=False)
    response = _password(client, user)
    assert response.status_code == 302 and response["Location"] == reverse("core:home")
    page = client.get(reverse("core:home"))
    assert page.status_code == 200
    assert "Demoversjon." in page.content.decode()


def test_without_demo_mode_no_banner(signed_in, fagperson):
    assert "Demoversjon." not in signed_in(fagperson).get(reverse("core:home")).content.decode()


def test_pending_login_cannot_skip_the_second_factor(client, fagperson):
    _password(client, fagperson)
    assert client.get(reverse("core:home")).status_code == 302
    assert client.get(reverse("accounts:user_list")).status_code == 302


def test_open_redirect_after_login_is_refused(client, fagperson):
    client.post(reverse(LOGIN) + "?next=https://evil.example/", {"username": "fag", "password": TEST_PASSWORD})
    response = client.post(reverse("accounts:otp_verify"), {"token": current_code(fagperson)})
    assert response["Location"] == reverse("core:home")


def test_next_is_followed_within_the_site(client, fagperson):
    client.post(reverse(LOGIN) + "?next=/tilgjengelighet/", {"username": "fag", "password": TEST_PASSWORD})
    response = client.post(reverse("accounts:otp_verify"), {"token": current_code(fagperson)})
    assert response["Location"] == "/tilgjengelighet/"


def test_the_stored_session_outlives_the_idle_timeout_so_the_user_is_told_why(settings):
    assert settings.SESSION_COOKIE_AGE >= settings.SESSION_MAX_SECONDS > settings.SESSION_IDLE_SECONDS


def test_extending_the_session_renews_the_idle_timer(signed_in, fagperson, settings):
    client = signed_in(fagperson)
    _age_session(client, tokt_seen_at=settings.SESSION_IDLE_SECONDS - 10)
    response = client.post(reverse("accounts:session_extend"), {"next": "/start/"}, HTTP_X_REQUESTED_WITH="fetch")
    assert response.status_code == 204
    assert time.time() - client.session[SEEN_AT] < 5
    response = client.post(reverse("accounts:session_extend"), {"next": "https://evil.example/"})
    assert response["Location"] == reverse("core:home")


def test_signed_in_pages_carry_the_timeout_warning_and_anonymous_pages_do_not(client, signed_in, fagperson):
    assert "tokt-session-warning" not in client.get(reverse("accounts:login")).content.decode()
    body = signed_in(fagperson).get(reverse("core:home")).content.decode()
    assert 'data-idle-seconds="900"' in body and "Fortsett å være logget inn" in body
