"""Every cases URL as every role, in the owning agency and another one, and anonymously.

Outcomes: "ok" (reached the view: 200, 302 to a page, or 400 for a refused form),
403 (the role never works with cases), 404 (this agency has no access: the case,
meeting or referral might as well not exist), and "login" for anonymous visitors.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.url_inventory import all_routes
from tokt.accounts.tests.factories import make_user, sign_in
from tokt.cases import services
from tokt.cases.choices import ConsentScope
from tokt.cases.tests.factories import make_case
from tokt.core.models import Agency
from tokt.directory.models import Actor

pytestmark = pytest.mark.django_db

ROLES = ("fagperson", "koordinator", "administrator", "personvernombud")

# For each URL: the outcome for (owning agency member, other agency's fagperson, other agency's koordinator).
EXPECTED = {
    "cases:list": ("ok", "ok", "ok"),
    "cases:create": ("ok", "ok", "ok"),
    "cases:conferences": ("ok", "ok", "ok"),
    "cases:conference_create": ("ok", "ok", "ok"),
    # Coordinators see every case, pseudonymised; other members do not know it exists.
    "cases:detail": ("ok", 404, "ok"),
    "cases:edit": ("ok", 404, 404),
    "cases:note_add": ("ok", 404, 404),
    "cases:status": ("ok", 404, 404),
    "cases:consent_add": ("ok", 404, 404),
    "cases:consent_withdraw": ("ok", 404, 404),
    "cases:referral_create": ("ok", 404, 404),
    "cases:transfer_request": ("ok", 404, 404),
    "cases:export": ("ok", 404, 404),
    "cases:screening_attach": ("ok", 404, 404),
    # Tips belong to the network, not an agency: every coordinator triages them, nobody else.
    "cases:tip_convert": ({"fagperson": 403, "koordinator": "ok"},) * 3,
    "cases:referral_answer": ("ok", 404, 404),
    "cases:referral_revoke": ("ok", 404, 404),
    "cases:referral_letter": ("ok", 404, 404),
    # The transfer is addressed to a third agency: neither of these may answer it.
    "cases:transfer_answer": (404, 404, 404),
    "cases:action_done": ("ok", 404, 404),
    "cases:conference": ("ok", 404, 404),
    "cases:agenda_add": ("ok", 404, 404),
    "cases:attendance": ("ok", 404, 404),
    "cases:conference_close": ("ok", 404, 404),
    "cases:item_record": ("ok", 404, 404),
    "cases:action_add": ("ok", 404, 404),
    "cases:conference_pdf": ("ok", 404, 404),
}


@pytest.fixture
def world():
    nav = Agency.objects.get(slug="nav")
    police = Agency.objects.get(slug="politiet-nordland")
    crisis = Agency.objects.get(slug="krisesenter-salten")
    people = {}
    for agency, tag in ((nav, "own"), (police, "other")):
        for role in ROLES:
            people[(tag, role)] = make_user(username=f"{tag}-{role}", role=role, agency=agency)
    owner = people[("own", "fagperson")]
    case = make_case(owner, note="Møtt på kaia, trenger tolk.")
    actor = Actor.objects.order_by("pk").first()
    consent = services.consent_record(
        user=owner, case=case, scope=ConsentScope.DETAILS, given_on=timezone.localdate(), actors=[actor]
    )
    referral = services.referral_send(user=owner, case=case, actor=actor)
    transfer = services.transfer_request(user=owner, case=case, to_agency=crisis)
    conference = services.conference_create(
        user=owner, title="Drøftingsmøte desember", date=timezone.localdate(), place="Bodø"
    )
    other_case = make_case(owner)
    item = services.agenda_add(user=owner, conference=conference, case=other_case)
    action = services.action_add(
        user=owner, item=item, description="Kontakte tolketjenesten", owner_agency=nav, due_on=timezone.localdate()
    )
    from tokt.public.models import Tip

    tip = Tip.objects.create(message="Noen jobber nattskift uten lønn.", lang="nb")
    kwargs = {
        "tip_id": tip.pk,
        "case_id": case.public_id,
        "consent_id": consent.pk,
        "referral_id": referral.public_id,
        "transfer_id": transfer.pk,
        "action_id": action.pk,
        "conference_id": conference.public_id,
        "item_id": item.pk,
        "kind": "agenda",
    }
    return people, kwargs


def _routes():
    return [r for r in all_routes() if r.name.startswith("cases:")]


def test_every_cases_url_has_an_expectation():
    assert sorted(r.name for r in _routes()) == sorted(EXPECTED)


def _outcome(response) -> object:
    if response.status_code == 302 and response["Location"].startswith(reverse("accounts:login")):
        return "login"
    if response.status_code in (403, 404):
        return response.status_code
    assert response.status_code in (200, 302, 400), response.status_code
    return "ok"


def _request(client, route, url):
    """GET where the view allows it, else POST with an empty form (nothing valid is changed)."""
    response = client.get(url)
    if response.status_code == 405:
        response = client.post(url, {})
    return response


def _expected(tag: str, role: str, name: str):
    if role in ("administrator", "personvernombud"):
        return 403
    own, other_fag, other_koord = EXPECTED[name]
    want = own if tag == "own" else (other_koord if role == "koordinator" else other_fag)
    return want[role] if isinstance(want, dict) else want


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("tag", ["own", "other"])
def test_access_matrix(world, tag, role):
    people, kwargs = world
    client = Client()
    sign_in(client, people[(tag, role)])
    got, want = {}, {}
    for route in _routes():
        url = reverse(route.name, kwargs={k: kwargs[k] for k in route.converters})
        got[route.name] = _outcome(_request(client, route, url))
        want[route.name] = _expected(tag, role, route.name)
    assert got == want


def test_anonymous_visitors_are_sent_to_login_on_every_cases_url(world):
    _people, kwargs = world
    client = Client()
    for route in _routes():
        url = reverse(route.name, kwargs={k: kwargs[k] for k in route.converters})
        assert _outcome(_request(client, route, url)) == "login", route.name


def test_a_case_cannot_be_reached_by_its_number(world, client):
    people, kwargs = world
    sign_in(client, people[("own", "fagperson")])
    from tokt.cases.models import Case

    case = Case.objects.get(public_id=kwargs["case_id"])
    for guess in (str(case.pk), case.code, case.public_id[:-1] + ("A" if case.public_id[-1] != "A" else "B")):
        assert client.get(reverse("cases:detail", kwargs={"case_id": guess.replace("-", "")})).status_code == 404
    assert len(case.public_id) >= 20


def test_old_dates_do_not_matter_to_access(world):
    """A sanity check on the fixture: the action is not overdue yet, so nothing depends on time."""
    _people, kwargs = world
    from tokt.cases.models import Action

    assert Action.objects.get(pk=kwargs["action_id"]).due_on >= timezone.localdate() - dt.timedelta(days=1)
