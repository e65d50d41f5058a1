"""Situations and recommended next steps (design_choice, unsourced: METHOD.md §5 routing).

The routing owns no actor lists. It names the situations a screening points
to (ids of tokt/directory/data/referral_paths.yaml) and builds the next steps
from those situations' referral steps, so "whom to contact" equals the
directory's answer for the same situations and municipality by construction
(tokt.directory.selectors.contacts_for_situations):

1. situations in the fixed urgency order SITUATION_ORDER;
2. within a situation, its steps in order; within a step, its actors in order
   (the first is responsible); each actor once, at its first place, with the
   title of that step as the reason;
3. an actor is left out when the contacts provider resolves it to None for
   the municipality (the directory's coverage filter). Exception: a provider
   that knows nobody (NoContacts, or a YamlContacts whose file is missing or
   empty; attribute `keeps_unresolved`) keeps every actor, ids only.

Then a few extras that no situation covers, appended after the path actors
(skipped when already present, same coverage rule):

* signs of violence -> krisesenter_salten, violence_helpline;
* social dumping only (level 1, labour types) and no situation -> arbeidstilsynet;
* a serious case with acute danger unknown and no acute_danger situation ->
  emergency_police gets the "check for acute danger" reason (every path starts
  with emergency_police; without any situation it is put first).
"""

from __future__ import annotations

from .catalogue import Text
from .contacts import ContactsProvider, NoContacts, YamlContacts
from .core import Derived
from .model import AgeGroup, ExploitationType, ScreeningInput, State
from .referrals import ReferralPaths, YamlReferrals
from .results import NextStep
from .texts import STEP_REASON

LEVEL_SOCIAL_DUMPING, LEVEL_LABOUR_CRIME, LEVEL_FORCED_LABOUR = 1, 2, 3
VIOLENCE_SIGNS = ("CR01", "CD04", "CR09", "CD13")
VIOLENCE_FACTS = ("gross_violence", "close_relationship_violence")
LABOUR_TYPES = frozenset(
    {ExploitationType.LABOUR, ExploitationType.CRIME_BEGGING, ExploitationType.OTHER, ExploitationType.UNKNOWN}
)
SEXUAL_TYPES = frozenset({ExploitationType.SEXUAL, ExploitationType.OTHER, ExploitationType.UNKNOWN})

# Most urgent first. Ids of referral_paths.yaml situations.
# Acute danger first (life), then a minor (the child welfare path), then the rest;
# tokt.directory.selectors.referral_answer applies the same rule.
SITUATION_ORDER = (
    "acute_danger",
    "minor",
    "no_police_wanted",
    "adult_sexual_exploitation",
    "adult_forced_labour",
    "no_legal_residence",
)
# Actors the routing may add outside any situation (see the module docstring).
EXTRA_ACTORS = frozenset({"krisesenter_salten", "violence_helpline", "arbeidstilsynet", "emergency_police"})
_O = State.OBSERVED


def _observed_any(inp: ScreeningInput) -> bool:
    return any(s is _O for s in inp.indicators.values()) or any(
        s is _O for f, s in inp.facts.items() if f != "person_consented"
    )


def situations_for(inp: ScreeningInput, d: Derived, child_rule_if_minor: bool = False) -> tuple[str, ...]:
    """The situations this screening points to, in SITUATION_ORDER.

    `child_rule_if_minor`: with the age unknown, the child rule would be met if
    the person is under 18.
    """
    facts = inp.facts
    observed_any = _observed_any(inp)
    out: list[str] = []
    age = inp.age_group
    if facts.get("acute_danger") is _O:
        out.append("acute_danger")
    # A minor comes right after acute danger, before every other path (the directory does the same).
    if (age is AgeGroup.UNDER_18 and observed_any) or (age is AgeGroup.UNKNOWN and child_rule_if_minor):
        out.append("minor")
    if observed_any and facts.get("wants_no_police") is _O:
        out.append("no_police_wanted")
    if age is not AgeGroup.UNDER_18:
        types = inp.exploitation_types
        possible = d.ilo == 2 or d.level >= LEVEL_FORCED_LABOUR or d.section_257 == 2
        if possible and not SEXUAL_TYPES.isdisjoint(types):
            out.append("adult_sexual_exploitation")
        if d.level >= LEVEL_LABOUR_CRIME and not LABOUR_TYPES.isdisjoint(types):
            out.append("adult_forced_labour")
    if observed_any and facts.get("no_legal_residence") is _O:
        out.append("no_legal_residence")
    return tuple(out)


