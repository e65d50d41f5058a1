"""Writes for the public site: receiving tips and triaging them."""

from __future__ import annotations

from django.db import transaction
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


def tip_submit(*, message: str, contact: str, lang: str) -> Tip:
    """Store a validated tip. Raises PublicError("busy") when the global limit is reached.

    Not written to the audit trail on purpose: an audit entry carries the exact
    time, and a tip keeps only its date.
    """
    with transaction.atomic():
        if not ratelimit.allowed():
            raise PublicError("busy")
        tip = Tip.objects.create(message=message, contact=contact, lang=lang)
        ratelimit.record()
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
            action=AuditAction.RECORD_WRITTEN,
            target=tip,
            details={"status": status, "status_before": before, "note_changed": True},
        )
    return tip
