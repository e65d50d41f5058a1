"""Pay check: a rate is used only when verified and valid today; an expired rate is refused, never guessed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils.html import escape

from tokt.selfcheck import views
from tokt.selfcheck.pay import SECTORS, Rate, RateStatus, check_pay, default_rates, parse_wage
from tokt.selfcheck.texts import pay_texts

VERIFIED = Rate(
    sector="cleaning",
    group="adults",
    nok_per_hour=Decimal("236.54"),
    valid_from=dt.date(2025, 6, 15),
    valid_to=dt.date(2026, 6, 14),
    source="test source",
    verified_by="Synthetic Coordinator",
    verified_on=dt.date(2025, 6, 20),
)
RATES = {"cleaning": VERIFIED}


def test_a_verified_valid_rate_is_compared():
    low = check_pay("cleaning", Decimal("200"), today=dt.date(2026, 1, 10), rates=RATES)
    assert low.status is RateStatus.USABLE and low.below is True and low.shortfall == Decimal("36.54")
    ok = check_pay("cleaning", Decimal("240"), today=dt.date(2026, 1, 10), rates=RATES)
    assert ok.below is False and ok.shortfall is None


def test_an_expired_rate_is_refused():
    result = check_pay("cleaning", Decimal("200"), today=dt.date(2026, 6, 15), rates=RATES)
    assert result.status is RateStatus.EXPIRED and result.below is None and result.shortfall is None


def test_a_rate_not_yet_valid_or_unverified_or_missing_is_not_used():
    assert check_pay("cleaning", Decimal("1"), today=dt.date(2025, 6, 14), rates=RATES).below is None
    unverified = Rate(**{**VERIFIED.__dict__, "verified_by": None})
    result = check_pay("cleaning", Decimal("1"), today=dt.date(2026, 1, 1), rates={"cleaning": unverified})
    assert result.status is RateStatus.UNVERIFIED and result.below is None
    assert check_pay("agriculture", Decimal("1"), today=dt.date(2026, 1, 1), rates=RATES).status is RateStatus.MISSING


def test_the_data_file_covers_the_sectors_and_names_a_source_for_every_rate():
    rates = default_rates()
    assert set(rates) == set(SECTORS)
    for rate in rates.values():
        assert rate.source.strip()
        if rate.nok_per_hour is not None:
            assert rate.valid_from and rate.valid_to and rate.valid_from < rate.valid_to


@pytest.mark.parametrize(
    ("text", "value"),
    [("212", "212.00"), ("212,50", "212.50"), (" 212.5 kr", "212.50"), ("1 200", "1200.00")],
)
def test_wages_are_read_in_the_ways_people_write_them(text, value):
    assert parse_wage(text) == Decimal(value)


@pytest.mark.parametrize("text", ["", "abc", "-5", "NaN", "Infinity", "1e9", "99999"])
def test_nonsense_wages_are_refused(text):
    assert parse_wage(text) is None


@pytest.mark.django_db
def test_the_page_says_an_expired_rate_is_not_used_instead_of_guessing(client, monkeypatch):
    monkeypatch.setattr(views, "check_pay", lambda s, w, today: check_pay(s, w, today=today, rates=RATES))
    monkeypatch.setattr(views, "_today", lambda: dt.date(2026, 12, 4))
    response = client.get("/ro/sjekk-arbeid/lonn/", {"sector": "cleaning", "wage": "200"})
    body = response.content.decode()
    ro = pay_texts("ro")[0]
    assert response.status_code == 200 and not response.cookies
    assert escape(ro["expired"].format(valid_to="2026-06-14")) in body and "236.54" not in body


@pytest.mark.django_db
def test_the_page_compares_with_a_valid_verified_rate_and_names_the_source(client, monkeypatch):
    monkeypatch.setattr(views, "check_pay", lambda s, w, today: check_pay(s, w, today=today, rates=RATES))
    monkeypatch.setattr(views, "_today", lambda: dt.date(2026, 1, 10))
    body = client.get("/pl/sjekk-arbeid/lonn/", {"sector": "cleaning", "wage": "200,00"}).content.decode()
    assert escape(pay_texts("pl")[0]["below"].format(rate="236.54", short="36.54")) in body
    assert "test source" in body


@pytest.mark.django_db
def test_bad_input_gets_a_message_in_the_language_and_keeps_what_was_typed(client):
    response = client.get("/lt/sjekk-arbeid/lonn/", {"sector": "mining", "wage": "daug"})
    body = response.content.decode()
    lt = pay_texts("lt")[0]
    assert response.status_code == 400
    assert escape(lt["bad_wage"]) in body and escape(lt["bad_sector"]) in body and 'value="daug"' in body


@pytest.mark.django_db
def test_a_language_without_pay_texts_shows_english_marked_as_english(client):
    body = client.get("/vi/sjekk-arbeid/lonn/").content.decode()
    assert '<div lang="en">' in body and pay_texts("en")[0]["title"] in body
