"""Rank the unknown signs and facts by what they could change.

For each unknown indicator or fact: "what if this were observed?" (one at a
time). A change of the person-level ILO result weighs most, then the
continuum position, § 257, forced labour, a profile's result and a dimension
becoming positive. An indicator that alone changes nothing but sits in a
dimension that could still become positive gets a small weight by its
strength, so the list also says which questions build towards a threshold.

Only results that are still open (value 1) can change, and only through atoms
they depend on; the what-if test re-evaluates just those (core.py).
"""

from __future__ import annotations

from collections.abc import Mapping

from .catalogue import Catalogue, Text
from .core import Compiled, Derived, Reduced
from .model import AgeGroup, ScreeningInput, State
from .results import UnknownItem
from .texts import ASK_AGE, ASK_FALLBACK

SAFETY_FACT = "acute_danger"
# Facts that only steer the routing or are recorded for the text.
ROUTING_ONLY = frozenset({"wants_no_police", "no_legal_residence", "person_consented", "close_relationship_violence"})
AGE_NAME = Text("Alder", "Age")
AGE_FLOOR = 500
SHARED_CACHE_LIMIT = 200_000
W_ILO, W_LEVEL, W_257, W_FL, W_PROFILE, W_258, W_DIM = 1000, 100, 50, 30, 20, 5, 10


class _WhatIf:
    """Evaluates "xn plus these atoms" against the results still open.

    A test runs only if the added atoms touch its support (found through the
    context's atom -> tests index), and its answer is cached by the atoms of
    its support that were added.
    """

    def __init__(self, comp: Compiled, red: Reduced, base: Derived) -> None:
        ctx = red.ctx
        self.xn = red.xn
        self.tests = ctx.tests
        self.atom_tests = ctx.atom_tests or {}
        self.weights, self.open, self.relevant = open_tests(comp, red, base)
        self.memo: dict[tuple[int, int], bool] = {}
        self.cache: dict[int, tuple[tuple[str, ...], int]] = {0: ((), 0)}
        # Shared across screenings: the answer depends only on these values.
        self.shared = comp.effects_cache
        if len(self.shared) > SHARED_CACHE_LIMIT:
            self.shared.clear()
        self.shared_key = (ctx.id, self.open, base.level, red.xn & self.relevant)

    def effects(self, new: int) -> tuple[tuple[str, ...], int]:
        """`new`: atoms the answer would add (not already true)."""
        new &= self.relevant
        found = self.cache.get(new)
        if found is not None:
            return found
        key = (*self.shared_key, new)
        found = self.shared.get(key)
        if found is not None:
            self.cache[new] = found
            return found
        touched, bits, atom_tests = 0, new, self.atom_tests
        while bits:
            low = bits & -bits
            touched |= atom_tests.get(low, 0)
            bits ^= low
        touched &= self.open
        names: list[str] = []
        score = 0
        xn, memo, tests = self.xn, self.memo, self.tests
        while touched:
            low = touched & -touched
            touched ^= low
            t = low.bit_length() - 1
            kind, _, fn, support = tests[t]
            if kind in names:
                # Only the highest continuum level, and one profile or factor, count.
                continue
            part = new & support
            hit = memo.get((t, part))
            if hit is None:
                hit = memo[(t, part)] = fn(xn | part)
            if hit:
                names.append(kind)
                score += self.weights[t]
        found = self.cache[new] = self.shared[key] = (tuple(names), score)
        return found


