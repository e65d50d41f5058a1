import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_accessibility_statement_lists_wcag_criteria_and_review_date(client):
    response = client.get(reverse("core:accessibility"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "1.4.3 Kontrast (minimum)" in body and "4.1.3 Statusbeskjeder" in body
    assert "Sist gjennomgått" in body and "2026" in body
    assert "Kjente avvik" in body


def test_every_page_links_the_accessibility_statement(client, signed_in, fagperson):
    link = reverse("core:accessibility")
    assert link in client.get(reverse("accounts:login")).content.decode()
    assert link in signed_in(fagperson).get(reverse("core:home")).content.decode()
    assert link in client.get("/finnes-ikke/").content.decode()


def test_navigation_depends_on_role(signed_in, administrator, personvernombud):
    admin_page = signed_in(administrator).get(reverse("core:home")).content.decode()
    assert reverse("accounts:user_list") in admin_page and reverse("audit:list") not in admin_page


def test_navigation_for_the_data_protection_officer(signed_in, personvernombud):
    page = signed_in(personvernombud).get(reverse("core:home")).content.decode()
    assert reverse("audit:list") in page and reverse("accounts:user_list") not in page


def test_english_is_available_through_the_language_switcher(client, signed_in, fagperson):
    client = signed_in(fagperson)
    response = client.post(reverse("set_language"), {"language": "en", "next": reverse("core:home")}, follow=True)
    body = response.content.decode()
    assert '<html lang="en"' in body
    assert "Sign out" in body


def test_forms_work_when_the_browser_sends_a_null_origin(db):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    page = client.get(reverse("accounts:login"))
    token = page.cookies["csrftoken"].value
    response = client.post(
        reverse("accounts:login"), {"username": "x", "password": "y", "csrfmiddlewaretoken": token}, HTTP_ORIGIN="null"
    )
    assert response.status_code == 200  # the form answered, no CSRF failure


def test_a_foreign_origin_or_missing_token_is_still_refused(db):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    token = client.get(reverse("accounts:login")).cookies["csrftoken"].value
    foreign = client.post(
        reverse("accounts:login"),
        {"username": "x", "password": "y", "csrfmiddlewaretoken": token},
        HTTP_ORIGIN="https://evil.example",
    )
    assert foreign.status_code == 403 and "Skjemaet er utløpt" in foreign.content.decode()
    no_token = client.post(reverse("accounts:login"), {"username": "x", "password": "y"}, HTTP_ORIGIN="null")
    assert no_token.status_code == 403


def test_the_csrf_middleware_in_use_is_djangos_own_subclass(settings):
    from django.middleware.csrf import CsrfViewMiddleware
    from django.utils.module_loading import import_string

    classes = [import_string(m) for m in settings.MIDDLEWARE]
    csrf = [
        f"{c.__module__}.{c.__name__}" for c in classes if isinstance(c, type) and issubclass(c, CsrfViewMiddleware)
    ]
    assert csrf == ["tokt.core.csrf.NoReferrerCsrfViewMiddleware"]


def test_norwegian_is_the_default_whatever_the_browser_asks_for(client):
    response = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="nb"' in response.content.decode()
