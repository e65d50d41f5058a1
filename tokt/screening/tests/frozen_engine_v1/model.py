"""Input types of the screening engine (pure Python, no Django)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType


class AgeGroup(StrEnum):
    UNDER_18 = "under_18"
    ADULT = "adult"
    UNKNOWN = "unknown"


class State(StrEnum):
    """State of one indicator or fact. UNKNOWN is never read as "no"."""

    OBSERVED = "observed"
    NOT_OBSERVED = "not_observed"
    UNKNOWN = "unknown"


class ExploitationType(StrEnum):
    """Types the engine screens.

    LABOUR and CRIME_BEGGING use the ILO/EC labour lists; SEXUAL uses the
    sexual lists (strengths by proxy until read); OTHER (forced marriage, organ
    removal, illegal adoption) and UNKNOWN evaluate both labour and sexual.
    UNKNOWN cannot be combined with another type.
    """

    LABOUR = "labour"
    SEXUAL = "sexual"
    CRIME_BEGGING = "crime_begging"
    OTHER = "other"
    UNKNOWN = "unknown"


class ScreeningError(Exception):
    """Base class of the engine's errors."""


class CatalogueError(ScreeningError):
    """The catalogue (or question) YAML is invalid; the message names the place."""


class ScreeningInputError(ScreeningError):
    """Input that cannot be screened; carries messages in bokmål and English.

    `errors` holds (code, place, message_nb, message_en) tuples in input order.
    """

    def __init__(self, errors: list[tuple[str, str, str, str]]) -> None:
        self.errors = list(errors)
        super().__init__("; ".join(self.messages_en))

    @property
    def codes(self) -> list[str]:
        return [e[0] for e in self.errors]

    @property
    def messages_nb(self) -> list[str]:
        return [f"{e[1]}: {e[2]}" if e[1] else e[2] for e in self.errors]

    @property
    def messages_en(self) -> list[str]:
        return [f"{e[1]}: {e[3]}" if e[1] else e[3] for e in self.errors]


def _frozen(mapping: Mapping[str, State] | None) -> Mapping[str, State]:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True)
class ScreeningInput:
    """One screening. An indicator or fact that is absent is UNKNOWN."""

    age_group: AgeGroup
    exploitation_types: frozenset[ExploitationType] = frozenset({ExploitationType.UNKNOWN})
    indicators: Mapping[str, State] = field(default_factory=dict)
    facts: Mapping[str, State] = field(default_factory=dict)
    municipality: str | None = None
    sector: str | None = None
    role: str | None = None

    def __post_init__(self) -> None:
        # Freeze the mappings so an input can be shared and hashed safely.
        object.__setattr__(self, "indicators", _frozen(self.indicators))
        object.__setattr__(self, "facts", _frozen(self.facts))
        types = frozenset(self.exploitation_types) or frozenset({ExploitationType.UNKNOWN})
        object.__setattr__(self, "exploitation_types", types)

    def indicator(self, indicator_id: str) -> State:
        return self.indicators.get(indicator_id, State.UNKNOWN)

    def fact(self, fact_id: str) -> State:
        return self.facts.get(fact_id, State.UNKNOWN)

    def with_indicator(self, indicator_id: str, state: State) -> ScreeningInput:
        changed = dict(self.indicators)
        changed[indicator_id] = state
        return _replace(self, indicators=changed)

    def with_fact(self, fact_id: str, state: State) -> ScreeningInput:
        changed = dict(self.facts)
        changed[fact_id] = state
        return _replace(self, facts=changed)

    def to_dict(self) -> dict[str, object]:
        return {
            "age_group": self.age_group.value,
            "exploitation_types": sorted(t.value for t in self.exploitation_types),
            "indicators": {k: v.value for k, v in sorted(self.indicators.items())},
            "facts": {k: v.value for k, v in sorted(self.facts.items())},
            "municipality": self.municipality,
            "sector": self.sector,
            "role": self.role,
        }


def _replace(inp: ScreeningInput, **changes: object) -> ScreeningInput:
    values: dict[str, object] = {
        "age_group": inp.age_group,
        "exploitation_types": inp.exploitation_types,
        "indicators": inp.indicators,
        "facts": inp.facts,
        "municipality": inp.municipality,
        "sector": inp.sector,
        "role": inp.role,
    }
    values.update(changes)
    return ScreeningInput(**values)  # type: ignore[arg-type]
