"""Sjekk tegnene, second version: the Fauske minor, Back on every step, the quick screening, the print."""

from __future__ import annotations

import io
import re
from urllib.parse import urlencode

from playwright.sync_api import expect

from tests.browser.axe import assert_accessible_at_widths
from tokt.screening.engine import questions_for

FAUSKE = {"role": "child_welfare", "sector": "car_wash", "municipality": "1841", "age_group": "under_18"}
FAUSKE_SIGNS = {"EXP04", "EXP02", "EXP05", "CD01"}  # unpaid, sleeps at the car wash, rules broken, passport held


def _fauske_result_url() -> str:
    answers = {}
    for step in questions_for("child_welfare", "car_wash", "under_18"):
        for q in step.questions:
            if set(q.indicators) & FAUSKE_SIGNS:
                answers[f"a_{q.id}"] = "yes"
    answers["a_q_acute_danger"] = "no"
    query = {**FAUSKE, "exploitation_types": "labour", "mode": "full", **answers, "step": "0", "result": "1"}
    return "/sjekk/sporsmal/?" + urlencode(query)


def test_the_fauske_car_wash_minor_opens_with_child_welfare_and_is_possible_trafficking(page):
    page.goto(_fauske_result_url())
    first = page.locator("main h1, main h2").first
    expect(first).to_contain_text("plikt til å melde fra til barnevernet")
    expect(page.locator(".tokt-child-notice")).to_contain_text("Fauske")
    expect(page.get_by_role("heading", name=re.compile("Plassering"))).to_contain_text("Mulig menneskehandel")
    expect(page.get_by_role("heading", name="Hvem du kan kontakte")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Arbeidstilsynet")
    assert_accessible_at_widths(page, where="screening result, Fauske minor")


def test_back_works_on_every_step_without_a_resubmission_prompt(page):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto("/sjekk/")
    page.get_by_label("Hvor jobber du?").select_option("health")
    page.get_by_label("Hvilken bransje eller hvilket miljø gjelder det?").select_option("cleaning")
    page.get_by_label("Voksen (18 år eller eldre)").check()
    page.get_by_role("button", name="Start").click()
    urls, headings = [], []
    while page.get_by_role("button", name="Neste").count():
        urls.append(page.url)
        headings.append(page.locator("h1").inner_text())
        assert_accessible_at_widths(page, where=f"quick step {len(urls)}")
        page.locator("fieldset").first.get_by_label("Ja", exact=True).check()
        page.get_by_role("button", name="Neste").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hva tegnene peker mot")
    assert len(urls) >= 3
    for url, heading in zip(reversed(urls), reversed(headings), strict=True):
        page.go_back()
        assert page.url == url
        expect(page.locator("h1")).to_have_text(heading)
        assert "ERR_CACHE_MISS" not in page.content()
    page.go_back()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sjekk tegnene")
    assert dialogs == []


def test_a_quick_screening_as_a_nurse_takes_at_most_fifteen_questions(page):
    page.goto("/sjekk/")
    page.get_by_label("Hvor jobber du?").select_option("health")
    page.get_by_label("Hvilken bransje eller hvilket miljø gjelder det?").select_option("commercial_sex")
    page.get_by_role("button", name="Start").click()
    asked = 0
    while page.get_by_role("button", name="Neste").count():
        asked += page.locator("fieldset").count()
        page.get_by_role("button", name="Neste").click()
    assert 0 < asked <= 15
    expect(page.locator(".tokt-child-notice")).to_be_visible()  # age not given: may be under 18
    page.get_by_role("link", name="Spør meg mer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Flere spørsmål")
    assert_accessible_at_widths(page, where="ask me more step")


def test_the_printed_summary_is_at_most_two_a4_pages_with_date_role_and_municipality(page):
    from pypdf import PdfReader

    page.goto(_fauske_result_url())
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=False)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) <= 2
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "Dato" in text and "Barnevern eller skole" in text and "Fauske" in text
    assert "Svarene som er brukt" in text
    # No word broken by a hyphen at a line end.
    assert not re.search(r"[a-zæøå]-\n[a-zæøå]", "\n".join(p.extract_text() for p in reader.pages))


def test_the_start_and_method_pages_are_accessible(page):
    page.goto("/sjekk/")
    expect(page.get_by_text("omtrent fem minutter")).to_be_visible()
    assert_accessible_at_widths(page, where="screening start")
    page.goto("/sjekk/metode/")
    assert_accessible_at_widths(page, where="method page")
