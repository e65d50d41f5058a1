"""The coordinators' dashboard: access, filters, and no small count in what it renders."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tokt.cases.synthetic import generate
from tokt.stats import selectors

pytestmark = pytest.mark.django_db


@pytest.fixture
def data():
    generate(count=300, agencies=3, seed=11)


def test_only_coordinators_see_the_dashboard(signed_in, fagperson, client):
    assert client.get(reverse("stats:dashboard")).status_code == 302
    assert signed_in(fagperson).get(reverse("stats:dashboard")).status_code == 403


def test_the_dashboard_shows_no_count_below_the_threshold(signed_in, koordinator, data):
    year = max(selectors.case_years())
    client = signed_in(koordinator)
    for query in ({}, {"year": year, "area": "salten"}, {"year": year, "area": "1804", "sector": "fisheries"}):
        response = client.get(reverse("stats:dashboard"), query)
        assert response.status_code == 200
        html = response.content.decode()
        cells = re.findall(r"<td>([^<]*)</td>", html)
        assert cells
        for cell in cells:
            assert cell in ("&lt;3", "skjult") or int(cell) == 0 or int(cell) >= 3, cell
        assert "<svg" in html


def test_bad_filters_get_a_message_not_an_error(signed_in, koordinator, data):
    response = signed_in(koordinator).get(reverse("stats:dashboard"), {"year": "abc", "area": "<x>"})
    assert response.status_code == 200
    assert "ds-validation-message" in response.content.decode()


def test_an_agency_sees_its_own_cases_exactly(signed_in, koordinator, data):
    year = max(selectors.case_years())
    response = signed_in(koordinator).get(reverse("stats:dashboard"), {"year": year, "scope": "own"})
    assert response.status_code == 200
    assert "eksakte" in response.content.decode()
