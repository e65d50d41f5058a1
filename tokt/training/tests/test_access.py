from __future__ import annotations

import pytest
from django.urls import reverse

from tokt.training.tests.conftest import step_url

pytestmark = pytest.mark.django_db


def test_members_may_take_training(signed_in, fagperson):
    client = signed_in(fagperson)
    assert client.get(reverse("training:index")).status_code == 200
    assert client.get(reverse("training:module", kwargs={"slug": "nav"})).status_code == 200


def test_the_data_protection_officer_gets_403(signed_in, personvernombud):
    client = signed_in(personvernombud)
    assert client.get(reverse("training:index")).status_code == 403
    assert client.get(step_url("grunnkurs", 1)).status_code == 403


def test_statistics_are_for_coordinators_only(signed_in, fagperson, koordinator, client):
    assert signed_in(fagperson).get(reverse("training:stats")).status_code == 403
    client.logout()
    assert signed_in(koordinator).get(reverse("training:stats")).status_code == 200


def test_wrong_methods_get_405(signed_in, fagperson):
    client = signed_in(fagperson)
    assert client.post(reverse("training:index")).status_code == 405
    assert client.put(step_url("grunnkurs", 1)).status_code == 405


def test_the_navigation_and_start_page_point_to_training(signed_in, fagperson):
    page = signed_in(fagperson).get(reverse("core:home")).content.decode()
    assert reverse("training:index") in page
    assert (
        "Ta grunnkurset om menneskehandel" in page and reverse("training:module", kwargs={"slug": "grunnkurs"}) in page
    )
