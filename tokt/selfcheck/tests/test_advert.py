"""Advert aid: every rule has synthetic adverts that must and must not trigger it; nothing is stored."""

from __future__ import annotations

import pytest

from tokt.selfcheck.advert import find_signals, load_rules

# Synthetic adverts (invented for these tests). Each rule: texts that must trigger it, texts that must not.
CASES = {
    "travel_housing_paid": (
        [
            "Jobb på fiskebruk i Nord-Norge. Gratis reise og bolig!",
            "Fish factory work, free travel and accommodation provided.",
            "Praca w Norwegii, darmowy przejazd i zakwaterowanie.",
            "Muncă în Norvegia, transportul și cazarea sunt gratuite.",
        ],
        [
            "Du må selv betale reise. Bolig kan leies i byen.",
            "Travel costs are your own responsibility.",
            "Koszt przejazdu pokrywa pracownik.",
            "Costul drumului îl plătește fiecare.",
        ],
    ),
    "no_experience": (
        [
            "Ingen erfaring nødvendig!",
            "No experience needed, start tomorrow.",
            "Praca bez doświadczenia.",
            "Nu este necesară experiență.",
        ],
        [
            "Minst to års erfaring kreves.",
            "Experience with forklifts required.",
            "Wymagane doświadczenie.",
            "Experiență de minim 2 ani.",
        ],
    ),
    "pay_far_above_normal": (
        [
            "Tjen opptil 30 000 kr i uka!",
            "Earn up to 2,000 EUR per week.",
            "Zarabiaj do 9000 zł na tydzień!",
            "Câștigi până la 1500 euro pe săptămână.",
        ],
        [
            "Lønn etter tariff, 250 kr timen.",
            "Pay according to the collective agreement.",
            "Wynagrodzenie zgodne z umową.",
            "Salariu conform contractului.",
        ],
    ),
    "cash_only": (
        ["Betaling kun kontant.", "Cash only, no questions.", "Płatne tylko gotówką.", "Plata doar cash la final."],
        [
            "Lønn til konto den 20. hver måned.",
            "Salary paid to your bank account.",
            "Wypłata na konto.",
            "Salariul se plătește în cont.",
        ],
    ),
    "new_in_town": (
        ["Ny i byen, ring meg.", "New in town, only a few days!", "Nowa w mieście.", "Nouă în oraș, sună-mă."],
        ["Jeg har bodd i Bodø i ti år.", "Local business since 1990.", "Mieszkam tu od lat.", "Locuiesc aici de mult."],
    ),
    "third_person": (
        [
            "Hun er søt og snill, ring for avtale.",
            "She is waiting for you tonight.",
            "Ona czeka na ciebie.",
            "Ea te așteaptă diseară.",
        ],
        [
            "Jeg er selvstendig og bestemmer selv.",
            "I am independent and set my own terms.",
            "Jestem niezależna.",
            "Sunt independentă.",
        ],
    ),
    "age_hint": (
        ["Ung og fersk jente.", "Young and fresh, 18 years old.", "Młoda dziewczyna, 18 lat.", "Tânără, 18 ani."],
        ["Moden dame, 45 år.", "Mature lady, 42 years.", "Dojrzała kobieta.", "Femeie matură, 40 de ani."],
    ),
}


def _ids(text: str) -> set[str]:
    return {hit.rule.id for hit in find_signals(text)}


def test_every_rule_has_cases_and_every_case_names_a_rule():
    assert {r.id for r in load_rules().rules} == set(CASES)
    assert load_rules().version


@pytest.mark.parametrize(("rule", "text"), [(r, t) for r, (must, _) in CASES.items() for t in must])
def test_the_rule_triggers(rule, text):
    assert rule in _ids(text)


@pytest.mark.parametrize(("rule", "text"), [(r, t) for r, (_, must_not) in CASES.items() for t in must_not])
def test_the_rule_does_not_trigger(rule, text):
    assert rule not in _ids(text)


def test_every_rule_has_nb_and_en_texts_and_patterns_in_four_languages():
    import yaml

    from tokt.selfcheck.advert import RULES

    for raw in yaml.safe_load(RULES.read_text(encoding="utf-8"))["rules"]:
        assert raw["signal"]["nb"] and raw["signal"]["en"] and raw["reason"]["nb"] and raw["reason"]["en"]
        assert set(raw["patterns"]) == {"nb", "en", "pl", "ro"}


@pytest.mark.django_db
def test_the_data_protection_officer_is_not_a_member_of_outreach(client, signed_in, personvernombud):
    assert client.get("/oppsokende/annonse/").status_code == 302
    signed_in(personvernombud)
    assert client.get("/oppsokende/annonse/").status_code == 403


@pytest.mark.django_db
def test_the_aid_is_for_members_and_highlights_with_reasons(client, signed_in, fagperson):
    signed_in(fagperson)
    assert client.get("/oppsokende/annonse/").status_code == 200
    response = client.post("/oppsokende/annonse/", {"text": "Ny i byen <b>Gratis reise og bolig</b>, kun kontant."})
    body = response.content.decode()
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    assert '<mark data-rule="travel_housing_paid">' in body and '<mark data-rule="cash_only">' in body
    assert "<b>" not in body and "&lt;b&gt;" in body


@pytest.mark.django_db
def test_empty_and_too_long_texts_get_a_message(client, signed_in, fagperson):
    signed_in(fagperson)
    assert client.post("/oppsokende/annonse/", {"text": "  "}).status_code == 400
    long = client.post("/oppsokende/annonse/", {"text": "x" * 6000})
    assert long.status_code == 400 and "x" * 100 in long.content.decode()
