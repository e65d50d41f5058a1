"""On a 360 px phone: the internal header takes at most a quarter of the screen and no fact is clipped."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_accessible_at_widths
from tests.browser.conftest import sign_in

_CLIPPED = """() => [...document.querySelectorAll('main dd, main p, main a')]
  .filter(e => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > innerWidth + 1)
  .map(e => e.textContent.trim().slice(0, 40))"""


@pytest.mark.parametrize(
    "path",
    ["/aktorer/aktor/barnevernvakt_fauske/", "/aktorer/til-kontroll/", "/koordinator/offentlig/tips/"],
)
def test_internal_pages_fit_a_360px_phone(page, account, path):
    user, password = account("koordinator")
    sign_in(page, user, password)
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(path)
    header = page.evaluate("() => document.querySelector('header').getBoundingClientRect().height")
    assert header <= 740 / 4, f"header is {header}px of 740px"
    assert page.evaluate(_CLIPPED) == []
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 1


def test_the_tip_detail_shows_a_long_unbroken_message_without_clipping(page, account):
    from tokt.public.models import Tip

    tip = Tip.objects.create(message="x" * 400, lang="pl")
    user, password = account("koordinator")
    sign_in(page, user, password)
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"/koordinator/offentlig/tips/{tip.pk}/")
    assert page.evaluate(_CLIPPED) == []


@pytest.mark.parametrize(("path", "current"), [("tips/", "Tips"), ("oversettelser/", "Oversettelser")])
def test_the_coordinator_sub_navigation_marks_the_current_page(page, account, path, current):
    user, password = account("koordinator")
    sign_in(page, user, password)
    page.goto(f"/koordinator/offentlig/{path}")
    nav = page.get_by_role("navigation", name="Offentlige sider")
    expect(nav.get_by_role("link", name=current, exact=True)).to_have_attribute("aria-current", "page")
    assert_accessible_at_widths(page, where=f"/koordinator/offentlig/{path}")
