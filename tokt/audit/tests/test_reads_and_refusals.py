"""Reads of personal or sensitive data and every refusal are audited; refusals cannot flood the trail."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tokt.audit.models import AuditAction, AuditEntry

pytestmark = pytest.mark.django_db


def test_reading_the_user_list_is_audited(signed_in, administrator):
    signed_in(administrator).get(reverse("accounts:user_list"))
    assert AuditEntry.objects.filter(action=AuditAction.USERS_LISTED, actor=administrator).exists()


def test_reading_a_user_page_is_audited_with_the_user_read(signed_in, administrator, fagperson):
    signed_in(administrator).get(reverse("accounts:user_detail", kwargs={"pk": fagperson.pk}))
    entry = AuditEntry.objects.get(action=AuditAction.USER_VIEWED)
    assert (entry.actor, entry.target_id) == (administrator, str(fagperson.pk))


def test_the_hsds_export_is_audited(signed_in, koordinator):
    response = signed_in(koordinator).get(reverse("directory:hsds_export"))
    assert response.status_code == 200
    assert AuditEntry.objects.filter(action=AuditAction.DIRECTORY_HSDS_EXPORTED, actor=koordinator).exists()


def test_a_refused_request_is_audited(signed_in, fagperson):
    response = signed_in(fagperson).get(reverse("accounts:user_list"))
    assert response.status_code == 403
    entry = AuditEntry.objects.get(action=AuditAction.ACCESS_DENIED)
    assert entry.actor == fagperson and entry.details["path"] == reverse("accounts:user_list")


def test_repeated_refusals_are_aggregated(signed_in, fagperson):
    from django.core.cache import cache

    client = signed_in(fagperson)
    for _ in range(50):
        assert client.get(reverse("accounts:user_list")).status_code == 403
    assert AuditEntry.objects.filter(action=AuditAction.ACCESS_DENIED).count() == 1
    path = reverse("accounts:user_list")
    cache.delete(f"tokt-audit-window:denied:{fagperson.pk}:GET:{path}")  # as when the window ends
    client.get(reverse("accounts:user_list"))
    latest = AuditEntry.objects.filter(action=AuditAction.ACCESS_DENIED).latest("seq")
    assert latest.details["similar_left_out_before"] == 49
