"""Field rules for the directory's reference data (pure Python, no Django).

The one place where ToKt says what a valid actor field looks like: vocabularies
(services, kinds, short numbers, Nordland's municipalities), the patterns for ids,
e-mail addresses and host names, and one ``check_*`` function per kind of field.

Every check has the same shape: it reads ``row[field]`` and returns the cleaned
value, or reports each problem through ``err(field, message)`` and returns an
empty value. A missing field is not reported here; the caller decides which
fields are required. The YAML loader, the edit form and the HSDS import all
use these checks, so a value is judged the same way wherever it comes from.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import phonenumbers
import yaml

# Receives (field, message) for each problem a check finds.
ErrorSink = Callable[[str, str], None]

LANGUAGES = ("nb", "en")

KINDS = frozenset({"emergency", "helpline", "national", "regional", "network", "municipal", "resource"})
COSTS = frozenset({"free", "charged", "standard", "unknown"})

SERVICES = frozenset(
    {
        "identification",
        "protection",
        "shelter",
        "health",
        "legal_aid",
        "investigation",
        "labour_inspection",
        "interpreting",
        "outreach",
        "guidance",
        "helpline",
        "child_protection",
        "competence",
    }
)

# Short numbers accepted as they are (digits only, spaces ignored). They are not
# ordinary subscriber numbers, so ``phonenumbers`` does not validate them.
SHORT_NUMBERS = frozenset({"110", "112", "113", "02800", "116006", "116111", "116117"})

# Nordland's municipalities come from the core app's reference file (the one
# place they are kept); read here without Django so this module stays plain Python.
MUNICIPALITIES_FILE = Path(__file__).resolve().parents[1] / "core" / "data" / "municipalities.yaml"
MUNICIPALITIES: dict[str, tuple[str, bool]] = {
    str(row["number"]): (row["name"], bool(row["salten"]))
    for row in yaml.safe_load(MUNICIPALITIES_FILE.read_text(encoding="utf-8"))["municipalities"]
}
SALTEN_MUNICIPALITIES = tuple(number for number, (_, salten) in MUNICIPALITIES.items() if salten)

ID_RE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
LANGUAGE_CODE_RE = re.compile(r"^[a-z]{2,3}$")
EMAIL_RE = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@"
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$"
)
HOSTNAME_RE = re.compile(r"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$")


@dataclass(frozen=True)
class LocalText:
    """A text in Norwegian bokmål and English."""

    nb: str
    en: str

    def get(self, language: str) -> str:
        """Text in ``language`` ("nb" or "en"); falls back to bokmål."""
        return self.en if language == "en" else self.nb

    def __str__(self) -> str:
        return self.nb


def compact_phone(phone: str) -> str:
    """``phone`` without spaces, no-break spaces and hyphens (how short numbers are compared)."""
    return re.sub(r"[\s\u00a0-]", "", phone)


def check_id(value: Any, err: ErrorSink) -> str | None:
    """Unlike the other checks this takes the value itself; problems go to the ``id`` field."""
    if not isinstance(value, str) or not ID_RE.match(value):
        err("id", f"{value!r} is not a snake_case id")
        return None
    return value


def check_str(row: Mapping, field: str, err: ErrorSink, required: bool = True) -> str | None:
    if field not in row:
        return None
    value = row[field]
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        err(field, "must be a non-empty string")
        return None
    return value.strip()


def check_text(row: Mapping, field: str, err: ErrorSink, required: bool = True) -> LocalText | None:
    if field not in row:
        return None
    value = row[field]
    if value is None and not required:
        return None
    if not isinstance(value, Mapping):
        err(field, "must be a mapping with 'nb' and 'en' texts")
        return None
    ok = True
    for language in LANGUAGES:
        text = value.get(language)
        if not isinstance(text, str) or not text.strip():
            err(f"{field}.{language}", "missing or empty text")
            ok = False
    for language in value:
        if language not in LANGUAGES:
            err(f"{field}.{language}", f"unexpected language (only {', '.join(LANGUAGES)})")
            ok = False
    if not ok:
        return None
    return LocalText(nb=value["nb"].strip(), en=value["en"].strip())


def check_bool(row: Mapping, field: str, err: ErrorSink) -> bool | None:
    if field not in row:
        return None
    value = row[field]
    if not isinstance(value, bool):
        err(field, "must be true or false")
        return None
    return value


def check_date(row: Mapping, field: str, err: ErrorSink) -> dt.date | None:
    if field not in row:
        return None
    value = row[field]
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    err(field, f"{value!r} is not an ISO date (YYYY-MM-DD)")
    return None


def check_str_list(row: Mapping, field: str, err: ErrorSink, required: bool = False) -> tuple[str, ...]:
    """A single string counts as a list of one."""
    if field not in row:
        return ()
    value = row[field]
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or (required and not value):
        err(field, "must be a non-empty list of strings" if required else "must be a list of strings")
        return ()
    items: list[str] = []
    for position, item in enumerate(value, start=1):
        if not isinstance(item, str) or not item.strip():
            err(f"{field}[{position}]", "must be a non-empty string")
        else:
            items.append(item.strip())
    return tuple(items)


def check_services(row: Mapping, err: ErrorSink) -> tuple[str, ...]:
    if "services" not in row:
        return ()
    value = row["services"]
    if not isinstance(value, list) or not value:
        err("services", "must be a non-empty list")
        return ()
    for service in value:
        if service not in SERVICES:
            err("services", f"unknown service {service!r}")
    if len(set(value)) != len(value):
        err("services", "lists a service twice")
    return tuple(value)


def check_municipalities(row: Mapping, err: ErrorSink) -> str | tuple[str, ...]:
    """``"all"``, or a tuple of Nordland kommunenummer."""
    if "municipalities" not in row:
        return ()
    value = row["municipalities"]
    if value == "all":
        return "all"
    if not isinstance(value, list) or not value:
        err("municipalities", "must be 'all' or a non-empty list of kommunenummer strings")
        return ()
    for number in value:
        if not isinstance(number, str):
            err("municipalities", f'{number!r} must be a quoted string (e.g. "1804")')
        elif number not in MUNICIPALITIES:
            err("municipalities", f"{number!r} is not a Nordland kommunenummer")
    if len(set(map(str, value))) != len(value):
        err("municipalities", "lists a municipality twice")
    return tuple(str(number) for number in value)


def check_phone(row: Mapping, err: ErrorSink) -> str | None:
    """A Norwegian number or one of ``SHORT_NUMBERS``; returned as written."""
    if "phone" not in row or row["phone"] is None:
        return None
    value = row["phone"]
    if not isinstance(value, str):
        err("phone", f"{value!r} must be a quoted string")
        return None
    if compact_phone(value) in SHORT_NUMBERS:
        return value
    try:
        parsed = phonenumbers.parse(value, "NO")
    except phonenumbers.NumberParseException as exc:
        err("phone", f"{value!r} cannot be parsed ({exc})")
        return None
    if not phonenumbers.is_valid_number(parsed) or phonenumbers.region_code_for_number(parsed) != "NO":
        err("phone", f"{value!r} is not a valid Norwegian phone number")
        return None
    return value


def check_email(row: Mapping, err: ErrorSink) -> str | None:
    if "email" not in row or row["email"] is None:
        return None
    value = row["email"]
    if not isinstance(value, str) or not EMAIL_RE.match(value):
        err("email", f"{value!r} is not a well-formed e-mail address")
        return None
    return value


def check_url(row: Mapping, field: str, err: ErrorSink) -> str | None:
    """An http(s) URL with a real host name (no bare ``localhost`` or IP address)."""
    if field not in row or row[field] is None:
        return None
    value = row[field]
    if not isinstance(value, str) or any(ch.isspace() for ch in value):
        err(field, f"{value!r} is not a well-formed URL")
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or not HOSTNAME_RE.match(parts.hostname):
        err(field, f"{value!r} is not a well-formed http(s) URL")
        return None
    return value


def check_languages(row: Mapping, err: ErrorSink) -> tuple[str, ...]:
    if "languages" not in row or row["languages"] is None:
        return ()
    value = row["languages"]
    if not isinstance(value, list):
        err("languages", "must be a list of ISO 639-1 codes")
        return ()
    for code in value:
        if not isinstance(code, str) or not LANGUAGE_CODE_RE.match(code):
            err("languages", f"{code!r} is not an ISO 639 language code")
    return tuple(value)
