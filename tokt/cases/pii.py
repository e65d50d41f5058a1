"""The PII guard: finds identifying numbers and addresses in free text before it is saved.

Plain Python, no Django. Each rule is one function named after what it finds,
with the published rule it implements in its docstring. ``find_pii`` runs them
all and returns the findings in text order; a finding inside a longer one (an
account number's digits as a "digit run") is dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

import phonenumbers


class Kind(StrEnum):
    FODSELSNUMMER = "fodselsnummer"
    D_NUMBER = "d_number"
    PHONE = "phone"
    EMAIL = "email"
    IBAN = "iban"
    ACCOUNT = "account"
    DIGITS = "digits"


@dataclass(frozen=True)
class Finding:
    kind: Kind
    start: int
    end: int

    def masked(self, text: str) -> str:
        """The finding with its middle hidden, so the message does not repeat the number."""
        found = text[self.start : self.end]
        if len(found) <= 4:
            return "…"
        return f"{found[:2]}…{found[-2:]}"


# Digit groups joined by at most one space, dot or dash: "010190 12345", "1234.56.78903".
_DIGITS = re.compile(r"(?<![\w])\d(?:[ .\-]?\d)+(?![\w])")
# RFC 5322 "atext" in the local part, so unusual but valid addresses are caught too.
_EMAIL = re.compile(r"[\w.!#$%&'*+/=?^`{|}~\-]+@[\w\-]+(?:\.[\w\-]+)+", re.UNICODE)
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b")
LONG_DIGIT_RUN = 7


def _only_digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _mod11(digits: str, weights: tuple[int, ...]) -> int | None:
    """The mod-11 check digit for ``digits`` with ``weights``; None where no digit is valid (remainder 1)."""
    rest = sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
    check = (11 - rest) % 11
    return None if check == 10 else check


_FNR_K1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_FNR_K2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def fnr_check_digits_ok(number: str) -> bool:
    """Skatteetaten's two mod-11 control digits of an 11-digit fødselsnummer or D-number.

    k1 = 11 - (3d1 + 7d2 + 6m1 + m2 + 8å1 + 9å2 + 4i1 + 5i2 + 2i3) mod 11, and k2 likewise
    with weights 5 4 3 2 7 6 5 4 3 2 over the first ten digits; a remainder giving 10 is
    never issued. (Folkeregisteret, "Fødselsnummer", skatteetaten.no.)
    """
    if len(number) != 11 or not number.isdigit():
        return False
    k1 = _mod11(number[:9], _FNR_K1)
    if k1 is None or k1 != int(number[9]):
        return False
    k2 = _mod11(number[:10], _FNR_K2)
    return k2 is not None and k2 == int(number[10])


def _birth_date_ok(day: int, month: int, year2: int) -> bool:
    # Synthetic test numbers (Tenor) add 80 to the month; H-numbers add 40.
    for offset in (0, 40, 80):
        if 1 <= month - offset <= 12:
            month -= offset
            break
    for century in (1900, 2000):
        try:
            dt.date(century + year2, month, day)
            return True
        except ValueError:
            continue
    return False


def fodselsnummer_kind(number: str) -> Kind | None:
    """A fødselsnummer (day 01-31) or D-number (first digit plus 4, day 41-71) with valid check digits."""
    if not fnr_check_digits_ok(number):
        return None
    day, month, year2 = int(number[0:2]), int(number[2:4]), int(number[4:6])
    if day > 40:
        return Kind.D_NUMBER if _birth_date_ok(day - 40, month, year2) else None
    return Kind.FODSELSNUMMER if _birth_date_ok(day, month, year2) else None


_ACCOUNT_WEIGHTS = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def account_number_ok(number: str) -> bool:
    """A Norwegian bank account number: 11 digits, the last a mod-11 check digit over weights 5 4 3 2 7 6 5 4 3 2."""
    if len(number) != 11 or not number.isdigit():
        return False
    check = _mod11(number[:10], _ACCOUNT_WEIGHTS)
    return check is not None and check == int(number[10])


def iban_ok(candidate: str) -> bool:
    """ISO 13616: move the first four characters to the end, letters to 10-35, and the number mod 97 is 1."""
    compact = candidate.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", compact):
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1


def find_identity_and_account_numbers(text: str) -> list[Finding]:
    found = []
    for match in _DIGITS.finditer(text):
        digits = _only_digits(match.group())
        kind = fodselsnummer_kind(digits)
        if kind is None and account_number_ok(digits):
            kind = Kind.ACCOUNT
        if kind is None and len(digits) >= LONG_DIGIT_RUN:
            kind = Kind.DIGITS
        if kind is not None:
            found.append(Finding(kind, match.start(), match.end()))
    return found


def find_ibans(text: str) -> list[Finding]:
    return [Finding(Kind.IBAN, m.start(), m.end()) for m in _IBAN.finditer(text) if iban_ok(m.group())]


def find_emails(text: str) -> list[Finding]:
    return [Finding(Kind.EMAIL, m.start(), m.end()) for m in _EMAIL.finditer(text)]


def find_phone_numbers(text: str) -> list[Finding]:
    """Valid numbers by libphonenumber's metadata: Norwegian without a prefix, any country with +/00."""
    matcher = phonenumbers.PhoneNumberMatcher(text, "NO", leniency=phonenumbers.Leniency.VALID)
    return [Finding(Kind.PHONE, m.start, m.end) for m in matcher]


RULES = (find_identity_and_account_numbers, find_ibans, find_emails, find_phone_numbers)


def find_pii(text: str) -> list[Finding]:
    if not text:
        return []
    findings = sorted(
        (f for rule in RULES for f in rule(text)), key=lambda f: (f.start, -(f.end - f.start), _PRIORITY[f.kind])
    )
    kept: list[Finding] = []
    for finding in findings:
        if kept and finding.start < kept[-1].end:
            continue  # inside (or overlapping) a finding already kept
        kept.append(finding)
    return kept


# When two rules find the same span, the more specific name wins.
_PRIORITY = {
    Kind.FODSELSNUMMER: 0,
    Kind.D_NUMBER: 0,
    Kind.IBAN: 1,
    Kind.ACCOUNT: 2,
    Kind.EMAIL: 3,
    Kind.PHONE: 4,
    Kind.DIGITS: 5,
}
