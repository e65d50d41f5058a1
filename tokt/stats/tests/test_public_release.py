"""Public release with differential privacy: the year's budget is never exceeded, and a release states its error."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tokt.stats import privacy
from tokt.stats.models import PrivacyBudgetSpend
from tokt.stats.services import StatsError, budget_spent, public_release

pytestmark = pytest.mark.django_db


def test_a_release_states_budget_and_expected_error(koordinator, settings):
    settings.STATS_DP_BUDGET_PER_YEAR = 1.0
    spend = public_release(user=koordinator, year=2026, epsilon=0.5, purpose="Årsmelding")
    assert set(spend.values) == {"total", "sector", "gender", "age_group", "form"}
    for table in spend.values.values():
        assert table["epsilon"] == pytest.approx(0.1)
        assert table["accuracy_95"] > 0
        assert all(v >= 0 for v in table["values"].values())
    assert budget_spent(2026) == pytest.approx(0.5)


def test_a_release_that_would_exceed_the_budget_is_refused_and_writes_nothing(koordinator, settings):
    settings.STATS_DP_BUDGET_PER_YEAR = 1.0
    public_release(user=koordinator, year=2026, epsilon=0.75, purpose="a")
    with pytest.raises(StatsError):
        public_release(user=koordinator, year=2026, epsilon=0.5, purpose="b")
    assert PrivacyBudgetSpend.objects.count() == 1
    # Another year has its own budget.
    public_release(user=koordinator, year=2025, epsilon=0.5, purpose="c")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.floats(min_value=0.01, max_value=1.5), min_size=1, max_size=8))
def test_no_sequence_of_releases_spends_more_than_the_budget(koordinator, requests):
    PrivacyBudgetSpend.objects.all().delete()
    for epsilon in requests:
        try:
            public_release(user=koordinator, year=2024, epsilon=epsilon, purpose="p")
        except StatsError:
            pass
        assert budget_spent(2024) <= 1.0 + 1e-9


def test_opendp_measures_each_table_within_its_share():
    tables = privacy.release({"total": {"all": 40}, "form": {"forced_labour": 30, "begging": 2}}, 0.4)
    assert [t.epsilon for t in tables] == [pytest.approx(0.2), pytest.approx(0.2)]
    # The forms table counts up to three forms per case, so it needs three times the noise.
    assert tables[1].scale == pytest.approx(3 * tables[0].scale)
    with pytest.raises(privacy.BudgetExceeded):
        privacy.check_budget(spent=0.9, budget=1.0, epsilon=0.2)


def test_the_release_page_refuses_over_budget_with_a_message(signed_in, koordinator, settings):
    from django.urls import reverse

    settings.STATS_DP_BUDGET_PER_YEAR = 1.0
    client = signed_in(koordinator)
    url = reverse("stats:releases")
    year = client.get(url).context["form"].fields["year"].choices[0][0]
    assert client.post(url, {"year": year, "epsilon": "0.8", "purpose": "Årsmelding"}).status_code == 302
    response = client.post(url, {"year": year, "epsilon": "0.8", "purpose": "Igjen"})
    assert response.status_code == 200
    assert "personvernbudsjett" in response.content.decode()
    assert PrivacyBudgetSpend.objects.count() == 1
    assert client.post(url, {"year": "x", "epsilon": "-1", "purpose": ""}).status_code == 200
