"""Anonymous counters: the screening result, public pages and poster downloads each add one, and store no identity."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tokt.stats.models import PageViewCount, PosterDownloadCount, ScreeningCount
from tokt.stats.services import page_view_count, screening_count

pytestmark = pytest.mark.django_db


def test_counting_twice_on_a_day_adds_to_one_row():
    screening_count(role="health", placement="fisheries")
    screening_count(role="health", placement="fisheries")
    row = ScreeningCount.objects.get()
    assert row.count == 2 and (row.role, row.placement) == ("health", "fisheries")


def test_a_public_page_view_is_counted_without_setting_a_cookie(client):
    response = client.get(reverse("public:home", kwargs={"lang": "pl"}))
    assert response.status_code == 200
    assert not response.cookies
    row = PageViewCount.objects.get()
    assert (row.lang, row.count) == ("pl", 1)


def test_the_counter_models_hold_no_identity():
    for model in (ScreeningCount, PageViewCount, PosterDownloadCount):
        names = {f.name for f in model._meta.get_fields()}
        assert not names & {"ip", "user", "user_agent", "session", "created_at"}


def test_long_values_are_cut_to_fit():
    page_view_count(lang="nb", page="x" * 500)
    assert len(PageViewCount.objects.get().page) == 80
