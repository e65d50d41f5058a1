"""Secret key: from the environment, or generated once into an untracked file."""

from __future__ import annotations

import secrets
from pathlib import Path


def load_or_create(path: Path) -> str:
    """Return the key stored at ``path``, creating it (mode 0600) on first use."""
    if path.exists():
        key = path.read_text(encoding="utf-8").strip()
        if key:
            return key
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(64)
    path.touch(mode=0o600, exist_ok=True)
    path.write_text(key, encoding="utf-8")
    return key
