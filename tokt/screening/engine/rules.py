"""The screening method as three-valued functions, one per rule of METHOD.md.

Read this module side by side with the method (docs/METHOD.md in the shared
reference, summarised on the public page /sjekk/metode/). Every function
names the section it implements and the source of the rule.

Three values (Kleene logic): YES = shown by the answers; NO = ruled out even
if every unknown sign turned out present; UNKNOWN = anything else. "all of"
is the minimum, "any of" the maximum. Unknown is never read as "no": an
unknown answer can only keep a result open, never close it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import IntEnum

from .catalogue import Catalogue
from .model import AgeGroup, ExploitationType, ScreeningInput, State


class TV(IntEnum):
    """A three-valued result; the order NO < UNKNOWN < YES is used by min/max."""

    NO = 0
    UNKNOWN = 1
    YES = 2


RECRUITMENT_DIMENSIONS = ("DR", "CR", "AVR")
DESTINATION_MEANS = ("CD", "AVD")
MEANS_DIMENSIONS = (*RECRUITMENT_DIMENSIONS, *DESTINATION_MEANS)
CONTINUUM = ("insufficient_information", "social_dumping", "labour_crime", "forced_labour", "possible_trafficking")
# Clear law breaches among the indicators (METHOD § 5, labour crime: "wage
# theft, no contract, ... tax/insurance evasion"): no respect of labour law,
# no social protection, withheld wages.
LAW_BREACH_SIGNS = frozenset({"EXP05", "EXP06", "CD14"})


def all_of(values: Iterable[TV]) -> TV:
    return min(values, default=TV.YES)


def any_of(values: Iterable[TV]) -> TV:
    return max(values, default=TV.NO)


def state_value(state: State) -> TV:
    return {State.OBSERVED: TV.YES, State.NOT_OBSERVED: TV.NO}.get(state, TV.UNKNOWN)


def any_observed(inp: ScreeningInput, ids: frozenset[str]) -> TV:
    """YES if one is observed, NO only when every one is answered "not observed"."""
    ruled_out = 0
    for ident, state in inp.indicators.items():
        if ident in ids:
            if state is State.OBSERVED:
                return TV.YES
            if state is State.NOT_OBSERVED:
                ruled_out += 1
    return TV.NO if ruled_out == len(ids) else TV.UNKNOWN


def is_under_18(inp: ScreeningInput) -> TV:
    """The person is under 18 (Palermo art. 3(d)); unknown age stays unknown."""
    return {AgeGroup.UNDER_18: TV.YES, AgeGroup.ADULT: TV.NO}.get(inp.age_group, TV.UNKNOWN)


def may_be_under_18(inp: ScreeningInput) -> bool:
    """METHOD § 5: "the person is or may be under 18" (age under 18 or not known)."""
    return inp.age_group is not AgeGroup.ADULT


# -- § 1, step 1: the dimension rule ------------------------------------------------


def dimension_rule(rule: Iterable[Mapping[str, int]], strong: int, medium: int, weak: int) -> bool:
    """METHOD § 1 step 1 (ILO/EC 2009, WCMS_105023 p. 3, read in a secondary).

    A dimension is positive with at least 2 strong; or 1 strong + 1 medium or
    weak; or 3 medium; or 2 medium + 1 weak (the clauses come from the
    catalogue). Counts are taken inside the dimension only.
    """
    return any(
        strong >= c.get("strong", 0)
        and medium >= c.get("medium", 0)
        and weak >= c.get("weak", 0)
        and medium + weak >= c.get("medium_or_weak", 0)
        for c in rule
    )


@dataclass(frozen=True)
class ProfileView:
    """One evaluated ILO/EC list (adult or child, labour or sexual) and its dimensions."""

    id: str
    audience: str  # adult | child
    exploitation_type: str  # labour | sexual
    # The child list while the age is unknown: it cannot make the ILO result "yes".
    conditional_on_age: bool
    dimensions: Mapping[str, TV]
    strengths: Mapping[str, str]  # indicator id -> strong | medium | weak, in this list


Counts = dict[str, int]  # strong / medium / weak -> number of signs


def dimension_value(rule: Iterable[Mapping[str, int]], observed: Counts, possible: Counts) -> TV:
    """METHOD § 1 step 1 in three values.

    YES when the observed signs meet the rule; NO when not even the observed
    plus every unknown sign (`possible`) would; UNKNOWN otherwise.
    """
    if dimension_rule(rule, observed["strong"], observed["medium"], observed["weak"]):
        return TV.YES
    if dimension_rule(rule, possible["strong"], possible["medium"], possible["weak"]):
        return TV.UNKNOWN
    return TV.NO


def dimension_counts(cat: Catalogue, inp: ScreeningInput, profile_id: str) -> dict[str, tuple[Counts, Counts]]:
    """Per dimension of one list: (observed counts, observed-or-unknown counts) by strength."""
    members = dimension_members(cat, profile_id)
    observed = {d: {"strong": 0, "medium": 0, "weak": 0} for d in members}
    possible = {d: {"strong": 0, "medium": 0, "weak": 0} for d in members}
    for dim, signs in members.items():
        for _, strength in signs:
            possible[dim][strength] += 1
    where = member_index(cat, profile_id)
    for ident, state in inp.indicators.items():
        found = where.get(ident)
        if found is None:
            continue
        dim, strength = found
        if state is State.OBSERVED:
            observed[dim][strength] += 1
        elif state is State.NOT_OBSERVED:
            possible[dim][strength] -= 1
    return {d: (observed[d], possible[d]) for d in members}


def member_index(cat: Catalogue, profile_id: str) -> dict[str, tuple[str, str]]:
    """Indicator id -> (dimension, strength) in one list; computed once per catalogue."""
    cache: dict[str, dict[str, tuple[str, str]]] = cat.cache.setdefault("rules_index", {})
    found = cache.get(profile_id)
    if found is None:
        found = cache[profile_id] = {
            i: (d, st) for d, signs in dimension_members(cat, profile_id).items() for i, st in signs
        }
    return found


def signs_of(cat: Catalogue, dimensions: tuple[str, ...]) -> frozenset[str]:
    """Every indicator of these dimensions (any list); computed once per catalogue."""
    cache: dict[tuple[str, ...], frozenset[str]] = cat.cache.setdefault("rules_signs", {})
    found = cache.get(dimensions)
    if found is None:
        found = cache[dimensions] = frozenset(i for i, ind in cat.indicators.items() if ind.dimension in dimensions)
    return found


def list_strengths(cat: Catalogue, profile_id: str) -> Mapping[str, str]:
    """The strengths of one list; a sexual list borrows the labour list (METHOD § 1, interim proxy)."""
    cache: dict[str, Mapping[str, str]] = cat.cache.setdefault("rules_strengths", {})
    if profile_id in cache:
        return cache[profile_id]
    profile = cat.profiles[profile_id]
    source = profile.proxy_from or profile.id
    found: dict[str, str] = {}
    for ind in cat.indicators.values():
        value = ind.strengths.get(source) if ind.dimension else None
        if value is not None:
            found[ind.id] = value
    cache[profile_id] = found
    return found


def dimension_members(cat: Catalogue, profile_id: str) -> dict[str, tuple[tuple[str, str], ...]]:
    """Dimension id -> (indicator id, strength) in one list; computed once per catalogue."""
    cache: dict[str, dict[str, tuple[tuple[str, str], ...]]] = cat.cache.setdefault("rules_members", {})
    found = cache.get(profile_id)
    if found is None:
        strengths = list_strengths(cat, profile_id)
        found = cache[profile_id] = {
            d.id: tuple((i, s) for i, s in strengths.items() if cat.indicators[i].dimension == d.id)
            for d in cat.dimensions
        }
    return found


def evaluated_profiles(cat: Catalogue, inp: ScreeningInput) -> tuple[ProfileView, ...]:
    """The lists that apply: by age (both when unknown) and by the forms of exploitation."""
    audiences = {AgeGroup.UNDER_18: ("child",), AgeGroup.ADULT: ("adult",)}.get(inp.age_group, ("adult", "child"))
    kinds: set[str] = set()
    for t in inp.exploitation_types:
        if t in (ExploitationType.LABOUR, ExploitationType.CRIME_BEGGING):
            kinds.add("labour")
        elif t is ExploitationType.SEXUAL:
            kinds.add("sexual")
        else:  # other and unknown: both lists
            kinds.update(("labour", "sexual"))
    views = []
    for pid, profile in cat.profiles.items():
        if profile.audience not in audiences or profile.exploitation_type not in kinds:
            continue
        counts = dimension_counts(cat, inp, pid)
        dims = {d: dimension_value(cat.dimension_rule, now, possible) for d, (now, possible) in counts.items()}
        views.append(
            ProfileView(
                id=pid,
                audience=profile.audience,
                exploitation_type=profile.exploitation_type,
                conditional_on_age=profile.audience == "child" and inp.age_group is not AgeGroup.UNDER_18,
                dimensions=dims,
                strengths=list_strengths(cat, pid),
            )
        )
    return tuple(views)


def main_dimensions(inp: ScreeningInput, profiles: Iterable[ProfileView]) -> dict[str, TV]:
    """Dimensions of the person's own lists (the adult lists while the age is unknown), any list counting."""
    audience = "child" if inp.age_group is AgeGroup.UNDER_18 else "adult"
    own = [p for p in profiles if p.audience == audience]
    keys = own[0].dimensions.keys() if own else ()
    return {d: any_of(p.dimensions[d] for p in own) for d in keys}


