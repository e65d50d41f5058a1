"""The one place the training app talks to the screening engine (its public API only).

The engine is being rewritten behind a stable public API; if an import or a
field name changes, this file is the only one to adapt.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tokt.screening.engine import AgeGroup, ExploitationType, ScreeningInput, State, assess, load_catalogue


@dataclass(frozen=True)
class EngineResult:
    position: str  # a continuum id, or "insufficient_information"
    ilo_conclusion: str  # "yes" | "no" | "insufficient_information"
    reason_nb: str
    reason_en: str

    def reason(self, lang: str) -> str:
        return self.reason_en if lang == "en" else self.reason_nb


def sign_ids() -> frozenset[str]:
    return frozenset(load_catalogue().indicators)


def fact_ids() -> frozenset[str]:
    return frozenset(load_catalogue().facts)


def sign_names(ids: Iterable[str], lang: str) -> dict[str, str]:
    indicators = load_catalogue().indicators
    return {i: indicators[i].name.get(lang) if i in indicators else i for i in ids}


def screen_signs(
    observed: Iterable[str], *, age_group: str, types: Iterable[str], facts: Iterable[str] = ()
) -> EngineResult:
    """What the screening engine says about these signs; signs not ticked stay unknown, never "no"."""
    inp = ScreeningInput(
        age_group=AgeGroup(age_group),
        exploitation_types=frozenset(ExploitationType(t) for t in types),
        indicators={i: State.OBSERVED for i in observed},
        facts={f: State.OBSERVED for f in facts},
    )
    assessment = assess(inp)
    reason = assessment.continuum_reason
    return EngineResult(assessment.continuum, assessment.ilo_conclusion, reason.nb, reason.en)
