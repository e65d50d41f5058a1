"""The workers' self-check in a real browser: a Romanian-speaking worker on a 360 px phone without
JavaScript answers, sees rights and contacts in Romanian only, and leaves no cookie; axe is clean."""

from __future__ import annotations

import time

from tests.browser.axe import assert_accessible_at_widths
from tokt.selfcheck.texts import questions, texts

RO = texts("ro")


def _phone(browser, live_url, *, javascript: bool):
    context = browser.new_context(
        base_url=live_url, viewport={"width": 360, "height": 740}, java_script_enabled=javascript, locale="ro-RO"
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def test_a_romanian_worker_without_javascript_completes_the_check_in_romanian_and_leaves_no_cookie(
    browser, live_url, confirmed_directory
):
    context, page = _phone(browser, live_url, javascript=False)
    try:
        started = time.monotonic()
        page.goto("/ro/sjekk-arbeid/")
        assert page.locator("html").get_attribute("lang") == "ro"
        assert page.locator("#quick-exit").is_visible()
        assert page.get_by_text(RO["machine_note"]).is_visible()
        yes_to = {"pay", "hours", "documents", "housing"}
        for fieldset, q in zip(page.locator("fieldset").all(), questions(), strict=True):
            answer = RO["answer_yes"] if q.id in yes_to else RO["answer_no"] if q.id != "debt" else RO["answer_unknown"]
            fieldset.get_by_label(answer, exact=True).check()
        page.get_by_role("button", name=RO["submit"]).click()
        page.wait_for_url("**/ro/sjekk-arbeid/resultat/?*")
        elapsed = time.monotonic() - started
        assert elapsed < 300
        assert page.get_by_role("heading", level=1).inner_text() == RO["result_title"]
        main = page.locator("main").inner_text()
        for area in ("pay", "hours", "documents", "housing"):
            assert RO["areas"][area] in main
        assert RO["areas"]["safety"] not in main
        assert RO["area_names"]["debt"] in main  # "don't know" is named as something to check
        assert RO["contacts"]["rosa"]["text"] in main and "02800" in main and RO["not_free"] in main
        for other in ("nb", "en"):
            for text in (texts(other)["areas"]["pay"], texts(other)["contacts_heading"], texts(other)["not_a_verdict"]):
                assert text not in main
        assert page.locator("#quick-exit").is_visible()
        # The page is no wider than the phone.
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        page.get_by_role("link", name=RO["change_answers"]).click()
        page.wait_for_url("**/ro/sjekk-arbeid/")
        assert context.cookies() == []
    finally:
        context.close()


def test_the_form_and_the_result_are_accessible_at_both_widths(browser, live_url):
    context, page = _phone(browser, live_url, javascript=True)
    try:
        page.goto("/ro/sjekk-arbeid/")
        assert_accessible_at_widths(page, where="self-check form")
        query = "&".join(f"{q.id}=yes" for q in questions())
        page.goto(f"/ro/sjekk-arbeid/resultat/?{query}")
        assert_accessible_at_widths(page, where="self-check result")
        page.goto("/nb/sjekk-arbeid/resultat/?pay=yes&hours=forged")
        assert_accessible_at_widths(page, where="self-check form with an error")
        page.goto("/ro/sjekk-arbeid/lonn/?sector=cleaning&wage=200")
        assert_accessible_at_widths(page, where="pay check with a refused rate")
        page.goto("/ro/sjekk-arbeid/lonn/?sector=cleaning&wage=abc")
        assert_accessible_at_widths(page, where="pay check with an error")
        page.goto("/vi/sjekk-arbeid/lonn/")
        assert_accessible_at_widths(page, where="pay check in English fallback")
        assert context.cookies() == []
    finally:
        context.close()


def test_the_advert_aid_highlights_signals_and_is_accessible(page, account):
    from tests.browser.conftest import sign_in

    user, password = account("fagperson")
    sign_in(page, user, password)
    page.goto("/oppsokende/annonse/")
    assert_accessible_at_widths(page, where="advert aid, empty")
    page.get_by_label("Teksten i annonsen").fill("Ny i byen! Hun er 18 år. Gratis reise og bolig, kun kontant.")
    page.get_by_role("button", name="Vis tegnene").click()
    for rule in ("new_in_town", "third_person", "age_hint", "travel_housing_paid", "cash_only"):
        assert page.locator(f'mark[data-rule="{rule}"]').count() >= 1, rule
    assert_accessible_at_widths(page, where="advert aid with signals")
