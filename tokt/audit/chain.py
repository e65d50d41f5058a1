"""The hash chain of the audit trail, in plain Python.

Each entry's hash is SHA-256 over the previous entry's hash followed by the
entry's own canonical content, so changing, removing or reordering any entry
breaks every link after it. Someone who can write the database can still
recompute every later hash, or cut entries off the end; two anchors outside
the database catch that:

- each entry carries an HMAC of its hash under a key that is not in the
  database (``entry_mac``), so a recomputed entry has a MAC that does not fit;
- a signed checkpoint (entry number and head hash) is written outside the
  database after every write, so a missing tail or a different head shows.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable
from dataclasses import dataclass

GENESIS_HASH = "0" * 64


def canonical_content(fields: dict) -> str:
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def entry_hash(prev_hash: str, fields: dict) -> str:
    return hashlib.sha256((prev_hash + canonical_content(fields)).encode("utf-8")).hexdigest()


def entry_mac(key: bytes, entry_hash_hex: str) -> str:
    return hmac.new(key, f"entry:{entry_hash_hex}".encode("ascii"), hashlib.sha256).hexdigest()


def checkpoint_mac(key: bytes, seq: int, entry_hash_hex: str) -> str:
    return hmac.new(key, f"checkpoint:{seq}:{entry_hash_hex}".encode("ascii"), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class ChainLink:
    seq: int
    prev_hash: str
    entry_hash: str
    fields: dict
    mac: str | None = None


@dataclass(frozen=True)
class ChainBreak:
    seq: int
    reason: str


@dataclass(frozen=True)
class Checkpoint:
    seq: int
    entry_hash: str
    mac: str

    def is_signed_with(self, key: bytes) -> bool:
        return hmac.compare_digest(self.mac, checkpoint_mac(key, self.seq, self.entry_hash))


@dataclass(frozen=True)
class ChainState:
    """Where a verification ended: the last entry checked, and whether entries had MACs."""

    seq: int
    entry_hash: str
    signed: bool


START = ChainState(seq=0, entry_hash=GENESIS_HASH, signed=False)


def first_break(
    links: Iterable[ChainLink], *, key: bytes | None = None, start: ChainState = START
) -> ChainBreak | ChainState:
    """Return the first entry whose link is broken, or the state after the last entry when the chain holds.

    Entries written before MACs existed have none; once one entry has a MAC, every
    later entry must have a valid one.
    """
    expected_prev = start.entry_hash
    expected_seq = start.seq + 1
    signed = start.signed
    for link in links:
        if link.seq != expected_seq:
            return ChainBreak(link.seq, f"entry {expected_seq} is missing (next entry is {link.seq})")
        if link.prev_hash != expected_prev:
            return ChainBreak(link.seq, "its previous-entry hash does not match the entry before it")
        if entry_hash(link.prev_hash, link.fields) != link.entry_hash:
            return ChainBreak(link.seq, "its content does not match its hash (the entry was changed)")
        if key is not None and (link.mac or signed):
            if not link.mac or not hmac.compare_digest(link.mac, entry_mac(key, link.entry_hash)):
                return ChainBreak(link.seq, "its HMAC does not match (the entry was changed and re-hashed)")
            signed = True
        expected_prev = link.entry_hash
        expected_seq += 1
    return ChainState(seq=expected_seq - 1, entry_hash=expected_prev, signed=signed)


def compare_checkpoint(
    state: ChainState, checkpoint: Checkpoint | None, key: bytes, *, hash_at_checkpoint: str | None
) -> ChainBreak | None:
    """Compare the verified chain with the last signed checkpoint written outside the database.

    ``hash_at_checkpoint`` is the stored hash of the entry the checkpoint names (None when missing).
    """
    if checkpoint is None:
        return None
    if not checkpoint.is_signed_with(key):
        return ChainBreak(checkpoint.seq, "the checkpoint outside the database has a wrong signature")
    if hash_at_checkpoint is not None and hash_at_checkpoint != checkpoint.entry_hash:
        return ChainBreak(
            checkpoint.seq, "its hash differs from the signed checkpoint outside the database (the trail was re-hashed)"
        )
    if state.seq < checkpoint.seq:
        return ChainBreak(
            state.seq + 1,
            f"entries {state.seq + 1} to {checkpoint.seq} are missing (the checkpoint outside the database "
            f"counts {checkpoint.seq} entries; the trail was cut off at the end)",
        )
    return None
