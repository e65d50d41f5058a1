"""Done-when for cases: NAV, the police and the crisis centre prepare, hold and follow up a
case conference on two cases in the browser, and nobody sees more of another agency's case
than was shared. axe checks every case page at 320 and 1280 px."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_accessible_at_widths
from tests.browser.conftest import sign_in

NOTE_A = "Forteller om lange skift og at arbeidsgiver holder passet."
NOTE_C = "Egen sak som ikke skal deles."


def _member(slug: str, username: str, role: str = "fagperson"):
    from tokt.accounts.tests.factories import TEST_PASSWORD, make_user
    from tokt.core.models import Agency

    return make_user(username=username, role=role, agency=Agency.objects.get(slug=slug)), TEST_PASSWORD


@pytest.fixture
def new_page(browser, live_url):
    """Pages for more users, each in its own browser context, all closed even when the test fails."""
    contexts = []

    def _new():
        context = browser.new_context(base_url=live_url, locale="nb-NO", viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    yield _new
    for context in contexts:
        context.close()


def _register_case(page, *, region: str, country: str, sector: str, form_label: str, note: str) -> str:
    page.goto("/saker/ny/")
    page.get_by_label("Aldersgruppe").select_option("18_25")
    page.get_by_label("Kjønn").select_option("woman")
    page.get_by_label("Opprinnelse (region)").select_option(region)
    if country:
        page.get_by_label("Opprinnelsesland (valgfritt)").select_option(country)
    page.get_by_label("Kommune der personen ble møtt").select_option("1804")
    page.get_by_label("Bransje").select_option(sector)
    page.get_by_label(form_label, exact=True).check()
    page.get_by_label("Hvordan saken ble kjent").select_option("own_work")
    page.get_by_label("Dato først møtt").fill((dt.date.today() - dt.timedelta(days=5)).isoformat())
    page.get_by_label("Første notat (valgfritt)").fill(note)
    page.get_by_role("button", name="Registrer saken").click()
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text(re.compile(r"Sak SAL-\d{4}-\w{4}"))
    return heading.inner_text().removeprefix("Sak ").strip()


def test_three_agencies_prepare_hold_and_follow_up_a_case_conference(page, new_page):
    nav, password = _member("nav", "nav-fag")
    police, _ = _member("politiet-nordland", "pol-fag")
    crisis, _ = _member("krisesenter-salten", "krise-fag")

    # Prepare (NAV): register three cases, consent for the police on one, plan the conference.
    sign_in(page, nav, password)
    page.goto("/saker/ny/")
    assert_accessible_at_widths(page, where="new case")
    code_a = _register_case(
        page, region="eu_east", country="PL", sector="fisheries", form_label="Tvangsarbeid", note=NOTE_A
    )
    case_a_url = page.url
    assert_accessible_at_widths(page, where="case page, owner")
    page.get_by_text("Registrer samtykke", exact=True).click()
    page.get_by_label("Hva samtykket gjelder").select_option("details")
    page.get_by_label("Dato samtykket ble gitt").fill(dt.date.today().isoformat())
    page.get_by_label("Nordland politidistrikt").check()
    page.get_by_role("button", name="Lagre samtykket").click()
    expect(page.get_by_text("Samtykket er registrert.")).to_be_visible()
    code_b = _register_case(
        page, region="asia", country="", sector="restaurants", form_label="Tvangsarbeid", note="Virket redd."
    )
    _register_case(page, region="africa", country="NG", sector="cleaning", form_label="Tvangsarbeid", note=NOTE_C)
    case_c_url = page.url
    page.get_by_role("link", name="Endre opplysningene").click()
    assert_accessible_at_widths(page, where="edit case")
    page.goto(case_c_url)
    page.get_by_role("link", name="Henvis saken").click()
    assert_accessible_at_widths(page, where="referral form")
    page.goto("/saker/")
    expect(page.get_by_role("link", name=code_a)).to_be_visible()
    expect(page.get_by_text(NOTE_A)).to_have_count(0)
    assert_accessible_at_widths(page, where="case list")

    page.goto("/saker/moter/nytt/")
    assert_accessible_at_widths(page, where="new conference")
    page.get_by_label("Tittel").fill("Drøftingsmøte Salten desember")
    page.get_by_label("Dato").fill(dt.date.today().isoformat())
    page.get_by_label("Sted").fill("Bodø rådhus")
    page.get_by_label("Nordland politidistrikt").check()
    page.get_by_label("Krisesenteret i Salten").check()
    page.get_by_role("button", name="Opprett møtet").click()
    conference_url = page.url
    for code in (code_a, code_b):
        page.get_by_label("Sak fra din etat").select_option(label=code)
        page.get_by_role("button", name="Sett på agendaen").click()
        expect(page.get_by_text(f"Saken {code} er satt på agendaen.")).to_be_visible()
    assert_accessible_at_widths(page, where="conference page")

    # Hold (police): sees the shared cases, pseudonymised except what consent covers.
    police_page = new_page()
    sign_in(police_page, police, password)
    police_page.goto("/saker/moter/")
    assert_accessible_at_widths(police_page, where="conference list")
    police_page.get_by_role("link", name="Drøftingsmøte Salten desember").click()
    police_page.get_by_label(re.compile("Nav-fag Testesen")).check()
    police_page.get_by_label(re.compile("Pol-fag Testesen")).check()
    police_page.get_by_role("button", name="Lagre oppmøtet").click()
    item_a = police_page.get_by_role("region", name=f"1. Sak {code_a}")
    expect(item_a.get_by_text("Polen")).to_be_visible()  # consent covers the police
    item_a.get_by_label("Drøfting").fill("Tegn på tvangsarbeid. Personen vil vurdere anmeldelse.")
    item_a.get_by_label("Konklusjon").fill("Politiet tar kontakt via NAV innen en uke.")
    item_a.get_by_role("button", name="Lagre drøftingen").click()
    expect(police_page.get_by_text("Drøftingen er lagret.")).to_be_visible()
    item_a = police_page.get_by_role("region", name=f"1. Sak {code_a}")
    item_a.get_by_text("Legg til tiltak", exact=True).click()
    item_a.get_by_label("Tiltak", exact=True).fill("Avtale samtale med personen")
    item_a.get_by_label("Etat som eier tiltaket").select_option(label="Nordland politidistrikt")
    item_a.get_by_label("Person som eier tiltaket (valgfritt)").select_option(
        label=f"{police.display_name} ({police.agency.name})"
    )
    item_a.get_by_label("Frist").fill((dt.date.today() + dt.timedelta(days=7)).isoformat())
    item_a.get_by_role("button", name="Legg til tiltaket").click()
    expect(police_page.get_by_text("Tiltaket er lagt til.")).to_be_visible()
    police_page.goto(case_a_url)
    expect(police_page.get_by_role("heading", level=1)).to_have_text(f"Sak {code_a}")
    expect(police_page.get_by_text(NOTE_A)).to_have_count(0)  # consent covers details, not notes
    assert_accessible_at_widths(police_page, where="case page, shared with consent")
    police_page.goto(case_c_url)
    expect(police_page.get_by_role("heading", level=1)).to_have_text("Fant ikke siden")

    # The crisis centre: both cases pseudonymised, no country, no notes, nothing else.
    crisis_page = new_page()
    sign_in(crisis_page, crisis, password)
    crisis_page.goto(conference_url)
    item_a = crisis_page.get_by_role("region", name=f"1. Sak {code_a}")
    expect(item_a.get_by_text("Øst-Europa (EU/EØS)")).to_be_visible()
    expect(crisis_page.get_by_text("Polen")).to_have_count(0)
    crisis_page.goto(case_a_url)
    expect(crisis_page.get_by_text(NOTE_A)).to_have_count(0)
    expect(crisis_page.get_by_text("Polen")).to_have_count(0)
    assert_accessible_at_widths(crisis_page, where="case page, pseudonymised")
    crisis_page.goto(case_c_url)
    expect(crisis_page.get_by_role("heading", level=1)).to_have_text("Fant ikke siden")
    crisis_page.goto("/saker/")
    expect(crisis_page.get_by_text(code_a)).to_be_visible()
    expect(crisis_page.get_by_text(NOTE_A)).to_have_count(0)

    # Follow up: NAV closes the meeting; the police see their action on the start page and finish it.
    page.goto(conference_url)
    page.get_by_role("button", name="Avslutt møtet").click()
    expect(page.get_by_text("Møtet er avsluttet.", exact=False)).to_be_visible()
    police_page.goto("/start/")
    expect(police_page.get_by_role("heading", name="Dette venter på deg")).to_be_visible()
    assert_accessible_at_widths(police_page, where="start page with inbox")
    police_page.get_by_role("button", name="Meld fullført").click()
    expect(police_page.get_by_text("Tiltaket er meldt fullført.")).to_be_visible()
    police_page.goto(case_a_url)
    expect(police_page.get_by_role("heading", level=1)).to_have_text("Fant ikke siden")
    crisis_page.goto(case_a_url)
    expect(crisis_page.get_by_role("heading", level=1)).to_have_text("Fant ikke siden")


def test_a_refused_note_keeps_the_text_and_the_page_is_accessible(page):
    nav, password = _member("nav", "nav-fag2")
    sign_in(page, nav, password)
    _register_case(page, region="eu_east", country="", sector="fisheries", form_label="Tvangsarbeid", note="Start.")
    page.get_by_label("Nytt notat").fill("Ring henne på 412 34 567 etter jobb.")
    page.get_by_role("button", name="Lagre notatet").click()
    expect(page.get_by_text("telefonnummer", exact=False).first).to_be_visible()
    expect(page.get_by_label("Nytt notat")).to_have_value("Ring henne på 412 34 567 etter jobb.")
    assert_accessible_at_widths(page, where="refused note")
