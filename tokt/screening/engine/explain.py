"""The explanatory parts of an Assessment, built from the rules' Verdict on first access."""

from __future__ import annotations

from typing import Any

from . import texts
from .catalogue import Catalogue, Text
from .model import AgeGroup, ScreeningInput, State
from .result_parts import ELEMENT, THREE_WAY, DimensionResult, ProfileResult
from .rules import TV, Verdict

PROXY_BASIS = "proxy_labour_list"
STRENGTH_ORDER = {"strong": 0, "medium": 1, "weak": 2}
DIMENSION_STATUS = {TV.YES: "positive", TV.UNKNOWN: "cannot_tell_yet", TV.NO: "not_positive"}


def strength_basis(cat: Catalogue, profile_id: str) -> str:
    profile = cat.profiles[profile_id]
    return PROXY_BASIS if profile.proxy_from else profile.strength_verification


def profiles(cat: Catalogue, inp: ScreeningInput, v: Verdict) -> tuple[ProfileResult, ...]:
    out = []
    for p, conclusion in zip(v.profiles, v.conclusions, strict=True):
        dims = []
        for meta in cat.dimensions:
            members = [i for i, ind in cat.indicators.items() if ind.dimension == meta.id and i in p.strengths]
            observed = sorted(
                ((i, p.strengths[i]) for i in members if inp.indicator(i) is State.OBSERVED),
                key=lambda e: (STRENGTH_ORDER[e[1]], e[0]),
            )
            n_out = sum(1 for i in members if inp.indicator(i) is State.NOT_OBSERVED)
            status = DIMENSION_STATUS[p.dimensions[meta.id]]
            dims.append(
                DimensionResult(
                    meta.id, meta.name, status, tuple(observed), len(members) - len(observed) - n_out, n_out
                )
            )
        out.append(
            ProfileResult(
                id=p.id,
                audience=p.audience,
                exploitation_type=p.exploitation_type,
                conditional_on_age=p.conditional_on_age,
                strength_basis=strength_basis(cat, p.id),
                dimensions=tuple(dims),
                conclusion=THREE_WAY[conclusion],
            )
        )
    return tuple(out)


def forced_labour(cat: Catalogue, inp: ScreeningInput, v: Verdict) -> dict[str, Any]:
    """The ILO forced-labour indicators (2012) whose mapped signs are present are listed for reading."""
    observed = {i for i, s in inp.indicators.items() if s is State.OBSERVED}
    present = [
        ind.id
        for ind in cat.indicators.values()
        if ind.dimension is None
        and (
            ind.id in observed
            or any(v.dimensions.get(t) is TV.YES for t in ind.maps_to)
            or not observed.isdisjoint(ind.maps_to)
        )
    ]
    return {
        "basis": "design_choice",
        "coercion": ELEMENT[v.coercion],
        "ilo_indicators_present": present,
        "involuntariness": ELEMENT[v.involuntariness],
        "status": ELEMENT[v.forced_labour],
    }


def section_257(cat: Catalogue, inp: ScreeningInput, v: Verdict) -> dict[str, Any]:
    required = {AgeGroup.UNDER_18: "no", AgeGroup.ADULT: "yes"}.get(inp.age_group, "unknown")
    return {
        "conduct": ELEMENT[v.section_257],
        "facilitation_act": ELEMENT[{State.OBSERVED: 2, State.NOT_OBSERVED: 0}.get(inp.fact("act_present"), 1)],
        "means": {"elements": {k: ELEMENT[x] for k, x in v.means_each.items()}, "status": ELEMENT[v.means]},
        "means_required": required,
        "purpose": {
            "elements": {k: ("not_screened" if x is None else ELEMENT[x]) for k, x in v.purposes_each.items()},
            "status": ELEMENT[v.purpose],
        },
        "requires_recruitment_or_transport": False,
        "status": ELEMENT[v.section_257],
    }


def reason(cat: Catalogue, inp: ScreeningInput, d: Verdict) -> Text:
    position = d.position
    parts = [texts.POSITION_REASON[position]]
    if position == "possible_trafficking" and inp.age_group is AgeGroup.UNDER_18:
        parts.append(texts.CHILD_REASON)
    elif position == "possible_trafficking" and d.ilo != TV.YES:
        parts.append(texts.MAYBE_CHILD_REASON)
    if d.ilo != 2 and d.section_257 == 2 and position != "forced_labour":
        parts.append(texts.S257_MAY_APPLY)
    elif d.ilo != 2 and d.section_257 == 1 and 2 in (d.means, d.purpose):
        parts.append(texts.S257_OPEN)
    if d.max_level > d.level:
        name = texts.POSITION_NAME[d.could_reach]
        parts.append(Text(texts.COULD_REACH.nb.format(name=name.nb), texts.COULD_REACH.en.format(name=name.en)))
    return Text(" ".join(p.nb for p in parts), " ".join(p.en for p in parts))


def doubts(cat: Catalogue, inp: ScreeningInput, v: Verdict) -> tuple[str, ...]:
    if not any(p.audience == "adult" for p in v.profiles):
        return ()
    return tuple(
        sorted(
            i
            for i, s in inp.indicators.items()
            if s is State.OBSERVED and i in cat.indicators and cat.indicators[i].doubt
        )
    )


def notes(
    cat: Catalogue,
    inp: ScreeningInput,
    v: Verdict,
    profile_results: tuple[ProfileResult, ...],
    found: tuple[str, ...],
) -> tuple[tuple[str, Text], ...]:
    out: list[tuple[str, Text]] = []
    if inp.fact("person_consented") is State.OBSERVED:
        out.append(("consent", texts.NOTES["consent"]))
    if inp.age_group is AgeGroup.UNKNOWN:
        out.append(("age_unknown", texts.NOTES["age_unknown"]))
    if any(p.strength_basis == PROXY_BASIS for p in profile_results):
        out.append(("proxy", texts.NOTES["proxy"]))
    if found:
        t = texts.NOTES["doubt"]
        out.append(("strength_doubt", Text(t.nb.format(ids=", ".join(found)), t.en.format(ids=", ".join(found)))))
    child = next((p for p in v.profiles if p.audience == "child"), None)
    if child is not None:
        missing = sorted(
            i
            for i, s in inp.indicators.items()
            if s is State.OBSERVED and cat.indicators[i].dimension and i not in child.strengths
        )
        if missing:
            t = texts.NOTES["not_in_list"]
            out.append(
                ("not_in_child_list", Text(t.nb.format(ids=", ".join(missing)), t.en.format(ids=", ".join(missing))))
            )
    if v.ilo != TV.YES:
        out.append(("ilo_rule_scope", texts.NOTES["ilo_rule_scope"]))
    return tuple(out)


def section_258(v: Verdict) -> dict[str, str]:
    return {k: ELEMENT[x] for k, x in v.section_258.items()}
