"""Writes for the public site: receiving tips and triaging them."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tokt.audit.models import AuditAction
from tokt.audit.services import log_action
from tokt.public import ratelimit
from tokt.public.models import Tip, TipStatus


class PublicError(Exception):
    """A refused write, with a code the view turns into a message in the reader's language."""

    def __init__(self, code: str, message: str = ""):
        super().__init__(message or code)
        self.code = code
        self.message = message or code


def tip_submit(*, message: str, contact: str, lang: str, client: str = "") -> Tip:
    """Store a validated tip. Raises PublicError("client") when this client (a keyed hash from
    ratelimit.client_of, never stored) has sent its share, and PublicError("busy") at the global limit.

    Not written to the audit trail on purpose: an audit entry carries the exact
    time, and a tip keeps only its date.
    """
    if client and not ratelimit.client_allowed(client):
        raise PublicError("client")
    with transaction.atomic():
        if not ratelimit.allowed():
            raise PublicError("busy")
        tip = Tip.objects.create(message=message, contact=contact, lang=lang)
        ratelimit.record()
    if client:
        ratelimit.client_record(client)
    return tip


def tip_triage(*, actor, tip: Tip, status: str, triage_note: str) -> Tip:
    if status not in TipStatus.values:
        raise PublicError("status", _("Ukjent status."))
    with transaction.atomic():
        before = tip.status
        tip.status = status
        tip.triage_note = triage_note
        tip.save(update_fields=["status", "triage_note"])
        # The note may name people: the audit trail records that it changed, not what it says.
        log_action(
            actor=actor,
            action=AuditAction.TIP_TRIAGED,
            target=tip,
            details={"status": status, "status_before": before, "note_changed": True},
        )
    return tip


def tips_purge(*, older_than_days: int, today=None) -> int:
    """Delete closed tips received more than ``older_than_days`` days ago; return how many.

    Tips can name people at risk: once a coordinator has closed one, it is kept
    only as long as the retention period says.
    """
    if older_than_days < 1:
        raise PublicError("retention", _("Oppbevaringstiden må være minst én dag."))
    cutoff = (today or timezone.localdate()) - datetime.timedelta(days=older_than_days)
    with transaction.atomic():
        doomed = Tip.objects.filter(status=TipStatus.CLOSED, created_on__lt=cutoff)
        count = doomed.count()
        doomed.delete()
        log_action(
            action=AuditAction.TIPS_PURGED,
            target_type="public.tip",
            details={"purged_closed_tips": count, "received_before": cutoff.isoformat()},
        )
    return count
