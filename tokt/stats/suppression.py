"""Small-cell suppression with secondary suppression: plain Python, no Django.

Where it applies: every number shown outside the agency that owns the cases
(the coordinators' network-wide dashboard, the annual report, exports). An
agency looking at its *own* cases may see exact counts; that view is not
protected here.

The rules follow the usual statistical-office method (primary suppression of
small cells, then secondary suppression so that no hidden cell can be solved
from an additive relation), e.g. Statistics Norway's guidance on confidentiality
in tables and Eurostat's "Handbook on Statistical Disclosure Control" (2010),
chapter 4 (magnitude and frequency tables, secondary suppression):

1. ``primary``: a count of 1 to threshold-1 is hidden (shown as "<3").
2. ``solvable``: in a relation parent = sum(children) an attacker can solve
   for a single unknown, and can narrow several unknowns using what their labels
   say ("<3" is 1 or 2; "skjult" hides a count of at least 3). No hidden item may
   be pinned to one value.
3. ``hidden_mass``: when the parent is shown, the hidden children add up to a
   known sum, itself a group; it must not be small. With an unpublished
   remainder (two nested views: Salten and Bodø) this is the rule that two
   nested shown counts must not differ by 1 to threshold-1; the narrower is hidden.

Each rule hides one more item at a time (the smallest non-zero child, else the
parent); hiding only grows, so the loop ends. Every view the user interface
offers is a cell of one cube, and the cube is protected as a whole, so two
views never disagree about what is hidden.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field

DEFAULT_THRESHOLD = 3


@dataclass(frozen=True)
class Relation:
    """parent = sum(children); with ``exact=False`` an unpublished remainder makes up the difference."""

    parent: Hashable
    children: tuple[Hashable, ...]
    exact: bool = True


INF = float("inf")
SECONDARY_LABEL = "skjult"


@dataclass
class Protected:
    counts: dict
    hidden: set = field(default_factory=set)
    threshold: int = DEFAULT_THRESHOLD
    primary: set = field(default_factory=set)

    def value(self, key) -> int | None:
        """The count to show, or None when it is hidden."""
        return None if key in self.hidden else self.counts.get(key, 0)

    def label(self, key) -> str:
        """Small counts read "<3"; counts hidden only to protect them read "skjult" (they may be large)."""
        if key in self.primary:
            return f"<{self.threshold}"
        return SECONDARY_LABEL if key in self.hidden else str(self.counts.get(key, 0))


def primary(counts: Mapping, threshold: int) -> set:
    return {key for key, value in counts.items() if 0 < value < threshold}


def _sort_key(key) -> str:
    return repr(key)


def _pick_secondary(relation: Relation, counts: Mapping, hidden: set):
    """The smallest shown non-zero child (least information lost), else the parent."""
    candidates = [c for c in relation.children if c not in hidden and counts.get(c, 0) > 0]
    if candidates:
        return min(candidates, key=lambda c: (counts.get(c, 0), _sort_key(c)))
    if relation.parent not in hidden:
        return relation.parent
    return None


_REMAINDER = object()


def _bounds(key, small: set, threshold: int) -> tuple[float, float]:
    """What an attacker knows of a hidden item from its label: "<3" is 1..2, "skjult" was a shown count (>= 3)."""
    if key is _REMAINDER:
        return (0, INF)
    return (1, threshold - 1) if key in small else (threshold, INF)


def solvable(relation: Relation, counts: Mapping, hidden: set, small: set, threshold: int) -> bool:
    """True when the relation, with what the labels say, pins a hidden item (or a small remainder) to one value.

    Rules 2 and 3 of the module docstring: interval reasoning on parent = sum(children) (+ remainder).
    """
    terms = [(relation.parent, -1), *((c, 1) for c in relation.children)]
    if not relation.exact:
        terms.append((_REMAINDER, 1))
    known = sum(sign * counts.get(key, 0) for key, sign in terms if key is not _REMAINDER and key not in hidden)
    unknown = [(key, sign) for key, sign in terms if key is _REMAINDER or key in hidden]
    ranges = []
    for key, sign in unknown:
        lo, hi = _bounds(key, small, threshold)
        ranges.append((sign * lo, sign * hi) if sign > 0 else (sign * hi, sign * lo))
    low_sum, high_sum = sum(r[0] for r in ranges), sum(r[1] for r in ranges)
    for (key, sign), (lo_term, hi_term) in zip(unknown, ranges, strict=True):
        # sign * x = -known - (sum of the other unknown terms)
        other_low, other_high = low_sum - lo_term, high_sum - hi_term
        lo_x, hi_x = _bounds(key, small, threshold)
        if sign > 0:
            lo_x, hi_x = max(lo_x, -known - other_high), min(hi_x, -known - other_low)
        else:
            lo_x, hi_x = max(lo_x, known + other_low), min(hi_x, known + other_high)
        if lo_x == hi_x:
            if key is not _REMAINDER:
                return True
            if 0 < lo_x < threshold:
                return True
    return False


def hidden_mass(relation: Relation, counts: Mapping, hidden: set, small: set, threshold: int) -> bool:
    """True when the parent is shown and the hidden children (with any remainder) add up to a small group."""
    if relation.parent in hidden:
        return False
    if relation.exact and not any(c in hidden for c in relation.children):
        return False
    shown = sum(counts.get(c, 0) for c in relation.children if c not in hidden)
    return 0 < counts.get(relation.parent, 0) - shown < threshold


def lone_unknown(relation: Relation, counts: Mapping, hidden: set, small: set, threshold: int) -> bool:
    """True when an exact relation has exactly one hidden item, whatever the labels say."""
    return relation.exact and sum(1 for k in (relation.parent, *relation.children) if k in hidden) == 1


RULES = (lone_unknown, solvable, hidden_mass)


def protect(counts: Mapping, relations: Iterable[Relation], threshold: int = DEFAULT_THRESHOLD) -> Protected:
    counts = dict(counts)
    relations = list(relations)
    small = primary(counts, threshold)
    hidden = set(small)
    by_key: dict = {}
    for index, relation in enumerate(relations):
        for key in (relation.parent, *relation.children):
            by_key.setdefault(key, []).append(index)
    pending = list(range(len(relations)))
    queued = set(pending)
    while pending:
        index = pending.pop()
        queued.discard(index)
        relation = relations[index]
        while any(rule(relation, counts, hidden, small, threshold) for rule in RULES):
            extra = _pick_secondary(relation, counts, hidden)
            if extra is None:
                break
            hidden.add(extra)
            for other in by_key.get(extra, ()):
                if other not in queued and other != index:
                    queued.add(other)
                    pending.append(other)
    return Protected(counts=counts, hidden=hidden, threshold=threshold, primary=small)
