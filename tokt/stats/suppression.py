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
2. ``no_lone_unknown``: in a relation parent = sum(children) an attacker can
   solve for a single unknown, so no relation may have exactly one hidden item.
3. no small difference: two nested shown counts must not differ by 1 to
   threshold-1 (that difference is itself a small group); this is rule 2 on a
   relation with one child and an unpublished remainder, and hides the narrower.
4. ``hidden_mass``: when the parent of a relation is shown, the hidden items
   add up to a known sum; it must be at least the threshold and larger than the
   number of hidden items (otherwise every hidden item is pinned to 1).

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


@dataclass
class Protected:
    counts: dict
    hidden: set = field(default_factory=set)
    threshold: int = DEFAULT_THRESHOLD

    def value(self, key) -> int | None:
        """The count to show, or None when it is hidden."""
        return None if key in self.hidden else self.counts.get(key, 0)

    def label(self, key) -> str:
        value = self.value(key)
        return f"<{self.threshold}" if value is None else str(value)


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


def no_lone_unknown(relation: Relation, counts: Mapping, hidden: set, threshold: int) -> bool:
    """True when the relation lets an attacker solve for exactly one unknown."""
    unknown = sum(1 for k in (relation.parent, *relation.children) if k in hidden)
    if relation.exact:
        return unknown == 1
    remainder = counts.get(relation.parent, 0) - sum(counts.get(c, 0) for c in relation.children)
    # The remainder is an unknown too; it is only solvable when nothing else is hidden.
    return unknown == 0 and 0 < remainder < threshold


def hidden_mass(relation: Relation, counts: Mapping, hidden: set, threshold: int) -> bool:
    """True when the known sum of the hidden children is too small or pins each of them to 1."""
    if relation.parent in hidden:
        return False
    hidden_children = [c for c in relation.children if c in hidden]
    if not hidden_children:
        return False
    mass = sum(counts.get(c, 0) for c in hidden_children)
    if not relation.exact:
        # The remainder is hidden as well and may take any share.
        mass += counts.get(relation.parent, 0) - sum(counts.get(c, 0) for c in relation.children)
        return 0 < mass < threshold
    return mass < threshold or mass <= len(hidden_children)


RULES = (no_lone_unknown, hidden_mass)


def protect(counts: Mapping, relations: Iterable[Relation], threshold: int = DEFAULT_THRESHOLD) -> Protected:
    counts = dict(counts)
    relations = list(relations)
    hidden = primary(counts, threshold)
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
        while any(rule(relation, counts, hidden, threshold) for rule in RULES):
            extra = _pick_secondary(relation, counts, hidden)
            if extra is None:
                break
            hidden.add(extra)
            for other in by_key.get(extra, ()):
                if other not in queued and other != index:
                    queued.add(other)
                    pending.append(other)
    return Protected(counts=counts, hidden=hidden, threshold=threshold)
