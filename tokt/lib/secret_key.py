"""Secret files: from the environment, or generated once into an untracked, private file."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) readable only by the owner; tighten it if it exists."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(path, 0o700)
    return path


def private_file(path: Path) -> Path:
    """Create ``path`` empty with mode 0600 if missing (in a 0700 folder), tighten it if it exists."""
    private_dir(path.parent)
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    os.chmod(path, 0o600)
    return path


def load_or_create(path: Path) -> str:
    """Return the key stored at ``path``, creating it (mode 0600, folder 0700) on first use."""
    if path.exists():
        key = path.read_text(encoding="utf-8").strip()
        if key:
            private_file(path)
            return key
    private_file(path)
    key = secrets.token_urlsafe(64)
    path.write_text(key, encoding="utf-8")
    return key