# -- § 1, step 2: the person rules ----------------------------------------------------


def adult_rule(dims: Mapping[str, TV]) -> TV:
    """METHOD § 1 step 2, adult (working rule; brochure wording unverified, Palermo art. 3(a)).

    (DR or CR or AVR positive) and EXP positive and (CD or AVD positive).
    """
    return all_of(
        (
            any_of(dims[d] for d in RECRUITMENT_DIMENSIONS),
            dims["EXP"],
            any_of(dims[d] for d in DESTINATION_MEANS),
        )
    )


def child_rule(inp: ScreeningInput, dims: Mapping[str, TV]) -> TV:
    """METHOD § 1 step 2, child (Palermo art. 3(c) and § 257 third paragraph, verified).

    Under 18 and an act (recruited, moved, harboured or received) and
    exploitation established (EXP positive, or sexual exploitation of the
    child established). No means are required.
    """
    return all_of(
        (
            is_under_18(inp),
            state_value(inp.fact("act_present")),
            any_of((dims["EXP"], state_value(inp.fact("sexual_exploitation_of_child_established")))),
        )
    )


def profile_conclusion(inp: ScreeningInput, profile: ProfileView) -> TV:
    """The person rule of one list; the child list with the age unknown is capped at UNKNOWN."""
    if profile.audience == "child":
        value = child_rule(inp, profile.dimensions)
        return min(value, TV.UNKNOWN) if profile.conditional_on_age else value
    return adult_rule(profile.dimensions)


