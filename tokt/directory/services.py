"""Writes to the directory. Each runs in one transaction with its audit entry."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tokt.audit.models import AuditAction
from tokt.audit.services import log_action
from tokt.core.history import ensure_history_baseline
from tokt.directory.models import Actor, Meeting

ACTOR_FIELDS = (
    "name",
    "kind",
    "description_nb",
    "description_en",
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


def actor_update(*, actor: Actor, user, data: dict) -> list[str]:
    """Apply edited fields (and ``municipalities``) to ``actor``; returns the names of changed fields."""
    changed = [name for name in ACTOR_FIELDS if name in data and getattr(actor, name) != data[name]]
    numbers = sorted(m.number for m in data.get("municipalities", [])) if "municipalities" in data else None
    if data.get("all_municipalities"):
        numbers = []
    if numbers is not None and numbers != sorted(actor.municipalities.values_list("number", flat=True)):
        changed.append("municipalities")
    if not changed:
        return []
    with transaction.atomic():
        ensure_history_baseline(actor)
        for name in changed:
            if name != "municipalities":
                setattr(actor, name, data[name])
        actor.edited_in_ui = True
        actor._history_user = user
        actor.save()
        if "municipalities" in changed:
            actor.municipalities.set(numbers)
        log_action(
            actor=user,
            action=AuditAction.DIRECTORY_ACTOR_UPDATED,
            target=actor,
            details={"actor": actor.slug, "fields": changed},
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
            action=AuditAction.DIRECTORY_ACTOR_VERIFIED,
            target=actor,
            details={"actor": actor.slug, "date": today.isoformat()},
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
            action=AuditAction.DIRECTORY_MEETING_CREATED,
            target=meeting,
            details={"kind": kind, "date": date.isoformat()},
        )
    return meeting
