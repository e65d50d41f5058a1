from __future__ import annotations

from tokt.audit.chain import ChainBreak, ChainLink, first_break
from tokt.audit.models import AuditEntry


def audit_chain_break() -> ChainBreak | None:
    links = (
        ChainLink(seq=e.seq, prev_hash=e.prev_hash, entry_hash=e.entry_hash, fields=e.hashed_fields())
        for e in AuditEntry.objects.chronological().iterator(chunk_size=2000)
    )
    return first_break(links)


def audit_entries(*, action: str = "", username: str = "", date_from=None, date_to=None):
    entries = AuditEntry.objects.select_related(None)
    if action:
        entries = entries.filter(action=action)
    if username:
        entries = entries.filter(actor_username__iexact=username)
    if date_from:
        entries = entries.filter(created_at__date__gte=date_from)
    if date_to:
        entries = entries.filter(created_at__date__lte=date_to)
    return entries.order_by("-seq")
