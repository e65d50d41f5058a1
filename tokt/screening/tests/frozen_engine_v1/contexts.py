"""Per-context compiled rules and indicator signatures (see core.py).

A context is one age group with its set of evaluated profiles. Its rules are
compiled once, the first time an input of that kind is screened.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import conditions as C

if TYPE_CHECKING:
    from .core import Compiled

Test = Callable[[int], bool]
Signature = tuple[int, int, tuple[str, ...], frozenset[str], tuple[tuple[int, int, bool, str], ...]]


@dataclass
class Context:
    """Compiled rules for one age group and set of evaluated profiles."""

    id: int
    age: str
    profiles: tuple[str, ...]
    main: tuple[bool, ...]  # the profile the person-level rules read
    conditional: tuple[bool, ...]  # child profile while the age is unknown
    conc: tuple[Test, ...]
    conc_support: tuple[int, ...]
    ilo_now: Test
    ilo_support: int
    levels: tuple[tuple[Test, Test, int] | None, ...]  # (now, possible, support) per level
    # What-if tests in priority order: (kind, level or slot index, now-test, support),
    # and for every atom bit the mask of tests whose support holds it.
    tests: tuple[tuple[str, int, Test, int], ...] = ()
    atom_tests: dict[int, int] | None = None


def build_context(comp: Compiled, age: str, profiles: tuple[str, ...], ident: int) -> Context:
    cat = comp.cat
    main_aud = "child" if age == "under_18" else "adult"
    main = tuple(comp.profile_audience[p] == main_aud for p in profiles)
    conditional = tuple(comp.profile_audience[p] == "child" and age != "under_18" for p in profiles)
    conc_src, conc_sup = [], []
    for i, pid in enumerate(profiles):
        rule = cat.victim_rules[comp.profile_audience[pid]]
        atom = comp.atom_of(i)
        conc_src.append(C.to_source(rule, atom, "False", "False"))
        conc_sup.append(C.support(rule, atom, 0, 0))
    # A child profile with the age unknown can never make the ILO result "yes".
    ilo_now = " or ".join(s for s, c in zip(conc_src, conditional, strict=True) if not c) or "False"
    ilo_poss = " or ".join(conc_src) or "False"
    ilo_sup = 0
    for sup, cond in zip(conc_sup, conditional, strict=True):
        ilo_sup |= 0 if cond else sup
    atom = comp.atom_of(None)
    levels: list[tuple[Test, Test, int] | None] = []
    for _, level_rule in cat.continuum:
        if level_rule is None:
            levels.append(None)
            continue
        now = comp.fn(C.to_source(level_rule, atom, comp.fl_src, ilo_now))
        possible = comp.fn(C.to_source(level_rule, atom, comp.fl_src, ilo_poss))
        levels.append((now, possible, C.support(level_rule, atom, comp.fl_support, ilo_sup)))
    conc = tuple(comp.fn(s) for s in conc_src)
    ilo_fn = comp.fn(ilo_now)
    tests: list[tuple[str, int, Test, int]] = []
    for k in range(len(levels) - 1, 0, -1):
        entry = levels[k]
        if entry is not None:
            tests.append(("continuum", k, entry[0], entry[2]))
    tests.append(("ilo_conclusion", 0, ilo_fn, ilo_sup))
    tests.append(("section_257", 0, comp.s257_fn, comp.s257_support))
    tests.append(("forced_labour", 0, comp.fl_fn, comp.fl_support))
    for i, (fn, sup) in enumerate(zip(conc, conc_sup, strict=True)):
        tests.append(("profile_conclusion", i, fn, sup))
    for i, (fn, sup) in enumerate(zip(comp.s258_fns, comp.s258_support, strict=True)):
        tests.append(("section_258", i, fn, sup))
    atom_tests: dict[int, int] = {}
    for t, (_, _, _, sup) in enumerate(tests):
        bits = sup
        while bits:
            low = bits & -bits
            atom_tests[low] = atom_tests.get(low, 0) | (1 << t)
            bits ^= low
    return Context(
        ident,
        age,
        profiles,
        main,
        conditional,
        conc,
        tuple(conc_sup),
        ilo_fn,
        ilo_sup,
        tuple(levels),
        tuple(tests),
        atom_tests,
    )


def build_signatures(comp: Compiled, ctx: Context) -> list[Signature]:
    """Delphi indicators grouped by identical effect in this context.

    Each entry: (combo bits, group atoms, members, member set, slot effects).
    A combo bit stands for (slot, dimension, strength) at position
    (slot * nd + dimension) * 3 + strength; a slot effect is (combo bit,
    atoms it sets when it makes the dimension positive, main profile?,
    dimension id).
    """
    groups: dict[tuple[tuple[tuple[int, int] | None, ...], int], list[str]] = {}
    for ident in comp.delphi_ids:
        effects = tuple(comp.eff[p].get(ident) for p in ctx.profiles)
        groups.setdefault((effects, comp.group_of.get(ident, 0)), []).append(ident)
    found: list[Signature] = []
    for (effs, gmask), members in groups.items():
        combos, slots = 0, []
        for i, e in enumerate(effs):
            if e is None:
                continue
            d, strength = e
            bit = 1 << ((i * comp.nd + d) * 3 + strength)
            combos |= bit
            atom = 1 << (i * comp.nd + d)
            if ctx.main[i]:
                atom |= 1 << (comp.main_off + d)
            slots.append((bit, atom, ctx.main[i], comp.dim_ids[d]))
        found.append((combos, gmask << comp.group_off, tuple(members), frozenset(members), tuple(slots)))
    return found
