"""Load and validate the indicator catalogue (tokt/screening/data/catalogue.yaml).

Validation happens on load and raises CatalogueError naming the place, so a
broken edit of the YAML fails at start-up and in the tests, never mid-screening.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from .model import CatalogueError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DEFAULT_CATALOGUE = DATA_DIR / "catalogue.yaml"

VERIFICATION_VALUES = frozenset(
    {
        "verified",
        "secondary_only",
        "unverified",
        "design_choice",
        "verified_as_far_as_read",
        "verified_principle",
    }
)
DELPHI_FRAMEWORK = "ilo_ec_2009"
FL_FRAMEWORK = "ilo_forced_labour_indicators_2012"
FL_MEASUREMENT = "ilo_forced_labour_measurement"


@dataclass(frozen=True)
class Text:
    nb: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.nb

    def to_dict(self) -> dict[str, str]:
        return {"en": self.en, "nb": self.nb}


@dataclass(frozen=True)
class Dimension:
    id: str
    name: Text
    palermo_element: str
    phase: str


@dataclass(frozen=True)
class Indicator:
    id: str
    framework: str
    name: Text
    dimension: str | None  # None for FL indicators
    strengths: Mapping[str, str | None] = field(default_factory=dict)
    doubt: str | None = None
    maps_to: tuple[str, ...] = ()


@dataclass(frozen=True)
class Fact:
    id: str
    name: Text
    ask: Text
    applies_to: str  # "any" or "under_18"


@dataclass(frozen=True)
class Profile:
    id: str
    audience: str  # adult | child
    exploitation_type: str  # labour | sexual
    strength_verification: str
    proxy_from: str | None


@dataclass(frozen=True)
class NamedElement:
    """A named element of the law (§ 257 means and purposes, § 258 factors)."""

    id: str
    name: Text
    signals: tuple[str, ...] = ()  # ILO signals of a § 257 means


@dataclass
class Catalogue:
    version: str
    schema_version: int
    raw: Mapping[str, Any]
    dimensions: tuple[Dimension, ...]
    indicators: Mapping[str, Indicator]
    facts: Mapping[str, Fact]
    profiles: Mapping[str, Profile]
    strength_values: tuple[str, ...]
    dimension_rule: tuple[Mapping[str, int], ...]
    means: tuple[NamedElement, ...]
    purposes: tuple[NamedElement, ...]
    aggravating: tuple[NamedElement, ...]
    notice: Text
    vocab: Mapping[str, Any]
    cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def delphi_ids(self) -> tuple[str, ...]:
        return tuple(i.id for i in self.indicators.values() if i.dimension is not None)

    def dimension(self, dim_id: str) -> Dimension:
        return next(d for d in self.dimensions if d.id == dim_id)


def load_catalogue(path: str | Path | None = None) -> Catalogue:
    """Load and validate a catalogue; the default one is cached."""
    if path is None:
        return _default_catalogue()
    return _load(Path(path))


@functools.lru_cache(maxsize=1)
def _default_catalogue() -> Catalogue:
    return _load(DEFAULT_CATALOGUE)


def read_yaml(path: Path) -> Any:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=loader)  # noqa: S506 - a safe loader
    except FileNotFoundError as exc:
        raise CatalogueError(f"{path}: file not found") from exc
    except yaml.YAMLError as exc:
        raise CatalogueError(f"{path}: not valid YAML: {exc}") from exc


def _load(path: Path) -> Catalogue:
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise CatalogueError(f"{path}: the top level must be a mapping")
    return build_catalogue(data, str(path.name))


def text(node: Any, place: str, nb_key: str = "nb", en_key: str = "en") -> Text:
    if not isinstance(node, dict):
        raise CatalogueError(f"{place}: expected a mapping with nb and en texts")
    for key in (nb_key, en_key):
        value = node.get(key)
        if not isinstance(value, str) or not value.strip():
            raise CatalogueError(f"{place}.{key}: missing {key} text")
    return Text(nb=node[nb_key], en=node[en_key])


def need(node: Any, key: str, place: str, kind: type | tuple[type, ...] = dict) -> Any:
    if not isinstance(node, dict) or key not in node:
        raise CatalogueError(f"{place}.{key}: missing")
    value = node[key]
    if not isinstance(value, kind):
        raise CatalogueError(f"{place}.{key}: wrong type {type(value).__name__}")
    return value


def _check_verification(node: Any, place: str) -> None:
    """Every `verification` value anywhere must be a known mark."""
    if isinstance(node, dict):
        for raw_key, value in node.items():
            key = str(raw_key)
            sub = f"{place}.{key}"
            if key == "verification" or key.endswith("_verification"):
                marks = value.values() if isinstance(value, dict) else [value]
                for mark in marks:
                    if mark not in VERIFICATION_VALUES:
                        raise CatalogueError(f"{sub}: unknown verification mark {mark!r}")
            else:
                _check_verification(value, sub)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            _check_verification(value, f"{place}[{i}]")


def unique(ids: list[str], place: str, seen: dict[str, str]) -> None:
    for ident in ids:
        if ident in seen:
            raise CatalogueError(f"{place}: duplicate id {ident!r} (also at {seen[ident]})")
        seen[ident] = place


def build_catalogue(data: dict[str, Any], origin: str = "catalogue") -> Catalogue:
    from .catalogue_build import build  # split to keep modules small

    _check_verification(data, origin)
    return build(data, origin)


def frozen(mapping: dict[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(mapping)


__all__ = [
    "Catalogue",
    "CatalogueError",
    "Dimension",
    "Fact",
    "Indicator",
    "NamedElement",
    "Profile",
    "Text",
    "load_catalogue",
]