def means_sign_present(cat: Catalogue, inp: ScreeningInput) -> bool:
    """An indicator of any means dimension (DR, CR, AVR, CD, AVD) is observed (METHOD §§ 1 and 5).

    An ILO forced-labour indicator (FL01-FL11) counts when it maps to a means
    dimension or one of its indicators, so a sign recorded that way is never lost.
    """
    for ident, state in inp.indicators.items():
        if state is not State.OBSERVED or ident not in cat.indicators:
            continue
        ind = cat.indicators[ident]
        if ind.dimension in MEANS_DIMENSIONS:
            return True
        for target in ind.maps_to:
            mapped = cat.indicators[target].dimension if target in cat.indicators else target
            if mapped in MEANS_DIMENSIONS:
                return True
    return False


def ilo_conclusion(cat: Catalogue, inp: ScreeningInput, conclusions: Iterable[TV]) -> TV:
    """METHOD § 1, three-way output (design): yes / no / insufficient information.

    YES when a person rule is met. NO only when the rule is not met AND no
    indicator of any means dimension is present (§ 1; repeated in § 5: a
    false "no" is the most harmful answer). Anything else is UNKNOWN
    ("insufficient information"). The rule counts as not met only when the
    answers rule it out even if every unknown sign were present.
    """
    value = any_of(conclusions)
    if value is TV.NO and means_sign_present(cat, inp):
        return TV.UNKNOWN
    return value


