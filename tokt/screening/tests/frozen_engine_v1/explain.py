"""The explanatory parts of an Assessment, built on first access.

The verdict (continuum, ILO result, unknowns, next steps) is computed by
assess(); these details are derived from the same reduced state when the
caller reads them (to_dict, render_text), so a caller that needs only the
verdict does not pay for them.
"""

from __future__ import annotations

from typing import Any

from . import texts
from .catalogue import Catalogue, Text
from .core import PROXY_BASIS, Compiled, Derived, Reduced
from .model import AgeGroup, ScreeningInput, State
from .results import ELEMENT, THREE_WAY, DimensionResult, ProfileResult

STRENGTH_NAME = ("strong", "medium", "weak")


def _dimension_cache(comp: Compiled) -> dict[tuple[str, int, str, int], DimensionResult]:
    # DimensionResult is immutable: results without deciding signs are shared per catalogue.
    return comp.cat.cache.setdefault("explain_dimensions", {})  # type: ignore[no-any-return]


def profiles(comp: Compiled, inp: ScreeningInput, red: Reduced, d: Derived) -> tuple[ProfileResult, ...]:
    out = []
    observed = sorted(i for i, s in inp.indicators.items() if s is State.OBSERVED)
    ruled_out = [i for i, s in inp.indicators.items() if s is State.NOT_OBSERVED]
    nd = len(comp.dim_ids)
    dims_meta = comp.cat.dimensions
    shared = _dimension_cache(comp)
    for i, pid in enumerate(red.profiles):
        eff = comp.eff[pid]
        decided: dict[int, list[tuple[int, str]]] = {}
        out_count: dict[int, int] = {}
        for ident in observed:
            e = eff.get(ident)
            if e is not None:
                decided.setdefault(e[0], []).append((e[1], ident))
        for ident in ruled_out:
            e = eff.get(ident)
            if e is not None:
                out_count[e[0]] = out_count.get(e[0], 0) + 1
        pos, poss, totals = red.pos[i], red.poss[i], comp.dim_totals[pid]
        dims = []
        for di in range(nd):
            status = "positive" if pos >> di & 1 else ("cannot_tell_yet" if poss >> di & 1 else "not_positive")
            n_out = out_count.get(di, 0)
            signs = decided.get(di)
            if signs is None:
                key = (pid, di, status, n_out)
                dr = shared.get(key)
                if dr is None:
                    meta = dims_meta[di]
                    dr = shared[key] = DimensionResult(meta.id, meta.name, status, (), totals[di] - n_out, n_out)
                dims.append(dr)
                continue
            if len(signs) > 1:
                signs.sort()
            obs = tuple((ident, STRENGTH_NAME[s]) for s, ident in signs)
            meta = dims_meta[di]
            dims.append(DimensionResult(meta.id, meta.name, status, obs, totals[di] - len(obs) - n_out, n_out))
        audience = comp.profile_audience[pid]
        out.append(
            ProfileResult(
                id=pid,
                audience=audience,
                exploitation_type=comp.profile_type[pid],
                conditional_on_age=red.ctx.conditional[i],
                strength_basis=comp.basis[pid],
                dimensions=tuple(dims),
                conclusion=THREE_WAY[d.profile_conclusions[i]],
            )
        )
    return tuple(out)


def _fl_masks(comp: Compiled) -> tuple[tuple[str, int, frozenset[str]], ...]:
    # Per catalogue: each FL indicator with one bit mask for the dimensions it maps to.
    masks = comp.cat.cache.get("explain_fl_masks")
    if masks is None:
        masks = tuple((fl_id, sum(comp.dim_bit[t] for t in set(dims)), ids) for fl_id, dims, ids in comp.fl_maps)
        comp.cat.cache["explain_fl_masks"] = masks
    return masks  # type: ignore[no-any-return]


def forced_labour(comp: Compiled, inp: ScreeningInput, red: Reduced, d: Derived) -> dict[str, Any]:
    pos_mask = red.xn >> comp.main_off
    observed = {i for i, s in inp.indicators.items() if s is State.OBSERVED}
    present = [
        fl_id
        for fl_id, mask, ids in _fl_masks(comp)
        if pos_mask & mask or fl_id in observed or not observed.isdisjoint(ids)
    ]
    return {
        "basis": "design_choice",
        "coercion": ELEMENT[d.coercion],
        "ilo_indicators_present": present,
        "involuntariness": ELEMENT[d.involuntariness],
        "status": ELEMENT[d.forced_labour],
    }


