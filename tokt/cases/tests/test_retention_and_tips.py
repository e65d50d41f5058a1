from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tokt.accounts.tests.factories import make_user, sign_in
from tokt.audit.models import AuditAction, AuditEntry
from tokt.cases import retention, services
from tokt.cases.choices import CaseStatus, ConsentScope, Source
from tokt.cases.models import Case, Note
from tokt.cases.tests.factories import case_fields, make_case
from tokt.core.models import Agency
from tokt.public.models import Tip, TipStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return make_user(username="navfag", role="fagperson", agency=Agency.objects.get(slug="nav"))


def _closed_case(owner, retain_until):
    case = make_case(owner, note="Notat som skal bort.")
    services.consent_record(
        user=owner, case=case, scope=ConsentScope.DETAILS, given_on=case.met_on, agencies=[owner.agency]
    )
    services.case_set_status(user=owner, case=case, status=CaseStatus.CLOSED, reason="Ferdig.")
    Case.objects.filter(pk=case.pk).update(retain_until=retain_until)
    return Case.objects.get(pk=case.pk)


def test_a_closed_case_past_retention_is_anonymised_and_still_counts(owner):
    today = timezone.localdate()
    case = _closed_case(owner, today - dt.timedelta(days=1))
    out = io.StringIO()
    call_command("anonymise_cases", stdout=out)
    assert "anonymised 1" in out.getvalue()
    case.refresh_from_db()
    assert case.anonymised_at is not None
    assert case.country == "" and case.met_on.month == 1 and case.met_on.day == 1
    assert not Note.objects.filter(case=case).exists() and not case.consents.exists()
    assert all(c.reason == "" for c in case.status_changes.all())
    # The structured fields survive for statistics.
    assert case.age_group and case.municipality_id and case.forms
    assert AuditEntry.objects.filter(action=AuditAction.CASE_ANONYMISED, target_id=str(case.pk)).exists()


def test_the_owner_is_warned_a_month_ahead_without_case_content(owner, django_capture_on_commit_callbacks):
    today = timezone.localdate()
    case = _closed_case(owner, today + dt.timedelta(days=20))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        result = retention.run(today)
    assert result.warned == 1 and result.anonymised == 0
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [owner.email]
    assert case.code not in message.body and case.code not in message.subject
    assert retention.run(today).warned == 0  # warned once


def test_activity_on_a_closed_case_extends_its_retention(owner):
    case = _closed_case(owner, timezone.localdate() + dt.timedelta(days=5))
    services.note_add(user=owner, case=case, text="Personen tok kontakt igjen.")
    case.refresh_from_db()
    assert case.retain_until > timezone.localdate() + dt.timedelta(days=300)


def test_open_cases_are_never_anonymised(owner):
    case = make_case(owner)
    Case.objects.filter(pk=case.pk).update(retain_until=timezone.localdate() - dt.timedelta(days=400))
    assert retention.run().anonymised == 0


def test_a_coordinator_turns_a_tip_into_a_case_and_the_tip_keeps_no_copy(client):
    coordinator = make_user(username="koord", role="koordinator", agency=Agency.objects.get(slug="kun"))
    tip = Tip.objects.create(message="Ring meg på 412 34 567, de jobber natt på fiskebruket.", lang="nb")
    case = services.case_from_tip(user=coordinator, tip=tip, fields=case_fields())
    assert case.source == Source.PUBLIC_TIP
    note = case.notes.get()
    assert note.from_tip and "fiskebruket" in note.text
    tip.refresh_from_db()
    assert "fiskebruket" not in tip.message and tip.contact == "" and tip.status == TipStatus.TRIAGED
    assert AuditEntry.objects.filter(action=AuditAction.TIP_CONVERTED).exists()


def test_the_tip_conversion_page_creates_the_case(client):
    coordinator = make_user(username="koord", role="koordinator", agency=Agency.objects.get(slug="kun"))
    tip = Tip.objects.create(message="Mistanke om tvangsarbeid.", lang="nb")
    sign_in(client, coordinator)
    form = {
        "age_group": "unknown",
        "gender": "unknown",
        "region": "unknown",
        "municipality": "1804",
        "source": "public_tip",
        "met_on": timezone.localdate().isoformat(),
    }
    response = client.post(reverse("cases:tip_convert", kwargs={"tip_id": tip.pk}), form)
    assert response.status_code == 302
    assert Case.objects.get().notes.get().text == "Mistanke om tvangsarbeid."


def test_a_screening_is_attached_with_its_version_and_date(client, owner):
    case = make_case(owner)
    sign_in(client, owner)
    url = reverse("cases:screening_attach", kwargs={"case_id": case.public_id})
    client.post(
        url, {"age_group": "adult", "FL01": "observed", "screening_version": "2026.1", "screening_date": "2026-12-01"}
    )
    case.refresh_from_db()
    assert case.screening == {
        "answers": {"age_group": "adult", "FL01": "observed"},
        "version": "2026.1",
        "date": "2026-12-01",
    }


def test_a_screening_with_free_text_answers_is_refused(owner):
    case = make_case(owner)
    with pytest.raises(services.CaseError):
        services.case_attach_screening(
            user=owner, case=case, answers={"note": "ring 412 34 567"}, version="1", on=timezone.localdate()
        )


def test_a_referral_notifies_the_receiving_agency_without_case_content(owner, django_capture_on_commit_callbacks):
    from tokt.directory.models import Actor

    police = Agency.objects.get(slug="politiet-nordland")
    officer = make_user(username="polfag", role="fagperson", agency=police)
    case = make_case(owner)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.referral_send(user=owner, case=case, actor=Actor.objects.first(), agency=police)
    assert [m.to for m in mail.outbox] == [[officer.email]]
    assert case.code not in mail.outbox[0].body