def open_tests(comp: Compiled, red: Reduced, base: Derived) -> tuple[tuple[int, ...], int, int]:
    """(weight per test, mask of the tests still open, atoms they depend on)."""
    ctx = red.ctx
    key = (ctx.id, base)
    found = comp.open_cache.get(key)
    if found is not None:
        return found
    weights: list[int] = []
    open_mask = relevant = 0
    for t, (kind, k, _, support) in enumerate(ctx.tests):
        if kind == "continuum":
            is_open = base.level < k <= base.max_level
            weight = W_LEVEL * (k - base.level)
        elif kind == "ilo_conclusion":
            is_open, weight = base.ilo == 1, W_ILO
        elif kind == "section_257":
            is_open, weight = base.section_257 == 1, W_257
        elif kind == "forced_labour":
            is_open, weight = base.forced_labour == 1, W_FL
        elif kind == "profile_conclusion":
            is_open, weight = base.profile_conclusions[k] == 1 and not ctx.conditional[k], W_PROFILE
        else:
            is_open, weight = base.section_258[k] == 1, W_258
        weights.append(weight)
        if is_open:
            open_mask |= 1 << t
            relevant |= support
    if len(comp.open_cache) > SHARED_CACHE_LIMIT:
        comp.open_cache.clear()
    found = comp.open_cache[key] = (tuple(weights), open_mask, relevant)
    return found


Scored = list[tuple[int, int, tuple[str, ...], tuple[str, ...]]]
Ranked = tuple[tuple[int, int, str, tuple[str, ...]], ...]


def rank_unknowns(
    comp: Compiled,
    inp: ScreeningInput,
    red: Reduced,
    base: Derived,
    asks: Mapping[str, Text],
    limit: int,
) -> tuple[UnknownItem, ...]:
    ctx, nd, flip_table = red.ctx, comp.nd, comp.flip_table
    # flippable: combo bits (see contexts.build_signatures) of one more sign that
    # would make a dimension positive; open: combos of main-profile dimensions
    # that are not positive yet but could still become so.
    flippable = open_combos = 0
    for i, codes in enumerate(red.obs_counts):
        p, q, main = red.pos[i], red.poss[i], ctx.main[i]
        for d, code in enumerate(codes):
            shift = (i * nd + d) * 3
            fm = flip_table[code]
            if fm:
                flippable |= fm << shift
            if main and not p >> d & 1 and q >> d & 1:
                open_combos |= 7 << shift
    _, open_mask, relevant = open_tests(comp, red, base)
    # The scores depend only on this reduced state, so screenings that reduce
    # to the same state share them (answered signs are filtered out later).
    key = (ctx.id, open_mask, base.level, red.xn & relevant, flippable, open_combos, red.fact_poss & ~red.fact_now)
    ranked = comp.rank_cache.get(key)
    if ranked is None:
        if len(comp.rank_cache) > SHARED_CACHE_LIMIT:
            comp.rank_cache.clear()
        ranked = comp.rank_cache[key] = _score(comp, red, base, flippable, open_combos)
    answered = {i for i, st in inp.indicators.items() if st is not State.UNKNOWN}
    age_item = None
    if inp.age_group is AgeGroup.UNKNOWN:
        effects, score = _age_effect(comp, inp, red, base)
        # The age decides which rule and which services apply: always worth
        # asking, ranked just below answers that would change the conclusion.
        age_item = (-max(score, AGE_FLOOR), 0, "age_group", effects or ("rule_choice",))
    return tuple(_top(comp.cat, ranked, age_item, answered, asks, limit))


