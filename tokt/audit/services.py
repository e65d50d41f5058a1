"""The one way to write the audit trail.

Call ``log_action`` inside the same ``transaction.atomic()`` block as the action
it records. If the audit row cannot be written the exception propagates, the
transaction rolls back and the action does not happen (fail closed).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Model
from django.utils import timezone

from tokt.audit import anchor
from tokt.audit.chain import GENESIS_HASH, entry_hash, entry_mac
from tokt.audit.models import AuditAction, AuditEntry

T = TypeVar("T")

# Any constant works: it names the advisory lock that serialises chain writers.
_PG_CHAIN_LOCK = 7270257


def _lock_chain() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_PG_CHAIN_LOCK])
    # SQLite: the connection runs transactions in IMMEDIATE mode (settings), so
    # the write lock is already held for the whole transaction.


def log_action(
    *,
    actor=None,
    action: AuditAction,
    target: Model | None = None,
    target_type: str = "",
    target_id: str = "",
    details: dict | None = None,
    actor_username: str | None = None,
) -> AuditEntry:
    """Append one entry to the audit trail and return it."""
    if target is not None:
        target_type = target._meta.label_lower
        target_id = str(target.pk)
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    with transaction.atomic():
        _lock_chain()
        last = AuditEntry.objects.order_by("-seq").only("seq", "entry_hash").first()
        entry = AuditEntry(
            seq=(last.seq + 1) if last else 1,
            created_at=timezone.now(),
            actor=actor,
            actor_username=actor_username if actor_username is not None else (actor.get_username() if actor else ""),
            action=action,
            target_type=target_type,
            target_id=target_id,
            details=details or {},
            prev_hash=last.entry_hash if last else GENESIS_HASH,
        )
        entry.entry_hash = entry_hash(entry.prev_hash, entry.hashed_fields())
        entry.mac = entry_mac(anchor.audit_key(), entry.entry_hash)
        entry.save(force_insert=True)
        # Only a committed entry may be named by the checkpoint outside the database.
        transaction.on_commit(lambda: anchor.checkpoint_write(seq=entry.seq, entry_hash=entry.entry_hash))
    return entry


def read_with_audit(
    *,
    actor,
    target: Model | None = None,
    load: Callable[[], T],
    details: dict | None = None,
    action: AuditAction = AuditAction.RECORD_READ,
    target_type: str = "",
) -> T:
    """Record a read of ``target`` and return ``load()``; without the record, no data."""
    with transaction.atomic():
        log_action(actor=actor, action=action, target=target, target_type=target_type, details=details)
        return load()


def log_action_aggregated(*, key: str, window_seconds: int = 600, **fields) -> AuditEntry | None:
    """Write at most one entry per ``key`` and window; the next entry counts the ones left out.

    For events anyone can repeat cheaply (refusals, failed sign-ins), so they cannot flood
    the trail. The counts live in the cache; only the entries themselves are permanent.
    """
    window, carried = f"tokt-audit-window:{key}", f"tokt-audit-carried:{key}"
    if not cache.add(window, 1, window_seconds):
        cache.add(carried, 0, 7 * 86400)
        try:
            cache.incr(carried)
        except ValueError:
            cache.set(carried, 1, 7 * 86400)
        return None
    left_out = cache.get(carried) or 0
    cache.delete(carried)
    if left_out:
        fields["details"] = {**(fields.get("details") or {}), "similar_left_out_before": left_out}
    return log_action(**fields)
