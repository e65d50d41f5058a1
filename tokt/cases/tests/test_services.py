"""Services refuse bad input with a clear message and leave nothing half-written."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tokt.accounts.tests.factories import make_user, sign_in
from tokt.audit.models import AuditAction, AuditEntry
from tokt.cases import services
from tokt.cases.choices import CaseStatus, ConsentScope, ReferralStatus
from tokt.cases.models import Case, Note, Referral
from tokt.cases.services import CaseError, EditConflict
from tokt.cases.tests.factories import case_fields, make_case
from tokt.core.models import Agency
from tokt.directory.models import Actor

pytestmark = pytest.mark.django_db


@pytest.fixture
def nav():
    return Agency.objects.get(slug="nav")


@pytest.fixture
def police():
    return Agency.objects.get(slug="politiet-nordland")


@pytest.fixture
def owner(nav):
    return make_user(username="navfag", role="fagperson", agency=nav)


@pytest.fixture
def officer(police):
    return make_user(username="polfag", role="fagperson", agency=police)


@pytest.fixture
def actor():
    return Actor.objects.order_by("pk").first()


def test_a_case_gets_a_readable_code_and_an_opaque_id(owner):
    case = make_case(owner)
    year = timezone.localdate().year
    assert case.code.startswith(f"SAL-{year}-") and len(case.code) == len(f"SAL-{year}-") + 4
    assert not case.public_id.isdigit() and len(case.public_id) >= 20
    assert make_case(owner).public_id != case.public_id
    assert case.status_changes.get().to_status == CaseStatus.REGISTERED
    assert AuditEntry.objects.filter(action=AuditAction.CASE_OPENED, target_id=str(case.pk)).exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"met_on": dt.date.today() + dt.timedelta(days=2)}, "fram i tid"),
        ({"age_group": "ancient"}, "aldersgruppe"),
        ({"sector": "spaceships"}, "bransje"),
        ({"forms": ("mind_control",)}, "utnytting"),
        ({"country": "XX"}, "land"),
        ({"country": "NG"}, "regionen"),
        ({"municipality_id": "9999"}, "kommune"),
        ({"source": "rumour"}, "kjent"),
    ],
)
def test_bad_fields_are_refused_and_nothing_is_saved(owner, overrides, message):
    with pytest.raises(CaseError) as error:
        make_case(owner, **overrides)
    assert message in str(error.value)
    assert Case.objects.count() == 0


def test_a_note_with_a_phone_number_is_refused_and_nothing_is_saved(owner):
    case = make_case(owner)
    with pytest.raises(CaseError) as error:
        services.note_add(user=owner, case=case, text="Hun har telefon 412 34 567.")
    assert "telefonnummer" in str(error.value)
    assert Note.objects.count() == 0


def test_the_second_of_two_concurrent_edits_is_refused_with_the_current_version(owner):
    case = make_case(owner)
    version = case.version
    services.case_update(user=owner, case=case, fields=case_fields(sector="construction"), version=version)
    with pytest.raises(EditConflict) as error:
        services.case_update(user=owner, case=case, fields=case_fields(sector="cleaning"), version=version)
    assert error.value.current.sector == "construction"
    assert Case.objects.get(pk=case.pk).sector == "construction"


def test_the_edit_page_shows_both_versions_and_keeps_what_was_typed(client, owner):
    case = make_case(owner)
    form = {
        "version": case.version,
        "age_group": "18_25",
        "gender": "woman",
        "region": "eu_east",
        "country": "PL",
        "municipality": "1804",
        "sector": "cleaning",
        "forms": ["forced_labour"],
        "source": "own_work",
        "met_on": case.met_on.isoformat(),
    }
    services.case_update(user=owner, case=case, fields=case_fields(sector="construction"), version=case.version)
    sign_in(client, owner)
    response = client.post(reverse("cases:edit", kwargs={"case_id": case.public_id}), form)
    body = response.content.decode()
    assert response.status_code == 200
    assert "endret av noen andre" in body
    assert "Bygg og anlegg" in body  # the saved version
    assert 'value="cleaning" selected' in body  # what this user typed
    # The form now carries the saved version, so sending it again as shown succeeds.
    shown = re.search(r'name="version" value="(\d+)"', body).group(1)
    assert int(shown) == Case.objects.get(pk=case.pk).version
    form["version"] = shown
    assert client.post(reverse("cases:edit", kwargs={"case_id": case.public_id}), form).status_code == 302
    assert Case.objects.get(pk=case.pk).sector == "cleaning"


def test_a_referral_sharing_identifying_information_needs_consent_covering_the_actor(owner, actor):
    case = make_case(owner)
    with pytest.raises(CaseError) as error:
        services.referral_send(user=owner, case=case, actor=actor, share_identifying=True)
    assert "samtykke" in str(error.value)
    assert Referral.objects.count() == 0
    services.consent_record(
        user=owner, case=case, scope=ConsentScope.DETAILS, given_on=timezone.localdate(), actors=[actor]
    )
    referral = services.referral_send(user=owner, case=case, actor=actor, share_identifying=True)
    assert referral.status == ReferralStatus.SENT
    assert Case.objects.get(pk=case.pk).status == CaseStatus.REFERRED


def test_a_withdrawn_consent_no_longer_allows_sharing(owner, actor):
    case = make_case(owner)
    consent = services.consent_record(
        user=owner, case=case, scope=ConsentScope.DETAILS, given_on=timezone.localdate(), actors=[actor]
    )
    services.consent_withdraw(user=owner, consent=consent, withdrawn_on=timezone.localdate())
    with pytest.raises(CaseError):
        services.referral_send(user=owner, case=case, actor=actor, share_identifying=True)


def test_a_referral_to_an_inactive_actor_is_refused(owner, actor, monkeypatch):
    case = make_case(owner)
    monkeypatch.setattr(services, "actor_is_active", lambda a: False)
    with pytest.raises(CaseError) as error:
        services.referral_send(user=owner, case=case, actor=actor)
    assert "ikke lenger aktiv" in str(error.value)


def test_actor_is_active_reads_whichever_flag_the_directory_has():
    class Retired:
        retired = True

    class Inactive:
        active = False

    class Plain:
        pass

    assert not services.actor_is_active(Retired())
    assert not services.actor_is_active(Inactive())
    assert services.actor_is_active(Plain())


def test_the_referred_agency_answers_and_a_rejection_needs_a_reason(owner, officer, police, actor):
    case = make_case(owner)
    referral = services.referral_send(user=owner, case=case, actor=actor, agency=police)
    with pytest.raises(CaseError):
        services.referral_answer(user=owner, referral=referral, status=ReferralStatus.ACCEPTED)
    with pytest.raises(CaseError):
        services.referral_answer(user=officer, referral=referral, status=ReferralStatus.REJECTED, reason="")
    services.referral_answer(user=officer, referral=referral, status=ReferralStatus.ACCEPTED)
    services.referral_answer(user=officer, referral=referral, status=ReferralStatus.DONE)
    with pytest.raises(CaseError):
        services.referral_revoke(user=owner, referral=referral)


def test_a_referred_agency_sees_the_case_until_the_referral_is_revoked(client, owner, officer, police, actor):
    case = make_case(owner, note="Hemmelig notat")
    referral = services.referral_send(user=owner, case=case, actor=actor, agency=police)
    sign_in(client, officer)
    url = reverse("cases:detail", kwargs={"case_id": case.public_id})
    body = client.get(url).content.decode()
    assert case.code in body and "Hemmelig notat" not in body
    services.referral_revoke(user=owner, referral=referral)
    assert client.get(url).status_code == 404


def test_a_transfer_moves_the_case_only_when_the_receiving_agency_accepts(owner, officer, police):
    case = make_case(owner)
    transfer = services.transfer_request(user=owner, case=case, to_agency=police)
    assert Case.objects.get(pk=case.pk).agency_id == owner.agency_id
    with pytest.raises(CaseError):
        services.transfer_answer(user=owner, transfer=transfer, accept=True)
    services.transfer_answer(user=officer, transfer=transfer, accept=True)
    assert Case.objects.get(pk=case.pk).agency_id == police.pk


def test_closing_needs_a_reason_and_sets_the_retention_date(owner, settings):
    case = make_case(owner)
    with pytest.raises(CaseError):
        services.case_set_status(user=owner, case=case, status=CaseStatus.CLOSED)
    services.case_set_status(user=owner, case=case, status=CaseStatus.CLOSED, reason="Personen har reist hjem.")
    case.refresh_from_db()
    assert case.closed_on == timezone.localdate()
    assert case.retain_until.year * 12 + case.retain_until.month == (
        case.closed_on.year * 12 + case.closed_on.month + settings.CASE_RETENTION_MONTHS
    )


def test_actions_must_belong_to_an_invited_agency_and_not_be_due_before_the_meeting(owner, nav, police):
    case = make_case(owner)
    conference = services.conference_create(user=owner, title="Møte", date=timezone.localdate(), place="Bodø")
    item = services.agenda_add(user=owner, conference=conference, case=case)
    with pytest.raises(CaseError):
        services.action_add(
            user=owner, item=item, description="Følge opp", owner_agency=police, due_on=timezone.localdate()
        )
    with pytest.raises(CaseError):
        services.action_add(
            user=owner,
            item=item,
            description="Følge opp",
            owner_agency=nav,
            due_on=timezone.localdate() - dt.timedelta(days=1),
        )
    with pytest.raises(CaseError):
        services.action_add(
            user=owner, item=item, description="Ring 412 34 567", owner_agency=nav, due_on=timezone.localdate()
        )
