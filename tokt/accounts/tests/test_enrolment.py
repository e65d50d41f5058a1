"""First enrolment needs an out-of-band link; temporary passwords are replaced; recovery codes work."""

from __future__ import annotations

import datetime
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tokt.accounts import services
from tokt.accounts.models import EnrolmentLink, RecoveryCode, User
from tokt.accounts.tests.factories import TEST_PASSWORD, make_user
from tokt.audit.models import AuditAction, AuditEntry

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "Mitt-eget-passord-2026"


@pytest.fixture(autouse=True)
def _otp_required(settings):
    settings.OTP_REQUIRED = True


def _newbie(agency, *, must_change=True):
    user = make_user(username="newbie", role="fagperson", agency=agency, with_totp=False)
    user.must_change_password = must_change
    user.save()
    return user


def _password(client, user, password=TEST_PASSWORD):
    return client.post(reverse("accounts:login"), {"username": user.username, "password": password})


def _enrol(client, user):
    """Open the link, give the password, confirm a code; return the response showing recovery codes."""
    token = services.enrolment_link_issue(by=None, user=user)
    assert client.get(reverse("accounts:enrolment_link", kwargs={"token": token})).status_code == 302
    assert _password(client, user)["Location"] == reverse("accounts:otp_enrol")
    client.get(reverse("accounts:otp_enrol"))
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    return client.post(reverse("accounts:otp_enrol"), {"token": f"{totp(device.bin_key):06d}"}), token


def test_the_password_alone_does_not_reach_the_totp_secret(client, agency):
    user = _newbie(agency)
    response = _password(client, user)
    assert response.status_code == 200
    assert "påmeldingslenken" in response.content.decode()
    assert client.get(reverse("accounts:otp_enrol")).status_code == 302
    assert not TOTPDevice.objects.filter(user=user).exists()


def test_link_then_password_then_code_then_new_password_signs_in(client, agency):
    user = _newbie(agency)
    response, _token = _enrol(client, user)
    body = response.content.decode()
    codes = re.findall(r"<code>([a-z]{5}-[a-z]{5})</code>", body)
    assert len(codes) == services.RECOVERY_CODE_COUNT
    assert client.get(reverse("core:home")).status_code == 302  # the temporary password is still in place
    response = client.post(reverse("accounts:login_finish"))
    assert "Velg nytt passord" in response.content.decode()
    response = client.post(reverse("accounts:login_finish"), {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("core:home")).status_code == 200
    user.refresh_from_db()
    assert not user.must_change_password and user.check_password(NEW_PASSWORD)
    assert AuditEntry.objects.filter(action=AuditAction.PASSWORD_CHANGED, target_id=str(user.pk)).exists()


def test_an_enrolment_link_works_once(client, agency):
    from django.test import Client

    user = _newbie(agency)
    _response, token = _enrol(client, user)
    other = Client()
    response = other.get(reverse("accounts:enrolment_link", kwargs={"token": token}))
    assert response.status_code == 404 and "Lenken virker ikke" in response.content.decode()


def test_an_expired_enrolment_link_is_refused(client, agency):
    user = _newbie(agency)
    token = services.enrolment_link_issue(by=None, user=user)
    EnrolmentLink.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    assert client.get(reverse("accounts:enrolment_link", kwargs={"token": token})).status_code == 404
    assert _password(client, user).status_code == 200


def test_a_link_for_another_user_does_not_enrol_this_one(client, agency):
    user = _newbie(agency)
    other = make_user(username="other", role="fagperson", agency=agency, with_totp=False)
    token = services.enrolment_link_issue(by=None, user=other)
    client.get(reverse("accounts:enrolment_link", kwargs={"token": token}))
    assert _password(client, user).status_code == 200


def test_links_and_recovery_codes_are_stored_only_as_hashes(client, agency):
    user = _newbie(agency)
    response, token = _enrol(client, user)
    codes = re.findall(r"<code>([a-z]{5}-[a-z]{5})</code>", response.content.decode())
    stored = list(EnrolmentLink.objects.values_list("token_hash", flat=True)) + list(
        RecoveryCode.objects.values_list("code_hash", flat=True)
    )
    for secret in [token, *codes, *(c.replace("-", "") for c in codes)]:
        assert all(secret not in value for value in stored)


def test_a_recovery_code_signs_in_once(client, agency):
    from django.test import Client

    user = _newbie(agency, must_change=False)
    response, _token = _enrol(client, user)
    code = re.findall(r"<code>([a-z]{5}-[a-z]{5})</code>", response.content.decode())[0]
    first = Client()
    _password(first, user)
    assert first.post(reverse("accounts:otp_verify"), {"token": code.upper()}).status_code == 302
    assert first.get(reverse("core:home")).status_code == 200
    assert AuditEntry.objects.filter(action=AuditAction.RECOVERY_CODE_USED).exists()
    second = Client()
    _password(second, user)
    response = second.post(reverse("accounts:otp_verify"), {"token": code})
    assert response.status_code == 200 and "allerede brukt" in response.content.decode()


def test_user_created_by_an_administrator_gets_a_link_shown_once(signed_in, administrator, agency):
    client = signed_in(administrator)
    data = {
        "username": "ny-bruker",
        "first_name": "Ny",
        "last_name": "Bruker",
        "email": "",
        "agency": agency.pk,
        "role": "fagperson",
        "password": "Midlertidig-passord-99",
    }
    response = client.post(reverse("accounts:user_create"), data)
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    link = re.search(r'data-testid="enrolment-link">([^<]+)<', response.content.decode()).group(1)
    assert "/konto/aktiver/" in link
    user = User.objects.get(username="ny-bruker")
    assert user.must_change_password
    detail = client.get(reverse("accounts:user_detail", kwargs={"pk": user.pk})).content.decode()
    assert link not in detail


def test_reset_of_two_factor_that_was_never_set_up_says_so(signed_in, administrator, agency):
    user = _newbie(agency)
    client = signed_in(administrator)
    url = reverse("accounts:user_action", kwargs={"pk": user.pk, "action": "reset-otp"})
    response = client.post(url, {"confirm": "yes"})
    body = response.content.decode()
    assert "var ikke satt opp" in body and 'data-testid="enrolment-link"' in body


def test_create_administrator_prints_a_one_time_link_for_a_fresh_install(client):
    out = StringIO()
    call_command("create_administrator", "forste", stdout=out)
    text = out.getvalue()
    user = User.objects.get(username="forste")
    assert user.role == "administrator" and user.must_change_password
    password = re.search(r"temporary password: (\S+)", text).group(1)
    path = re.search(r"(/konto/aktiver/[^/\s]+/)", text).group(1)
    assert client.get(path).status_code == 302
    assert _password(client, user, password)["Location"] == reverse("accounts:otp_enrol")
