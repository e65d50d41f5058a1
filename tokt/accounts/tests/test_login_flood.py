"""Failed sign-ins cannot flood the audit trail, and a typed name that is no user is never stored."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tokt.audit.models import AuditAction, AuditEntry

pytestmark = pytest.mark.django_db


def _fail(client, username):
    return client.post(reverse("accounts:login"), {"username": username, "password": "wrong-password-123"})


def test_a_name_that_is_no_user_is_never_stored(client):
    _fail(client, "Sommer2026!passord")
    entry = AuditEntry.objects.get(action=AuditAction.LOGIN_FAILED)
    assert entry.actor_username == "" and entry.details == {"unknown_user": True}
    assert "Sommer2026" not in str(entry.hashed_fields())


def test_many_failures_write_a_handful_of_rows(client, fagperson, settings):
    settings.AXES_FAILURE_LIMIT = 1000
    for n in range(100):
        _fail(client, f"nobody-{n}")
        _fail(client, "fag")
    assert AuditEntry.objects.filter(action=AuditAction.LOGIN_FAILED).count() == 2
    assert AuditEntry.objects.filter(action=AuditAction.LOGIN_FAILED, actor_username="fag").count() == 1
