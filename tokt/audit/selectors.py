from __future__ import annotations

from tokt.audit import anchor
from tokt.audit.chain import START, ChainBreak, ChainLink, ChainState, compare_checkpoint, first_break
from tokt.audit.models import AuditEntry


def _links(entries):
    for e in entries.iterator(chunk_size=2000):
        yield ChainLink(seq=e.seq, prev_hash=e.prev_hash, entry_hash=e.entry_hash, fields=e.hashed_fields(), mac=e.mac)


def audit_chain_break(*, incremental: bool = False) -> ChainBreak | None:
    """Verify the chain, its HMACs and the signed checkpoint outside the database; return the first break.

    ``incremental`` starts from the last verified position (a signed marker next to the
    checkpoint) instead of the first entry: fast for the audit page, while
    ``verify-audit`` re-reads everything.
    """
    key = anchor.audit_key()
    start = START
    marker = anchor.verified_read() if incremental else None
    if marker is not None:
        at = AuditEntry.objects.filter(seq=marker.seq).values_list("entry_hash", "mac").first()
        if at is None or at[0] != marker.entry_hash:
            return ChainBreak(marker.seq, "it differs from the last verified state (the entry was changed or removed)")
        start = ChainState(seq=marker.seq, entry_hash=marker.entry_hash, signed=bool(at[1]))
    result = first_break(_links(AuditEntry.objects.filter(seq__gt=start.seq).order_by("seq")), key=key, start=start)
    if isinstance(result, ChainBreak):
        return result
    checkpoint = anchor.checkpoint_read()
    hash_at = None
    if checkpoint is not None:
        hash_at = AuditEntry.objects.filter(seq=checkpoint.seq).values_list("entry_hash", flat=True).first()
    broken = compare_checkpoint(result, checkpoint, key, hash_at_checkpoint=hash_at)
    if broken is None and result.seq:
        anchor.verified_write(seq=result.seq, entry_hash=result.entry_hash)
        anchor.checkpoint_write(seq=result.seq, entry_hash=result.entry_hash)
    return broken


class NewestFirst:
    """The whole trail, newest first, as Paginator sees it: counted and sliced by entry number.

    Entry numbers run 1..N without gaps (a gap is a chain break the page reports),
    so a page is a range of numbers: no COUNT(*) or OFFSET over a million rows.
    """

    def __init__(self) -> None:
        last = AuditEntry.objects.order_by("-seq").values_list("seq", flat=True).first()
        self.last = last or 0

    def count(self) -> int:
        return self.last

    def __len__(self) -> int:
        return self.last

    def __getitem__(self, index: slice) -> list[AuditEntry]:
        high, low = self.last - (index.start or 0), self.last - (index.stop or self.last)
        return list(AuditEntry.objects.filter(seq__gt=low, seq__lte=high).order_by("-seq"))


def audit_entries(*, action: str = "", username: str = "", date_from=None, date_to=None):
    if not (action or username or date_from or date_to):
        return NewestFirst()
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
