from __future__ import annotations

import datetime

import pytest
from django.core.management import CommandError, call_command

from tokt.audit.models import AuditEntry
from tokt.public.models import Tip, TipStatus
from tokt.public.services import tips_purge

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 27)


def _tip(days_ago: int, status: str) -> Tip:
    tip = Tip.objects.create(message="synthetic test message", contact="", lang="nb", status=status)
    Tip.objects.filter(pk=tip.pk).update(created_on=TODAY - datetime.timedelta(days=days_ago))
    return tip


def test_only_closed_tips_past_the_retention_period_are_deleted():
    old_closed = _tip(200, TipStatus.CLOSED)
    old_open = _tip(200, TipStatus.NEW)
    recent_closed = _tip(10, TipStatus.CLOSED)
    assert tips_purge(older_than_days=180, today=TODAY) == 1
    remaining = set(Tip.objects.values_list("pk", flat=True))
    assert old_closed.pk not in remaining
    assert {old_open.pk, recent_closed.pk} <= remaining


def test_the_purge_is_audited_without_the_messages():
    _tip(400, TipStatus.CLOSED)
    tips_purge(older_than_days=180, today=TODAY)
    entry = AuditEntry.objects.latest("seq")
    assert entry.details["purged_closed_tips"] == 1
    assert "synthetic test message" not in str(entry.hashed_fields())


def test_the_command_reports_and_refuses_a_nonsense_period(capsys):
    _tip(400, TipStatus.CLOSED)
    call_command("purge_tips", "--days", "30")
    assert "Deleted 1 closed tip(s)" in capsys.readouterr().out
    with pytest.raises(CommandError):
        call_command("purge_tips", "--days", "0")
