"""A caseworker on a phone: from 'I met a fish-plant worker who ...' to a result, every step accessible."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.axe import assert_accessible, assert_accessible_at_widths


def _fill_context(page):
    page.get_by_label("Hvor jobber du?").select_option("nav")
    page.get_by_label("Hvilken bransje eller hvilket miljø gjelder det?").select_option("fisheries")
    page.get_by_label("Kommune").select_option("1804")
    page.get_by_label("Voksen (18 år eller eldre)").check()
    page.get_by_label("Arbeid", exact=True).check()
    page.get_by_role("button", name="Start").click()


def test_nav_caseworker_screens_a_fish_plant_worker_on_a_phone(page):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto("/sjekk/")
    assert_accessible_at_widths(page, where="screening start")
    _fill_context(page)
    seen = 0
    while page.get_by_role("button", name="Neste").count() and seen < 15:
        expect(page.get_by_text("Steg")).to_be_visible()
        assert_accessible(page, f"screening step {seen + 1} at 320px")
        groups = page.locator("fieldset")
        # Tick "Ja" for the first question of each step: passport taken, long days, and so on.
        if groups.count():
            groups.first.get_by_label("Ja", exact=True).check()
        seen += 1
        page.get_by_role("button", name="Neste").click()
    assert seen >= 3  # the quick screening: twelve questions in steps of four

    expect(page.get_by_role("heading", level=1)).to_have_text("Hva tegnene peker mot")
    expect(page.get_by_text("ikke en juridisk vurdering").first).to_be_visible()
    expect(page.get_by_role("heading", name="Hvem du kan kontakte")).to_be_visible()
    assert_accessible_at_widths(page, where="screening result")


def test_the_whole_flow_works_without_javascript(browser, live_url):
    context = browser.new_context(
        base_url=live_url, locale="nb-NO", viewport={"width": 320, "height": 640}, java_script_enabled=False
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto("/sjekk/")
    _fill_context(page)
    page.get_by_role("button", name="Neste").click()
    page.get_by_role("button", name="Se resultatet nå").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hva tegnene peker mot")
    context.close()


def test_result_can_be_reached_early_and_answers_changed(page):
    page.goto("/sjekk/")
    page.get_by_label("Hvor jobber du?").select_option("health")
    page.get_by_label("Hvilken bransje eller hvilket miljø gjelder det?").select_option("commercial_sex")
    page.get_by_label("Under 18 år").check()
    page.get_by_role("button", name="Start").click()
    page.get_by_role("button", name="Se resultatet nå").click()
    # Under 18: the duty to notify child welfare comes first.
    expect(page.get_by_role("heading", level=1)).to_contain_text("plikt til å melde fra til barnevernet")
    page.get_by_role("button", name="Endre svarene").click()
    expect(page.get_by_role("button", name="Neste")).to_be_visible()


def test_method_page_is_accessible(page):
    page.goto("/sjekk/metode/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Metoden")
    assert_accessible_at_widths(page, where="method page")
