"""Coordinators triage tips behind login; every read and write is audited."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tokt.audit.models import AuditAction, AuditEntry
from tokt.public.models import Tip, TipStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def tip(db):
    return Tip.objects.create(message="Workers sleep in the fish plant.", contact="", lang="lt")


def test_a_coordinator_sees_and_triages_tips(signed_in, koordinator, tip):
    client = signed_in(koordinator)
    listing = client.get(reverse("public_admin:tips"))
    assert listing.status_code == 200 and "Workers sleep" in listing.content.decode()
    detail = client.get(reverse("public_admin:tip_detail", kwargs={"pk": tip.pk}))
    assert detail.status_code == 200 and "Workers sleep in the fish plant." in detail.content.decode()
    assert AuditEntry.objects.filter(
        action=AuditAction.RECORD_READ, target_type="public.tip", target_id=str(tip.pk)
    ).exists()
    response = client.post(
        reverse("public_admin:tip_detail", kwargs={"pk": tip.pk}),
        {"status": TipStatus.TRIAGED, "triage_note": "Sent to a-krim."},
    )
    assert response.status_code == 302
    tip.refresh_from_db()
    assert tip.status == TipStatus.TRIAGED and tip.triage_note == "Sent to a-krim."
    entry = AuditEntry.objects.get(action=AuditAction.TIP_TRIAGED, target_id=str(tip.pk))
    assert entry.details["status"] == "triaged" and "a-krim" not in str(entry.details)


def test_the_list_filters_by_status(signed_in, koordinator, tip):
    Tip.objects.create(message="Closed one", lang="nb", status=TipStatus.CLOSED)
    body = signed_in(koordinator).get(reverse("public_admin:tips"), {"status": "closed"}).content.decode()
    assert "Closed one" in body and "Workers sleep" not in body


def test_an_invalid_status_is_refused(signed_in, koordinator, tip):
    response = signed_in(koordinator).post(
        reverse("public_admin:tip_detail", kwargs={"pk": tip.pk}), {"status": "gone"}
    )
    assert response.status_code == 200
    tip.refresh_from_db()
    assert tip.status == TipStatus.NEW


@pytest.mark.parametrize("persona", ["fagperson", "administrator", "personvernombud"])
def test_other_roles_may_not_read_tips(signed_in, request, persona, tip):
    client = signed_in(request.getfixturevalue(persona))
    assert client.get(reverse("public_admin:tips")).status_code == 403
    assert client.get(reverse("public_admin:tip_detail", kwargs={"pk": tip.pk})).status_code == 403


def test_anonymous_visitors_are_sent_to_login(client, tip):
    response = client.get(reverse("public_admin:tip_detail", kwargs={"pk": tip.pk}))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_an_unknown_tip_is_404(signed_in, koordinator):
    assert signed_in(koordinator).get(reverse("public_admin:tip_detail", kwargs={"pk": 999})).status_code == 404


def test_wrong_method_on_print_download_is_405(signed_in, koordinator):
    response = signed_in(koordinator).post(
        reverse("public_admin:print_download", kwargs={"lang": "nb", "kind": "poster"})
    )
    assert response.status_code == 405
