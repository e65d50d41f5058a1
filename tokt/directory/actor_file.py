"""Parsing of ``actors.yaml`` into :class:`Actor` records (pure Python, no Django).

``parse_actors`` takes the already-read YAML content and appends every problem
to the caller's error list, each message naming the file, the actor and the
field; ``datafile.load_actors`` reads the file and raises the collected errors.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import phonenumbers

from tokt.directory.field_rules import (
    COSTS,
    KINDS,
    SHORT_NUMBERS,
    LocalText,
    check_bool,
    check_date,
    check_email,
    check_id,
    check_languages,
    check_municipalities,
    check_phone,
    check_services,
    check_str,
    check_str_list,
    check_text,
    check_url,
    compact_phone,
)
from tokt.directory.yaml_reader import numbered_rows, top_level_rows

TOP_LEVEL_KEYS = frozenset({"meta", "municipality_sets", "actors"})
REQUIRED_FIELDS = (
    "id",
    "name",
    "kind",
    "description",
    "services",
    "municipalities",
    "public",
    "verified",
    "last_verified",
    "verified_by",
    "source",
)
OPTIONAL_FIELDS = ("phone", "email", "url", "address", "hours", "languages", "anonymous", "cost", "internal_note")


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str
    description: LocalText
    services: tuple[str, ...]
    municipalities: str | tuple[str, ...]  # "all" or kommunenummer
    public: bool
    verified: bool
    last_verified: dt.date
    verified_by: str
    source: tuple[str, ...]
    phone: str | None = None
    email: str | None = None
    url: str | None = None
    address: str | None = None
    hours: LocalText | None = None
    languages: tuple[str, ...] = ()
    anonymous: bool | None = None
    cost: str = "unknown"
    # Coordinators only: provenance and caveats never go in ``description`` or ``hours``.
    internal_note: str = ""

    def serves(self, municipality: str) -> bool:
        return self.municipalities == "all" or municipality in self.municipalities

    @property
    def phone_e164(self) -> str | None:
        """The phone number for ``tel:`` links (E.164, or the short number)."""
        if not self.phone:
            return None
        compact = compact_phone(self.phone)
        if compact in SHORT_NUMBERS:
            return compact
        parsed = phonenumbers.parse(self.phone, "NO")
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def parse_actors(data: Any, filename: str, errors: list[str]) -> list[Actor]:
    """The valid actors in ``data``; an actor with any problem (or a repeated id) is left out."""
    rows = top_level_rows(data, key="actors", allowed=TOP_LEVEL_KEYS, filename=filename, errors=errors)
    numbered, _seen = numbered_rows(rows, noun="actor", filename=filename, errors=errors)
    actors: list[Actor] = []
    for index, row, duplicate in numbered:
        actor = _parse_actor(row, index, filename, errors)
        if actor is not None and not duplicate:
            actors.append(actor)
    return actors


def _parse_actor(row: Any, index: int, filename: str, errors: list[str]) -> Actor | None:
    if not isinstance(row, Mapping):
        errors.append(f"{filename}: actor #{index}: must be a mapping")
        return None
    raw_id = row.get("id")
    label = f"actor {raw_id!r} (#{index})" if isinstance(raw_id, str) else f"actor #{index}"
    start = len(errors)

    def err(field: str, message: str) -> None:
        errors.append(f"{filename}: {label} / {field}: {message}")

    for key in row:
        if key not in REQUIRED_FIELDS and key not in OPTIONAL_FIELDS:
            err(str(key), "unknown field")
    for key in REQUIRED_FIELDS:
        if key not in row:
            err(key, "missing required field")

    actor_id = check_id(row.get("id"), err) if "id" in row else None
    name = check_str(row, "name", err)
    kind = row.get("kind")
    if "kind" in row and kind not in KINDS:
        err("kind", f"{kind!r} is not one of {sorted(KINDS)}")
    description = check_text(row, "description", err)
    services = check_services(row, err)
    municipalities = check_municipalities(row, err)
    public = check_bool(row, "public", err)
    verified = check_bool(row, "verified", err)
    last_verified = check_date(row, "last_verified", err)
    verified_by = check_str(row, "verified_by", err)
    source = check_str_list(row, "source", err, required=True)

    phone = check_phone(row, err)
    email = check_email(row, err)
    url = check_url(row, "url", err)
    address = check_str(row, "address", err, required=False)
    hours = check_text(row, "hours", err, required=False)
    languages = check_languages(row, err)
    anonymous = row.get("anonymous")
    if anonymous is not None and not isinstance(anonymous, bool):
        err("anonymous", "must be true, false or null (unknown)")
        anonymous = None
    cost = row.get("cost", "unknown")
    if cost not in COSTS:
        err("cost", f"{cost!r} is not one of {sorted(COSTS)}")
    internal_note = check_str(row, "internal_note", err, required=False) or ""

    if len(errors) > start:
        return None
    return Actor(
        id=actor_id,
        name=name,
        kind=kind,
        description=description,
        services=services,
        municipalities=municipalities,
        public=public,
        verified=verified,
        last_verified=last_verified,
        verified_by=verified_by,
        source=source,
        phone=phone,
        email=email,
        url=url,
        address=address,
        hours=hours,
        languages=languages,
        anonymous=anonymous,
        cost=cost,
        internal_note=internal_note,
    )
