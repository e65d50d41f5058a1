"""Unknowns ranked by what they would change (METHOD § 5: "list what is unknown").

For each unknown sign or fact: "what if this were observed?", one at a time,
re-evaluating the rules (rules.evaluate). A change of the ILO result weighs
most, then the placement, § 257, forced labour, a list's result, a § 258
factor and a dimension becoming positive. A sign that alone changes nothing
but sits in a dimension of the person's own list that could still become
positive gets a small weight by its strength, so the list also says which
questions build towards a threshold. Design choice; no source.
"""

from __future__ import annotations

from collections.abc import Mapping

from .catalogue import Catalogue, Text
from .model import AgeGroup, ScreeningInput, State
from .result_parts import UnknownItem
from .rules import LAW_BREACH_SIGNS, TV, Verdict, evaluate, section_257_signals
from .texts import ASK_AGE, ASK_FALLBACK

SAFETY_FACT = "acute_danger"
# Facts that only steer the routing or are recorded for the text.
ROUTING_ONLY = frozenset({"wants_no_police", "no_legal_residence", "person_consented", "close_relationship_violence"})
AGE_NAME = Text("Alder", "Age")
AGE_FLOOR = 500
SAFETY_SCORE = 5000
W_ILO, W_LEVEL, W_257, W_FL, W_PROFILE, W_258, W_DIM = 1000, 100, 50, 30, 20, 5, 10
STRENGTH_WEIGHT = {"strong": 3, "medium": 2, "weak": 1}
KIND_ORDER = {"age": 0, "fact": 1, "indicator": 2}


def what_changes(before: Verdict, after: Verdict) -> tuple[tuple[str, ...], int]:
    """(names of the results that would rise, score)."""
    effects: list[str] = []
    score = 0
    if after.ilo != before.ilo:
        effects.append("ilo_conclusion")
        score += W_ILO
    if after.level > before.level:
        effects.append("continuum")
        score += W_LEVEL * (after.level - before.level)
    if after.section_257 != before.section_257:
        effects.append("section_257")
        score += W_257
    if after.forced_labour != before.forced_labour:
        effects.append("forced_labour")
        score += W_FL
    old = {p.id: c for p, c in zip(before.profiles, before.conclusions, strict=True) if not p.conditional_on_age}
    new = {p.id: c for p, c in zip(after.profiles, after.conclusions, strict=True)}
    if any(new.get(pid, value) != value for pid, value in old.items()):
        effects.append("profile_conclusion")
        score += W_PROFILE
    if any(after.section_258[k] != v for k, v in before.section_258.items()):
        effects.append("section_258")
        score += W_258
    for dim, value in before.dimensions.items():
        if value is not TV.YES and after.dimensions.get(dim) is TV.YES:
            effects.append(f"dimension:{dim}")
            score += W_DIM
    return tuple(effects), score


def building_weight(cat: Catalogue, inp: ScreeningInput, verdict: Verdict, indicator_id: str) -> int:
    """A sign towards a threshold still open in the person's own lists: weighted by strength."""
    dim = cat.indicators[indicator_id].dimension
    if dim is None or verdict.dimensions.get(dim) is not TV.UNKNOWN:
        return 0
    own = "child" if inp.age_group is AgeGroup.UNDER_18 else "adult"
    strengths = [p.strengths.get(indicator_id) for p in verdict.profiles if p.audience == own]
    return max((STRENGTH_WEIGHT[s] for s in strengths if s is not None), default=0)


def rank_unknowns(
    cat: Catalogue,
    inp: ScreeningInput,
    verdict: Verdict,
    asks: Mapping[str, Text],
    limit: int,
) -> tuple[UnknownItem, ...]:
    scored: list[tuple[int, int, str, tuple[str, ...]]] = []
    answered = {i for i, s in inp.indicators.items() if s is not State.UNKNOWN}
    in_lists = {i for p in verdict.profiles for i in p.strengths}
    # Signs that play the same part in every rule have the same what-if: evaluated once.
    seen: dict[tuple[object, ...], tuple[tuple[str, ...], int]] = {}
    direct = {i for found in section_257_signals(cat).values() for i in found}
    for ident in sorted(in_lists - answered):
        key = (
            tuple(p.strengths.get(ident) for p in verdict.profiles),
            cat.indicators[ident].dimension,
            ident in LAW_BREACH_SIGNS,
            ident if ident in direct else None,
        )
        if key not in seen:
            seen[key] = what_changes(verdict, evaluate(cat, inp.with_indicator(ident, State.OBSERVED)))
        effects, score = seen[key]
        score += building_weight(cat, inp, verdict, ident)
        if score:
            scored.append((-score, KIND_ORDER["indicator"], ident, effects))
    for fid, fact in cat.facts.items():
        if fid in ROUTING_ONLY or inp.fact(fid) is not State.UNKNOWN:
            continue
        if fact.applies_to == "under_18" and inp.age_group is AgeGroup.ADULT:
            continue
        if fid == SAFETY_FACT:
            effects, score = ("safety",), SAFETY_SCORE
        else:
            effects, score = what_changes(verdict, evaluate(cat, inp.with_fact(fid, State.OBSERVED)))
        if score:
            scored.append((-score, KIND_ORDER["fact"], fid, effects))
    if inp.age_group is AgeGroup.UNKNOWN:
        child = evaluate(cat, inp.with_age(AgeGroup.UNDER_18))
        effects, score = what_changes(verdict, child)
        # The age decides which rule and which services apply: always worth
        # asking, ranked just below answers that would change the conclusion.
        scored.append((-max(score, AGE_FLOOR), KIND_ORDER["age"], "age_group", effects or ("rule_choice",)))
    scored.sort()
    return tuple(_item(cat, entry, asks) for entry in scored[:limit])


def _item(cat: Catalogue, entry: tuple[int, int, str, tuple[str, ...]], asks: Mapping[str, Text]) -> UnknownItem:
    neg_score, kind, ident, effects = entry
    if kind == KIND_ORDER["age"]:
        return UnknownItem("age", ident, -neg_score, effects, AGE_NAME, ASK_AGE)
    if kind == KIND_ORDER["fact"]:
        fact = cat.facts[ident]
        return UnknownItem("fact", ident, -neg_score, effects, fact.name, asks.get(ident) or fact.ask)
    ind = cat.indicators[ident]
    ask = asks.get(ident) or Text(ASK_FALLBACK.nb.format(nb=ind.name.nb), ASK_FALLBACK.en.format(en=ind.name.en))
    return UnknownItem("indicator", ident, -neg_score, effects, ind.name, ask)
