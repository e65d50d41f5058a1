"""Limits on the public tip form that never learn who anyone is.

Per client: the address is replaced by an HMAC under a random key that is made
each day and lives only in the cache (never in the database, never in a log);
the counts live in the cache for an hour. Yesterday's key expires, so today's
counts cannot be linked to an address or to yesterday's. Without a shared
cache each worker process counts on its own, which only makes the limit looser.

Global: a high last resort against a flood from many addresses, counted per
minute in the database without identities, so the coordinators' queue can
grow by at most a known number of tips an hour.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

from tokt.public.models import TipWindow

_KEY_SECONDS = 26 * 3600
_CLIENT_WINDOW_SECONDS = 3600


def limits() -> tuple[int, int]:
    return (
        getattr(settings, "TOKT_PUBLIC_TIPS_PER_MINUTE", 30),
        getattr(settings, "TOKT_PUBLIC_TIPS_PER_HOUR", 300),
    )


def client_limit() -> int:
    return getattr(settings, "TOKT_PUBLIC_TIPS_PER_CLIENT_HOUR", 5)


def _daily_key() -> bytes:
    name = f"tokt-tip-key:{timezone.localdate().isoformat()}"
    key = cache.get(name)
    if key is None:
        cache.add(name, secrets.token_bytes(32), _KEY_SECONDS)
        key = cache.get(name)
    return key


def client_of(request) -> str:
    """A keyed hash of the client's address, valid for today only; the address itself is not kept."""
    address = request.META.get("REMOTE_ADDR", "")
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        # Behind the operator's proxy, the last hop it appended is the client it saw.
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
        address = forwarded[-1] if forwarded else address
    return hmac.new(_daily_key(), address.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


def client_allowed(client: str) -> bool:
    return (cache.get(f"tokt-tip-client:{client}") or 0) < client_limit()


def client_record(client: str) -> None:
    name = f"tokt-tip-client:{client}"
    cache.add(name, 0, _CLIENT_WINDOW_SECONDS)
    try:
        cache.incr(name)
    except ValueError:  # expired between add and incr
        cache.set(name, 1, _CLIENT_WINDOW_SECONDS)


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
