"""Training on a phone (360 px): a new NAV employee finishes the basics and the NAV module.

Every training page is checked with axe at the phone width, and every kind of page also at
320 and 1280 px. The words shown on the pages (each page once) are counted to estimate how long
a real person needs: 200 words a minute plus a quarter of a minute per answer given.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.axe import assert_accessible_at_widths
from tests.browser.conftest import sign_in

PHONE = {"width": 360, "height": 740}
MINUTES_PER_ANSWER = 0.25


class Reader:
    """Counts the words a learner sees and checks each page with axe."""

    def __init__(self, page) -> None:
        self.page = page
        self.words = 0
        self.answers = 0
        self.kinds_checked: set[str] = set()
        self.seen: set[str] = set()

    def read(self, kind: str) -> None:
        page = self.page
        # A page read again (the quiz result after a retry) is skimmed, not read: count it once.
        if page.url not in self.seen:
            self.words += len(re.findall(r"\w+", page.locator("main").inner_text()))
            self.seen.add(page.url)
        widths = (360,) if kind in self.kinds_checked else (320, 360, 1280)
        assert_accessible_at_widths(page, widths=widths, where=f"training {kind} {page.url}")
        page.set_viewport_size(PHONE)
        self.kinds_checked.add(kind)

    @property
    def minutes(self) -> float:
        return self.words / 200 + MINUTES_PER_ANSWER * self.answers


def _do_module(page, reader: Reader, title: str) -> None:
    page.get_by_role("link", name=title).click()
    reader.read("module")
    page.get_by_role("link", name="Start modulen").click()
    while True:
        if page.get_by_role("button", name="Jeg har lest dette – neste").count():
            reader.read("section")
            page.get_by_role("button", name="Jeg har lest dette – neste").click()
        elif page.get_by_role("button", name="Send svarene").count():
            reader.read("quiz")
            _answer_quiz(page, reader)
        elif page.get_by_role("button", name="Sammenlign med verktøyet").count():
            reader.read("exercise")
            _tick_signs(page, reader)
            reader.read("exercise result")
            finish = page.get_by_role("link", name="Fullfør og se kursbeviset")
            if finish.count():
                finish.click()
                break
            page.get_by_role("link", name="Neste").click()
        else:
            raise AssertionError(f"unexpected page {page.url}")
    expect(page.get_by_role("heading", name="Du har fullført modulen")).to_be_visible()
    reader.read("module completed")


def _answer_quiz(page, reader: Reader) -> None:
    """Like a learner who guesses: the first option, then the next one wherever the feedback says wrong."""
    groups = page.locator("fieldset")
    choice = [0] * groups.count()
    for i in range(groups.count()):
        groups.nth(i).get_by_role("radio").first.check()
    page.get_by_role("button", name="Send svarene").click()
    reader.answers += groups.count()
    reader.read("quiz result")
    while page.get_by_role("link", name="Prøv igjen").count():
        items = page.locator(".tokt-training-feedback > li").all()
        wrong = [i for i, item in enumerate(items) if item.get_by_text("Ikke riktig").count()]
        for i in wrong:
            choice[i] += 1
        page.get_by_role("link", name="Prøv igjen").click()
        groups = page.locator("fieldset")
        for i in range(groups.count()):
            groups.nth(i).get_by_role("radio").nth(choice[i]).check()
        page.get_by_role("button", name="Send svarene").click()
        reader.answers += len(wrong)
        reader.read("quiz result")
    page.get_by_role("link", name="Videre til case-oppgavene").click()


def _tick_signs(page, reader: Reader) -> None:
    boxes = page.get_by_role("checkbox")
    for i in range(0, boxes.count(), 2):
        boxes.nth(i).check()
    reader.answers += 4  # reading the list of signs and ticking
    page.get_by_role("button", name="Sammenlign med verktøyet").click()
    expect(page.get_by_text("Med tegnene i fasiten")).to_be_visible()


def test_a_new_nav_employee_finishes_basics_and_nav_on_a_phone(browser, live_url, account):
    user, password = account("fagperson")
    user.first_name, user.last_name = "Nora", "Nyansatt"
    user.save()
    context = browser.new_context(base_url=live_url, locale="nb-NO", viewport=PHONE, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    sign_in(page, user, password)
    expect(page.get_by_text("Ta grunnkurset om menneskehandel")).to_be_visible()
    page.get_by_role("navigation", name="Hovedmeny").get_by_role("link", name="Opplæring").click()
    reader = Reader(page)
    reader.read("index")

    _do_module(page, reader, "Grunnkurs: menneskehandel i førstelinjen")
    with page.expect_download() as download:
        page.get_by_role("link", name="Last ned kursbevis (PDF)").click()
    text = PdfReader(io.BytesIO(Path(download.value.path()).read_bytes())).pages[0].extract_text()
    assert "Kursbevis" in text and "Nora Nyansatt" in text and "Grunnkurs" in text
    assert re.search(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", text)

    page.get_by_role("link", name="Opplæring", exact=True).first.click()
    _do_module(page, reader, "Tegn i NAV, også i arbeidsmarkedstiltak")
    with page.expect_download() as download:
        page.get_by_role("link", name="Last ned kursbevis (PDF)").click()
    text = PdfReader(io.BytesIO(Path(download.value.path()).read_bytes())).pages[0].extract_text()
    assert "Tegn i NAV" in text and "Nora Nyansatt" in text

    print(f"\nbasics + NAV as shown: {reader.words} words, {reader.answers} answers, {reader.minutes:.1f} min")
    assert reader.minutes < 40
    context.close()


def test_the_coordinator_sees_completion_by_agency(page, account):
    from tokt.training.models import Certificate, ModuleProgress

    learner, _ = account("fagperson")
    ModuleProgress.objects.create(user=learner, module="grunnkurs", step=9, completed_at="2026-12-01T10:00Z")
    Certificate.objects.create(user=learner, module="grunnkurs", issued_on="2026-12-01", code="ABCD-EFGH-JKLM")
    coordinator, password = account("koordinator")
    sign_in(page, coordinator, password)
    page.goto("/opplaering/")
    page.get_by_role("link", name="Statistikk for koordinatorer").click()
    table = page.get_by_role("region", name="Fullførte moduler per etat")
    expect(table.get_by_role("row", name=re.compile(r"^NAV 2 1 0"))).to_be_visible()
    assert_accessible_at_widths(page, where="training stats")
    page.get_by_label("Kontrollkode").fill("ABCD-EFGH-JKLM")
    page.get_by_role("button", name="Kontroller").click()
    expect(page.get_by_text("Gyldig:")).to_be_visible()
    assert_accessible_at_widths(page, where="training stats with a verified code")


def test_the_referral_paths_for_a_municipality_are_accessible(page, account):
    from tokt.training.models import ModuleProgress

    user, password = account("fagperson")
    ModuleProgress.objects.create(user=user, module="etter-bekymring", step=1, revision=1)
    sign_in(page, user, password)
    page.goto("/opplaering/etter-bekymring/steg/2/")
    page.get_by_label("Kommune", exact=True).select_option("1841")
    page.get_by_role("button", name="Vis henvisningsveiene").click()
    expect(page.get_by_role("heading", name="Hvem gjør hva i din kommune?")).to_be_visible()
    expect(page.get_by_text("Barneverntjenesten i kommunen").first).to_be_visible()
    assert_accessible_at_widths(page, widths=(320, 360, 1280), where="training referral paths (Fauske)")
