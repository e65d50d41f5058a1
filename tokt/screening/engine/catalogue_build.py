"""Turn the catalogue YAML into validated dataclasses (see catalogue.py)."""

from __future__ import annotations

from typing import Any

from tokt.core import vocabulary

from .catalogue import (
    DELPHI_FRAMEWORK,
    FL_FRAMEWORK,
    FL_MEASUREMENT,
    Catalogue,
    Dimension,
    Fact,
    Indicator,
    NamedElement,
    Profile,
    frozen,
    need,
    text,
    unique,
)
from .model import CatalogueError

RULE_KEYS = frozenset({"strong", "medium", "weak", "medium_or_weak"})


def build(data: dict[str, Any], origin: str) -> Catalogue:
    version = data.get("catalogue_version")
    if not isinstance(version, str) or not version.strip():
        raise CatalogueError(f"{origin}.catalogue_version: missing")
    schema = need(data, "schema_version", origin, int)
    strengths = tuple(need(data, "strength_values", origin, list))
    profiles = _profiles(need(data, "profiles", origin), origin)
    frameworks = {f.get("id"): f for f in need(data, "frameworks", origin, list) if isinstance(f, dict)}
    for needed in (DELPHI_FRAMEWORK, FL_FRAMEWORK, FL_MEASUREMENT):
        if needed not in frameworks:
            raise CatalogueError(f"{origin}.frameworks: framework {needed!r} missing")
    seen: dict[str, str] = {}
    delphi = frameworks[DELPHI_FRAMEWORK]
    fplace = f"{origin}.frameworks[{DELPHI_FRAMEWORK}]"
    dims = _dimensions(need(delphi, "dimensions", fplace, list), fplace, seen)
    dim_ids = frozenset(d.id for d in dims)
    indicators: dict[str, Indicator] = {}
    for i, node in enumerate(need(delphi, "indicators", fplace, list)):
        ind = _delphi_indicator(node, f"{fplace}.indicators[{i}]", dim_ids, profiles, strengths)
        unique([ind.id], f"{fplace}.indicators[{i}]", seen)
        indicators[ind.id] = ind
    fl = frameworks[FL_FRAMEWORK]
    flplace = f"{origin}.frameworks[{FL_FRAMEWORK}]"
    for i, node in enumerate(need(fl, "indicators", flplace, list)):
        place = f"{flplace}.indicators[{i}]"
        ident = need(node, "id", place, str)
        unique([ident], place, seen)
        maps = tuple(node.get("maps_to") or ())
        for target in maps:
            if target not in dim_ids and target not in indicators:
                raise CatalogueError(f"{place}.maps_to: unknown dimension or indicator {target!r}")
        indicators[ident] = Indicator(ident, FL_FRAMEWORK, text(node, place), None, {}, None, maps)
    facts = _facts(need(data, "facts", origin), f"{origin}.facts", seen)
    rules = need(delphi, "combination_rules", fplace)
    rplace = f"{fplace}.combination_rules"
    dim_rule = _dimension_rule(need(rules, "dimension_positive", rplace), f"{rplace}.dimension_positive", strengths)

    law = need(data, "norwegian_law", origin)
    s257 = need(law, "straffeloven_257", f"{origin}.norwegian_law")
    lplace = f"{origin}.norwegian_law.straffeloven_257.elements"
    elements = need(s257, "elements", lplace.rsplit(".", 1)[0])
    known = dim_ids | frozenset(indicators)
    means = tuple(_means(n, f"{lplace}.means[{i}]", known) for i, n in enumerate(need(elements, "means", lplace, list)))
    purposes = tuple(
        NamedElement(need(n, "id", f"{lplace}.purposes[{i}]", str), text(n, f"{lplace}.purposes[{i}]"))
        for i, n in enumerate(need(elements, "purposes", lplace, list))
    )
    s258 = need(law, "straffeloven_258", f"{origin}.norwegian_law")
    gplace = f"{origin}.norwegian_law.straffeloven_258.aggravating_factors"
    aggravating = tuple(
        NamedElement(need(n, "id", f"{gplace}[{i}]", str), text(n, f"{gplace}[{i}]"))
        for i, n in enumerate(need(s258, "aggravating_factors", gplace.rsplit(".", 1)[0], list))
    )
    engine = need(data, "engine_rules", origin)
    eplace = f"{origin}.engine_rules"

    vocab = dict(need(data, "vocabularies", origin))
    need(vocab, "exploitation_types", f"{origin}.vocabularies", list)
    # The shared vocabulary lives in one place (tokt/core/vocabulary.py).
    vocab.setdefault("roles", list(vocabulary.ROLE_IDS))
    vocab.setdefault("sectors", list(vocabulary.SECTOR_IDS))
    vocab.setdefault("exploitation_type_aliases", dict(vocabulary.EXPLOITATION_TYPE_OF))
    return Catalogue(
        version=version,
        schema_version=schema,
        raw=frozen(data),
        dimensions=dims,
        indicators=frozen(indicators),
        facts=frozen(facts),
        profiles=frozen(profiles),
        strength_values=strengths,
        dimension_rule=dim_rule,
        means=means,
        purposes=purposes,
        aggravating=aggravating,
        notice=text(need(engine, "notice", eplace), f"{eplace}.notice"),
        vocab=frozen(vocab),
    )


