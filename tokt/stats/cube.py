"""The cube of every count the dashboard can show for one year, and its additive relations. No Django.

A view is a filter (area, form, sector); each view shows its total and tables
by one breakdown dimension (month, age group, ...). Breakdowns by area, form or
sector are the totals of the neighbouring views, so they are not separate cells:
one set of cases is one key, whichever page shows it.

Keys: ``("", area, form, sector, "")`` for a view's total and
``(dimension, area, form, sector, value)`` for a breakdown cell. ``ALL`` ("*")
stands for "no filter". Areas: ``NORDLAND``, ``SALTEN`` or a municipality number.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import product

from tokt.stats.suppression import Protected, Relation, protect

ALL = "*"
NORDLAND = "nordland"
SALTEN = "salten"
TOTAL = ""


@dataclass(frozen=True)
class Row:
    """One GROUP BY row: cases with this municipality, sector, set of forms and breakdown value."""

    municipality: str
    sector: str
    forms: tuple[str, ...]
    value: str
    count: int


@dataclass(frozen=True)
class Geography:
    salten: frozenset[str]
    others: frozenset[str]

    def areas_of(self, municipality: str) -> tuple[str, ...]:
        if municipality in self.salten:
            return (municipality, SALTEN, NORDLAND)
        return (municipality, NORDLAND)

    def municipalities(self, area: str) -> list[str]:
        if area == NORDLAND:
            return sorted(self.salten | self.others)
        if area == SALTEN:
            return sorted(self.salten)
        return [area]


def total_key(area: str, form: str = ALL, sector: str = ALL) -> tuple:
    return (TOTAL, area, form, sector, TOTAL)


def cell_key(dimension: str, area: str, form: str, sector: str, value: str) -> tuple:
    return (dimension, area, form, sector, value)


def _add(counts: dict, dimension: str, row: Row, geography: Geography) -> None:
    value = TOTAL if dimension == TOTAL else row.value
    for area, form, sector in product(geography.areas_of(row.municipality), (ALL, *row.forms), (ALL, row.sector)):
        counts[(dimension, area, form, sector, value)] += row.count


def build_counts(totals: Iterable[Row], breakdowns: dict[str, Iterable[Row]], geography: Geography) -> dict:
    counts: dict = defaultdict(int)
    for row in totals:
        _add(counts, TOTAL, row, geography)
    for dimension, rows in breakdowns.items():
        for row in rows:
            _add(counts, dimension, row, geography)
    return dict(counts)


def _area_relations(geography: Geography, rest: tuple) -> list[Relation]:
    """Nordland = all its municipalities; Salten = its municipalities; Nordland = Salten + the others."""

    def key(area):
        dimension, form, sector, value = rest
        return (dimension, area, form, sector, value)

    return [
        Relation(key(NORDLAND), tuple(key(m) for m in sorted(geography.salten | geography.others))),
        Relation(key(SALTEN), tuple(key(m) for m in sorted(geography.salten))),
        Relation(key(NORDLAND), (key(SALTEN), *(key(m) for m in sorted(geography.others)))),
    ]


def _ancestors(key: tuple, geography: Geography) -> Iterable[tuple]:
    dimension, area, form, sector, value = key
    chain = (
        geography.areas_of(area)
        if area not in (SALTEN, NORDLAND)
        else ((SALTEN, NORDLAND) if area == SALTEN else (NORDLAND,))
    )
    values = ((dimension, value), (TOTAL, TOTAL)) if dimension != TOTAL else ((TOTAL, TOTAL),)
    for a, f, s, (d, v) in product(chain, {form, ALL}, {sector, ALL}, values):
        candidate = (d, a, f, s, v)
        if candidate != key:
            yield candidate


def build_relations(counts: dict, geography: Geography, sectors: Iterable[str], threshold: int) -> list[Relation]:
    sectors = sorted(set(sectors))
    relations: list[Relation] = []
    # Group the keys by everything but the coordinate a relation sums over.
    by_rest_area: set = set()
    by_rest_sector: set = set()
    by_rest_value: dict = defaultdict(set)
    for dimension, area, form, sector, value in counts:
        by_rest_area.add((dimension, form, sector, value))
        by_rest_sector.add((dimension, area, form, value))
        if dimension != TOTAL:
            by_rest_value[(dimension, area, form, sector)].add(value)
    for rest in by_rest_area:
        relations.extend(_area_relations(geography, rest))
    for dimension, area, form, value in by_rest_sector:
        children = tuple((dimension, area, form, s, value) for s in sectors)
        relations.append(Relation((dimension, area, form, ALL, value), children))
    for (dimension, area, form, sector), values in by_rest_value.items():
        # Every breakdown is single-valued per case, so its values add up to the view's total.
        children = tuple((dimension, area, form, sector, v) for v in sorted(values))
        relations.append(Relation(total_key(area, form, sector), children))
    # Two nested shown counts must not differ by a small number; two nested keys with the same count are
    # the same cases (other shown zeros tell an attacker so), so they are hidden together.
    for key, count in counts.items():
        if count <= 0:
            continue
        for ancestor in _ancestors(key, geography):
            difference = counts.get(ancestor, 0) - count
            if difference == 0:
                relations.append(Relation(ancestor, (key,)))
            elif difference < threshold:
                relations.append(Relation(ancestor, (key,), exact=False))
    return relations


def protect_cube(counts: dict, geography: Geography, sectors: Iterable[str], threshold: int) -> Protected:
    return protect(counts, build_relations(counts, geography, sectors, threshold), threshold)


def protect_breakdowns(total: int, tables: dict[str, dict[str, int]], threshold: int) -> Protected:
    """One population broken down several single-valued ways (tips by month, language, status): keys (table, value)."""
    counts = {(TOTAL, TOTAL): total}
    relations = []
    for name, table in tables.items():
        counts.update({(name, value): count for value, count in table.items()})
        relations.append(Relation((TOTAL, TOTAL), tuple((name, value) for value in sorted(table))))
    return protect(counts, relations, threshold)
