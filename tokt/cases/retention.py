"""Retention: closed cases are anonymised when their period runs out; owners are warned a month ahead.

Anonymising deletes every free text (notes, reasons, discussions, referral texts),
the screening answers and the consents, and coarsens what could single a person
out (country, exact dates), so the structured fields still count in statistics.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tokt.audit.models import AuditAction
from tokt.audit.services import log_action
from tokt.cases import notify
from tokt.cases.choices import CaseStatus
from tokt.cases.models import AgendaItem, Case, Consent, Note, Referral, StatusChange

WARN_DAYS = 30


@dataclass(frozen=True)
class RetentionRun:
    warned: int
    anonymised: int


def due_for_warning(today: dt.date):
    return Case.objects.filter(
        status=CaseStatus.CLOSED,
        anonymised_at__isnull=True,
        retention_warned_on__isnull=True,
        retain_until__lte=today + dt.timedelta(days=WARN_DAYS),
        retain_until__gt=today,
    )


def due_for_anonymising(today: dt.date):
    return Case.objects.filter(status=CaseStatus.CLOSED, anonymised_at__isnull=True, retain_until__lte=today)


def case_anonymise(*, case: Case) -> None:
    with transaction.atomic():
        Note.objects.filter(case=case).delete()
        Consent.objects.filter(case=case).delete()
        StatusChange.objects.filter(case=case).update(reason="")
        AgendaItem.objects.filter(case=case).update(discussion="", conclusion="")
        Referral.objects.filter(case=case).update(purpose="", answer_reason="")
        Case.objects.filter(pk=case.pk).update(
            country="",
            met_on=case.met_on.replace(month=1, day=1),
            review_on=None,
            screening={},
            anonymised_at=timezone.now(),
        )
        log_action(action=AuditAction.CASE_ANONYMISED, target=case, actor_username="system")


def run(today: dt.date | None = None) -> RetentionRun:
    today = today or timezone.localdate()
    warned = 0
    for case in due_for_warning(today).select_related("agency"):
        with transaction.atomic():
            Case.objects.filter(pk=case.pk).update(retention_warned_on=today)
            log_action(
                action=AuditAction.CASE_RETENTION_WARNED,
                target=case,
                actor_username="system",
                details={"retain_until": case.retain_until.isoformat()},
            )
            notify.notify_agency(case.agency_id, _("En avsluttet sak i ToKt blir snart anonymisert"))
        warned += 1
    anonymised = 0
    for case in due_for_anonymising(today):
        case_anonymise(case=case)
        anonymised += 1
    return RetentionRun(warned=warned, anonymised=anonymised)
