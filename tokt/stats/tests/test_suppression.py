"""Small-cell suppression: the rules one by one, then an attacker who uses every page the dashboard offers.

The attacker solves each page's totals as linear equations and subtracts every pair of nested shown counts
across pages. An attacker who combines three or more pages by linear algebra is not covered (see the report of
issue 13): the secondary suppression is a local heuristic, not a global audit.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations, product

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tokt.stats.cube import ALL, NORDLAND, SALTEN, TOTAL, Geography, Row, build_counts, protect_cube
from tokt.stats.suppression import Relation, protect

T = 3


def test_small_counts_are_hidden_and_shown_as_below_the_threshold():
    result = protect({"a": 1, "b": 2, "c": 3, "d": 0}, [], T)
    assert result.hidden == {"a", "b"}
    assert result.label("a") == "<3" and result.label("c") == "3" and result.label("d") == "0"


def test_a_single_hidden_cell_in_a_total_gets_a_partner():
    counts = {"total": 20, "x": 2, "y": 8, "z": 10}
    result = protect(counts, [Relation("total", ("x", "y", "z"))], T)
    # The smallest other child is hidden too, so total - shown no longer gives x.
    assert result.hidden == {"x", "y"}
    # The partner may be large: it does not claim to be below the threshold.
    assert result.label("x") == "<3" and result.label("y") == "skjult"


def test_two_small_cells_whose_labels_and_sum_pin_them_get_a_third():
    # Both "<3" and hidden sum 4: each must be 2.
    counts = {"total": 14, "x": 2, "y": 2, "z": 10}
    result = protect(counts, [Relation("total", ("x", "y", "z"))], T)
    assert "z" in result.hidden


def test_hidden_cells_whose_sum_would_pin_them_get_more_partners():
    counts = {"total": 12, "x": 1, "y": 1, "z": 10}
    result = protect(counts, [Relation("total", ("x", "y", "z"))], T)
    assert "z" in result.hidden


def test_nested_counts_that_differ_by_a_small_number_hide_the_narrower():
    counts = {"salten": 10, "bodo": 9}
    result = protect(counts, [Relation("salten", ("bodo",), exact=False)], T)
    assert result.hidden == {"bodo"}


# --- The attacker -----------------------------------------------------------------------------------------------

GEOGRAPHY = Geography(salten=frozenset({"1804", "1841"}), others=frozenset({"1820"}))
MUNICIPALITIES = ("1804", "1841", "1820")
SECTORS = ("fisheries", "cleaning", "")
FORM_SETS = (("forced_labour",), ("sexual_exploitation",), ("forced_labour", "sexual_exploitation"))
AGES = ("under_18", "18_25")
AREAS = (NORDLAND, SALTEN, *MUNICIPALITIES)
FORMS = (ALL, "forced_labour", "sexual_exploitation")
PRIME = (1 << 61) - 1

record = st.tuples(
    st.sampled_from(MUNICIPALITIES), st.sampled_from(SECTORS), st.sampled_from(FORM_SETS), st.sampled_from(AGES)
)


def _members(key) -> set:
    """The atoms (full record signatures) a key counts: what the filter means, written independently of cube.py."""
    dimension, area, form, sector, value = key
    atoms = set()
    for atom in product(MUNICIPALITIES, SECTORS, FORM_SETS, AGES):
        municipality, atom_sector, forms, age = atom
        if area == SALTEN and municipality not in GEOGRAPHY.salten:
            continue
        if area not in (SALTEN, NORDLAND) and municipality != area:
            continue
        if form != ALL and form not in forms:
            continue
        if sector != ALL and atom_sector != sector:
            continue
        if dimension == "age" and age != value:
            continue
        atoms.add(atom)
    return atoms


ATOMS = list(product(MUNICIPALITIES, SECTORS, FORM_SETS, AGES))
KEYS = [(TOTAL, a, f, s, TOTAL) for a, f, s in product(AREAS, FORMS, (ALL, *SECTORS))] + [
    ("age", a, f, s, v) for a, f, s, v in product(AREAS, FORMS, (ALL, *SECTORS), AGES)
]
MEMBERS = {key: _members(key) for key in KEYS}
VECTORS = {key: [1 if atom in MEMBERS[key] else 0 for atom in ATOMS] for key in KEYS}


class Span:
    """Row space of the published equations (mod a large prime): what an attacker can derive by adding and subtracting."""

    def __init__(self):
        self.rows: dict[int, list[int]] = {}

    def _reduce(self, vector):
        vector = [x % PRIME for x in vector]
        for pivot, row in self.rows.items():
            if vector[pivot]:
                factor = vector[pivot]
                vector = [(x - factor * y) % PRIME for x, y in zip(vector, row, strict=True)]
        return vector

    def add(self, vector):
        vector = self._reduce(vector)
        pivot = next((i for i, x in enumerate(vector) if x), None)
        if pivot is None:
            return
        inverse = pow(vector[pivot], PRIME - 2, PRIME)
        vector = [(x * inverse) % PRIME for x in vector]
        for other, row in self.rows.items():
            if row[pivot]:
                factor = row[pivot]
                self.rows[other] = [(x - factor * y) % PRIME for x, y in zip(row, vector, strict=True)]
        self.rows[pivot] = vector

    def contains(self, vector) -> bool:
        return not any(self._reduce(vector))


def _page_keys(area, form, sector) -> list:
    """Every key one dashboard page shows: its total, its age table, and its tables by area, form and sector."""
    areas = GEOGRAPHY.municipalities(area)
    keys = [(TOTAL, area, form, sector, TOTAL)]
    keys += [("age", area, form, sector, v) for v in AGES]
    keys += [(TOTAL, m, form, sector, TOTAL) for m in areas]
    keys += [(TOTAL, area, f, sector, TOTAL) for f in FORMS[1:] if form in (ALL, f)]
    keys += [(TOTAL, area, form, s, TOTAL) for s in SECTORS if sector in (ALL, s)]
    return keys


def _protected(records):
    totals = Counter((m, s, f) for m, s, f, _a in records)
    ages = Counter(records)
    rows_total = [Row(m, s, f, "", n) for (m, s, f), n in totals.items()]
    rows_age = [Row(m, s, f, a, n) for (m, s, f, a), n in ages.items()]
    counts = build_counts(rows_total, {"age": rows_age}, GEOGRAPHY)
    return protect_cube(counts, GEOGRAPHY, SECTORS, T)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(record, min_size=0, max_size=40))
def test_no_view_and_no_pair_of_views_recovers_a_small_count(records):
    result = _protected(records)
    truth = Counter(records)
    true_count = {key: sum(truth[atom] for atom in MEMBERS[key]) for key in KEYS}
    # Every key the views show agrees with the independent definition of the filters.
    for key in KEYS:
        assert result.counts.get(key, 0) == true_count[key], key
    published = [key for key in KEYS if key not in result.hidden]
    for key in published:
        assert not 0 < true_count[key] < T, f"small count shown: {key}"
    # Row and column totals: within each view, the shown numbers of its tables never solve a hidden small cell.
    for area, form, sector in product(AREAS, FORMS, (ALL, *SECTORS)):
        page = _page_keys(area, form, sector)
        span = Span()
        for key in page:
            if key not in result.hidden:
                span.add(VECTORS[key])
        for key in page:
            if key in result.primary:
                assert not span.contains(VECTORS[key]), f"small cell recoverable in one view: {key}"
    # Subtracting two nested shown views never gives a small group.
    for a, b in combinations(published, 2):
        if MEMBERS[b] < MEMBERS[a] or MEMBERS[a] < MEMBERS[b]:
            assert not 0 < abs(true_count[a] - true_count[b]) < T, f"{a} - {b}"
