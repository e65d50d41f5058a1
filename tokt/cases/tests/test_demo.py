from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from tokt.cases.models import Case, Conference

pytestmark = pytest.mark.django_db


def test_the_demo_loader_adds_cases_and_a_conference_once(settings):
    settings.DEMO_MODE = True
    call_command("load_demo_data", stdout=io.StringIO())
    call_command("load_demo_data", stdout=io.StringIO())
    assert Case.objects.count() == 3
    conference = Conference.objects.get()
    assert conference.agenda.count() == 2 and conference.invited_agencies.count() == 3


def test_the_generator_makes_plausible_cases_fast():
    call_command("generate_cases", "--count", "500", "--agencies", "15", stdout=io.StringIO())
    assert Case.objects.count() == 500
    assert Case.objects.values("agency").distinct().count() > 5
    assert len(set(Case.objects.values_list("code", flat=True))) == 500
