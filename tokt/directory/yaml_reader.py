"""Reading the directory's YAML files strictly (pure Python, no Django).

PyYAML's safe loader silently keeps the last of two equal keys in a mapping, so
a copy-paste slip in a data file would drop a fact without a word. The loader
here makes a duplicate key an error, and ``read_yaml`` turns every reading
problem into a message for the caller's error list instead of an exception.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class UniqueKeyLoader(yaml.SafeLoader):
    """Safe loader that rejects duplicate mapping keys."""


def _construct_unique_mapping(loader: UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False):
    loader.flatten_mapping(node)
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        line = key_node.start_mark.line + 1
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"duplicate key {key!r} (first on line {seen[key]}, again on line {line})",
                key_node.start_mark,
            )
        seen[key] = line
    return loader.construct_mapping(node, deep=deep)


UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_unique_mapping)


def read_yaml(path: Path, errors: list[str]) -> Any:
    """The parsed content of ``path``, or ``None`` after appending the reason to ``errors``."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        errors.append(f"{path.name}: cannot read file ({exc.strerror or exc})")
        return None
    try:
        return yaml.load(text, Loader=UniqueKeyLoader)  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        errors.append(f"{path.name}: invalid YAML: {exc}")
        return None
    except ValueError as exc:  # e.g. an impossible date such as 2026-13-01
        errors.append(f"{path.name}: invalid value in YAML: {exc}")
        return None
