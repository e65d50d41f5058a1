"""The PII guard, with generated valid and invalid numbers (no Django needed)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from tokt.cases import pii
from tokt.cases.pii import Kind, find_pii

_K1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_K2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def _check(digits: str, weights) -> int | None:
    c = (11 - sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11) % 11
    return None if c == 10 else c


@st.composite
def fodselsnummer(draw, d_number: bool = False):
    """A number built the way Folkeregisteret builds one; draws again when a check digit would be 10."""
    born = draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2039, 12, 31)))
    day = born.day + (40 if d_number else 0)
    base = f"{day:02d}{born.month:02d}{born.year % 100:02d}{draw(st.integers(0, 999)):03d}"
    k1 = _check(base, _K1)
    k2 = _check(base + str(k1), _K2) if k1 is not None else None
    from hypothesis import assume

    assume(k1 is not None and k2 is not None)
    return f"{base}{k1}{k2}"


@st.composite
def iban_no(draw):
    bban = "".join(str(draw(st.integers(0, 9))) for _ in range(11))
    numeric = "".join(str(int(ch, 36)) for ch in bban + "NO00")
    check = 98 - int(numeric) % 97
    return f"NO{check:02d}{bban}"


@st.composite
def account_number(draw):
    from hypothesis import assume

    base = "".join(str(draw(st.integers(0, 9))) for _ in range(10))
    c = (11 - sum(int(d) * w for d, w in zip(base, (5, 4, 3, 2, 7, 6, 5, 4, 3, 2), strict=True)) % 11) % 11
    assume(c != 10)
    return base + str(c)


def _kinds(text):
    return [f.kind for f in find_pii(text)]


@settings(deadline=None)
@given(fodselsnummer())
def test_a_valid_fodselsnummer_is_found(number):
    assert _kinds(f"Personen har fnr {number} oppgitt.") == [Kind.FODSELSNUMMER]


@settings(deadline=None)
@given(fodselsnummer(d_number=True))
def test_a_valid_d_number_is_found(number):
    assert _kinds(f"D-nr {number}") == [Kind.D_NUMBER]


@settings(deadline=None)
@given(fodselsnummer(), st.integers(1, 9))
def test_a_wrong_check_digit_is_not_called_a_fodselsnummer(number, delta):
    wrong = number[:10] + str((int(number[10]) + delta) % 10)
    assert not pii.fnr_check_digits_ok(wrong)
    # Still refused, as a long run of digits: 11 digits never belong in a case.
    assert _kinds(wrong) in ([Kind.DIGITS], [Kind.ACCOUNT])


@settings(deadline=None)
@given(fodselsnummer())
def test_a_fodselsnummer_split_by_a_space_is_found(number):
    assert _kinds(f"{number[:6]} {number[6:]}") == [Kind.FODSELSNUMMER]


@settings(deadline=None)
@given(iban_no())
def test_a_valid_iban_is_found(iban):
    spaced = " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
    assert _kinds(f"betalt til {spaced}") == [Kind.IBAN]
    assert pii.iban_ok(iban)


@settings(deadline=None)
@given(iban_no(), st.integers(1, 9))
def test_an_iban_with_a_wrong_check_fails_mod_97(iban, delta):
    wrong = iban[:-1] + str((int(iban[-1]) + delta) % 10)
    assert not pii.iban_ok(wrong)


@settings(deadline=None)
@given(account_number())
def test_a_valid_account_number_is_found(number):
    if pii.fodselsnummer_kind(number) is None:
        assert _kinds(f"konto {number[:4]}.{number[4:6]}.{number[6:]}") == [Kind.ACCOUNT]


@settings(deadline=None)
@given(st.sampled_from(["412 34 567", "+47 412 34 567", "0047 91234567", "+48 601 234 567", "+49 30 901820"]))
def test_phone_numbers_norwegian_and_foreign_are_found(number):
    assert _kinds(f"ring {number} etter kl 16") == [Kind.PHONE]


@settings(deadline=None)
@given(st.emails())
def test_email_addresses_are_found(address):
    assert Kind.EMAIL in _kinds(f"skriv til {address} i dag")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Nd",), blacklist_characters="@"), max_size=200))
def test_text_without_digits_or_at_signs_is_never_refused(text):
    assert find_pii(text) == []


def test_ordinary_case_text_passes():
    text = "Tre personer, 25-30 år, møtt 3. desember 2026 på kaia. Jobber 12 timer om dagen for 50 kr timen."
    assert find_pii(text) == []


def test_a_long_digit_run_is_refused_and_short_numbers_are_not():
    assert _kinds("referanse 12345678901234") == [Kind.DIGITS]
    assert _kinds("rom 12, 2026") == []


def test_the_message_names_what_and_where_without_repeating_the_number():
    from tokt.cases import textcheck

    [message] = textcheck.problems("Notat", "Ring 412 34 567.")
    assert "telefonnummer" in message and "«Notat»" in message and "tegn 6–15" in message
    assert "412 34 567" not in message


def test_script_tags_and_oversized_text_are_refused():
    from tokt.cases import textcheck

    assert "HTML" in textcheck.problems("Notat", "<script>alert(1)</script>")[0]
    assert "for lang" in textcheck.problems("Notat", "a" * 6000)[0]
