"""Writes to the directory. Each runs in one transaction with its audit entry."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, TypedDict

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tokt.audit.models import AuditAction
from tokt.audit.services import log_action
from tokt.core.history import ensure_history_baseline
from tokt.directory.models import Actor, Meeting

if TYPE_CHECKING:
    from collections.abc import Iterable

    from tokt.accounts.models import User
    from tokt.core.models import Municipality
    from tokt.directory.hsds import ImportReport

ACTOR_FIELDS = (
    "name",
    "kind",
    "description_nb",
    "description_en",
    "internal_note",
    "cost",
    "services",
    "all_municipalities",
    "phone",
    "email",
    "url",
    "address",
    "hours_nb",
    "hours_en",
    "languages",
    "anonymous",
    "public",
    "verified",
    "last_verified",
    "verified_by",
    "source",
)


class DirectoryError(Exception):
    """A refused directory action, with a message for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ActorChanges(TypedDict, total=False):
    """Edited values for ``actor_update`` (the edit form's cleaned data); a missing key is left as it is."""

    name: str
    kind: str
    description_nb: str
    description_en: str
    internal_note: str
    cost: str
    services: list[str]
    all_municipalities: bool
    municipalities: Iterable[Municipality]
    phone: str
    email: str
    url: str
    address: str
    hours_nb: str
    hours_en: str
    languages: list[str]
    anonymous: bool | None
    public: bool
    verified: bool
    last_verified: dt.date
    verified_by: str
    source: list[str]


def actor_update(*, actor: Actor, user: User, changes: ActorChanges) -> list[str]:
    """Apply edited fields (and ``municipalities``) to ``actor``; returns the names of changed fields."""
    changed = [name for name in ACTOR_FIELDS if name in changes and getattr(actor, name) != changes[name]]
    numbers = sorted(m.number for m in changes.get("municipalities", [])) if "municipalities" in changes else None
    if changes.get("all_municipalities"):
        numbers = []
    if numbers is not None and numbers != sorted(actor.municipalities.values_list("number", flat=True)):
        changed.append("municipalities")
    if not changed:
        return []
    with transaction.atomic():
        ensure_history_baseline(actor)
        for name in changed:
            if name != "municipalities":
                setattr(actor, name, changes[name])
        actor.edited_in_ui = True
        actor._history_user = user
        actor.save()
        if "municipalities" in changed:
            actor.municipalities.set(numbers)
        log_action(
            actor=user,
            action=AuditAction.RECORD_WRITTEN,
            target=actor,
            details={"what": "directory_actor_updated", "actor": actor.slug, "fields": changed},
        )
    return changed


def actor_confirm_verified(*, actor: Actor, user, today: dt.date | None = None) -> Actor:
    """A coordinator confirms today that the entry matches its sources."""
    today = today or timezone.localdate()
    with transaction.atomic():
        ensure_history_baseline(actor)
        actor.verified = True
        actor.last_verified = today
        actor.verified_by_user = user
        actor.verified_by = _("%(name)s (%(agency)s), bekreftet i ToKt") % {
            "name": user.display_name,
            "agency": user.agency.name,
        }
        actor.edited_in_ui = True
        actor._history_user = user
        actor.save()
        log_action(
            actor=user,
            action=AuditAction.RECORD_WRITTEN,
            target=actor,
            details={"what": "directory_actor_verified", "actor": actor.slug, "date": today.isoformat()},
        )
    return actor


def meeting_create(*, user, kind: str, date: dt.date, place: str, agenda: str, agencies) -> Meeting:
    if date > timezone.localdate() + dt.timedelta(days=366):
        raise DirectoryError(_("Datoen ligger mer enn ett år fram i tid."))
    with transaction.atomic():
        meeting = Meeting(kind=kind, date=date, place=place, agenda=agenda, created_by=user)
        meeting._history_user = user
        meeting.save()
        meeting.agencies.set(agencies)
        log_action(
            actor=user,
            action=AuditAction.RECORD_WRITTEN,
            target=meeting,
            details={"what": "directory_meeting_created", "kind": kind, "date": date.isoformat()},
        )
    return meeting


class ActorValues(TypedDict):
    """One actor's values from an import (``tokt.directory.hsds.plan_import``), already validated."""

    slug: str
    name: str
    kind: str
    description_nb: str
    description_en: str
    services: list[str]
    all_municipalities: bool
    municipalities: list[str]  # kommunenummer
    phone: str
    email: str
    url: str
    address: str
    hours_nb: str
    hours_en: str
    languages: list[str]
    anonymous: bool | None
    public: bool
    verified: bool
    last_verified: dt.date
    verified_by: str
    source: list[str]


def actors_import(*, rows: list[ActorValues], user=None) -> ImportReport:
    """Create or update actors from validated import rows, in one transaction with one audit entry.

    An actor whose values all equal the row is not saved, so re-importing an
    unchanged export writes no history and reports the actor as unchanged.
    """
    from tokt.directory.hsds import ImportReport

    report = ImportReport()
    with transaction.atomic():
        next_position = (Actor.objects.order_by("-position").values_list("position", flat=True).first() or 0) + 1
        for row in rows:
            values = {k: v for k, v in row.items() if k not in ("slug", "municipalities")}
            numbers = [] if row["all_municipalities"] else sorted(row["municipalities"])
            actor = Actor.objects.filter(slug=row["slug"]).first()
            if actor is None:
                actor = Actor(slug=row["slug"], position=next_position)
                next_position += 1
                report.created.append(row["slug"])
            else:
                same = all(getattr(actor, name) == value for name, value in values.items())
                if same and sorted(actor.municipalities.values_list("number", flat=True)) == numbers:
                    report.unchanged.append(row["slug"])
                    continue
                ensure_history_baseline(actor)
                report.updated.append(row["slug"])
            for name, value in values.items():
                setattr(actor, name, value)
            actor.edited_in_ui = True
            actor._history_user = user
            actor.save()
            actor.municipalities.set(numbers)
        log_action(
            actor=user,
            action=AuditAction.RECORD_WRITTEN,
            target_type="directory.actor",
            actor_username=None if user else "import_hsds",
            details={"what": "directory_hsds_import", "created": len(report.created), "updated": len(report.updated)},
        )
    return report
