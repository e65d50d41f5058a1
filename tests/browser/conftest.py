"""Real-browser harness: a live ToKt server and Debian's Chromium driven by Playwright.

Two database modes, chosen by the configured backend:

* SQLite (the default pass): each browser test is marked django_db, so it runs
  inside a transaction that is rolled back afterwards. The live server shares
  the test's in-memory SQLite connection (as Django's LiveServerTestCase does),
  so it sees the test's uncommitted data.
* PostgreSQL (the smoke pass, tests marked ``browser_pg``): a connection cannot
  be shared between threads there, so the live server opens its own connections
  and the tests commit what they create. Nothing is cleaned up (the audit
  triggers forbid TRUNCATE); every test creates uniquely named data and the
  test database is dropped at the end of the session.

Sharing one connection between threads is only safe if the server never uses
it at the same time as another request, and never after the test has given it
back. So the server here (see ``_LiveServer``):

* runs one request at a time (a lock around the WSGI application, including the
  response's close(), where Django's request_finished handlers touch the
  connection);
* lets every test wait at teardown until no request is in flight, so a request
  of one test never runs inside the next test's transaction;
* at shutdown closes idle keep-alive sockets and joins every request thread
  (non-daemon threads, ``block_on_close``) before the connection stops being
  shared. Before this, a request thread could still run ``close_request ->
  connections.close_all()`` after ``dec_thread_sharing()`` and fail with
  "DatabaseWrapper objects created in a thread can only be used in that same
  thread" under load.
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import threading
import uuid

import pytest
from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.servers.basehttp import ThreadedWSGIServer
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
IDLE_TIMEOUT = 60  # seconds a test's teardown waits for its last request to finish
_counter = itertools.count(1)
# Unique per run, so that data committed on PostgreSQL never collides.
_RUN = uuid.uuid4().hex[:6]


def _on_postgres() -> bool:
    return settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def pytest_collection_modifyitems(config, items):
    postgres = _on_postgres()
    for item in items:
        if "tests/browser/" not in str(item.fspath):
            continue
        item.add_marker(pytest.mark.browser)
        if not postgres:
            item.add_marker(pytest.mark.django_db)
        elif item.get_closest_marker("browser_pg"):
            item.fixturenames.insert(0, "_committed_db")
        else:
            item.fixturenames.insert(0, "_not_on_postgres")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """PostgreSQL mode: also create the test database when no collected test is marked django_db.

    pytest-django creates only the databases that django_db-marked tests name,
    and the PostgreSQL browser tests are deliberately unmarked (they must not
    run inside a transaction the live server cannot see).
    """
    if not _on_postgres() or str(connections["default"].settings_dict["NAME"]).startswith("test_"):
        yield
        return
    from django.test.utils import setup_databases, teardown_databases

    with django_db_blocker.unblock():
        created = setup_databases(verbosity=0, interactive=False, aliases={"default"})
    yield
    with django_db_blocker.unblock():
        teardown_databases(created, verbosity=0)


@pytest.fixture
def _committed_db(django_db_blocker):
    """PostgreSQL mode: database access without a wrapping transaction (see the module docstring)."""
    with django_db_blocker.unblock():
        yield


@pytest.fixture
def _not_on_postgres(request):
    pytest.fail(
        f"{request.node.nodeid} relies on a rolled-back transaction shared with the live server, "
        "which only works on SQLite; mark it browser_pg only if it commits uniquely named data."
    )


class _Gate:
    """One request at a time, and a way to wait until none is in flight."""

    def __init__(self) -> None:
        self._serial = threading.Lock()
        self._state = threading.Condition()
        self._active = 0

    def enter(self) -> None:
        with self._state:
            self._active += 1
        self._serial.acquire()

    def leave(self) -> None:
        self._serial.release()
        with self._state:
            self._active -= 1
            self._state.notify_all()

    def wait_idle(self, timeout: float) -> bool:
        with self._state:
            return self._state.wait_for(lambda: self._active == 0, timeout)


class _GatedResponse:
    """Hold the gate until the server has sent and closed the response."""

    def __init__(self, result, leave) -> None:
        self._result, self._leave = result, leave

    def __iter__(self):
        return iter(self._result)

    def close(self) -> None:
        try:
            if hasattr(self._result, "close"):
                self._result.close()
        finally:
            self._leave()


class _GatedApp:
    def __init__(self, app, gate: _Gate) -> None:
        self._app, self._gate = app, gate

    def __call__(self, environ, start_response):
        self._gate.enter()
        try:
            result = self._app(environ, start_response)
        except BaseException:
            self._gate.leave()
            raise
        return _GatedResponse(result, self._gate.leave)


class _LiveServer(ThreadedWSGIServer):
    """Django's threaded test server, but its request threads are tracked and joined on close."""

    daemon_threads = False
    block_on_close = True

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()

    def process_request(self, request, client_address):
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request):
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def server_close(self):
        # A keep-alive connection's thread waits for the next request; end the
        # wait so that the join in ThreadingMixIn.server_close() returns.
        with self._open_lock:
            waiting = list(self._open)
        for request in waiting:
            try:
                request.shutdown(socket.SHUT_RD)
            except OSError:
                pass  # already closed by the client
        super().server_close()


class _LiveServerThread(LiveServerThread):
    server_class = _LiveServer

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.gate = _Gate()
        static_handler = self.static_handler
        self.static_handler = lambda app: _GatedApp(static_handler(app), self.gate)


@pytest.fixture(scope="session")
def _live_server(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        name = str(connections["default"].settings_dict["NAME"])
        assert "memory" in name or "test" in name, f"refusing to run browser tests against {name}"
        expected = os.environ.get("TOKT_EXPECT_DB_VENDOR")
        vendor = connections["default"].vendor
        assert not expected or vendor == expected, f"browser tests run on {vendor}, expected {expected}"
        shared = {}
        for conn in connections.all():
            if conn.vendor == "sqlite" and conn.is_in_memory_db():
                conn.inc_thread_sharing()
                shared[conn.alias] = conn
        thread = _LiveServerThread("127.0.0.1", StaticFilesHandler, connections_override=shared, port=0)
        thread.start()
        thread.is_ready.wait()
        try:
            if thread.error:
                raise thread.error
            yield thread
        finally:
            # Order matters: stop serving and join every request thread while
            # the connection is still shared, then stop sharing it.
            thread.terminate()
            for conn in shared.values():
                conn.dec_thread_sharing()


@pytest.fixture(scope="session")
def live_url(_live_server):
    return f"http://127.0.0.1:{_live_server.port}"


@pytest.fixture(autouse=True)
def _live_server_idle(request):
    """After each browser test (its contexts are closed by then), wait for its last request."""
    yield
    if "_live_server" in request.fixturenames:
        server = request.getfixturevalue("_live_server")
        assert server.gate.wait_idle(IDLE_TIMEOUT), f"the live server was still busy {IDLE_TIMEOUT}s after the test"


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
        username = f"b{next(_counter)}-{_RUN}-{role}"
        user = make_user(username=username, role=role, agency=Agency.objects.get(slug="nav"))
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
