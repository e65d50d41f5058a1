"""Contacts shown on the public help page and on print material.

ONE function, ``public_contacts``, is the only place the public site reads the
directory: ``tokt.directory.selectors.public_contacts`` (the database, which
coordinators edit). It returns only entries a named coordinator confirmed within
six months. There is deliberately no fallback to the YAML seed: an unconfirmed
number must never reach a reader. If the database cannot answer, the list is
empty and the page still names 112 in its own text.

Every text is in the reader's language or absent: a field not yet translated
is left out rather than shown in English. Official names stay Norwegian until
translated, marked ``lang="nb"``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.db import DatabaseError, transaction
from django.utils import translation
from django.utils.translation import get_language_info

# The help page leads with these three numbers, in this order; the rest sit below, folded.
LEAD = ("emergency_police", "rosa", "child_helpline")
# Print material has room for these numbers only; none of them costs more than a normal call.
PRINT_IDS = LEAD
# Kinds whose numbers are real emergency numbers; every other phone number is labelled "not an emergency number".
EMERGENCY_KINDS = frozenset({"emergency"})


@dataclass(frozen=True)
class Contact:
    id: str
    name: str
    name_lang: str  # "nb" for an untranslated official name
    description: str
    phone: str | None
    phone_href: str | None  # "tel:+4722331160"
    cost: str  # tokt.directory.models.CallCost value
    emergency: bool  # an emergency number (112, 113, 110, 116 111)
    email: str | None
    url: str | None
    url_label: str | None  # the host name, for display
    hours: str | None
    languages: tuple[str, ...]  # names in the reader's language
    checked_on: dt.date | None  # when a coordinator last confirmed the entry
    machine_assisted: bool
    translated_on: dt.date | None


_COST_KEYS = {"free": "cost_free", "charged": "cost_charged", "standard": "cost_standard"}


def phone_labels(contact: Contact, ui: dict[str, str]) -> list[str]:
    """What a reader must know before calling: the cost if known, and when it is not an emergency number."""
    labels = []
    if contact.phone:
        if contact.cost in _COST_KEYS:
            labels.append(ui[_COST_KEYS[contact.cost]])
        if not contact.emergency:
            labels.append(ui["not_emergency"])
    return labels


def _language_names(codes, lang: str) -> tuple[str, ...]:
    names = []
    with translation.override(lang):
        for code in codes:
            try:
                names.append(str(translation.gettext(get_language_info(code)["name"])))
            except KeyError:
                names.append(code)
    return tuple(names)


def _display(phone: str) -> str:
    """Harmonised short numbers are read in groups of three: 116 111, not 116111."""
    compact = phone.replace(" ", "")
    return f"{compact[:3]} {compact[3:]}" if len(compact) == 6 and compact.startswith("116") else phone


def public_contacts(lang: str) -> list[Contact]:
    """Confirmed public contacts with their texts in ``lang``; the three lead numbers first."""
    from tokt.directory.selectors import public_contacts as directory_contacts

    try:
        with transaction.atomic():
            cards = directory_contacts(lang=lang)
    except DatabaseError:
        return []
    contacts = [
        Contact(
            id=c.id,
            name=c.name,
            name_lang=c.name_lang,
            description=c.description,
            phone=_display(c.phone) or None,
            phone_href=f"tel:{c.phone_link}" if c.phone and c.phone_link else None,
            cost=c.cost,
            emergency=c.kind in EMERGENCY_KINDS,
            email=c.email or None,
            url=c.url or None,
            url_label=(urlsplit(c.url).hostname or "").removeprefix("www.") if c.url else None,
            hours=c.hours or None,
            languages=_language_names(c.languages, lang),
            checked_on=c.last_verified,
            machine_assisted=c.text_status == "machine_assisted",
            translated_on=c.translated_on,
        )
        for c in cards
    ]
    return sorted(contacts, key=lambda c: LEAD.index(c.id) if c.id in LEAD else len(LEAD))


def print_contacts(lang: str) -> list[Contact]:
    by_id = {c.id: c for c in public_contacts(lang)}
    return [by_id[i] for i in PRINT_IDS if i in by_id and by_id[i].phone]
