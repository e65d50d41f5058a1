from __future__ import annotations

import pytest
from django.urls import reverse

from tokt.directory.models import Actor
from tokt.directory.selectors import actor_search, public_contacts

pytestmark = pytest.mark.django_db


def test_search_filters_by_municipality_service_and_language():
    fauske = {a.slug for a in actor_search(municipality="1841")}
    assert "barnevernvakt_fauske" in fauske and "barnevernvakt_bodo" not in fauske and "rosa" in fauske
    shelters = actor_search(service="shelter")
    assert shelters and all("shelter" in a.services for a in shelters)
    polish = actor_search(language="pl")
    assert polish and all("pl" in a.languages for a in polish)


def test_search_finds_words_in_names_and_descriptions():
    assert "arbeidstilsynet" in [a.slug for a in actor_search(q="Arbeidstilsynet")]
    assert actor_search(q="zzzz-ingen-treff") == []


def test_emergency_numbers_come_first():
    kinds = [a.kind for a in actor_search()]
    assert kinds[0] == "emergency"
    assert kinds == sorted(
        kinds, key=["emergency", "helpline", "municipal", "regional", "network", "national", "resource"].index
    )


def test_public_contacts_hold_only_public_actors_for_the_municipality(confirmed_directory):
    cards = public_contacts("1841", lang="en")
    ids = [c.id for c in cards]
    assert ids[0] == "emergency_police"
    assert "kom" not in ids  # for professionals only
    assert "barnevernvakt_bodo" not in ids
    assert all(Actor.objects.get(slug=i).public for i in ids)
    assert "barnevernvakt_fauske" not in ids  # public, but not verified
    assert cards[0].description == Actor.objects.get(slug="emergency_police").description_en


def test_the_index_filters_from_the_query_string(signed_in, fagperson):
    body = (
        signed_in(fagperson)
        .get(reverse("directory:index") + "?kommune=1804&tjeneste=child_protection")
        .content.decode()
    )
    assert "Barnevernvakta i Bodø" in body and "Barnevernvakta for Fauske og Sørfold" not in body


def test_the_contact_sheet_lists_the_municipalitys_actors(signed_in, fagperson):
    body = signed_in(fagperson).get(reverse("directory:contact_sheet") + "?kommune=1841").content.decode()
    assert "hvem kontakter du i Fauske" in body
    assert "Barnevernvakta for Fauske og Sørfold" in body and "Barnevernvakta i Bodø" not in body
    assert "style=" not in body


def test_public_contacts_are_empty_until_a_coordinator_confirms():
    assert public_contacts(lang="nb") == []
