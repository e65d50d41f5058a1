"""The evaluating core: per-catalogue precomputation and fast derivation.

An input is reduced to two integers of "atoms" (one bit each): which
dimensions are positive in which evaluated profile, which signal groups have
an observed member, which facts are observed, and whether the person is under
18. `xn` holds the atoms true now; `xp` the atoms still possible (true now or
unknown). Every rule of the catalogue is compiled once into a Python
expression over such an integer, so a result is two bit tests: 2 if it holds
on `xn`, 0 if it fails even on `xp`, else 1 (see conditions.py). The
"what if this unknown were observed" analysis (unknowns.py) re-tests only the
rules that are still open, on `xn` plus the atoms one answer would add.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from . import conditions as C
from .catalogue import Catalogue
from .contexts import Context, Signature, Test, build_context, build_signatures
from .model import AgeGroup, ExploitationType, ScreeningInput, State

STRENGTH_CODE = {"strong": 0, "medium": 1, "weak": 2}
PROXY_BASIS = "proxy_labour_list"


class Derived(NamedTuple):
    profile_conclusions: tuple[int, ...]
    ilo: int
    involuntariness: int
    coercion: int
    forced_labour: int
    means_each: tuple[int, ...]
    means: int
    purposes_each: tuple[int | None, ...]
    purpose: int
    section_257: int
    section_258: tuple[int, ...]
    level: int
    max_level: int


@dataclass
class Reduced:
    ctx: Context
    obs_counts: list[list[int]]  # slot -> dimension -> packed count code
    pos: list[int]  # slot -> dimension bits positive now
    poss: list[int]  # slot -> dimension bits that could still become positive
    grp_now: int
    grp_poss: int
    fact_now: int
    fact_poss: int
    xn: int
    xp: int

    @property
    def profiles(self) -> tuple[str, ...]:
        return self.ctx.profiles


class Compiled:
    def __init__(self, cat: Catalogue) -> None:
        self.cat = cat
        self.dim_ids = tuple(d.id for d in cat.dimensions)
        self.dim_bit = {d: 1 << i for i, d in enumerate(self.dim_ids)}
        self.delphi_ids = cat.delphi_ids
        self.profile_audience = {p.id: p.audience for p in cat.profiles.values()}
        self.profile_type = {p.id: p.exploitation_type for p in cat.profiles.values()}
        self.basis: dict[str, str] = {}
        self.eff: dict[str, dict[str, tuple[int, int]]] = {}
        self.totals: dict[str, list[list[int]]] = {}
        for prof in cat.profiles.values():
            source = prof.proxy_from or prof.id
            self.basis[prof.id] = PROXY_BASIS if prof.proxy_from else prof.strength_verification
            table: dict[str, tuple[int, int]] = {}
            totals = [[0, 0, 0] for _ in self.dim_ids]
            for ind in cat.indicators.values():
                value = ind.strengths.get(source) if ind.dimension else None
                if value is None:
                    continue
                d, s = self.dim_ids.index(ind.dimension), STRENGTH_CODE[value]
                table[ind.id] = (d, s)
                totals[d][s] += 1
            self.eff[prof.id] = table
            self.totals[prof.id] = totals
        # Counts per dimension are packed into one int: strong*B*B + medium*B + weak.
        self.base = 1 + max(sum(row) for totals in self.totals.values() for row in totals)
        self.step = (self.base * self.base, self.base, 1)
        self.positive_table, self.flip_table = self._tables(cat.dimension_rule)
        self.total_codes = {pid: [self.code(row) for row in totals] for pid, totals in self.totals.items()}
        self.dim_totals = {pid: [sum(row) for row in totals] for pid, totals in self.totals.items()}
        self.fl_maps = tuple(
            (
                ind.id,
                tuple(t for t in ind.maps_to if t in self.dim_bit),
                frozenset(t for t in ind.maps_to if t not in self.dim_bit),
            )
            for ind in cat.indicators.values()
            if ind.dimension is None
        )
        self._layout()
        self._compile_global()
        self._contexts: dict[tuple[str, tuple[str, ...]], Context] = {}
        self._ctx_list: list[Context] = []
        self._by_types: dict[tuple[str, frozenset[ExploitationType]], Context] = {}
        self._sigs: dict[int, list[Signature]] = {}
        # Caches keyed by reduced states, shared by all screenings (unknowns.py).
        self.effects_cache: dict[tuple[object, ...], tuple[tuple[str, ...], int]] = {}
        self.open_cache: dict[tuple[object, ...], tuple[tuple[int, ...], int, int]] = {}
        self.rank_cache: dict[tuple[object, ...], tuple[tuple[int, int, str, tuple[str, ...]], ...]] = {}
        self.derive = functools.lru_cache(maxsize=1 << 15)(self._derive)

    # -- tables -----------------------------------------------------------------
    def code(self, counts: list[int]) -> int:
        return counts[0] * self.step[0] + counts[1] * self.step[1] + counts[2]

    def _tables(self, rule: tuple[Mapping[str, int], ...]) -> tuple[bytes, bytes]:
        """positive[code], and flip[code]: bit s set if one more sign of strength s makes it positive."""
        b = self.base
        size = b * b * b
        positive = bytearray(size)
        for s in range(b):
            for m in range(b):
                for w in range(b):
                    for clause in rule:
                        if (
                            s >= clause.get("strong", 0)
                            and m >= clause.get("medium", 0)
                            and w >= clause.get("weak", 0)
                            and m + w >= clause.get("medium_or_weak", 0)
                        ):
                            positive[s * b * b + m * b + w] = 1
                            break
        flip = bytearray(size)
        for code in range(size):
            if not positive[code]:
                for strength, step in enumerate(self.step):
                    if code + step < size and positive[code + step]:
                        flip[code] |= 1 << strength
        return bytes(positive), bytes(flip)

    def positive(self, counts: list[int]) -> bool:
        return bool(self.positive_table[self.code(counts)])

    # -- atoms and compiled rules ----------------------------------------------
    def _layout(self) -> None:
        cat = self.cat
        nd = len(self.dim_ids)
        self.nd = nd
        self.max_slots = len(cat.profiles)
        self.main_off = self.max_slots * nd
        groups: list[frozenset[str]] = []
        for cond in self._all_conditions():
            for leaf in C.leaves(cond):
                if leaf[0] == "obs" and leaf[1] not in groups:
                    groups.append(leaf[1])
        self.groups = tuple(groups)
        self.group_off = self.main_off + nd
        self.group_bit = {g: 1 << i for i, g in enumerate(groups)}
        self.group_of: dict[str, int] = {}
        for g, bit in self.group_bit.items():
            for ident in g:
                self.group_of[ident] = self.group_of.get(ident, 0) | bit
        self.all_groups_mask = (1 << len(groups)) - 1
        self.fact_ids = tuple(cat.facts)
        self.fact_off = self.group_off + len(groups)
        self.fact_bit = {f: 1 << i for i, f in enumerate(self.fact_ids)}
        self.all_facts_mask = (1 << len(self.fact_ids)) - 1
        self.u18 = 1 << (self.fact_off + len(self.fact_ids))
        # Combo masks selecting one strength in every (slot, dimension) triple.
        n = self.max_slots * nd
        self.strength_masks = tuple(sum(1 << (k * 3 + s) for k in range(n)) for s in range(3))

    def _all_conditions(self) -> list[C.Cond]:
        cat = self.cat
        conds = [*cat.victim_rules.values(), cat.involuntariness, cat.coercion]
        conds += [m.condition for m in cat.means] + [g.condition for g in cat.aggravating]
        conds += [p.condition for p in cat.purposes if p.condition is not None]
        conds += [c for _, c in cat.continuum if c is not None]
        return conds

    def atom_of(self, slot: int | None) -> Callable[[C.Cond], int]:
        """Bit mask of a leaf; dimension leaves read `slot`, or the main profile."""

        def atom(leaf: C.Cond) -> int:
            kind = leaf[0]
            if kind == "pos":
                off = self.main_off if slot is None else slot * self.nd
                mask = 0
                for d in leaf[1]:
                    mask |= self.dim_bit[d] << off
                return mask
            if kind == "obs":
                return self.group_bit[leaf[1]] << self.group_off
            if kind == "fact":
                return self.u18 if leaf[1] == "age_under_18" else self.fact_bit[leaf[1]] << self.fact_off
            if kind == "u18":
                return self.u18
            raise ValueError(kind)

        return atom

    @staticmethod
    def fn(source: str) -> Test:
        # Generated only from validated ids and integer masks (no user text).
        test: Test = eval(f"lambda X: bool({source})", {"__builtins__": {"bool": bool}})  # noqa: S307
        return test

    def _compile_global(self) -> None:
        cat, atom = self.cat, self.atom_of(None)
        src = functools.partial(C.to_source, atom=atom, fl="False", ilo="False")
        self.invol_src, self.coerc_src = src(cat.involuntariness), src(cat.coercion)
        self.fl_src = f"({self.invol_src} and {self.coerc_src})"
        sup = functools.partial(C.support, atom=atom, fl=0, ilo=0)
        self.fl_support = sup(cat.involuntariness) | sup(cat.coercion)
        full = functools.partial(C.to_source, atom=atom, fl=self.fl_src, ilo="False")
        fsup = functools.partial(C.support, atom=atom, fl=self.fl_support, ilo=0)
        self.invol_fn, self.coerc_fn, self.fl_fn = (
            self.fn(self.invol_src),
            self.fn(self.coerc_src),
            self.fn(self.fl_src),
        )
        self.means_fns = tuple(self.fn(full(m.condition)) for m in cat.means)
        self.purpose_fns = tuple(None if p.condition is None else self.fn(full(p.condition)) for p in cat.purposes)
        self.s258_fns = tuple(self.fn(full(g.condition)) for g in cat.aggravating)
        self.s258_support = tuple(fsup(g.condition) for g in cat.aggravating)
        purposes = ("any", tuple(p.condition for p in cat.purposes if p.condition is not None))
        means_or_minor = ("any", (*(m.condition for m in cat.means), ("u18",)))
        # § 257: purpose AND (means OR under 18) - third paragraph.
        self.s257_fn = self.fn(full(("all", (purposes, means_or_minor))))
        self.s257_support = self.u18
        for cond in [
            *(m.condition for m in cat.means),
            *(p.condition for p in cat.purposes if p.condition is not None),
        ]:
            self.s257_support |= fsup(cond)

    def context(self, age: str, profiles: tuple[str, ...]) -> Context:
        found = self._contexts.get((age, profiles))
        if found is None:
            found = build_context(self, age, profiles, len(self._ctx_list))
            self._contexts[(age, profiles)] = found
            self._ctx_list.append(found)
        return found

    def context_for(self, age: AgeGroup, types: frozenset[ExploitationType]) -> Context:
        found = self._by_types.get((age.value, types))
        if found is None:
            audiences = {"under_18": ("child",), "adult": ("adult",)}.get(age.value, ("adult", "child"))
            etypes: set[str] = set()
            for t in types:
                if t in (ExploitationType.LABOUR, ExploitationType.CRIME_BEGGING):
                    etypes.add("labour")
                elif t is ExploitationType.SEXUAL:
                    etypes.add("sexual")
                else:
                    etypes.update(("labour", "sexual"))
            profiles = tuple(
                p for p in self.cat.profiles if self.profile_audience[p] in audiences and self.profile_type[p] in etypes
            )
            found = self._by_types[(age.value, types)] = self.context(age.value, profiles)
        return found

    def signatures(self, ctx: Context) -> list[Signature]:
        found = self._sigs.get(ctx.id)
        if found is None:
            found = self._sigs[ctx.id] = build_signatures(self, ctx)
        return found

    # -- reduce an input ----------------------------------------------------------
    def reduce(self, inp: ScreeningInput) -> Reduced:
        ctx = self.context_for(inp.age_group, inp.exploitation_types)
        observed = [i for i, s in inp.indicators.items() if s is State.OBSERVED]
        ruled_out = [i for i, s in inp.indicators.items() if s is State.NOT_OBSERVED]
        obs_counts, pos, poss = [], [], []
        positive, step = self.positive_table, self.step
        for pid in ctx.profiles:
            eff = self.eff[pid]
            oc = [0] * self.nd
            nc = self.total_codes[pid][:]
            for ident in observed:
                e = eff.get(ident)
                if e is not None:
                    oc[e[0]] += step[e[1]]
            for ident in ruled_out:
                e = eff.get(ident)
                if e is not None:
                    nc[e[0]] -= step[e[1]]
            pmask = qmask = 0
            for d in range(self.nd):
                if positive[oc[d]]:
                    pmask |= 1 << d
                if positive[nc[d]]:
                    qmask |= 1 << d
            obs_counts.append(oc)
            pos.append(pmask)
            poss.append(qmask)
        grp_now = 0
        for ident in observed:
            grp_now |= self.group_of.get(ident, 0)
        grp_poss = self.all_groups_mask
        if ruled_out:
            # A group is ruled out only when every member is answered "not observed".
            out = set(ruled_out)
            for g, bit in self.group_bit.items():
                if g <= out:
                    grp_poss &= ~bit
        fact_now, fact_poss = 0, self.all_facts_mask
        for f, s in inp.facts.items():
            bit = self.fact_bit.get(f, 0)
            if s is State.OBSERVED:
                fact_now |= bit
            elif s is State.NOT_OBSERVED:
                fact_poss &= ~bit
        xn, xp = self.atoms(ctx, pos, poss, grp_now, grp_poss, fact_now, fact_poss)
        return Reduced(ctx, obs_counts, pos, poss, grp_now, grp_poss, fact_now, fact_poss, xn, xp)

    def atoms(
        self,
        ctx: Context,
        pos: list[int] | tuple[int, ...],
        poss: list[int] | tuple[int, ...],
        grp_now: int,
        grp_poss: int,
        fact_now: int,
        fact_poss: int,
    ) -> tuple[int, int]:
        xn = (grp_now << self.group_off) | (fact_now << self.fact_off)
        xp = (grp_poss << self.group_off) | (fact_poss << self.fact_off)
        main_now = main_poss = 0
        for i, (p, q) in enumerate(zip(pos, poss, strict=True)):
            xn |= p << (i * self.nd)
            xp |= q << (i * self.nd)
            if ctx.main[i]:
                main_now |= p
                main_poss |= q
        xn |= main_now << self.main_off
        xp |= main_poss << self.main_off
        if ctx.age == "under_18":
            xn |= self.u18
        if ctx.age != "adult":
            xp |= self.u18
        return xn, xp

    # -- derive -----------------------------------------------------------------------
    def _derive(self, ctx_id: int, xn: int, xp: int) -> Derived:
        ctx = self._ctx_list[ctx_id]

        def tv(fn: Test) -> int:
            return 2 if fn(xn) else (1 if fn(xp) else 0)

        conclusions = tuple(min(tv(f), 1) if cond else tv(f) for f, cond in zip(ctx.conc, ctx.conditional, strict=True))
        ilo = max(conclusions) if conclusions else 1
        invol, coerc = tv(self.invol_fn), tv(self.coerc_fn)
        means_each = tuple(tv(f) for f in self.means_fns)
        means = max(means_each)
        purposes_each = tuple(None if f is None else tv(f) for f in self.purpose_fns)
        purpose = max(v for v in purposes_each if v is not None)
        u18 = 2 if xn & self.u18 else (1 if xp & self.u18 else 0)
        level = max_level = 0
        for k, entry in enumerate(ctx.levels):
            if entry is not None:
                if entry[0](xn):
                    level = k
                if entry[1](xp):
                    max_level = k
        return Derived(
            conclusions, ilo, invol, coerc, min(invol, coerc), means_each, means, purposes_each, purpose,
            min(purpose, max(means, u18)), tuple(tv(f) for f in self.s258_fns), level, max(level, max_level),
        )  # fmt: skip

    def derive_reduced(self, red: Reduced) -> Derived:
        return self.derive(red.ctx.id, red.xn, red.xp)


def compiled_for(cat: Catalogue) -> Compiled:
    if cat.compiled is None:
        cat.compiled = Compiled(cat)
    return cat.compiled  # type: ignore[no-any-return]
