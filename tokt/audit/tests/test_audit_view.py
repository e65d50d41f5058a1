from __future__ import annotations

import pytest
from django.urls import reverse

from tokt.audit.models import AuditAction, AuditEntry

pytestmark = pytest.mark.django_db


def test_the_data_protection_officer_can_browse_and_filter(signed_in, personvernombud, fagperson):
    client = signed_in(personvernombud)
    response = client.get(reverse("audit:list"), {"action": AuditAction.LOGIN, "username": personvernombud.username})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Innlogging" in body
    assert "Kjeden er kontrollert" in body
    shown = list(response.context["page"])
    assert shown and all(e.action == AuditAction.LOGIN and e.actor_username == personvernombud.username for e in shown)


def test_reading_the_audit_trail_is_itself_audited(signed_in, personvernombud):
    client = signed_in(personvernombud)
    client.get(reverse("audit:list"))
    assert AuditEntry.objects.filter(action=AuditAction.AUDIT_VIEWED, actor=personvernombud).exists()


@pytest.mark.parametrize("persona", ["fagperson", "koordinator", "administrator"])
def test_other_roles_may_not_read_the_audit_trail(signed_in, request, persona):
    client = signed_in(request.getfixturevalue(persona))
    assert client.get(reverse("audit:list")).status_code == 403


def test_anonymous_visitors_are_sent_to_login(client, db):
    response = client.get(reverse("audit:list"))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_a_bad_filter_shows_the_form_error_not_a_crash(signed_in, personvernombud):
    client = signed_in(personvernombud)
    response = client.get(reverse("audit:list"), {"date_from": "not-a-date", "action": "<script>"})
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[1].split("</main>")[0].replace(
        "&lt;script&gt;", ""
    )


def test_the_page_verifies_only_entries_added_since_the_last_verification(signed_in, personvernombud):
    from unittest import mock

    from django.core.management import call_command

    from tokt.audit import selectors
    from tokt.audit.services import log_action

    for n in range(300):
        log_action(actor=personvernombud, action=AuditAction.RECORD_READ, details={"n": n})
    call_command("verify_audit", stdout=__import__("io").StringIO())
    client = signed_in(personvernombud)
    seen = []
    real = selectors._links

    def counting(entries):
        for link in real(entries):
            seen.append(link.seq)
            yield link

    with mock.patch.object(selectors, "_links", counting):
        response = client.get(reverse("audit:list"))
    assert "Kjeden er kontrollert" in response.content.decode()
    assert 0 < len(seen) < 10  # the sign-in and page-view entries, not the 300 before


def test_unfiltered_pages_are_ranges_of_entry_numbers(signed_in, personvernombud):
    from tokt.audit.services import log_action

    for n in range(120):
        log_action(actor=personvernombud, action=AuditAction.RECORD_READ, details={"n": n})
    client = signed_in(personvernombud)
    first = list(client.get(reverse("audit:list")).context["page"])
    second = list(client.get(reverse("audit:list"), {"side": "2"}).context["page"])
    top = first[0].seq
    assert [e.seq for e in first] == list(range(top, top - 50, -1))
    # The second view wrote one more entry first, so its page starts one number higher.
    assert [e.seq for e in second] == list(range(top - 49, top - 99, -1))
