"""Three-valued rule conditions read from the catalogue.

Values: 0 = false (ruled out by the answers), 1 = unknown, 2 = true (met now).
`all_of` is the minimum and `any_of` the maximum (Kleene logic). The engine
computes a value from two boolean evaluations of the same monotone condition:
on the atoms that are true now (observed) and on the atoms that are still
possible (observed or unknown): 2 if true now, 0 if not even possible, else 1.
That equals Kleene min/max, and makes every result monotone: an unknown that
becomes observed can only raise it, an observed sign that becomes unknown can
only lower a 2 to a 1.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .model import CatalogueError

FALSE, UNKNOWN, TRUE = 0, 1, 2

# A parsed condition is a tuple tree:
#   ("all", (children...)) / ("any", (children...))
#   ("pos", (dims...))          a dimension positive in the main profile
#   ("obs", frozenset(ids))     any of these indicators observed
#   ("fact", fact_id)           fact observed
#   ("fl",)                     forced-labour result met
#   ("ilo",)                    person-level ILO result "yes"
#   ("u18",)                    age group under 18
Cond = tuple[Any, ...]


@dataclass(frozen=True)
class Names:
    """What a condition may refer to; used to validate references on load."""

    dimensions: frozenset[str]
    indicators: frozenset[str]
    facts: frozenset[str]
    indicators_by_dim: Mapping[str, frozenset[str]]


def parse(node: object, names: Names, place: str) -> Cond:
    if not isinstance(node, dict) or len(node) != 1:
        raise CatalogueError(f"{place}: a condition must be a mapping with one key, got {node!r}")
    ((key, value),) = node.items()
    if key in ("all_of", "any_of"):
        if not isinstance(value, list) or not value:
            raise CatalogueError(f"{place}.{key}: must be a non-empty list")
        kids = tuple(parse(v, names, f"{place}.{key}[{i}]") for i, v in enumerate(value))
        return ("all" if key == "all_of" else "any", kids)
    if key in ("positive", "any_positive"):
        dims = _names(value, names.dimensions, f"{place}.{key}", "dimension")
        return ("pos", dims)
    if key == "any_observed":
        return ("obs", frozenset(_names(value, names.indicators, f"{place}.{key}", "indicator")))
    if key == "any_observed_in":
        dims = _names(value, names.dimensions, f"{place}.{key}", "dimension")
        ids: set[str] = set()
        for d in dims:
            ids |= names.indicators_by_dim[d]
        return ("obs", frozenset(ids))
    if key == "fact":
        (fact,) = _names(value, names.facts, f"{place}.{key}", "fact")
        return ("fact", fact)
    if key == "forced_labour" and value == "met":
        return ("fl",)
    if key == "ilo_conclusion" and value == "yes":
        return ("ilo",)
    if key == "age_under_18" and value is True:
        return ("u18",)
    raise CatalogueError(f"{place}: unknown condition {key!r}: {value!r}")


def _names(value: object, allowed: frozenset[str], place: str, kind: str) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(v, str) for v in items):
        raise CatalogueError(f"{place}: expected {kind} id(s), got {value!r}")
    for v in items:
        if v not in allowed:
            raise CatalogueError(f"{place}: unknown {kind} {v!r}")
    return tuple(items)


def leaves(cond: Cond) -> Iterable[Cond]:
    if cond[0] in ("all", "any"):
        for kid in cond[1]:
            yield from leaves(kid)
    else:
        yield cond


def to_source(cond: Cond, atom: Callable[[Cond], int], fl: str, ilo: str) -> str:
    """Python source of the condition over the atoms integer `X`.

    `atom(leaf)` gives the bit mask of a leaf; `fl` and `ilo` are the sources
    of the forced-labour and ILO results, inlined where the rules use them.
    The leaves of an any_of (also of nested any_of) merge into one mask test.
    """
    kind = cond[0]
    if kind == "all":
        return "(" + " and ".join(to_source(k, atom, fl, ilo) for k in cond[1]) + ")"
    if kind == "any":
        mask, parts = _flatten_any(cond, atom, fl, ilo)
        if mask:
            parts.insert(0, f"(X & {mask})")
        return "(" + " or ".join(parts) + ")"
    if kind == "fl":
        return fl
    if kind == "ilo":
        return ilo
    return f"(X & {atom(cond)})"


def _flatten_any(cond: Cond, atom: Callable[[Cond], int], fl: str, ilo: str) -> tuple[int, list[str]]:
    mask, parts = 0, []
    for kid in cond[1]:
        if kid[0] == "any":
            sub_mask, sub_parts = _flatten_any(kid, atom, fl, ilo)
            mask |= sub_mask
            parts += sub_parts
        elif kid[0] in ("all", "fl", "ilo"):
            parts.append(to_source(kid, atom, fl, ilo))
        else:
            mask |= atom(kid)
    return mask, parts


def support(cond: Cond, atom: Callable[[Cond], int], fl: int, ilo: int) -> int:
    """All atom bits a condition depends on."""
    kind = cond[0]
    if kind in ("all", "any"):
        mask = 0
        for kid in cond[1]:
            mask |= support(kid, atom, fl, ilo)
        return mask
    if kind == "fl":
        return fl
    if kind == "ilo":
        return ilo
    return atom(cond)
