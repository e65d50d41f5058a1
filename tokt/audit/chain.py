"""The hash chain of the audit trail, in plain Python.

Each entry's hash is SHA-256 over the previous entry's hash followed by the
entry's own canonical content, so changing, removing or reordering any entry
breaks every link after it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

GENESIS_HASH = "0" * 64


def canonical_content(fields: dict) -> str:
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def entry_hash(prev_hash: str, fields: dict) -> str:
    return hashlib.sha256((prev_hash + canonical_content(fields)).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainLink:
    seq: int
    prev_hash: str
    entry_hash: str
    fields: dict


@dataclass(frozen=True)
class ChainBreak:
    seq: int
    reason: str


def first_break(links: Iterable[ChainLink]) -> ChainBreak | None:
    """Return the first entry whose link is broken, or None when the chain holds."""
    expected_prev = GENESIS_HASH
    expected_seq = 1
    for link in links:
        if link.seq != expected_seq:
            return ChainBreak(link.seq, f"entry {expected_seq} is missing (next entry is {link.seq})")
        if link.prev_hash != expected_prev:
            return ChainBreak(link.seq, "its previous-entry hash does not match the entry before it")
        if entry_hash(link.prev_hash, link.fields) != link.entry_hash:
            return ChainBreak(link.seq, "its content does not match its hash (the entry was changed)")
        expected_prev = link.entry_hash
        expected_seq += 1
    return None
