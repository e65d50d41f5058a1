"""Turn the catalogue YAML into validated dataclasses (see catalogue.py)."""

from __future__ import annotations

from typing import Any

from . import conditions as C
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
DERIVED_FACTS = frozenset({"age_under_18"})


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
    by_dim = {d: frozenset(i.id for i in indicators.values() if i.dimension == d) for d in dim_ids}
    names = C.Names(dim_ids, frozenset(indicators), frozenset(facts) | DERIVED_FACTS, by_dim)

    rules = need(delphi, "combination_rules", fplace)
    rplace = f"{fplace}.combination_rules"
    dim_rule = _dimension_rule(need(rules, "dimension_positive", rplace), f"{rplace}.dimension_positive", strengths)
    victim = need(rules, "victim", rplace)
    victim_rules = {}
    for audience in ("adult", "child"):
        place = f"{rplace}.victim.{audience}"
        node = need(victim, audience, f"{rplace}.victim")
        req = node.get("requires_fact")
        if req is not None and req not in names.facts:
            raise CatalogueError(f"{place}.requires_fact: unknown fact {req!r}")
        victim_rules[audience] = C.parse({"all_of": need(node, "all_of", place, list)}, names, place)

    meas = frameworks[FL_MEASUREMENT]
    mplace = f"{origin}.frameworks[{FL_MEASUREMENT}].combination_rule.engine_mapping"
    mapping = need(
        need(meas, "combination_rule", f"{origin}.frameworks[{FL_MEASUREMENT}]"),
        "engine_mapping",
        mplace.rsplit(".", 1)[0],
    )
    invol = C.parse(need(mapping, "involuntariness", mplace), names, f"{mplace}.involuntariness")
    coerc = C.parse(need(mapping, "coercion", mplace), names, f"{mplace}.coercion")

    law = need(data, "norwegian_law", origin)
    s257 = need(law, "straffeloven_257", f"{origin}.norwegian_law")
    lplace = f"{origin}.norwegian_law.straffeloven_257.elements"
    elements = need(s257, "elements", lplace.rsplit(".", 1)[0])
    means = tuple(_means(n, f"{lplace}.means[{i}]", names) for i, n in enumerate(need(elements, "means", lplace, list)))

    engine = need(data, "engine_rules", origin)
    eplace = f"{origin}.engine_rules"
    purpose_conds = need(engine, "section_257_purposes", eplace)
    purposes = []
    for i, node in enumerate(need(elements, "purposes", lplace, list)):
        place = f"{lplace}.purposes[{i}]"
        ident = need(node, "id", place, str)
        cond_node = purpose_conds.get(ident)
        # Purposes the tool does not screen (war service, organs) stay unknown.
        cond = C.parse(cond_node, names, f"{eplace}.section_257_purposes.{ident}") if cond_node else None
        purposes.append(NamedElement(ident, text(node, place), cond))  # type: ignore[arg-type]
    for ident in purpose_conds:
        if ident not in {p.id for p in purposes}:
            raise CatalogueError(f"{eplace}.section_257_purposes.{ident}: no such § 257 purpose")

    s258 = need(law, "straffeloven_258", f"{origin}.norwegian_law")
    gplace = f"{origin}.norwegian_law.straffeloven_258.aggravating_factors"
    factor_conds = need(engine, "section_258_factors", eplace)
    aggravating = []
    for i, node in enumerate(need(s258, "aggravating_factors", gplace.rsplit(".", 1)[0], list)):
        place = f"{gplace}[{i}]"
        ident = need(node, "id", place, str)
        if ident not in factor_conds:
            raise CatalogueError(f"{eplace}.section_258_factors.{ident}: missing")
        cond = C.parse(factor_conds[ident], names, f"{eplace}.section_258_factors.{ident}")
        aggravating.append(NamedElement(ident, text(node, place), cond))

    cont = need(engine, "continuum", eplace)
    cplace = f"{eplace}.continuum"
    order = need(cont, "order", cplace, list)
    levels = need(cont, "levels", cplace)
    continuum: list[tuple[str, C.Cond | None]] = []
    for pos, name in enumerate(order):
        if pos == 0:
            continuum.append((name, None))  # the floor: insufficient information
            continue
        if name not in levels:
            raise CatalogueError(f"{cplace}.levels.{name}: missing")
        continuum.append((name, C.parse(levels[name], names, f"{cplace}.levels.{name}")))
    for name in levels:
        if name not in order:
            raise CatalogueError(f"{cplace}.levels.{name}: not in order")

    vocab = need(data, "vocabularies", origin)
    for key in ("sectors", "roles", "exploitation_types"):
        need(vocab, key, f"{origin}.vocabularies", list)
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
        victim_rules=frozen(victim_rules),
        involuntariness=invol,
        coercion=coerc,
        means=means,
        purposes=tuple(purposes),
        aggravating=tuple(aggravating),
        continuum=tuple(continuum),
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


def _means(node: Any, place: str, names: C.Names) -> NamedElement:
    ident = need(node, "id", place, str)
    signals = need(node, "ilo_signals", place, list)
    leaves: list[dict[str, Any]] = []
    for sig in signals:
        if sig in names.dimensions:
            leaves.append({"positive": sig})
        elif sig in names.indicators:
            leaves.append({"any_observed": [sig]})
        else:
            raise CatalogueError(f"{place}.ilo_signals: unknown dimension or indicator {sig!r}")
    return NamedElement(ident, text(node, place), C.parse({"any_of": leaves}, names, f"{place}.ilo_signals"))