# -- § 2 and § 5: forced labour ---------------------------------------------------------


def forced_labour(dims: Mapping[str, TV]) -> tuple[TV, TV, TV]:
    """METHOD § 5, forced labour: involuntariness + coercion, read as EXP and (CD or AVD) positive.

    The ILO principle (C29 art. 2(1); Hard to see, harder to count, 2012):
    forced labour needs both involuntariness and coercion. § 5 reads them on
    the ILO/EC dimensions. Returns (involuntariness, coercion, forced labour).
    The earlier extra path (a positive DR plus one single coercion sign) is
    not in the method and was removed.
    """
    involuntariness = dims["EXP"]
    coercion = any_of(dims[d] for d in DESTINATION_MEANS)
    return involuntariness, coercion, all_of((involuntariness, coercion))


# -- § 3: straffeloven § 257 and § 258 ---------------------------------------------------


def signal_value(inp: ScreeningInput, dims: Mapping[str, TV], signal: str) -> TV:
    """A dimension id counts when positive in the person's lists, an indicator id when observed."""
    if signal in dims:
        return dims[signal]
    return state_value(inp.indicator(signal))


def section_257_signals(cat: Catalogue) -> dict[str, tuple[str, ...]]:
    """§ 257 means id -> its ILO signals (dimension or indicator ids), from the catalogue."""
    return {m.id: m.signals for m in cat.means}


def section_257_means(cat: Catalogue, inp: ScreeningInput, dims: Mapping[str, TV]) -> dict[str, TV]:
    """METHOD § 3, ILO -> § 257 means (design): vold, trusler, misbruk av sårbar situasjon, annen utilbørlig atferd."""
    signals = section_257_signals(cat)
    return {m: any_of(signal_value(inp, dims, x) for x in found) for m, found in signals.items()}


def section_257_purposes(inp: ScreeningInput, dims: Mapping[str, TV], forced: TV) -> dict[str, TV | None]:
    """§ 257 first paragraph (a)-(d) (verified). (a) sexual services, (b) forced labour or services.

    (c) war service and (d) organ removal are not screened (None).
    """
    sexual = any_of(
        (
            state_value(inp.fact("sexual_services_provided")),
            state_value(inp.fact("sexual_exploitation_of_child_established")),
        )
    )
    return {"P_A": sexual, "P_B": any_of((dims["EXP"], forced)), "P_C": None, "P_D": None}


def section_257(means: TV, purpose: TV, under_18: TV) -> TV:
    """§ 257 (verified): purpose and (means, or under 18: third paragraph needs no means).

    No recruitment or transport is required (first paragraph), so this never
    reads the recruitment dimensions or the act.
    """
    return all_of((purpose, any_of((means, under_18))))


def section_258_factors(inp: ScreeningInput) -> dict[str, TV]:
    """§ 258 (verified): factors "særlig" weighed; shown as factors, never as a checklist."""
    return {
        "G_UNDER18": is_under_18(inp),
        "G_GROV_VOLD_TVANG": state_value(inp.fact("gross_violence")),
        "G_UTBYTTE": state_value(inp.fact("significant_proceeds")),
    }


# -- § 5: the continuum -------------------------------------------------------------------


