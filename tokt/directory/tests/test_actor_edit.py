from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tokt.audit.models import AuditAction, AuditEntry
from tokt.directory.forms import ActorForm
from tokt.directory.models import Actor

pytestmark = pytest.mark.django_db


def _post_data(actor: Actor, **changes) -> dict:
    initial = ActorForm.initial_for(actor)
    data = {key: value for key, value in initial.items() if value not in (None, False)}
    data["services"] = initial["services"]
    data["municipalities"] = [m.number for m in initial["municipalities"]]
    data["last_verified"] = initial["last_verified"].isoformat()
    if initial["all_municipalities"]:
        data["all_municipalities"] = "on"
    for key in ("public", "verified"):
        if initial[key]:
            data[key] = "on"
    data.update(changes)
    return data


def _edit(client, slug, **changes):
    actor = Actor.objects.get(slug=slug)
    return client.post(reverse("directory:actor_edit", kwargs={"slug": slug}), _post_data(actor, **changes))


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("phone", "12 34", "er ikke et gyldig norsk telefonnummer"),
        ("phone", "+46 8 123 456 78", "er ikke et gyldig norsk telefonnummer"),
        ("email", "post(at)rosa.no", "er ikke en gyldig e-postadresse"),
        ("url", "www.rosa-help.no", "er ikke en gyldig nettadresse"),
        ("url", "javascript:alert(1)", "er ikke en gyldig nettadresse"),
        ("languages", "nb, polsk", "er ikke en språkkode"),
    ],
)
def test_invalid_contact_points_are_rejected_with_a_clear_message(signed_in, koordinator, field, value, message):
    before = Actor.objects.get(slug="rosa")
    response = _edit(signed_in(koordinator), "rosa", **{field: value})
    assert response.status_code == 200
    body = response.content.decode()
    assert message in body
    assert "Noe må rettes før du kan gå videre" in body
    assert Actor.objects.get(slug="rosa").phone == before.phone


def test_an_actor_needs_a_municipality_or_the_whole_country(signed_in, koordinator):
    response = _edit(signed_in(koordinator), "kun", municipalities=[])
    assert "Velg minst én kommune" in response.content.decode()


def test_a_shelter_address_is_refused(signed_in, koordinator):
    response = _edit(signed_in(koordinator), "krisesenter_salten", address="Storgata 1, 8006 Bodø")
    assert "Adressen til et trygt bosted skal ikke stå i katalogen" in response.content.decode()


def test_a_koordinator_saves_an_edit_with_history_and_audit(signed_in, koordinator):
    response = _edit(signed_in(koordinator), "rosa", phone="+47 22 33 11 60", hours_nb="Hele døgnet")
    assert response.status_code == 302
    actor = Actor.objects.get(slug="rosa")
    assert actor.phone == "+47 22 33 11 60" and actor.edited_in_ui
    latest = actor.history.latest()
    assert latest.history_user == koordinator
    changed = {c.field for c in latest.diff_against(latest.prev_record).changes}
    assert {"phone", "hours_nb"} <= changed
    entry = AuditEntry.objects.latest("seq")
    assert entry.action == AuditAction.DIRECTORY_ACTOR_UPDATED and entry.target_id == str(actor.pk)


def test_the_history_page_shows_who_changed_what(signed_in, koordinator):
    client = signed_in(koordinator)
    _edit(client, "rosa", phone="+47 22 33 11 60")
    body = client.get(reverse("directory:actor_history", kwargs={"slug": "rosa"})).content.decode()
    assert "+47 22 33 11 60" in body and koordinator.username in body


def test_changing_municipalities_is_saved_and_kept_in_history(signed_in, koordinator):
    _edit(signed_in(koordinator), "kun", municipalities=["1804", "1841"])
    actor = Actor.objects.get(slug="kun")
    assert sorted(actor.municipalities.values_list("number", flat=True)) == ["1804", "1841"]
    assert actor.history.count() >= 2


def test_confirm_verified_today_records_date_and_user(signed_in, koordinator):
    Actor.objects.filter(slug="kom").update(last_verified=dt.date(2020, 1, 1), verified=False)
    response = signed_in(koordinator).post(reverse("directory:actor_verify", kwargs={"slug": "kom"}))
    assert response.status_code == 302
    actor = Actor.objects.get(slug="kom")
    assert actor.last_verified == timezone.localdate()
    assert actor.verified and actor.verified_by_user == koordinator
    assert koordinator.agency.name in actor.verified_by
    assert AuditEntry.objects.latest("seq").action == AuditAction.DIRECTORY_ACTOR_VERIFIED