def _profiles(node: dict[str, Any], origin: str) -> dict[str, Profile]:
    out = {}
    for ident, p in node.items():
        place = f"{origin}.profiles.{ident}"
        audience = need(p, "audience", place, str)
        etype = need(p, "exploitation_type", place, str)
        if audience not in ("adult", "child") or etype not in ("labour", "sexual"):
            raise CatalogueError(f"{place}: audience must be adult/child, exploitation_type labour/sexual")
        out[ident] = Profile(
            ident, audience, etype, p.get("strength_verification", "unverified"), p.get("engine_proxy_from")
        )
    for prof in out.values():
        if prof.proxy_from is not None:
            src = out.get(prof.proxy_from)
            if src is None or src.audience != prof.audience or src.proxy_from is not None:
                raise CatalogueError(
                    f"{origin}.profiles.{prof.id}.engine_proxy_from: must name a non-proxy profile of the same audience"
                )
    return out


def _dimensions(nodes: list[Any], place: str, seen: dict[str, str]) -> tuple[Dimension, ...]:
    dims = []
    for i, node in enumerate(nodes):
        sub = f"{place}.dimensions[{i}]"
        ident = need(node, "id", sub, str)
        unique([ident], sub, seen)
        dims.append(Dimension(ident, text(node, sub), node.get("palermo_element", ""), node.get("phase", "")))
    return tuple(dims)


def _delphi_indicator(
    node: Any, place: str, dims: frozenset[str], profiles: dict[str, Profile], strengths: tuple[str, ...]
) -> Indicator:
    ident = need(node, "id", place, str)
    place = f"{place} ({ident})"
    dim = need(node, "dim", place, str)
    if dim not in dims:
        raise CatalogueError(f"{place}.dim: unknown dimension {dim!r}")
    smap = need(node, "strength", place)
    if set(smap) != set(profiles):
        raise CatalogueError(f"{place}.strength: keys must be exactly the profiles {sorted(profiles)}")
    for prof, value in smap.items():
        if value is not None and value not in strengths:
            raise CatalogueError(f"{place}.strength.{prof}: invalid strength {value!r}")
        if value is not None and profiles[prof].proxy_from is not None:
            # A real value must replace the proxy explicitly (drop engine_proxy_from).
            raise CatalogueError(f"{place}.strength.{prof}: profile uses a proxy; remove engine_proxy_from first")
    return Indicator(ident, DELPHI_FRAMEWORK, text(node, place), dim, frozen(dict(smap)), node.get("doubt"))


def _facts(node: dict[str, Any], place: str, seen: dict[str, str]) -> dict[str, Fact]:
    out = {}
    for i, f in enumerate(need(node, "items", place, list)):
        sub = f"{place}.items[{i}]"
        ident = need(f, "id", sub, str)
        unique([ident], sub, seen)
        applies = f.get("applies_to", "any")
        if applies not in ("any", "under_18"):
            raise CatalogueError(f"{sub}.applies_to: must be any or under_18")
        out[ident] = Fact(ident, text(f, sub), text(need(f, "ask", sub), f"{sub}.ask"), applies)
    return out


def _dimension_rule(node: Any, place: str, strengths: tuple[str, ...]) -> tuple[dict[str, int], ...]:
    clauses = []
    for i, clause in enumerate(need(node, "any_of", place, list)):
        sub = f"{place}.any_of[{i}]"
        if not isinstance(clause, dict) or not clause:
            raise CatalogueError(f"{sub}: must be a mapping of strength counts")
        for key, count in clause.items():
            if key not in RULE_KEYS or not isinstance(count, int) or count < 1:
                raise CatalogueError(f"{sub}.{key}: invalid rule term")
        clauses.append(dict(clause))
    if set(strengths) != {"strong", "medium", "weak"}:
        raise CatalogueError(f"{place}: strength_values must be strong, medium, weak")
    return tuple(clauses)


def _means(node: Any, place: str, known: frozenset[str]) -> NamedElement:
    """A § 257 means with its ILO signals (dimension or indicator ids, read by rules.section_257_means)."""
    ident = need(node, "id", place, str)
    signals = tuple(str(sig) for sig in need(node, "ilo_signals", place, list))
    for sig in signals:
        if sig not in known:
            raise CatalogueError(f"{place}.ilo_signals: unknown dimension or indicator {sig!r}")
    return NamedElement(ident, text(node, place), signals)
