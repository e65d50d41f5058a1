"""A browser smoke test that runs on both backends, and on PostgreSQL in scripts/test.sh.

On PostgreSQL the live server has its own connections (see conftest), so these
tests prove that what the test commits is what the server reads, and that the
server's own writes (sign-in, audit entries) commit there. They create only
uniquely named data and leave it behind.
"""

from __future__ import annotations

import pytest
from django.db import connection
from playwright.sync_api import expect

from tests.browser.axe import assert_accessible_at_widths
from tests.browser.conftest import sign_in

pytestmark = pytest.mark.browser_pg


def test_a_coordinator_signs_in_reads_and_signs_out(page, account):
    from tokt.audit.models import AuditEntry

    before = AuditEntry.objects.count()
    user, password = account("koordinator")
    sign_in(page, user, password)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Velkommen")
    page.goto("/kunnskap/")
    page.get_by_role("button", name="Logg ut").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Logg inn")
    # The server's writes (sign-in, sign-out) are visible to the test's own connection.
    assert AuditEntry.objects.count() >= before + 2, f"the sign-in was not audited on {connection.vendor}"


def test_the_login_and_knowledge_pages_are_accessible(page):
    page.goto("/konto/logg-inn/")
    assert_accessible_at_widths(page, where="login")
    page.goto("/kunnskap/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible_at_widths(page, where="knowledge index")