_CACHE_LIMIT = 4096  # entries per cache below; cleared when full
_MERGED: dict[tuple[int, tuple[str, ...]], tuple[YamlReferrals, tuple[tuple[str, Text], ...]]] = {}


def path_actors(referrals: ReferralPaths, situations: tuple[str, ...]) -> tuple[tuple[str, Text], ...]:
    """(actor id, reason) of the situations' steps, directory order, each actor once.

    Cached for YamlReferrals, which does not change after loading.
    """
    cacheable = type(referrals) is YamlReferrals
    if cacheable:
        hit = _MERGED.get((id(referrals), situations))
        if hit is not None and hit[0] is referrals:
            return hit[1]
    seen: set[str] = set()
    plan: list[tuple[str, Text]] = []
    for sid in situations:
        for step in referrals.steps_for(sid):
            for actor in step.actors:
                if actor not in seen:
                    seen.add(actor)
                    plan.append((actor, step.title))
    merged = tuple(plan)
    if cacheable:
        if len(_MERGED) >= _CACHE_LIMIT:
            _MERGED.clear()
        _MERGED[(id(referrals), situations)] = (referrals, merged)  # type: ignore[assignment]
    return merged


_PLANS: dict[tuple[object, ...], tuple[object, object, tuple[NextStep, ...]]] = {}


def plan_steps(
    inp: ScreeningInput,
    d: Derived,
    contacts: ContactsProvider,
    referrals: ReferralPaths,
    situations: tuple[str, ...],
) -> tuple[NextStep, ...]:
    facts = inp.facts
    violence = any(inp.indicators.get(i) is _O for i in VIOLENCE_SIGNS) or any(
        facts.get(f) is _O for f in VIOLENCE_FACTS
    )
    dumping = not situations and d.level == LEVEL_SOCIAL_DUMPING and not LABOUR_TYPES.isdisjoint(inp.exploitation_types)
    serious = d.level >= LEVEL_FORCED_LABOUR or d.means == 2
    check = serious and facts.get("acute_danger", State.UNKNOWN) is State.UNKNOWN and "acute_danger" not in situations
    # The steps depend on nothing else; cached for the providers that never change after loading.
    cacheable = type(referrals) is YamlReferrals and type(contacts) in (NoContacts, YamlContacts)
    if cacheable:
        key = (id(contacts), id(referrals), situations, inp.municipality, violence, dumping, check)
        hit = _PLANS.get(key)
        if hit is not None and hit[0] is contacts and hit[1] is referrals:
            return hit[2]
    steps = _plan(inp.municipality, contacts, referrals, situations, violence, dumping, check)
    if cacheable:
        if len(_PLANS) >= _CACHE_LIMIT:
            _PLANS.clear()
        _PLANS[key] = (contacts, referrals, steps)
    return steps


def _plan(
    municipality: str | None,
    contacts: ContactsProvider,
    referrals: ReferralPaths,
    situations: tuple[str, ...],
    violence: bool,
    dumping: bool,
    check: bool,
) -> tuple[NextStep, ...]:
    keep_all = bool(getattr(contacts, "keeps_unresolved", False))
    resolve = contacts.resolve
    steps: list[NextStep] = []
    seen: set[str] = set()

    def add(actor: str, reason: Text) -> None:
        if actor in seen:
            return
        seen.add(actor)
        contact = resolve(actor, municipality)
        if contact is not None or keep_all:
            steps.append(NextStep(actor, reason, contact))

    for actor, reason in path_actors(referrals, situations):
        add(actor, reason)
    if violence:
        add("krisesenter_salten", STEP_REASON["krisesenter_salten"])
        add("violence_helpline", STEP_REASON["violence_helpline"])
    if dumping:
        add("arbeidstilsynet", STEP_REASON["arbeidstilsynet"])
    if check:
        reason = STEP_REASON["emergency_police_check"]
        for i, step in enumerate(steps):
            if step.actor_id == "emergency_police":
                steps[i] = NextStep(step.actor_id, reason, step.contact)
                break
        else:
            if "emergency_police" not in seen:  # not left out for coverage: never offered
                contact = resolve("emergency_police", municipality)
                if contact is not None or keep_all:
                    steps.insert(0, NextStep("emergency_police", reason, contact))
    return tuple(steps)
