"""Reading the directory's YAML files strictly (pure Python, no Django).

The YAML itself is read by ``tokt.lib.yamlfile`` (a duplicate key is an error);
``read_yaml`` here turns every reading problem into a message for the caller's
error list instead of an exception.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from tokt.lib.yamlfile import UniqueKeyLoader, load_yaml

__all__ = ["UniqueKeyLoader", "numbered_rows", "read_yaml", "top_level_rows"]


def read_yaml(path: Path, errors: list[str]) -> Any:
    """The parsed content of ``path``, or ``None`` after appending the reason to ``errors``."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        errors.append(f"{path.name}: cannot read file ({exc.strerror or exc})")
        return None
    try:
        return load_yaml(text)
    except yaml.YAMLError as exc:
        errors.append(f"{path.name}: invalid YAML: {exc}")
        return None
    except ValueError as exc:  # e.g. an impossible date such as 2026-13-01
        errors.append(f"{path.name}: invalid value in YAML: {exc}")
        return None


def top_level_rows(data: Any, *, key: str, allowed: frozenset[str], filename: str, errors: list[str]) -> list:
    """The non-empty list under ``key``; reports a wrong top level, unknown keys and a missing list."""
    if not isinstance(data, Mapping):
        errors.append(f"{filename}: top level must be a mapping with a list under '{key}'")
        return []
    for name in data:
        if name not in allowed:
            errors.append(f"{filename}: unknown top-level key {name!r}")
    rows = data.get(key)
    if not isinstance(rows, list) or not rows:
        errors.append(f"{filename}: '{key}' must be a non-empty list")
        return []
    return rows


def numbered_rows(
    rows: list, *, noun: str, filename: str, errors: list[str]
) -> tuple[list[tuple[int, Any, bool]], dict[str, int]]:
    """(number, row, is_duplicate) for each row, and the first number of every id; reports repeated ids."""
    numbered: list[tuple[int, Any, bool]] = []
    seen: dict[str, int] = {}
    for index, row in enumerate(rows, start=1):
        raw_id = row.get("id") if isinstance(row, Mapping) else None
        duplicate = isinstance(raw_id, str) and raw_id in seen
        if duplicate:
            errors.append(
                f"{filename}: {noun} {raw_id!r} (#{index}) / id: duplicate id (first used by {noun} #{seen[raw_id]})"
            )
        elif isinstance(raw_id, str):
            seen[raw_id] = index
        numbered.append((index, row, duplicate))
    return numbered, seen
