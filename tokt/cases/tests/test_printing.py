"""The PDFs hold only the pseudonymised case, and a referral letter only what consent allows."""

from __future__ import annotations

import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from tokt.accounts.tests.factories import make_user
from tokt.cases import printing, services
from tokt.cases.choices import ConsentScope
from tokt.cases.tests.factories import make_case
from tokt.core.models import Agency
from tokt.directory.models import Actor

pytestmark = pytest.mark.django_db
NOTE = "Sover i en container bak fabrikken."


def _text(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def owner():
    return make_user(username="navfag", role="fagperson", agency=Agency.objects.get(slug="nav"))


def test_the_minutes_hold_conclusions_and_actions_but_no_notes_or_rare_country(owner):
    case = make_case(owner, note=NOTE, country="PL")
    conference = services.conference_create(user=owner, title="Drøfting", date=timezone.localdate(), place="Bodø")
    item = services.agenda_add(user=owner, conference=conference, case=case)
    services.agenda_item_record(user=owner, item=item, discussion="Drøftet kort.", conclusion="Henvise til ROSA.")
    services.action_add(
        user=owner, item=item, description="Ringe ROSA", owner_agency=owner.agency, due_on=timezone.localdate()
    )
    text = _text(printing.conference_pdf(conference, "referat"))
    assert case.code in text and "Henvise til ROSA." in text and "Ringe ROSA" in text
    assert "container" not in text and "Polen" not in text
    agenda = _text(printing.conference_pdf(conference, "agenda"))
    assert case.code in agenda and "Henvise til ROSA." not in agenda


def test_a_referral_letter_without_consent_holds_only_the_pseudonymised_case(owner):
    actor = Actor.objects.order_by("pk").first()
    case = make_case(owner, note=NOTE, country="PL")
    referral = services.referral_send(user=owner, case=case, actor=actor, purpose="Trenger trygt bosted.")
    text = _text(printing.referral_letter_pdf(referral))
    assert case.code in text and actor.name.split()[0] in text
    assert "container" not in text and "Trenger trygt bosted" not in text and "Polen" not in text


def test_a_referral_letter_with_consent_for_the_actor_holds_what_it_covers(owner):
    actor = Actor.objects.order_by("pk").first()
    case = make_case(owner, note=NOTE, country="PL")
    services.consent_record(
        user=owner, case=case, scope=ConsentScope.DETAILS_AND_NOTES, given_on=timezone.localdate(), actors=[actor]
    )
    referral = services.referral_send(
        user=owner, case=case, actor=actor, share_identifying=True, purpose="Trenger trygt bosted."
    )
    text = _text(printing.referral_letter_pdf(referral))
    assert "container" in text and "Trenger trygt bosted" in text and "Polen" in text
