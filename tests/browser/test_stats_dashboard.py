"""The coordinators' dashboard and the annual report page pass axe at 320 and 1280 px, without JavaScript."""

from __future__ import annotations

from tests.browser.axe import assert_accessible_at_widths
from tests.browser.conftest import sign_in


def test_dashboard_and_annual_report_page_are_accessible(page, account):
    from tokt.cases.synthetic import generate
    from tokt.stats import selectors

    generate(count=150, agencies=2, seed=3)
    user, password = account("koordinator")
    sign_in(page, user, password)
    page.goto("/styringsdata/")
    page.get_by_role("heading", name="Styringsdata").wait_for()
    assert page.locator("svg.tokt-chart__svg").count() > 5
    assert_accessible_at_widths(page, where="dashboard")
    page.get_by_label("Område").select_option("salten")
    page.get_by_role("button", name="Vis").click()
    page.get_by_role("heading", name=f"Saker {max(selectors.case_years())}, Hele Salten").wait_for()
    assert_accessible_at_widths(page, where="dashboard, Salten")
    page.goto("/styringsdata/arsrapport/")
    assert_accessible_at_widths(page, where="annual report page")
    page.goto("/styringsdata/offentlig-utgivelse/")
    page.get_by_label("Formål").fill("Årsmelding")
    page.get_by_role("button", name="Lag utgivelse").click()
    page.get_by_text("forventet feil").first.wait_for()
    assert_accessible_at_widths(page, where="public release page")
