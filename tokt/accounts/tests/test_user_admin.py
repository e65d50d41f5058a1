from __future__ import annotations

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from tokt.accounts.models import User
from tokt.accounts.tests.factories import sign_in
from tokt.audit.models import AuditAction, AuditEntry

pytestmark = pytest.mark.django_db


def _action(client, user, action, data=None):
    return client.post(reverse("accounts:user_action", args=[user.pk, action]), {"confirm": "yes", **(data or {})})


def test_administrator_creates_a_user_with_agency_and_role(signed_in, administrator, agency):
    client = signed_in(administrator)
    response = client.post(
        reverse("accounts:user_create"),
        {
            "username": "ny.bruker",
            "first_name": "Ny",
            "last_name": "Bruker",
            "email": "ny@example.invalid",
            "agency": agency.pk,
            "role": "koordinator",
            "password": "Et-langt-passord-99",
        },
    )
    assert response.status_code == 200 and "/konto/aktiver/" in response.content.decode()
    user = User.objects.get(username="ny.bruker")
    assert (user.agency, user.role) == (agency, "koordinator")
    assert user.password.startswith("md5$")  # the test hasher; production uses Argon2 (see test_settings)
    assert AuditEntry.objects.filter(action=AuditAction.USER_CREATED, target_id=str(user.pk)).exists()


def test_a_weak_password_is_refused_with_a_message_and_nothing_is_created(signed_in, administrator, agency):
    client = signed_in(administrator)
    response = client.post(
        reverse("accounts:user_create"),
        {
            "username": "svak",
            "first_name": "S",
            "last_name": "V",
            "agency": agency.pk,
            "role": "fagperson",
            "password": "123",
        },
    )
    assert response.status_code == 200
    assert "Noe må rettes" in response.content.decode()
    assert not User.objects.filter(username="svak").exists()


def test_role_change_is_audited_with_old_and_new_role(signed_in, administrator, fagperson):
    client = signed_in(administrator)
    _action(client, fagperson, "role", {"role": "koordinator"})
    fagperson.refresh_from_db()
    assert fagperson.role == "koordinator"
    entry = AuditEntry.objects.get(action=AuditAction.ROLE_CHANGED)
    assert entry.details == {"from": "fagperson", "to": "koordinator"}


def test_an_administrator_cannot_lock_themself_out(signed_in, administrator):
    client = signed_in(administrator)
    response = _action(client, administrator, "deactivate")
    assert response.status_code == 302
    administrator.refresh_from_db()
    assert administrator.is_active


def test_deactivation_ends_the_users_sessions(signed_in, administrator, fagperson):
    victim_client = Client()
    sign_in(victim_client, fagperson)
    key = victim_client.session.session_key
    client = signed_in(administrator)
    _action(client, fagperson, "deactivate")
    assert not Session.objects.filter(session_key=key).exists()
    assert victim_client.get(reverse("core:home")).status_code == 302
    assert AuditEntry.objects.filter(action=AuditAction.USER_DEACTIVATED, target_id=str(fagperson.pk)).exists()


def test_administrator_ends_all_sessions_of_a_user(signed_in, administrator, fagperson):
    a, b = Client(), Client()
    sign_in(a, fagperson)
    sign_in(b, fagperson)
    client = signed_in(administrator)
    _action(client, fagperson, "end-sessions")
    assert a.get(reverse("core:home")).status_code == 302
    assert b.get(reverse("core:home")).status_code == 302
    assert AuditEntry.objects.get(action=AuditAction.SESSIONS_ENDED).details == {"sessions_ended": 2}


def test_password_reset_by_administrator(signed_in, administrator, fagperson):
    client = signed_in(administrator)
    _action(client, fagperson, "reset-password", {"password": "Helt-nytt-passord-42"})
    fagperson.refresh_from_db()
    assert fagperson.check_password("Helt-nytt-passord-42")
    assert AuditEntry.objects.filter(action=AuditAction.PASSWORD_RESET).exists()


def test_unknown_action_is_a_404(signed_in, administrator, fagperson):
    assert _action(signed_in(administrator), fagperson, "explode").status_code == 404


@pytest.mark.parametrize("persona", ["fagperson", "koordinator", "personvernombud"])
def test_only_administrators_manage_users(signed_in, request, persona, fagperson):
    client = signed_in(request.getfixturevalue(persona))
    assert client.get(reverse("accounts:user_list")).status_code == 403
    assert _action(client, fagperson, "deactivate").status_code == 403