def child_exploitation_shown(inp: ScreeningInput, profiles: Iterable[ProfileView]) -> TV:
    """METHOD § 5, trafficking row, child part (changed 2026-12-03).

    The person is or may be under 18 and exploitation is shown (EXP positive
    in any list that applies, or sexual exploitation of the child),
    whatever is known about act or means (§ 257 needs no recruitment or
    transport; § 257 third paragraph needs no means for a child).
    """
    if not may_be_under_18(inp):
        return TV.NO
    exploitation = any_of(p.dimensions["EXP"] for p in profiles)
    return any_of((exploitation, state_value(inp.fact("sexual_exploitation_of_child_established"))))


def continuum_rows(
    cat: Catalogue,
    inp: ScreeningInput,
    profiles: tuple[ProfileView, ...],
    dims: Mapping[str, TV],
    conclusions: tuple[TV, ...],
    forced: TV,
) -> tuple[TV, ...]:
    """METHOD § 5 (design), one value per row from social dumping to trafficking (index 1-4)."""
    exp_signs = signs_of(cat, ("EXP",))
    means_signs = signs_of(cat, MEANS_DIMENSIONS)
    # A conditional child list is already capped at UNKNOWN: it keeps the row open, never met.
    trafficking = any_of((any_of(conclusions), child_exploitation_shown(inp, profiles)))
    labour_crime = any_of(
        (
            dims["EXP"],
            any_observed(inp, LAW_BREACH_SIGNS),
            state_value(inp.fact("clear_law_breach")),
            # Means signals below threshold, with signs of exploitation.
            all_of((any_observed(inp, exp_signs), any_observed(inp, means_signs))),
        )
    )
    social_dumping = any_observed(inp, exp_signs)
    return (TV.YES, social_dumping, labour_crime, forced, trafficking)


def placement(rows: tuple[TV, ...]) -> tuple[int, int]:
    """METHOD § 5: rows checked from the most serious down; the first that holds is the placement.

    Returns (position now, highest position still possible if unknowns turn out present).
    """
    now = max(k for k, v in enumerate(rows) if v is TV.YES)
    could = max(k for k, v in enumerate(rows) if v is not TV.NO)
    return now, max(now, could)


# -- everything together ----------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    """The values of every rule for one input (plain data; see assess())."""

    profiles: tuple[ProfileView, ...]
    dimensions: Mapping[str, TV]  # the person's own lists
    conclusions: tuple[TV, ...]  # per profile
    ilo: TV
    involuntariness: TV
    coercion: TV
    forced_labour: TV
    means_each: Mapping[str, TV]
    means: TV
    purposes_each: Mapping[str, TV | None]
    purpose: TV
    section_257: TV
    section_258: Mapping[str, TV]
    level: int
    max_level: int

    @property
    def position(self) -> str:
        return CONTINUUM[self.level]

    @property
    def could_reach(self) -> str:
        return CONTINUUM[self.max_level]


def evaluate(cat: Catalogue, inp: ScreeningInput) -> Verdict:
    profiles = evaluated_profiles(cat, inp)
    dims = main_dimensions(inp, profiles)
    conclusions = tuple(profile_conclusion(inp, p) for p in profiles)
    involuntariness, coercion, forced = forced_labour(dims)
    means_each = section_257_means(cat, inp, dims)
    means = any_of(means_each.values())
    purposes_each = section_257_purposes(inp, dims, forced)
    purpose = any_of(v for v in purposes_each.values() if v is not None)
    level, max_level = placement(continuum_rows(cat, inp, profiles, dims, conclusions, forced))
    return Verdict(
        profiles=profiles,
        dimensions=dims,
        conclusions=conclusions,
        ilo=ilo_conclusion(cat, inp, conclusions),
        involuntariness=involuntariness,
        coercion=coercion,
        forced_labour=forced,
        means_each=means_each,
        means=means,
        purposes_each=purposes_each,
        purpose=purpose,
        section_257=section_257(means, purpose, is_under_18(inp)),
        section_258=section_258_factors(inp),
        level=level,
        max_level=max_level,
    )
