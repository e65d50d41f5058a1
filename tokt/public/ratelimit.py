"""A global sliding-window limit on accepted tips: counts per minute, no identities."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

from tokt.public.models import TipWindow


def limits() -> tuple[int, int]:
    return (
        getattr(settings, "TOKT_PUBLIC_TIPS_PER_MINUTE", 10),
        getattr(settings, "TOKT_PUBLIC_TIPS_PER_HOUR", 60),
    )


def _this_minute() -> dt.datetime:
    return timezone.now().replace(second=0, microsecond=0)


def allowed() -> bool:
    per_minute, per_hour = limits()
    minute = _this_minute()
    recent = TipWindow.objects.filter(minute__gt=minute - dt.timedelta(hours=1))
    last_hour = recent.aggregate(n=Sum("count"))["n"] or 0
    this_minute = recent.filter(minute=minute).aggregate(n=Sum("count"))["n"] or 0
    return this_minute < per_minute and last_hour < per_hour


def record() -> None:
    """Count one accepted tip and forget windows older than an hour. Call inside a transaction."""
    minute = _this_minute()
    TipWindow.objects.filter(minute__lte=minute - dt.timedelta(hours=1)).delete()
    if TipWindow.objects.filter(minute=minute).update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            TipWindow.objects.create(minute=minute, count=1)
    except IntegrityError:  # a concurrent request created the row first
        TipWindow.objects.filter(minute=minute).update(count=F("count") + 1)
