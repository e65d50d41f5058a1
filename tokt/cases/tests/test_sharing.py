"""What another agency sees of a case shared with it, and when the sharing ends."""

from __future__ import annotations

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from tokt.accounts.tests.factories import make_user, sign_in
from tokt.cases import services
from tokt.cases.choices import ConsentScope
from tokt.cases.tests.factories import make_case
from tokt.core.models import Agency

pytestmark = pytest.mark.django_db
NOTE = "Jobber skift på fiskebruket, bor i brakke."


@pytest.fixture
def setup():
    nav = Agency.objects.get(slug="nav")
    police = Agency.objects.get(slug="politiet-nordland")
    owner = make_user(username="navfag", role="fagperson", agency=nav)
    officer = make_user(username="polfag", role="fagperson", agency=police)
    case = make_case(owner, note=NOTE, country="PL")
    conference = services.conference_create(
        user=owner, title="Drøfting", date=timezone.localdate(), place="Bodø", agencies=[police]
    )
    return owner, officer, case, conference, police


def _detail(client, case):
    return client.get(reverse("cases:detail", kwargs={"case_id": case.public_id}))


def test_an_invited_agency_sees_the_pseudonymised_case_only_while_it_is_on_an_open_conference(client, setup):
    owner, officer, case, conference, _police = setup
    sign_in(client, officer)
    assert _detail(client, case).status_code == 404
    services.agenda_add(user=owner, conference=conference, case=case)
    response = _detail(client, case)
    assert response.status_code == 200
    body = response.content.decode()
    assert case.code in body
    assert NOTE not in body
    # Poland is rare among the cases here: shown as its region outside NAV.
    assert "Polen" not in body and "Øst-Europa" in body
    assert client.get(reverse("cases:edit", kwargs={"case_id": case.public_id})).status_code == 404
    services.conference_close(user=owner, conference=conference)
    assert _detail(client, case).status_code == 404


def test_consent_covering_the_agency_shows_country_and_notes(client, setup):
    owner, officer, case, conference, police = setup
    services.agenda_add(user=owner, conference=conference, case=case)
    services.consent_record(
        user=owner, case=case, scope=ConsentScope.DETAILS_AND_NOTES, given_on=timezone.localdate(), agencies=[police]
    )
    sign_in(client, officer)
    body = _detail(client, case).content.decode()
    assert NOTE in body and "Polen" in body
    consent = case.consents.get()
    services.consent_withdraw(user=owner, consent=consent, withdrawn_on=timezone.localdate())
    body = _detail(client, case).content.decode()
    assert NOTE not in body and "Polen" not in body


def test_the_owning_agency_sees_everything(client, setup):
    owner, _officer, case, _conference, _police = setup
    sign_in(client, owner)
    body = _detail(client, case).content.decode()
    assert NOTE in body and "Polen" in body


def test_the_case_list_never_shows_notes(client, setup):
    owner, _officer, case, _conference, _police = setup
    sign_in(client, owner)
    body = client.get(reverse("cases:list")).content.decode()
    assert case.code in body and NOTE not in body


def test_every_case_read_is_audited(client, setup):
    from tokt.audit.models import AuditAction, AuditEntry

    owner, _officer, case, _conference, _police = setup
    sign_in(client, owner)
    _detail(client, case)
    assert AuditEntry.objects.filter(action=AuditAction.CASE_READ, target_id=str(case.pk), actor=owner).exists()


def test_a_database_dump_holds_no_note_text(setup):
    _owner, _officer, case, _conference, _police = setup
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM cases_note WHERE case_id = %s", [case.pk])
        (raw,) = cursor.fetchone()
    assert raw.startswith("fernet:")
    assert "fiskebruket" not in raw
    assert case.notes.get().text == NOTE


def test_after_the_meeting_is_closed_other_agencies_keep_only_the_code_conclusion_and_actions(client, setup):
    owner, officer, case, conference, _police = setup
    item = services.agenda_add(user=owner, conference=conference, case=case)
    services.agenda_item_record(user=owner, item=item, discussion="", conclusion="Politiet følger opp.")
    services.conference_close(user=owner, conference=conference)
    sign_in(client, officer)
    body = client.get(reverse("cases:conference", kwargs={"conference_id": conference.public_id})).content.decode()
    assert case.code in body and "Politiet følger opp." in body
    assert "Øst-Europa" not in body and "Aldersgruppe" not in body
    from tokt.cases import printing

    html = printing.conference_html(conference, "referat", viewer=officer)
    assert case.code in html and "Øst-Europa" not in html
    assert "Øst-Europa" in printing.conference_html(conference, "referat", viewer=owner)