def section_257(cat: Catalogue, inp: ScreeningInput, d: Derived) -> dict[str, Any]:
    required = {AgeGroup.UNDER_18: "no", AgeGroup.ADULT: "yes"}.get(inp.age_group, "unknown")
    return {
        "conduct": ELEMENT[d.section_257],
        "facilitation_act": ELEMENT[{State.OBSERVED: 2, State.NOT_OBSERVED: 0}.get(inp.fact("act_present"), 1)],
        "means": {
            "elements": {m.id: ELEMENT[v] for m, v in zip(cat.means, d.means_each, strict=True)},
            "status": ELEMENT[d.means],
        },
        "means_required": required,
        "purpose": {
            "elements": {
                p.id: ("not_screened" if v is None else ELEMENT[v])
                for p, v in zip(cat.purposes, d.purposes_each, strict=True)
            },
            "status": ELEMENT[d.purpose],
        },
        "requires_recruitment_or_transport": False,
        "status": ELEMENT[d.section_257],
    }


def reason(cat: Catalogue, inp: ScreeningInput, d: Derived) -> Text:
    # The text depends on these few values only; cached per catalogue (Text is immutable).
    key = (
        d.level,
        inp.age_group is AgeGroup.UNDER_18,
        d.ilo == 2,
        d.section_257,
        2 in (d.means, d.purpose),
        d.max_level,
    )
    cache = cat.cache.setdefault("explain_reason", {})
    found: Text | None = cache.get(key)
    if found is None:
        found = cache[key] = _reason(cat, inp, d)
    return found


def _reason(cat: Catalogue, inp: ScreeningInput, d: Derived) -> Text:
    position = cat.continuum[d.level][0]
    parts = [texts.POSITION_REASON[position]]
    if position == "possible_trafficking" and inp.age_group is AgeGroup.UNDER_18:
        parts.append(texts.CHILD_REASON)
    if d.ilo != 2 and d.section_257 == 2 and position != "forced_labour":
        parts.append(texts.S257_MAY_APPLY)
    elif d.ilo != 2 and d.section_257 == 1 and 2 in (d.means, d.purpose):
        parts.append(texts.S257_OPEN)
    if d.max_level > d.level:
        name = texts.POSITION_NAME[cat.continuum[d.max_level][0]]
        parts.append(Text(texts.COULD_REACH.nb.format(name=name.nb), texts.COULD_REACH.en.format(name=name.en)))
    return Text(" ".join(p.nb for p in parts), " ".join(p.en for p in parts))


def doubts(comp: Compiled, inp: ScreeningInput, red: Reduced) -> tuple[str, ...]:
    if not any(comp.profile_audience[p] == "adult" for p in red.profiles):
        return ()
    return tuple(
        sorted(
            i
            for i, s in inp.indicators.items()
            if s is State.OBSERVED and i in comp.cat.indicators and comp.cat.indicators[i].doubt
        )
    )


def notes(
    comp: Compiled,
    inp: ScreeningInput,
    red: Reduced,
    d: Derived,
    profiles: tuple[ProfileResult, ...],
    found: tuple[str, ...] | None = None,
) -> tuple[tuple[str, Text], ...]:
    """`found`: doubts(comp, inp, red) if the caller has it already."""
    out: list[tuple[str, Text]] = []
    if inp.fact("person_consented") is State.OBSERVED:
        out.append(("consent", texts.NOTES["consent"]))
    if inp.age_group is AgeGroup.UNKNOWN:
        out.append(("age_unknown", texts.NOTES["age_unknown"]))
    if any(p.strength_basis == PROXY_BASIS for p in profiles):
        out.append(("proxy", texts.NOTES["proxy"]))
    if found is None:
        found = doubts(comp, inp, red)
    if found:
        t = texts.NOTES["doubt"]
        out.append(("strength_doubt", Text(t.nb.format(ids=", ".join(found)), t.en.format(ids=", ".join(found)))))
    child_profiles = [p for p in red.profiles if comp.profile_audience[p] == "child"]
    if child_profiles:
        eff = comp.eff[child_profiles[0]]
        missing = sorted(
            i
            for i, s in inp.indicators.items()
            if s is State.OBSERVED and comp.cat.indicators[i].dimension and i not in eff
        )
        if missing:
            t = texts.NOTES["not_in_list"]
            out.append(
                ("not_in_child_list", Text(t.nb.format(ids=", ".join(missing)), t.en.format(ids=", ".join(missing))))
            )
    if d.ilo != 2:
        out.append(("ilo_rule_scope", texts.NOTES["ilo_rule_scope"]))
    return tuple(out)


def section_258(cat: Catalogue, d: Derived) -> dict[str, str]:
    return {g.id: ELEMENT[v] for g, v in zip(cat.aggravating, d.section_258, strict=True)}
