from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tokt.directory.models import Actor, months_before
from tokt.directory.selectors import stale_actors

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2026, 11, 27), dt.date(2026, 5, 27)),
        (dt.date(2026, 8, 31), dt.date(2026, 2, 28)),
        (dt.date(2026, 3, 15), dt.date(2025, 9, 15)),
    ],
)
def test_six_months_before(day, expected):
    assert months_before(day, 6) == expected


def _age(slug: str, days: int) -> None:
    Actor.objects.filter(slug=slug).update(last_verified=timezone.localdate() - dt.timedelta(days=days))


def test_entries_not_verified_for_six_months_are_flagged():
    _age("kom", 200)
    _age("rosa", 100)
    slugs = {a.slug for a in stale_actors()}
    assert "kom" in slugs and "rosa" not in slugs


def test_coordinators_see_the_flag_and_the_list(signed_in, koordinator):
    _age("kom", 200)
    client = signed_in(koordinator)
    assert (
        "ikke bekreftet av en koordinator de siste seks månedene"
        in client.get(reverse("directory:index")).content.decode()
    )
    assert (
        "Kompetansesenter" in client.get(reverse("directory:stale")).content.decode()
        or Actor.objects.get(slug="kom").name in client.get(reverse("directory:stale")).content.decode()
    )
    detail = client.get(reverse("directory:actor_detail", kwargs={"slug": "kom"})).content.decode()
    assert "mer enn seks måneder siden" in detail


def test_the_flag_is_not_shown_to_fagpersoner(signed_in, fagperson):
    _age("kom", 200)
    assert (
        "ikke bekreftet av en koordinator" not in signed_in(fagperson).get(reverse("directory:index")).content.decode()
    )


def test_confirming_removes_the_flag(signed_in, koordinator):
    _age("kom", 200)
    signed_in(koordinator).post(reverse("directory:actor_verify", kwargs={"slug": "kom"}))
    assert "kom" not in {a.slug for a in stale_actors()}


def test_the_stale_command_lists_entries(capsys):
    _age("kom", 400)
    call_command("directory_stale")
    out = capsys.readouterr().out
    assert " kom " in out and "to verify" in out


def test_the_review_queue_lists_every_unverified_or_unconfirmed_entry(signed_in, koordinator, confirmed_directory):
    from tokt.directory.selectors import review_queue

    _age("kom", 200)
    queued = {item.actor.slug for item in review_queue()}
    unverified = set(Actor.objects.filter(verified=False).values_list("slug", flat=True))
    assert unverified and unverified <= queued
    assert "kom" in queued  # stale
    assert "rosa" not in queued  # confirmed today by a coordinator
    body = signed_in(koordinator).get(reverse("directory:stale")).content.decode()
    assert Actor.objects.get(slug="barnevernvakt_fauske").name in body
    assert "Alle oppføringer er bekreftet" not in body


def _switchboard_page(client) -> str:
    assert Actor.objects.get(slug="police_switchboard").internal_note
    return client.get(reverse("directory:actor_detail", kwargs={"slug": "police_switchboard"})).content.decode()


def test_coordinators_see_internal_notes(signed_in, koordinator):
    assert "NRK" in _switchboard_page(signed_in(koordinator))


def test_fagpersoner_see_no_internal_notes(signed_in, fagperson):
    body = _switchboard_page(signed_in(fagperson))
    assert "NRK" not in body and "directory helper" not in body
