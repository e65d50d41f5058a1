"""The public site in a real browser: every page of every language is accessible at 320 px,
sets no cookie and asks no other host for anything; quick exit leaves and cannot be undone
with Back; everything works without JavaScript."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.axe import TAGS, assert_accessible, assert_accessible_at_widths
from tokt.public.export import public_paths
from tokt.public.pages import current_site, exit_url

SITE = current_site()
EXIT = exit_url()
EXIT_HOST = urlsplit(EXIT).hostname
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
AXE_SCRIPT = Axe().axe_script
STUB = "<!DOCTYPE html><html lang='en'><head><title>Weather</title></head><body><h1>Weather</h1></body></html>"


def _paths_for(lang: str) -> list[str]:
    return [p for p in public_paths() if p.startswith(f"/{lang}/")] + [f"/{lang}/tips/"]


_AXE_RUN = "axe.run(document, %s).then(r => r.violations.map(v => `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.slice(0, 5).map(n => n.target).join(' ')}`))"


def _assert_axe_clean(page, where: str) -> None:
    """The same axe rules as tests.browser.axe, with axe preloaded in the context (faster for many pages)."""
    import json

    options = {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}
    violations = page.evaluate(_AXE_RUN % json.dumps(options))
    assert violations == [], f"axe found {len(violations)} violation(s) on {where}:\n" + "\n".join(violations)


@pytest.fixture
def new_page(browser, live_url):
    """new_page(width=320, javascript=True) -> (page, context, foreign_requests). No request leaves the machine."""
    contexts = []

    def _make(width: int = 320, javascript: bool = True):
        context = browser.new_context(
            base_url=live_url, viewport={"width": width, "height": 800}, java_script_enabled=javascript
        )
        contexts.append(context)
        if javascript:
            context.add_init_script(script=AXE_SCRIPT)
        foreign: list[str] = []

        def record(request):
            host = urlsplit(request.url).hostname
            if request.url.startswith(("http:", "https:")) and host not in LOCAL_HOSTS:
                foreign.append(request.url)

        context.on("request", record)
        # The neutral exit site is answered locally, so no test ever reaches the internet.
        context.route(
            re.compile(rf"^https?://{re.escape(EXIT_HOST)}/.*"),
            lambda route: route.fulfill(status=200, content_type="text/html", body=STUB),
        )
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page, context, foreign

    yield _make
    for context in contexts:
        context.close()


@pytest.mark.parametrize("lang", list(SITE.languages))
def test_every_page_of_a_language_is_accessible_cookieless_and_local(new_page, lang):
    page, context, foreign = new_page(width=320)
    for path in _paths_for(lang):
        response = page.goto(path)
        assert response.status == 200, path
        expect(page.locator("html")).to_have_attribute("lang", SITE.languages[lang].tag)
        expect(page.locator("html")).to_have_attribute("dir", SITE.languages[lang].direction)
        _assert_axe_clean(page, f"{path} at 320px")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"{path} scrolls sideways by {overflow}px at 320px"
        expect(page.locator("#quick-exit")).to_be_visible()
        if not path.endswith("/tips/"):
            assert context.cookies() == [], path
    assert foreign == []


def test_a_sample_of_pages_is_accessible_at_both_widths(new_page):
    page, _context, foreign = new_page(width=1280)
    for path in ["/", "/nb/", "/en/help/", "/nb/safe-browsing/", "/en/tips/", "/xx/"]:
        page.goto(path)
        assert_accessible_at_widths(page, where=path)
    assert foreign == []


def test_the_landing_page_and_the_404_page_are_accessible_and_cookieless(new_page):
    page, context, foreign = new_page(width=320)
    page.goto("/")
    for language in SITE.languages.values():
        expect(page.get_by_role("link", name=language.name, exact=True).first).to_be_visible()
    assert_accessible(page, "landing")
    response = page.goto("/xx/nothing/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text(SITE.strings("nb")["not_found_title"])
    assert_accessible(page, "404")
    assert context.cookies() == [] and foreign == []


def test_quick_exit_by_tap_leaves_and_back_does_not_return(new_page):
    page, _context, foreign = new_page()
    page.goto("/en/help/")
    page.get_by_role("link", name=SITE.strings("en")["quick_exit"]).click()
    page.wait_for_url(re.compile(rf"^https?://{re.escape(EXIT_HOST)}/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Weather")
    page.go_back()
    assert "/en/help/" not in page.url
    assert foreign == [] or all(urlsplit(u).hostname == EXIT_HOST for u in foreign)


def test_quick_exit_by_pressing_shift_three_times(new_page):
    page, _context, _foreign = new_page()
    page.goto("/nb/rights/")
    page.locator("h1").click()
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(re.compile(rf"^https?://{re.escape(EXIT_HOST)}/"))
    page.go_back()
    assert "/nb/rights/" not in page.url


def test_without_javascript_the_pages_work_and_quick_exit_is_a_plain_link(new_page, account):
    from tokt.directory.tests.factories import confirm_public_actors

    # Only entries a named coordinator confirmed reach the help page.
    confirm_public_actors(user=account("koordinator")[0])
    page, context, _foreign = new_page(javascript=False)
    page.goto("/en/")
    page.get_by_role("link", name=re.compile("Get help")).first.click()
    expect(page).to_have_url(re.compile(r"/en/help/$"))
    expect(page.get_by_text("22 33 11 60").first).to_be_visible()
    page.get_by_role("link", name=SITE.strings("en")["quick_exit"]).click()
    page.wait_for_url(re.compile(rf"^https?://{re.escape(EXIT_HOST)}/"))
    assert context.cookies() == []


def test_a_tip_is_sent_and_the_cookie_is_gone_afterwards(new_page):
    from tokt.public.models import Tip

    page, context, foreign = new_page()
    ui = SITE.strings("en")
    page.goto("/en/tips/")
    page.get_by_role("button", name=ui["tip_submit"]).click()  # empty: the browser's own check stops it
    assert Tip.objects.count() == 0
    page.get_by_label(ui["tip_message_label"]).fill("<script>x</script>")
    page.get_by_role("button", name=ui["tip_submit"]).click()
    expect(page.get_by_role("alert")).to_contain_text(ui["tip_error_script"])
    assert_accessible(page, "tip form with an error")
    page.get_by_label(ui["tip_message_label"]).fill("Workers at the plant have no contracts.")
    page.get_by_role("button", name=ui["tip_submit"]).click()
    expect(page.get_by_role("status")).to_have_text(ui["tip_thanks"])
    assert Tip.objects.get().message == "Workers at the plant have no contracts."
    assert context.cookies() == [] and foreign == []


def test_a_worker_scanning_the_poster_finds_rights_and_help_in_their_language(new_page, account):
    from tokt.directory.tests.factories import confirm_public_actors

    confirm_public_actors(user=account("koordinator")[0])
    lang = "lt" if "lt" in SITE.languages else "en"
    ui = SITE.strings(lang)
    page, context, foreign = new_page(width=320)
    page.goto(f"/{lang}/")  # where the poster's QR code points
    expect(page.locator("html")).to_have_attribute("lang", SITE.languages[lang].tag)
    expect(page.get_by_role("link", name=ui["emergency_banner"])).to_have_attribute("href", "tel:112")
    page.locator(f'main a[href="/{lang}/rights/"]').click()
    expect(page.get_by_role("heading", level=1)).to_have_text(SITE.page(lang, "rights").title)
    page.goto(f"/{lang}/help/")
    expect(page.locator('a[href="tel:+4722331160"]')).to_be_visible()  # ROSA, around the clock
    page.get_by_role("link", name=ui["quick_exit"]).click()
    page.wait_for_url(re.compile(rf"^https?://{re.escape(EXIT_HOST)}/"))
    assert context.cookies() == []
