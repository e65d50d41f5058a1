"""The database aggregates agree with a plain recount of the rows, and network numbers are protected."""

from __future__ import annotations

from collections import Counter

import pytest

from tokt.cases.models import Case
from tokt.cases.synthetic import generate
from tokt.stats import selectors
from tokt.stats.cube import ALL, NORDLAND, SALTEN, total_key

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases():
    generate(count=400, agencies=3, seed=7)
    return list(Case.objects.select_related("municipality"))


def _year(cases):
    return Counter(c.met_on.year for c in cases).most_common(1)[0][0]


def test_the_cube_counts_what_a_recount_of_the_rows_gives(cases):
    year = _year(cases)
    counts = selectors.case_counts(year)
    in_year = [c for c in cases if c.met_on.year == year]
    assert counts[total_key(NORDLAND)] == len(in_year)
    assert counts[total_key(SALTEN)] == sum(1 for c in in_year if c.municipality.salten)
    by_gender = Counter(c.gender for c in in_year)
    for gender, n in by_gender.items():
        assert counts[("gender", NORDLAND, ALL, ALL, gender)] == n
    fisheries_labour = sum(1 for c in in_year if c.sector == "fisheries" and "forced_labour" in c.forms)
    assert counts.get(total_key(NORDLAND, "forced_labour", "fisheries"), 0) == fisheries_labour
    by_month = Counter(f"{c.met_on.month:02d}" for c in in_year if c.municipality_id == "1804")
    for month, n in by_month.items():
        assert counts[("month", "1804", ALL, ALL, month)] == n
    assert counts[("referral_outcome", NORDLAND, ALL, ALL, "none")] == len(in_year)


def test_network_numbers_never_show_a_small_count(cases):
    cube = selectors.case_cube(_year(cases))
    shown = [cube.value(key) for key in cube.counts]
    assert cube.hidden, "a realistic spread of 400 cases has small cells"
    assert all(value is None or value == 0 or value >= 3 for value in shown)


def test_an_agencys_own_cases_are_exact(cases):
    owner = cases[0].agency
    year = cases[0].met_on.year
    cube = selectors.case_cube(year, agency=owner)
    expected = sum(1 for c in cases if c.agency_id == owner.pk and c.met_on.year == year)
    assert cube.value(total_key(NORDLAND)) == expected
    assert not cube.hidden
