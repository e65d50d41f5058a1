"""Real-browser harness: a live ToKt server and Debian's Chromium driven by Playwright.

Each browser test is marked django_db, so it runs inside a transaction that is
rolled back afterwards. The live server shares the test's in-memory SQLite
connection (as Django's LiveServerTestCase does), so it sees the test's data.
"""

from __future__ import annotations

import itertools
import os
import shutil

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.db import connections
from django.test.testcases import LiveServerThread

CHROMIUM = os.environ.get("TOKT_CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
WIDTHS = (320, 1280)
_counter = itertools.count(1)


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.django_db)


@pytest.fixture(scope="session")
def live_url(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        name = str(connections["default"].settings_dict["NAME"])
        assert "memory" in name or "test" in name, f"refusing to run browser tests against {name}"
        shared = {}
        for conn in connections.all():
            if conn.vendor == "sqlite" and conn.is_in_memory_db():
                conn.inc_thread_sharing()
                shared[conn.alias] = conn
        thread = LiveServerThread("127.0.0.1", StaticFilesHandler, connections_override=shared, port=0)
        thread.daemon = True
        thread.start()
        thread.is_ready.wait()
        if thread.error:
            raise thread.error
        yield f"http://127.0.0.1:{thread.port}"
        thread.terminate()
        for conn in shared.values():
            conn.dec_thread_sharing()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls made
    # by the tests themselves are still synchronous and safe.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run scripts/ensure-system-packages.sh")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_url):
    context = browser.new_context(base_url=live_url, locale="nb-NO", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def account(live_url):
    """Create a signed-up user with a TOTP device: account(role) -> (user, password)."""
    from tokt.accounts.tests.factories import TEST_PASSWORD, make_user
    from tokt.core.models import Agency

    def _make(role: str = "fagperson"):
        user = make_user(username=f"b{next(_counter)}-{role}", role=role, agency=Agency.objects.get(slug="nav"))
        return user, TEST_PASSWORD

    return _make


def sign_in(page, user, password):
    from tokt.accounts.tests.factories import current_code

    page.goto("/konto/logg-inn/")
    page.get_by_label("Brukernavn").fill(user.username)
    page.get_by_label("Passord").fill(password)
    page.get_by_role("button", name="Logg inn").click()
    page.get_by_label("Engangskode").fill(current_code(user))
    page.get_by_role("button", name="Bekreft").click()
