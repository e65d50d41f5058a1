"""Properties that must hold for every URL: access rules, security headers, no 500 on junk."""

from __future__ import annotations

import random
import string

import pytest
from django.test import Client
from django.urls import reverse

from tests.url_inventory import all_routes, sample_kwargs, view_attr

pytestmark = pytest.mark.django_db

ROUTES = all_routes()


def _url(route, pk):
    return reverse(route.name, kwargs=sample_kwargs(route, pk=pk))


def test_every_view_is_either_public_or_guarded_by_a_permission():
    unguarded = [
        r.name for r in ROUTES if not view_attr(r.view, "tokt_public") and not view_attr(r.view, "tokt_permission")
    ]
    assert unguarded == []


def test_guarded_views_send_anonymous_visitors_to_login(client):
    for route in ROUTES:
        if view_attr(route.view, "tokt_permission"):
            response = client.get(_url(route, 1))
            assert response.status_code in (302, 405), route.name
            if response.status_code == 302:
                assert response["Location"].startswith(reverse("accounts:login")), route.name


def _assert_security_headers(response, where):
    csp = response.get("Content-Security-Policy", "")
    assert "default-src 'self'" in csp, where
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, where
    for directive in ("frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'"):
        assert directive in csp, where
    assert response["X-Frame-Options"] == "DENY", where
    assert response["Referrer-Policy"] == "no-referrer", where
    assert response["X-Content-Type-Options"] == "nosniff", where
    policy = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in policy, where


def test_security_headers_on_every_url_anonymous_and_signed_in(signed_in, administrator):
    anonymous = Client()
    admin = signed_in(administrator)
    for route in ROUTES:
        for who, client in (("anonymous", anonymous), ("administrator", admin)):
            response = client.get(_url(route, administrator.pk))
            _assert_security_headers(response, f"{route.name} as {who} ({response.status_code})")


def test_security_headers_on_error_pages(client, signed_in, fagperson):
    _assert_security_headers(client.get("/finnes-ikke/"), "404")
    _assert_security_headers(signed_in(fagperson).get(reverse("accounts:user_list")), "403")


def test_error_pages_reveal_nothing_internal(client):
    response = client.get("/finnes-ikke/<script>alert(1)</script>")
    assert response.status_code == 404
    body = response.content.decode()
    assert "Fant ikke siden" in body
    assert "Traceback" not in body and "urlpatterns" not in body and "<script>alert" not in body


def test_server_error_page_is_friendly_and_has_headers(settings):
    settings.ROOT_URLCONF = "tests.urls_with_crash"
    client = Client(raise_request_exception=False)
    response = client.get("/crash/")
    assert response.status_code == 500
    assert "Noe gikk galt" in response.content.decode()
    assert "RuntimeError" not in response.content.decode()
    _assert_security_headers(response, "500")


def _junk_values():
    rnd = random.Random(2026)
    yield ""
    yield "x" * 100_000
    yield "<script>alert('x')</script>"
    yield "'; DROP TABLE accounts_user; --"
    yield "\u0000\ud7ff\uffff"
    yield "".join(rnd.choice(string.printable) for _ in range(300))
    yield "1" * 40


FIELD_NAMES = [
    "username",
    "password",
    "token",
    "first_name",
    "last_name",
    "email",
    "agency",
    "role",
    "language",
    "next",
    "action",
    "date_from",
    "date_to",
    "q",
    "message",
    "contact",
]


def test_junk_posted_to_every_url_never_causes_a_server_error(signed_in, administrator):
    anonymous = Client(raise_request_exception=False)
    admin = signed_in(administrator)
    admin.raise_request_exception = False
    for route in ROUTES:
        url = _url(route, administrator.pk)
        for junk in _junk_values():
            data = {name: junk for name in FIELD_NAMES}
            for client in (anonymous, admin):
                response = client.post(url, data)
                assert response.status_code < 500, f"{route.name}: {response.status_code} for {junk[:30]!r}"
        # A body that is not a form at all.
        response = anonymous.post(url, data=b"\x00\xff" * 1000, content_type="application/octet-stream")
        assert response.status_code < 500, route.name


def test_an_oversized_post_gets_a_clear_400_page(client):
    response = client.post(
        reverse("accounts:login"), data=b"a=" + b"x" * (600 * 1024), content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400
    assert "Forespørselen kunne ikke behandles" in response.content.decode()
