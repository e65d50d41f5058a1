"""The anonymous tip form: validation, no identities stored, rate limit, cookies and caching."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tokt.public.forms import MESSAGE_MAX
from tokt.public.models import Tip, TipWindow
from tokt.public.pages import current_site

pytestmark = pytest.mark.django_db

URL = reverse("public:tips", kwargs={"lang": "en"})
UI = current_site().strings("en")


def _form_client() -> tuple[Client, str]:
    client = Client(enforce_csrf_checks=True)
    response = client.get(URL)
    token = response.context["csrf_token"] if response.context else client.cookies["csrftoken"].value
    return client, token


def _send(client, token, **data):
    return client.post(URL, {"csrfmiddlewaretoken": token, **data})


def test_the_form_page_sets_no_cookie_and_is_not_stored():
    client = Client()
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies  # nothing survives a quick exit
    body = response.content.decode()
    assert UI["not_for_emergencies"] in body and UI["tip_message_label"] in body


def test_a_tip_is_stored_without_identities_and_without_cookies():
    client, token = _form_client()
    response = client.post(
        URL,
        {"csrfmiddlewaretoken": token, "message": "The boss keeps our passports.", "contact": ""},
        HTTP_USER_AGENT="Agent/1.0",
        REMOTE_ADDR="203.0.113.9",
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )
    assert response.status_code == 303
    assert response["Location"] == reverse("public:tip_sent", kwargs={"lang": "en"})
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies
    tip = Tip.objects.get()
    assert tip.message == "The boss keeps our passports." and tip.lang == "en" and tip.status == "new"
    field_names = {f.name for f in Tip._meta.get_fields()}
    assert field_names == {"id", "message", "contact", "lang", "created_on", "status", "triage_note"}
    stored = " ".join(str(getattr(tip, name)) for name in field_names)
    assert "203.0.113.9" not in stored and "198.51.100.7" not in stored and "Agent/1.0" not in stored
    thanks = client.get(response["Location"])
    assert UI["tip_thanks"] in thanks.content.decode()
    assert thanks["Cache-Control"] == "no-store" and not thanks.cookies


@pytest.mark.parametrize(
    "message, contact, error",
    [
        ("", "", "tip_error_empty"),
        ("   \n ", "", "tip_error_empty"),
        ("x" * (MESSAGE_MAX + 1), "", "tip_error_too_long"),
        ("ok", "y" * 201, "tip_error_too_long"),
        ("<script>alert(1)</script>", "", "tip_error_script"),
        ("see <img src=x onerror=alert(1)>", "", "tip_error_script"),
        ("click javascript:alert(1)", "", "tip_error_script"),
        ("nul \x00 byte", "", "tip_error_script"),
        ("fine", "<b>me</b>", "tip_error_script"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_nothing_is_stored(message, contact, error):
    client, token = _form_client()
    response = _send(client, token, message=message, contact=contact)
    assert response.status_code == 400
    assert UI[error] in response.content.decode()
    assert response["Cache-Control"] == "no-store"
    assert Tip.objects.count() == 0 and TipWindow.objects.count() == 0


def test_ordinary_text_with_symbols_is_accepted():
    client, token = _form_client()
    response = _send(client, token, message="Pay < 100 kr/hour, 3 > 2; <3 & e-mail a@b.no", contact="+47 900 00 000")
    assert response.status_code == 303
    assert Tip.objects.get().contact == "+47 900 00 000"


def test_a_missing_csrf_token_keeps_the_text_and_asks_to_send_again():
    client, _token = _form_client()
    response = client.post(URL, {"message": "Please help"})
    assert response.status_code == 403
    body = response.content.decode()
    assert "Please help" in body and "Send once more" in body
    assert '<html lang="en"' in body
    assert Tip.objects.count() == 0


def test_the_global_rate_limit_refuses_without_knowing_who_sends(settings):
    settings.TOKT_PUBLIC_TIPS_PER_MINUTE = 2
    statuses = []
    for n in range(3):
        client, token = _form_client()  # a fresh "visitor" each time: the limit is global
        statuses.append(_send(client, token, message=f"tip {n}").status_code)
    assert statuses == [303, 303, 429]
    assert Tip.objects.count() == 2
    assert TipWindow.objects.get().count == 2


def test_rate_limit_windows_older_than_an_hour_are_forgotten():
    import datetime as dt

    from django.utils import timezone

    old = timezone.now().replace(second=0, microsecond=0) - dt.timedelta(hours=2)
    TipWindow.objects.create(minute=old, count=5)
    client, token = _form_client()
    assert _send(client, token, message="hello").status_code == 303
    assert list(TipWindow.objects.values_list("count", flat=True)) == [1]


def test_the_tip_page_works_in_every_language(client):
    for code in current_site().languages:
        response = client.get(reverse("public:tips", kwargs={"lang": code}))
        assert response.status_code == 200
        assert current_site().strings(code)["tip_submit"] in response.content.decode()
