"""Field rules for the directory, shared by the YAML loader, the edit form and the HSDS import.

The rules themselves live in ``field_rules.py`` (one place); these wrappers return
``None`` when a value is acceptable, or a Norwegian message for the user.
"""

from __future__ import annotations

import phonenumbers
from django.utils.translation import gettext as _

from tokt.directory import field_rules


def _check(checker, field: str, value) -> bool:
    problems: list[str] = []
    checker({field: value}, lambda _field, message: problems.append(message))
    return not problems


def phone_error(value: str) -> str | None:
    if _check(field_rules.check_phone, "phone", value):
        return None
    return _(
        "«%(value)s» er ikke et gyldig norsk telefonnummer. Skriv for eksempel 75 55 58 90 eller "
        "+47 75 55 58 90, eller et kortnummer som 112, 113, 116 111 eller 02800."
    ) % {"value": value}


def email_error(value: str) -> str | None:
    if _check(field_rules.check_email, "email", value):
        return None
    return _("«%(value)s» er ikke en gyldig e-postadresse. Den skal se slik ut: navn@eksempel.no.") % {"value": value}


def url_error(value: str) -> str | None:
    if _check(lambda row, err: field_rules.check_url(row, "url", err), "url", value):
        return None
    return _(
        "«%(value)s» er ikke en gyldig nettadresse. Den må begynne med https:// eller http:// og ha et domenenavn, for eksempel https://www.eksempel.no/."
    ) % {"value": value}


def language_error(value: str) -> str | None:
    if field_rules.LANGUAGE_CODE_RE.match(value):
        return None
    return _(
        "«%(value)s» er ikke en språkkode. Bruk koder på to eller tre små bokstaver, for eksempel nb, en, pl, ro."
    ) % {"value": value}


def phone_e164(value: str) -> str:
    """The number for ``tel:`` links: E.164, or the short number as it is."""
    compact = field_rules.compact_phone(value)
    if compact in field_rules.SHORT_NUMBERS:
        return compact
    try:
        parsed = phonenumbers.parse(value, "NO")
    except phonenumbers.NumberParseException:
        return compact
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
