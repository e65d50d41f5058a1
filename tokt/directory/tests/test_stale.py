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
    assert "ikke kontrollert på seks måneder" in client.get(reverse("directory:index")).content.decode()
    assert (
        "Kompetansesenter" in client.get(reverse("directory:stale")).content.decode()
        or Actor.objects.get(slug="kom").name in client.get(reverse("directory:stale")).content.decode()
    )
    detail = client.get(reverse("directory:actor_detail", kwargs={"slug": "kom"})).content.decode()
    assert "mer enn seks måneder siden" in detail


def test_the_flag_is_not_shown_to_fagpersoner(signed_in, fagperson):
    _age("kom", 200)
    assert (
        "ikke kontrollert på seks måneder" not in signed_in(fagperson).get(reverse("directory:index")).content.decode()
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
