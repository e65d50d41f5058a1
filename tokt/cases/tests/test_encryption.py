from __future__ import annotations

import io
import os
import stat

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection

from tokt.accounts.tests.factories import make_user
from tokt.cases import crypto
from tokt.cases.tests.factories import make_case
from tokt.core.models import Agency

pytestmark = pytest.mark.django_db


@pytest.fixture
def key_dir(settings, tmp_path, monkeypatch):
    monkeypatch.delenv(crypto.ENV_VAR, raising=False)
    settings.VAR_DIR = tmp_path
    crypto.reset_cache()
    yield tmp_path
    crypto.reset_cache()


def _raw_notes() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM cases_note ORDER BY id")
        return [row[0] for row in cursor.fetchall()]


def test_the_key_file_is_created_readable_only_by_the_owner(key_dir):
    crypto.encrypt("x")
    mode = stat.S_IMODE(os.stat(key_dir / "case_keys").st_mode)
    assert mode == 0o600


def test_rotation_re_encrypts_every_note_and_old_keys_can_be_dropped(key_dir):
    user = make_user(username="navfag", role="fagperson", agency=Agency.objects.get(slug="nav"))
    case = make_case(user, note="Trenger tolk på polsk.")
    before = _raw_notes()
    old_key = (key_dir / "case_keys").read_text().split()[0]
    call_command("rotate_case_keys", "--new-key", "--drop-old", stdout=io.StringIO())
    after = _raw_notes()
    assert after != before and all(v.startswith("fernet:") for v in after)
    keys = (key_dir / "case_keys").read_text().split()
    assert keys != [old_key] and len(keys) == 1
    # The old key alone can no longer read the note: it really was re-encrypted.
    assert case.notes.get().text == "Trenger tolk på polsk."
    (key_dir / "case_keys").write_text(old_key)
    crypto.reset_cache()
    with pytest.raises(ImproperlyConfigured):
        case.notes.get()


def test_keys_from_the_environment_win_and_rotate_with_several(key_dir, monkeypatch):
    first, second = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    monkeypatch.setenv(crypto.ENV_VAR, first)
    crypto.reset_cache()
    user = make_user(username="navfag", role="fagperson", agency=Agency.objects.get(slug="nav"))
    case = make_case(user, note="Første notat.")
    monkeypatch.setenv(crypto.ENV_VAR, f"{second},{first}")
    crypto.reset_cache()
    call_command("rotate_case_keys", stdout=io.StringIO())
    monkeypatch.setenv(crypto.ENV_VAR, second)
    crypto.reset_cache()
    assert case.notes.get().text == "Første notat."
    assert not (key_dir / "case_keys").exists()


def test_production_refuses_to_invent_a_key(key_dir, settings):
    settings.PRODUCTION = True
    with pytest.raises(ImproperlyConfigured):
        crypto.encrypt("x")
