"""Tolerant reading of the directory's YAML files (actors, referral paths).

The engine must keep working while the directory is being edited: a missing
file gives no entries, and entries without an id are skipped rather than
reported (the directory's own validator reports them).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from .catalogue import Text


def entries(path: Path, key: str) -> list[Mapping[str, Any]]:
    """The mappings with an ``id`` in the top-level list ``key`` of the YAML file at ``path``."""
    try:
        with path.open(encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
    except FileNotFoundError:
        return []
    rows = data.get(key) if isinstance(data, Mapping) else None
    return [row for row in rows or [] if isinstance(row, Mapping) and row.get("id")]


def optional_text(node: Any) -> Text | None:
    """A {nb, en} mapping or a plain string as Text; either language stands in for the other."""
    if isinstance(node, Mapping):
        nb, en = node.get("nb"), node.get("en")
        if nb or en:
            return Text(nb=str(nb or en), en=str(en or nb))
    elif isinstance(node, str) and node:
        return Text(nb=node, en=node)
    return None
