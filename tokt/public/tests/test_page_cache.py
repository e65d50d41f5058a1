"""Public pages are rendered once per language and page, and still change when the directory does."""

from __future__ import annotations

import pytest

from tokt.directory.models import Actor

pytestmark = pytest.mark.django_db


def test_a_page_is_rendered_once_and_then_served_from_memory(client, monkeypatch):
    from tokt.public import views

    calls = []
    real = views.render_to_string
    monkeypatch.setattr(views, "render_to_string", lambda *a, **k: calls.append(a[0]) or real(*a, **k))
    first = client.get("/lv/rights/").content
    second = client.get("/lv/rights/").content
    assert first == second and calls.count("public/page.html") <= 1


def test_a_coordinators_edit_reaches_the_cached_help_page_at_once(client, confirmed_directory):
    assert "Synthetic hours" not in client.get("/en/help/").content.decode()
    Actor.objects.filter(slug="rosa").update(hours_en="Synthetic hours.")
    assert "Synthetic hours." in client.get("/en/help/").content.decode()


def test_an_entry_unconfirmed_later_leaves_the_cached_page(client, confirmed_directory):
    assert "22 33 11 60" in client.get("/en/help/").content.decode()
    Actor.objects.filter(slug="rosa").update(verified_by_user=None)
    assert "22 33 11 60" not in client.get("/en/help/").content.decode()
