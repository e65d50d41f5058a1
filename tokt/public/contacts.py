"""Contacts shown on the public help page and on print material.

ONE function, ``public_contacts``, is the only place the public site reads the
directory: ``tokt.directory.selectors.public_contacts`` (the database, which
coordinators edit). If that returns nothing or the database cannot answer, the
reviewed data file tokt/directory/data/actors.yaml is used, so the help page
never shows an empty list.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.db import DatabaseError, transaction

# The help page starts with these, in this order; the rest follow in file order.
FIRST = ("emergency_police", "rosa")
# Print material has room for a few numbers only.
PRINT_IDS = ("emergency_police", "rosa", "police_switchboard", "child_helpline")


@dataclass(frozen=True)
class Contact:
    id: str
    name: str
    description: str
    text_lang: str  # language of description and hours ("nb" or "en")
    phone: str | None
    phone_href: str | None  # "tel:+4722331160"
    email: str | None
    url: str | None
    url_label: str | None  # the host name, for display
    hours: str | None
    languages: tuple[str, ...]  # ISO 639 codes


@functools.lru_cache(maxsize=1)
def _datafile_actors() -> tuple:
    from tokt.directory.datafile import load_actors

    return tuple(actor for actor in load_actors() if actor.public)


def _from_directory(text_lang: str) -> list[Contact]:
    from tokt.directory.selectors import public_contacts as directory_contacts

    # The help page must work even when the database does not: fall back to the data file.
    try:
        with transaction.atomic():
            cards = directory_contacts(lang=text_lang)
    except DatabaseError:
        return []
    return [
        _contact(c.id, c.name, c.description, text_lang, c.phone, c.phone_link, c.email, c.url, c.hours, c.languages)
        for c in cards
    ]


def _from_datafile(text_lang: str) -> list[Contact]:
    return [
        _contact(
            a.id,
            a.name,
            a.description.get(text_lang),
            text_lang,
            a.phone,
            a.phone_e164,
            a.email,
            a.url,
            a.hours.get(text_lang) if a.hours else "",
            a.languages,
        )
        for a in _datafile_actors()
    ]


def _contact(id, name, description, text_lang, phone, e164, email, url, hours, languages) -> Contact:
    return Contact(
        id=id,
        name=name,
        description=description,
        text_lang=text_lang,
        phone=phone or None,
        phone_href=f"tel:{e164}" if phone and e164 else None,
        email=email or None,
        url=url or None,
        url_label=(urlsplit(url).hostname or "").removeprefix("www.") if url else None,
        hours=hours or None,
        languages=tuple(languages or ()),
    )


def public_contacts(lang: str) -> list[Contact]:
    """Public contacts, texts in bokmål for ``nb`` and in English for every other language."""
    text_lang = "nb" if lang == "nb" else "en"
    contacts = _from_directory(text_lang) or _from_datafile(text_lang)
    return sorted(contacts, key=lambda c: FIRST.index(c.id) if c.id in FIRST else len(FIRST))


def print_contacts(lang: str) -> list[Contact]:
    by_id = {c.id: c for c in public_contacts(lang)}
    return [by_id[i] for i in PRINT_IDS if i in by_id and by_id[i].phone]
