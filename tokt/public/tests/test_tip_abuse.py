"""Abuse of the tip form: one client cannot close it for others; bots and forgeries are refused; text kept."""

from __future__ import annotations

import logging

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from tokt.public.forms import MESSAGE_MAX
from tokt.public.models import Tip
from tokt.public.pages import current_site

pytestmark = pytest.mark.django_db

URL = reverse("public:tips", kwargs={"lang": "en"})
PL_URL = reverse("public:tips", kwargs={"lang": "pl"})
UI = current_site().strings("en")


def _post(message, *, addr="203.0.113.5", url=URL, **extra):
    client = Client(enforce_csrf_checks=True, REMOTE_ADDR=addr)
    token = client.get(url).context["csrf_token"]
    return client.post(url, {"csrfmiddlewaretoken": token, "message": message, "contact": "", **extra})


def test_one_flooding_client_does_not_close_the_form_for_the_next_visitor(settings):
    statuses = [_post(f"flood {n}").status_code for n in range(40)]
    assert statuses.count(303) == 5 and statuses[5:] == [429] * 35
    assert Tip.objects.count() == 5  # the coordinators' queue holds only the client's share
    refused = _post("still me")
    assert "several messages" in refused.content.decode() and "still me" in refused.content.decode()
    assert _post("Jestem w niebezpieczeństwie", addr="198.51.100.20", url=PL_URL).status_code == 303


def test_the_client_is_known_only_as_a_keyed_hash_in_the_cache(caplog):
    caplog.set_level(logging.DEBUG)
    _post("hello", addr="203.0.113.77")
    stored = " ".join(str(v) for v in cache._cache.keys()) + " ".join(str(v) for v in cache._cache.values())
    assert "203.0.113.77" not in stored
    assert "203.0.113.77" not in caplog.text
    assert "203.0.113.77" not in " ".join(str(v) for t in Tip.objects.values_list() for v in t)


def test_the_keyed_hash_changes_when_the_daily_key_rotates():
    from django.test import RequestFactory

    from tokt.public.ratelimit import client_of

    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.1")
    today = client_of(request)
    assert client_of(request) == today
    cache.clear()  # as when the day's key expires
    assert client_of(request) != today


def test_a_filled_honeypot_looks_sent_but_stores_nothing():
    response = _post("Buy cheap watches", website="http://spam.example")
    assert response.status_code == 303
    assert Tip.objects.count() == 0


def test_the_honeypot_is_hidden_from_people():
    body = Client().get(URL).content.decode()
    assert 'class="hp" aria-hidden="true"' in body and 'name="website" tabindex="-1"' in body


def test_a_post_from_another_site_is_refused_and_keeps_the_text():
    client = Client(enforce_csrf_checks=True)
    token = client.get(URL).context["csrf_token"]
    response = client.post(URL, {"csrfmiddlewaretoken": token, "message": "forged"}, HTTP_SEC_FETCH_SITE="cross-site")
    assert response.status_code == 403 and "forged" in response.content.decode()
    response = client.post(URL, {"csrfmiddlewaretoken": token, "message": "forged"}, HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    response = client.post(URL, {"csrfmiddlewaretoken": "made-up", "message": "forged"})
    assert response.status_code == 403
    assert Tip.objects.count() == 0


def test_a_same_origin_post_without_a_cookie_is_accepted():
    client = Client(enforce_csrf_checks=True)
    token = client.get(URL).context["csrf_token"]
    response = client.post(
        URL, {"csrfmiddlewaretoken": token, "message": "ok"}, HTTP_SEC_FETCH_SITE="same-origin", HTTP_ORIGIN="null"
    )
    assert response.status_code == 303 and not response.cookies and not client.cookies


@pytest.mark.parametrize("text", ["jeg tjener <en krone", "a <b c", "pay <100kr & 3 > 2", "<3"])
def test_harmless_text_with_angle_brackets_is_accepted(text):
    assert _post(text).status_code == 303
    assert Tip.objects.get().message == text


def test_bidirectional_override_characters_are_removed_and_the_text_kept():
    response = _post("pay \u202eevil\u202c 100 \u2066kr\u2069")
    assert response.status_code == 303
    assert Tip.objects.get().message == "pay evil 100 kr"


def test_a_post_over_the_upload_limit_keeps_the_text_and_explains_the_limit():
    from urllib.parse import urlencode

    text = "Hjelp oss. " * 60_000  # about 660 KB, over the 512 KiB upload limit
    client = Client(enforce_csrf_checks=True)
    token = client.get(URL).context["csrf_token"]
    body = urlencode({"csrfmiddlewaretoken": token, "message": text, "contact": ""})
    # The form has no enctype, so a browser sends it url-encoded.
    response = client.post(URL, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    body = response.content.decode()
    assert text.strip() in body
    assert UI["tip_error_too_long"] in body and f"/ {MESSAGE_MAX})" in body
    assert Tip.objects.count() == 0
