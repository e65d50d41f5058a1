"""The workers' self-check: data files complete, answers through the screening engine, no cookie, nothing stored."""

from __future__ import annotations

import pytest
from django.utils.html import escape

from tokt.public.pages import current_site
from tokt.screening.engine import State, load_catalogue
from tokt.selfcheck.engine import assess_answers, indicator_states
from tokt.selfcheck.texts import AREAS, CONTACTS, KEYS, POSITIONS, languages, questions, texts

PUBLIC_LANGS = list(current_site().languages)
ALL_YES = {q.id: "yes" for q in questions()}


def test_every_indicator_of_the_mapping_exists_in_the_catalogue():
    catalogue = load_catalogue()
    ids = [i for q in questions() for i in q.indicators]
    assert ids and all(i in catalogue.indicators for i in ids), set(ids) - set(catalogue.indicators)
    assert {q.area for q in questions()} <= set(AREAS)


def test_there_is_a_text_file_for_every_public_language():
    assert set(languages()) == set(PUBLIC_LANGS)


@pytest.mark.parametrize("lang", PUBLIC_LANGS)
def test_every_language_fills_every_text(lang):
    t = texts(lang)
    for key in KEYS:
        assert isinstance(t.get(key), str) and t[key].strip(), key
    assert set(t["questions"]) == {q.id for q in questions()}
    assert set(t["areas"]) == set(AREAS) and set(t["area_names"]) == set(AREAS)
    assert set(t["positions"]) == set(POSITIONS)
    assert set(t["contacts"]) == set(CONTACTS)
    assert t["machine_assisted"] is (lang != "nb")


def test_one_yes_wins_over_a_no_on_the_same_indicator_and_unknown_is_never_no():
    states = indicator_states({"pay": "no", "watched": "unknown"})
    assert states["EXP04"] is State.NOT_OBSERVED
    assert states["CD03"] is State.UNKNOWN
    assert indicator_states({})["CD01"] is State.UNKNOWN


def test_the_engine_places_strong_signs_higher_than_none():
    none = assess_answers({q.id: "no" for q in questions()})
    many = assess_answers(ALL_YES)
    assert none.areas == () and not none.danger
    assert POSITIONS.index(many.position) >= POSITIONS.index("forced_labour") and many.danger
    assert POSITIONS.index(none.position) < POSITIONS.index(many.position)
    assert set(many.areas) == {q.area for q in questions()}


@pytest.mark.django_db
@pytest.mark.parametrize("lang", PUBLIC_LANGS)
def test_the_form_and_the_result_set_no_cookie_and_are_in_the_language(client, lang, confirmed_directory):
    t = texts(lang)
    form = client.get(f"/{lang}/sjekk-arbeid/")
    assert form.status_code == 200 and not form.cookies
    assert form["Cache-Control"] == "no-store"
    body = form.content.decode()
    assert (
        escape(t["questions"]["documents"]) in body and escape(t["machine_note"]) in body and 'id="quick-exit"' in body
    )
    assert 'method="get"' in body
    result = client.get(f"/{lang}/sjekk-arbeid/resultat/", ALL_YES)
    assert result.status_code == 200 and not result.cookies
    body = result.content.decode()
    assert escape(t["areas"]["documents"]) in body and escape(t["positions"][assess_answers(ALL_YES).position]) in body
    assert escape(t["contacts"]["rosa"]["name"]) in body and "tel:112" in body and 'id="quick-exit"' in body
    assert f"/{lang}/tips/" in body


@pytest.mark.django_db
def test_the_romanian_result_shows_the_directory_phone_numbers_and_labels_the_police_line_honestly(
    client, confirmed_directory
):
    body = client.get("/ro/sjekk-arbeid/resultat/", ALL_YES).content.decode()
    assert "02800" in body and escape(texts("ro")["not_free"]) in body
    assert "tel:+4722331160" in body  # ROSA, from the directory
    assert escape(texts("nb")["areas"]["pay"]) not in body and escape(texts("en")["areas"]["pay"]) not in body


@pytest.mark.django_db
def test_no_answer_is_read_as_dont_know_and_a_forged_answer_keeps_the_others(client):
    empty = client.get("/en/sjekk-arbeid/resultat/")
    assert (
        empty.status_code == 200
        and escape(texts("en")["positions"]["insufficient_information"]) in empty.content.decode()
    )
    bad = client.get("/en/sjekk-arbeid/resultat/", {"pay": "yes", "hours": "<script>"})
    body = bad.content.decode()
    assert bad.status_code == 400 and escape(texts("en")["missing_answers"]) in body
    assert 'name="pay" value="yes" checked' in body and "<script>" not in body


@pytest.mark.django_db
def test_nothing_is_stored(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        client.get("/nb/sjekk-arbeid/")
    from tokt.audit.models import AuditEntry

    before = AuditEntry.objects.count()
    client.get("/nb/sjekk-arbeid/resultat/", ALL_YES)
    assert AuditEntry.objects.count() == before


def test_an_unknown_language_is_a_404(client):
    assert client.get("/xx/sjekk-arbeid/").status_code == 404


@pytest.mark.django_db
def test_the_browsers_favicon_request_sets_no_cookie(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 204 and not response.cookies
