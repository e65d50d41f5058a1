from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

READ_URLS = [
    ("directory:index", {}),
    ("directory:referral", {}),
    ("directory:situation", {"slug": "minor"}),
    ("directory:contact_sheet", {}),
    ("directory:meetings", {}),
    ("directory:actor_detail", {"slug": "rosa"}),
    ("directory:actor_history", {"slug": "rosa"}),
]
EDIT_GET_URLS = [
    ("directory:actor_edit", {"slug": "rosa"}),
    ("directory:stale", {}),
    ("directory:meeting_create", {}),
    ("directory:hsds_export", {}),
    ("directory:hsds_import", {}),
]


@pytest.mark.parametrize(("name", "kwargs"), READ_URLS + EDIT_GET_URLS)
def test_anonymous_visitors_are_sent_to_login(client, name, kwargs):
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize(("name", "kwargs"), READ_URLS)
def test_a_fagperson_reads_the_directory(signed_in, fagperson, name, kwargs):
    assert signed_in(fagperson).get(reverse(name, kwargs=kwargs)).status_code == 200


@pytest.mark.parametrize(("name", "kwargs"), EDIT_GET_URLS)
def test_a_fagperson_cannot_open_the_editing_pages(signed_in, fagperson, name, kwargs):
    assert signed_in(fagperson).get(reverse(name, kwargs=kwargs)).status_code == 403


def test_a_fagperson_cannot_edit_or_confirm_an_actor(signed_in, fagperson):
    from tokt.directory.models import Actor

    client = signed_in(fagperson)
    before = Actor.objects.get(slug="rosa")
    assert client.post(reverse("directory:actor_edit", kwargs={"slug": "rosa"}), {"name": "X"}).status_code == 403
    assert client.post(reverse("directory:actor_verify", kwargs={"slug": "rosa"})).status_code == 403
    after = Actor.objects.get(slug="rosa")
    assert (after.name, after.last_verified) == (before.name, before.last_verified)


@pytest.mark.parametrize(("name", "kwargs"), READ_URLS + EDIT_GET_URLS)
def test_a_koordinator_opens_every_page(signed_in, koordinator, name, kwargs):
    assert signed_in(koordinator).get(reverse(name, kwargs=kwargs)).status_code == 200


def test_the_data_protection_officer_does_not_read_the_directory(signed_in, personvernombud):
    assert signed_in(personvernombud).get(reverse("directory:index")).status_code == 403


def test_unknown_actor_is_404(signed_in, fagperson):
    assert (
        signed_in(fagperson).get(reverse("directory:actor_detail", kwargs={"slug": "finnes_ikke"})).status_code == 404
    )


def test_confirming_needs_post(signed_in, koordinator):
    assert signed_in(koordinator).get(reverse("directory:actor_verify", kwargs={"slug": "rosa"})).status_code == 405