def _score(comp: Compiled, red: Reduced, base: Derived, flippable: int, open_combos: int) -> Ranked:
    """Score every signature and unknown fact; kind order: age 0, fact 1, indicator 2."""
    ctx, xn = red.ctx, red.xn
    what_if = _WhatIf(comp, red, base)
    strong, medium, _ = comp.strength_masks
    scored: Scored = []
    cache, mask = what_if.cache, what_if.relevant & ~xn
    for combos, atoms, members, _, slots in comp.signatures(ctx):
        flipped = combos & flippable
        dims: list[str] = []
        if flipped:
            for bit, atom, main, dim_id in slots:
                if flipped & bit:
                    atoms |= atom
                    if main and dim_id not in dims:
                        dims.append(dim_id)
        new = atoms & mask
        found = cache.get(new)
        effects, score = found if found is not None else what_if.effects(new)
        if dims:
            score += W_DIM * len(dims)
            effects = effects + tuple(f"dimension:{d}" for d in dims)
        building = combos & open_combos & ~flipped
        if building:
            # A sign towards a threshold still open: weight by strength.
            score += 3 if building & strong else (2 if building & medium else 1)
        if score:
            scored.append((score, 2, members, effects))
    unknown_facts = red.fact_poss & ~red.fact_now
    for fid in comp.fact_ids:
        if fid in ROUTING_ONLY or not unknown_facts & comp.fact_bit[fid]:
            continue
        if comp.cat.facts[fid].applies_to == "under_18" and ctx.age == "adult":
            continue
        if fid == SAFETY_FACT:
            effects, score = ("safety",), 5000
        else:
            effects, score = what_if.effects((comp.fact_bit[fid] << comp.fact_off) & ~xn)
        if score:
            scored.append((score, 1, (fid,), effects))
    # One entry per sign, in ranking order: highest score, then age, fact,
    # indicator, then id. Answered signs are skipped when reading it.
    ranked = [(-score, kind, ident, effects) for score, kind, ids, effects in scored for ident in ids]
    ranked.sort(key=lambda e: (e[0], e[1], e[2]))
    return tuple(ranked)


def _top(
    cat: Catalogue,
    ranked: Ranked,
    age_item: tuple[int, int, str, tuple[str, ...]] | None,
    answered: set[str],
    asks: Mapping[str, Text],
    limit: int,
) -> list[UnknownItem]:
    """Walk the ranking, skip answered signs, slot in the age question."""
    picked: list[tuple[int, int, str, tuple[str, ...]]] = []
    for entry in ranked:
        if len(picked) == limit:
            break
        if age_item is not None and age_item < entry:
            picked.append(age_item)
            age_item = None
            if len(picked) == limit:
                break
        if entry[1] == 2 and entry[2] in answered:
            continue
        picked.append(entry)
    if age_item is not None and len(picked) < limit:
        picked.append(age_item)
    items: list[UnknownItem] = []
    for neg_score, kind, ident, effects in picked:
        if kind == 0:
            items.append(UnknownItem("age", ident, -neg_score, effects, AGE_NAME, ASK_AGE))
        elif kind == 1:
            fact = cat.facts[ident]
            items.append(UnknownItem("fact", ident, -neg_score, effects, fact.name, asks.get(ident) or fact.ask))
        else:
            ind = cat.indicators[ident]
            ask = asks.get(ident) or Text(
                ASK_FALLBACK.nb.format(nb=ind.name.nb), ASK_FALLBACK.en.format(en=ind.name.en)
            )
            items.append(UnknownItem("indicator", ident, -neg_score, effects, ind.name, ask))
    return items


def child_variant(comp: Compiled, inp: ScreeningInput, red: Reduced) -> Derived:
    """The result if the person (age unknown) were under 18."""
    ctx = comp.context_for(AgeGroup.UNDER_18, inp.exploitation_types)
    idx = [red.ctx.profiles.index(p) for p in ctx.profiles]
    xn, xp = comp.atoms(
        ctx,
        [red.pos[i] for i in idx],
        [red.poss[i] for i in idx],
        red.grp_now,
        red.grp_poss,
        red.fact_now,
        red.fact_poss,
    )
    return comp.derive(ctx.id, xn, xp)  # type: ignore[no-any-return]


def _age_effect(comp: Compiled, inp: ScreeningInput, red: Reduced, base: Derived) -> tuple[tuple[str, ...], int]:
    child = child_variant(comp, inp, red)
    effects: list[str] = []
    score = 0
    for name, weight, old, now in (
        ("ilo_conclusion", W_ILO, base.ilo, child.ilo),
        ("continuum", W_LEVEL, base.level, child.level),
        ("section_257", W_257, base.section_257, child.section_257),
    ):
        if now > old:
            effects.append(name)
            score += weight * (now - old)
    return tuple(effects), score
