"""The one way ToKt reads YAML: PyYAML's safe loader, but a duplicate key is an error.

PyYAML silently keeps the last of two equal keys in a mapping, so a copy-paste
slip in a data file would drop a fact without a word. Every reader of YAML in
ToKt goes through ``load_yaml`` or ``read_yaml`` here. Plain Python, no Django.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

import yaml

# The C parser when libyaml is available (the catalogue is large), else pure Python.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class UniqueKeyLoader(_SafeLoader):  # type: ignore[valid-type,misc]  # a class chosen at import time
    """Safe loader that rejects duplicate mapping keys."""


def _construct_unique_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
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


def load_yaml(source: str | bytes | IO[str]) -> Any:
    """Parse YAML text safely; raises ``yaml.YAMLError`` (also for a duplicate key)."""
    return yaml.load(source, Loader=UniqueKeyLoader)  # noqa: S506 - UniqueKeyLoader is a SafeLoader


def read_yaml(path: Path | str) -> Any:
    """Parse the UTF-8 YAML file at ``path``; raises ``OSError``, ``UnicodeDecodeError`` or ``yaml.YAMLError``."""
    return load_yaml(Path(path).read_text(encoding="utf-8"))
