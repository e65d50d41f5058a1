"""Low findings of the security probe: bad input never 500s, headers, cookies, file modes, logs."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys

import pytest
from django.test import override_settings
from django.urls import include, path, reverse

from tokt.accounts.tests.factories import TEST_PASSWORD, current_code
from tokt.core.tests.test_production_settings import ROOT, _run
from tokt.lib.gunicorn_logging import NoAddressLogger, without_addresses
from tokt.lib.secret_key import load_or_create, private_file

pytestmark = pytest.mark.django_db
HEADERS = ["Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy"]


def _boom(request):
    raise RuntimeError("boom")


urlpatterns = [path("boom/", _boom), path("", include("tokt.urls"))]


@pytest.mark.parametrize("target", ["abc", "core:home", "//evil.example/", "https://evil.example/", "/\\evil"])
def test_a_bad_next_after_sign_in_never_gives_a_500(client, fagperson, target):
    client.raise_request_exception = False
    client.post(reverse("accounts:login") + f"?next={target}", {"username": "fag", "password": TEST_PASSWORD})
    response = client.post(reverse("accounts:otp_verify"), {"token": current_code(fagperson)})
    assert response.status_code == 302 and response["Location"] == reverse("core:home")


@pytest.mark.parametrize("target", ["abc", "core:home", "//evil.example/"])
def test_a_bad_next_when_extending_the_session_never_gives_a_500(signed_in, fagperson, target):
    client = signed_in(fagperson)
    client.raise_request_exception = False
    response = client.post(reverse("accounts:session_extend"), {"next": target})
    assert response.status_code == 302 and response["Location"] == reverse("core:home")


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
@pytest.mark.parametrize("signed", [False, True])
def test_the_500_page_carries_the_full_header_set(client, fagperson, signed):
    from tokt.accounts.tests.factories import sign_in

    if signed:
        sign_in(client, fagperson)
    client.raise_request_exception = False
    logging.getLogger("django.request").disabled = True
    try:
        response = client.get("/boom/")
    finally:
        logging.getLogger("django.request").disabled = False
    assert response.status_code == 500
    for header in HEADERS + ["Permissions-Policy"]:
        assert header in response, header
    assert "unsafe-inline" not in response["Content-Security-Policy"]


def test_error_pages_carry_the_full_header_set(client, signed_in, fagperson):
    for response in (client.get("/finnes-ikke/"), signed_in(fagperson).get(reverse("accounts:user_list"))):
        assert response.status_code in (403, 404)
        for header in HEADERS:
            assert header in response, header


@pytest.mark.parametrize("url", ["/sjekk/", "/kunnskap/", "/tilgjengelighet/"])
def test_anonymous_information_pages_set_no_cookie(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert not response.cookies, list(response.cookies)


def test_the_language_switcher_is_a_get_form_with_a_session_only_cookie(client):
    body = client.get("/tilgjengelighet/").content.decode()
    assert 'method="get" class="tokt-inline-form tokt-language"' in body
    response = client.get(reverse("set_language"), {"language": "en", "next": "/tilgjengelighet/"})
    assert response.status_code == 302 and response["Location"] == "/tilgjengelighet/"
    cookie = response.cookies["django_language"]
    assert cookie.value == "en" and cookie["max-age"] == "" and cookie["expires"] == ""
    assert client.get(reverse("set_language"), {"language": "en", "next": "https://evil.example/"})["Location"] == "/"


def test_signed_in_pages_are_not_stored(signed_in, fagperson):
    client = signed_in(fagperson)
    for url in (reverse("core:home"), reverse("accounts:me")):
        assert "no-store" in client.get(url)["Cache-Control"]


def test_the_secret_key_file_is_private_in_a_private_folder(tmp_path):
    folder = tmp_path / "var"
    os.umask(0o022)
    load_or_create(folder / "secret_key")
    assert stat.S_IMODE((folder / "secret_key").stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_an_existing_world_readable_file_is_tightened(tmp_path):
    target = tmp_path / "tokt.sqlite3"
    target.write_text("")
    target.chmod(0o644)
    private_file(target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_the_sqlite_database_is_created_private(tmp_path):
    code = "import django; django.setup(); from django.core.management import call_command; call_command('check')"
    env = {k: v for k, v in os.environ.items() if not k.startswith("TOKT_")}
    env.update(TOKT_VAR_DIR=str(tmp_path / "var"), DJANGO_SETTINGS_MODULE="tokt.settings")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    for name in ("tokt.sqlite3", "secret_key", "audit_key"):
        assert stat.S_IMODE((tmp_path / "var" / name).stat().st_mode) == 0o600, name
    assert stat.S_IMODE((tmp_path / "var").stat().st_mode) == 0o700


def test_production_cookies_use_the_host_prefix():
    result = _run(
        "import django; django.setup(); from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME, s.LANGUAGE_COOKIE_NAME)"
    )
    assert result.returncode == 0, result.stderr
    assert all(name.startswith("__Host-") for name in result.stdout.split())


def test_gunicorn_logs_no_client_addresses():
    text = "Invalid request from ip=203.0.113.9: bad request line; peer 2001:db8::1 and 198.51.100.7"
    assert "203.0.113" not in without_addresses(text)
    assert "2001:db8" not in without_addresses(text) and "198.51.100.7" not in without_addresses(text)
    assert without_addresses("Booting worker with pid: 4242") == "Booting worker with pid: 4242"


def test_the_gunicorn_config_uses_the_address_free_logger_and_no_access_log():
    from gunicorn.config import Config

    config = Config()
    namespace: dict = {}
    exec((ROOT / "gunicorn.conf.py").read_text(), namespace)  # noqa: S102 (our own config file)
    for key in ("accesslog", "logger_class", "errorlog"):
        config.set(key, namespace[key])
    assert config.accesslog is None
    assert config.logger_class is NoAddressLogger
    logger = NoAddressLogger(config)
    records = []
    handler = logging.Handler()
    handler.emit = records.append
    logger.error_log.addHandler(handler)
    logger.warning("Invalid request from ip={ip}: {error}".format(ip="203.0.113.9", error="bad"))
    logger.error("peer %s failed", "198.51.100.7")
    assert records and all("203.0.113" not in r.getMessage() and "198.51" not in r.getMessage() for r in records)
