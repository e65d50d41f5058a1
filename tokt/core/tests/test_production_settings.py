"""Production settings, checked in a fresh interpreter with a production environment."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _production_env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TOKT_", "DJANGO_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="tokt.settings",
        TOKT_ENV="production",
        TOKT_SECRET_KEY=secrets.token_urlsafe(64),
        TOKT_ALLOWED_HOSTS="tokt.example.org",
        TOKT_VAR_DIR=str(ROOT / "var"),
    )
    env.update(extra)
    return env


def _run(code: str, **extra) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=_production_env(**extra),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_reports_no_warnings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=_production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_requires_two_factor_and_argon2():
    result = _run(
        "import django; django.setup(); from django.conf import settings as s;"
        "print(s.OTP_REQUIRED, s.DEMO_MODE, s.DEBUG, s.PASSWORD_HASHERS[0], s.SESSION_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0)"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "True",
        "False",
        "False",
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "True",
        "True",
    ]


def test_production_refuses_demo_mode():
    result = _run("import django; django.setup()", TOKT_DEMO_MODE="1")
    assert result.returncode != 0
    assert "TOKT_DEMO_MODE is not allowed in production" in result.stderr


def test_production_refuses_a_missing_or_weak_secret_key():
    assert "TOKT_SECRET_KEY" in _run("import django; django.setup()", TOKT_SECRET_KEY="").stderr
    assert (
        "TOKT_SECRET_KEY" in _run("import django; django.setup()", TOKT_SECRET_KEY="django-insecure-" + "x" * 60).stderr
    )


def test_production_refuses_debug():
    assert "TOKT_DEBUG" in _run("import django; django.setup()", TOKT_DEBUG="1").stderr


def test_a_bad_boolean_fails_loudly():
    result = _run("import django; django.setup()", TOKT_DEMO_MODE="maybe")
    assert result.returncode != 0 and "TOKT_DEMO_MODE must be a boolean" in result.stderr
