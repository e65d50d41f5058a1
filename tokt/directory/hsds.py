"""Export and import of the directory in Open Referral HSDS 3.0 JSON.

The document ToKt writes and reads::

    {"hsds_version": "3.0", "organizations": [organization, ...], "services": [service, ...]}

Each actor becomes one organization and one service (with phones, schedules,
service areas, languages and attributes). ToKt-only facts ride along in a
``tokt`` extension object on the service, so an export imports back unchanged;
a file from another directory needs only standard HSDS fields. Ids are UUIDs
derived from the actor id, so repeated exports keep the same ids.

An import is checked completely (JSON Schema, then ToKt's field rules from
``field_rules.py``) before anything is written; every problem is reported with
its JSON path, and a file with problems changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from django.utils import timezone
from django.utils.translation import gettext as _
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from tokt.core.models import Municipality
from tokt.directory import field_rules, validation
from tokt.directory.models import Actor, Service

HSDS_VERSION = "3.0"
SCHEMA_DIR = Path(__file__).resolve().parent / "hsds_schema"
# Fixed namespace: the same actor id gives the same UUIDs in every export.
NAMESPACE = uuid.UUID("2f0c8d55-6b1e-4a53-9a43-6f3c1f7e9b21")
WHOLE_COUNTRY = "NO"
_SERVICE_LABELS = dict(Service.choices)

DOCUMENT_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["hsds_version", "organizations", "services"],
    "properties": {
        "hsds_version": {"type": "string", "pattern": r"^3\."},
        "organizations": {"type": "array", "items": {"$ref": "organization.json"}},
        "services": {"type": "array", "items": {"$ref": "service.json"}},
    },
}


class HsdsImportError(Exception):
    def __init__(self, errors: list[str]):
        super().__init__(f"{len(errors)} problem(s) in the HSDS file")
        self.errors = errors


def _id(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, ":".join(parts)))


# ----------------------------------------------------------------- schemas


def _retrieve(uri: str) -> Resource:
    """Referenced schemas by file name, from the vendored HSDS 3.0.1 copy; an unknown reference is an error."""
    path = SCHEMA_DIR / uri.rsplit("/", 1)[-1]
    if path.suffix != ".json" or not path.is_file():
        raise LookupError(f"HSDS schema {uri!r} is not vendored in {SCHEMA_DIR}")
    contents = json.loads(path.read_text(encoding="utf-8"))
    return Resource.from_contents(contents, default_specification=DRAFT202012)


def _format_checker() -> FormatChecker:
    """The standard checks (uuid, email, date) plus ``uri``, which jsonschema only checks with an extra package."""
    checker = FormatChecker()

    @checker.checks("uri", raises=ValueError)
    def _uri(value) -> bool:
        if not isinstance(value, str):
            return True
        parts = urlsplit(value)
        return bool(parts.scheme and (parts.netloc or parts.scheme in ("mailto", "tel", "urn"))) and " " not in value

    return checker


@lru_cache(maxsize=1)
def document_validator() -> Draft202012Validator:
    resources = [(p.name, _retrieve(p.name)) for p in sorted(SCHEMA_DIR.glob("*.json"))]
    registry = Registry(retrieve=_retrieve).with_resources(resources)
    return Draft202012Validator(DOCUMENT_SCHEMA, registry=registry, format_checker=_format_checker())


def schema_errors(document) -> list[str]:
    errors = sorted(document_validator().iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    return [f"{error.json_path}: {error.message}" for error in errors]


# ----------------------------------------------------------------- export


def export_document(actors) -> dict:
    organizations, services = [], []
    for actor in actors:
        organization, service = actor_to_hsds(actor)
        organizations.append(organization)
        services.append(service)
    return {
        "hsds_version": HSDS_VERSION,
        "generated": timezone.now().isoformat(timespec="seconds"),
        "organizations": organizations,
        "services": services,
    }


def actor_to_hsds(actor: Actor) -> tuple[dict, dict]:
    slug = actor.slug
    org_id, svc_id = _id("organization", slug), _id("service", slug)
    organization = {"id": org_id, "name": actor.name, "description": actor.description_nb}
    service: dict = {
        "id": svc_id,
        "organization_id": org_id,
        "name": actor.name,
        "description": actor.description_nb,
        "status": "active",
        "assured_date": actor.last_verified.isoformat(),
    }
    for target in (organization, service):
        if actor.email:
            target["email"] = actor.email
    if actor.url:
        organization["website"] = actor.url
        service["url"] = actor.url
    if actor.phone:
        service["phones"] = [{"id": _id("phone", slug), "service_id": svc_id, "number": actor.phone, "type": "voice"}]
    if actor.hours_nb:
        service["schedules"] = [{"id": _id("schedule", slug), "service_id": svc_id, "description": actor.hours_nb}]
    if actor.all_municipalities:
        areas = [
            {
                "id": _id("area", slug, WHOLE_COUNTRY),
                "service_id": svc_id,
                "name": "Norge",
                "extent": WHOLE_COUNTRY,
                "extent_type": "text",
            }
        ]
    else:
        areas = [
            {
                "id": _id("area", slug, m.number),
                "service_id": svc_id,
                "name": m.name,
                "extent": m.number,
                "extent_type": "text",
            }
            for m in sorted(actor.municipalities.all(), key=lambda m: m.number)
        ]
    service["service_areas"] = areas
    if actor.languages:
        service["languages"] = [
            {"id": _id("language", slug, code), "service_id": svc_id, "code": code} for code in actor.languages
        ]
    service["attributes"] = [
        {
            "id": _id("attribute", slug, code),
            "link_id": svc_id,
            "link_entity": "service",
            "link_type": "service_type",
            "taxonomy_term_id": _id("term", code),
            "value": code,
            "label": str(_SERVICE_LABELS.get(code, code)),
        }
        for code in actor.services
    ]
    service["tokt"] = {
        "id": slug,
        "kind": actor.kind,
        "services": list(actor.services),
        "description_en": actor.description_en,
        "hours_en": actor.hours_en,
        "address": actor.address,
        "public": actor.public,
        "anonymous": actor.anonymous,
        "verified": actor.verified,
        "verified_by": actor.verified_by,
        "source": list(actor.source),
    }
    return organization, service


# ----------------------------------------------------------------- import


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def parse_document(raw: bytes | str):
    try:
        return json.loads(raw)
    except UnicodeDecodeError:
        raise HsdsImportError([_("$: filen er ikke UTF-8-tekst.")]) from None
    except json.JSONDecodeError as exc:
        raise HsdsImportError(
            [
                _("$: ikke gyldig JSON (linje %(line)s, kolonne %(col)s): %(msg)s")
                % {"line": exc.lineno, "col": exc.colno, "msg": exc.msg}
            ]
        ) from None


def plan_import(document) -> list[dict]:
    """Validate the whole document and return model values per actor; raises with every problem.

    Schema errors and ToKt's field rules are collected together, so one run
    reports everything; a rule is not repeated where the schema already
    reported the same place.
    """
    errors = schema_errors(document)
    if not isinstance(document, dict) or not isinstance(document.get("services"), list):
        raise HsdsImportError(errors)
    reported = {error.split(": ", 1)[0] for error in errors}
    organizations = {o.get("id"): o for o in document.get("organizations") or [] if isinstance(o, dict)}
    municipalities = {m.number: m for m in Municipality.objects.all()}
    by_name = {m.name.casefold(): m.number for m in municipalities.values()}
    rows: list[dict] = []
    seen: dict[str, str] = {}
    for index, service in enumerate(document["services"]):
        place = f"$.services[{index}]"
        found: list[str] = []
        try:
            row = _service_row(
                service, organizations.get(service.get("organization_id")), place, municipalities, by_name, found
            )
        except (AttributeError, KeyError, TypeError, ValueError):
            # Malformed beyond the rules; the schema errors above name the place.
            row = None
            if place not in reported and not any(r.startswith(place) for r in reported):
                found.append(_("%(place)s: objektet har feil form") % {"place": place})
        errors += [error for error in found if error.split(": ", 1)[0] not in reported]
        if row is None:
            continue
        if row["slug"] in seen:
            errors.append(
                _("%(place)s: id «%(slug)s» finnes allerede i %(first)s")
                % {"place": place, "slug": row["slug"], "first": seen[row["slug"]]}
            )
            continue
        seen[row["slug"]] = place
        rows.append(row)
    if errors:
        raise HsdsImportError(errors)
    return rows


def _slug_from(name: str) -> str:
    text = name.casefold().translate(str.maketrans({"æ": "ae", "ø": "o", "å": "aa"}))
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")[:64] or "actor"


def _service_row(
    service: dict, organization: dict | None, place: str, municipalities, by_name, errors: list[str]
) -> dict | None:
    start = len(errors)

    def err(where: str, message: str) -> None:
        errors.append(f"{place}{where}: {message}")

    ext = service.get("tokt") if isinstance(service.get("tokt"), dict) else {}
    slug = ext.get("id") or _slug_from(service["name"])
    if not isinstance(slug, str) or not field_rules.ID_RE.match(slug):
        err(".tokt.id", _("«%(value)s» er ikke en gyldig id (små bokstaver, tall og _)") % {"value": slug})
    description = service.get("description") or (organization or {}).get("description") or ""
    if not description.strip():
        err(".description", _("mangler beskrivelse av hva tjenesten gjør"))
    phones = service.get("phones") or []
    phone = phones[0].get("number", "") if phones else ""
    if phone and (message := validation.phone_error(phone)):
        err(".phones[0].number", message)
    email = service.get("email") or ""
    if email and (message := validation.email_error(email)):
        err(".email", message)
    url = service.get("url") or ""
    if url and (message := validation.url_error(url)):
        err(".url", message)
    languages = [lang.get("code", "") for lang in service.get("languages") or []]
    for position, code in enumerate(languages):
        if message := validation.language_error(code):
            err(f".languages[{position}].code", message)
    services = ext.get("services") or [
        a.get("value") for a in service.get("attributes") or [] if a.get("value") in field_rules.SERVICES
    ]
    for code in services:
        if code not in field_rules.SERVICES:
            err(".tokt.services", _("ukjent tjeneste «%(value)s»") % {"value": code})
    if not services:
        err(".attributes", _("mangler tjenestetype (attributt med verdi fra ToKts liste, for eksempel «shelter»)"))
    everywhere, numbers = False, []
    for position, area in enumerate(service.get("service_areas") or []):
        extent = str(area.get("extent") or "")
        number = extent if extent in municipalities else by_name.get(str(area.get("name", "")).casefold())
        if extent == WHOLE_COUNTRY:
            everywhere = True
        elif number:
            numbers.append(number)
        else:
            err(
                f".service_areas[{position}]",
                _("«%(value)s» er ikke en kommune i Nordland") % {"value": area.get("name") or extent},
            )
    if not everywhere and not numbers and len(errors) == start:
        err(".service_areas", _("mangler område (kommuner i Nordland, eller extent «NO» for hele landet)"))
    try:
        last_verified = dt.date.fromisoformat(str(service.get("assured_date", "")))
    except ValueError:
        err(".assured_date", _("mangler dato for siste kontroll (ÅÅÅÅ-MM-DD)"))
        last_verified = None
    kind = ext.get("kind") or ("national" if everywhere else "regional")
    if kind not in field_rules.KINDS:
        err(".tokt.kind", _("ukjent type «%(value)s»") % {"value": kind})
    schedules = service.get("schedules") or []
    hours = schedules[0].get("description", "") if schedules else ""
    # Never cut a value to fit: an over-long field is refused with its place in the file.
    for where, value, model_field in (
        (".name", service["name"], "name"),
        (".phones[0].number", phone, "phone"),
        (".email", email, "email"),
        (".url", url, "url"),
        (".tokt.address", ext.get("address") or "", "address"),
        (".schedules[0].description", hours, "hours_nb"),
        (".tokt.hours_en", ext.get("hours_en") or "", "hours_en"),
        (".tokt.verified_by", ext.get("verified_by") or "", "verified_by"),
        (".tokt.id", slug if isinstance(slug, str) else "", "slug"),
    ):
        limit = Actor._meta.get_field(model_field).max_length
        if isinstance(value, str) and len(value) > limit:
            err(where, _("er for langt (%(length)s tegn, høyst %(limit)s)") % {"length": len(value), "limit": limit})
    if len(errors) > start:
        return None
    return {
        "slug": slug,
        "name": service["name"],
        "kind": kind,
        "description_nb": description,
        "description_en": ext.get("description_en") or description,
        "services": list(dict.fromkeys(services)),
        "all_municipalities": everywhere,
        "municipalities": sorted(set(numbers)),
        "phone": phone,
        "email": email,
        "url": url,
        "address": ext.get("address") or "",
        "hours_nb": hours,
        "hours_en": ext.get("hours_en") or hours,
        "languages": languages,
        "anonymous": ext.get("anonymous"),
        "public": bool(ext.get("public", False)),
        "verified": bool(ext.get("verified", False)),
        "last_verified": last_verified,
        "verified_by": ext.get("verified_by") or _("Importert fra HSDS-fil"),
        "source": list(ext.get("source") or []),
    }


def import_file(raw: bytes | str, *, user=None) -> ImportReport:
    """Validate and apply an HSDS file in one transaction; nothing changes if anything is wrong."""
    from tokt.directory.services import actors_import

    return actors_import(rows=plan_import(parse_document(raw)), user=user)
