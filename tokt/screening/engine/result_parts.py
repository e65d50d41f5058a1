"""Small result records of a screening (parts of an Assessment)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .catalogue import Text
from .contacts import Contact

# Three-valued codes from the core, as output words.
THREE_WAY = ("no", "insufficient_information", "yes")
ELEMENT = ("not_met", "unknown", "met")


@dataclass(frozen=True)
class DimensionResult:
    id: str
    name: Text
    status: str  # positive | not_positive | cannot_tell_yet
    observed: tuple[tuple[str, str], ...]  # (indicator id, strength) that decide it
    unknown_count: int
    not_observed_count: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "decided_by": [{"id": i, "strength": s} for i, s in self.observed] if self.observed else [],
            "id": self.id,
            "name": self.name.to_dict(),
            "not_observed_count": self.not_observed_count,
            "status": self.status,
            "unknown_count": self.unknown_count,
        }


@dataclass(frozen=True)
class ProfileResult:
    id: str
    audience: str
    exploitation_type: str
    conditional_on_age: bool
    strength_basis: str
    dimensions: tuple[DimensionResult, ...]
    conclusion: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "audience": self.audience,
            "conclusion": self.conclusion,
            "conditional_on_age": self.conditional_on_age,
            "dimensions": {d.id: d.to_dict() for d in self.dimensions},
            "exploitation_type": self.exploitation_type,
            "id": self.id,
            "rule": "child" if self.audience == "child" else "adult",
            "strength_basis": self.strength_basis,
        }


@dataclass(frozen=True)
class UnknownItem:
    kind: str  # indicator | fact | age
    id: str
    score: int
    effects: tuple[str, ...]
    name: Text
    ask: Text

    def to_dict(self, rank: int) -> dict[str, Any]:
        return {
            "ask": self.ask.to_dict(),
            "effects": list(self.effects),
            "id": self.id,
            "kind": self.kind,
            "name": self.name.to_dict(),
            "rank": rank,
            "score": self.score,
        }


@dataclass(frozen=True)
class NextStep:
    actor_id: str
    reason: Text
    contact: Contact | None

    def to_dict(self, order: int) -> dict[str, Any]:
        return {
            "actor_id": self.actor_id,
            "contact": self.contact.to_dict() if self.contact else None,
            "order": order,
            "reason": self.reason.to_dict(),
        }
