"""The audit trail's anchors outside the database: the HMAC key and the signed checkpoint file.

The key comes from TOKT_AUDIT_KEY or a file next to the secret key (var/audit_key,
0600); the checkpoint file from TOKT_AUDIT_CHECKPOINT_FILE (default
var/audit-checkpoint.json). Put either on storage the database's users cannot
write, and the checkpoint ideally on another host, so that someone who controls
the database cannot also rewrite the anchors.
"""

from __future__ import annotations

import fcntl
import json
import os
from pathlib import Path

from django.conf import settings

from tokt.audit.chain import Checkpoint, checkpoint_mac


def audit_key() -> bytes:
    return settings.AUDIT_KEY.encode("utf-8")


def _path(name: str) -> Path:
    return Path(getattr(settings, name))


def _read(path: Path) -> dict | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return {"seq": 0, "entry_hash": "", "mac": "unreadable"}
    return data if isinstance(data, dict) else {"seq": 0, "entry_hash": "", "mac": "unreadable"}


def _as_checkpoint(data: dict | None) -> Checkpoint | None:
    if data is None:
        return None
    try:
        return Checkpoint(seq=int(data["seq"]), entry_hash=str(data["entry_hash"]), mac=str(data["mac"]))
    except (KeyError, TypeError, ValueError):
        return Checkpoint(seq=0, entry_hash="", mac="unreadable")


def _write_if_newer(path: Path, seq: int, entry_hash_hex: str, extra: dict | None = None) -> None:
    """Replace the file atomically, unless it already names a later entry (workers race)."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    lock = path.with_name(path.name + ".lock")
    with open(os.open(lock, os.O_CREAT | os.O_RDWR, 0o600)) as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        current = _read(path)
        if current is not None and isinstance(current.get("seq"), int) and current["seq"] >= seq:
            return
        payload = {"seq": seq, "entry_hash": entry_hash_hex, "mac": checkpoint_mac(audit_key(), seq, entry_hash_hex)}
        tmp = path.with_name(path.name + ".tmp")
        fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        with open(fd, "w", encoding="utf-8") as out:
            json.dump(payload | (extra or {}), out)
        os.replace(tmp, path)


def checkpoint_read() -> Checkpoint | None:
    return _as_checkpoint(_read(_path("AUDIT_CHECKPOINT_FILE")))


def checkpoint_write(*, seq: int, entry_hash: str) -> None:
    _write_if_newer(_path("AUDIT_CHECKPOINT_FILE"), seq, entry_hash)


def _verified_path() -> Path:
    checkpoint = _path("AUDIT_CHECKPOINT_FILE")
    return checkpoint.with_name(checkpoint.stem + "-verified.json")


def verified_read() -> Checkpoint | None:
    """How far the chain was last verified, signed so a forged marker is not trusted."""
    found = _as_checkpoint(_read(_verified_path()))
    return found if found is not None and found.is_signed_with(audit_key()) else None


def verified_write(*, seq: int, entry_hash: str) -> None:
    _write_if_newer(_verified_path(), seq, entry_hash)
