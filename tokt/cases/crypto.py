"""Encryption at rest for case text (notes, discussions), with keys kept outside the database.

Keys: ``TOKT_CASE_KEYS`` (comma-separated Fernet keys, newest first), or else the
file ``<TOKT_VAR_DIR>/case_keys`` (one key per line, newest first), created with
mode 0600 on first use outside production. In production the first case action
fails loudly (ImproperlyConfigured) if neither is there. The first key encrypts; every key decrypts, so
a new key can be put first and ``rotate_case_keys`` re-encrypts every row with it.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

ENV_VAR = "TOKT_CASE_KEYS"
PREFIX = "fernet:"


def key_file() -> Path:
    return Path(settings.VAR_DIR) / "case_keys"


def _read_file(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_key_file(path: Path, keys: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600, exist_ok=True)
    os.chmod(path, 0o600)
    path.write_text("\n".join(keys) + "\n", encoding="utf-8")


def configured_keys() -> list[str]:
    from_env = os.environ.get(ENV_VAR, "").strip()
    if from_env:
        return [k.strip() for k in from_env.split(",") if k.strip()]
    path = key_file()
    if path.exists() and _read_file(path):
        return _read_file(path)
    if settings.PRODUCTION:
        raise ImproperlyConfigured(f"Production needs {ENV_VAR} or a key file at {path} (see docs: case keys).")
    keys = [Fernet.generate_key().decode()]
    write_key_file(path, keys)
    return keys


@lru_cache(maxsize=1)
def _cipher() -> MultiFernet:
    try:
        return MultiFernet([Fernet(k.encode()) for k in configured_keys()])
    except ValueError as exc:
        raise ImproperlyConfigured(f"{ENV_VAR} or {key_file()} holds a key that is not a Fernet key") from exc


def reset_cache() -> None:
    _cipher.cache_clear()


def encrypt(text: str) -> str:
    return PREFIX + _cipher().encrypt(text.encode("utf-8")).decode("ascii")


def decrypt(stored: str) -> str:
    if not stored.startswith(PREFIX):
        raise ValueError("not an encrypted value")
    try:
        return _cipher().decrypt(stored[len(PREFIX) :].encode("ascii")).decode("utf-8")
    except InvalidToken as exc:
        raise ImproperlyConfigured("a case text cannot be decrypted with the configured keys") from exc


def rotate(stored: str) -> str:
    """The same text encrypted with the first (newest) key."""
    return PREFIX + _cipher().rotate(stored[len(PREFIX) :].encode("ascii")).decode("ascii")
