"""Shared builders for the screening engine tests (no Django)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from tokt.screening.engine import (
    AgeGroup,
    Assessment,
    ExploitationType,
    ScreeningInput,
    State,
    YamlContacts,
    assess,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CONTACTS = YamlContacts(FIXTURES / "actors.yaml")
# Phrases the tool must never produce: it screens, it does not decide.
FORBIDDEN = (
    "not trafficking",
    "is not trafficking",
    "ikke menneskehandel",
    "ikke er menneskehandel",
    "is a victim",
    "er et offer",
)


def make_input(
    age: str = "adult",
    types: Iterable[str] = ("labour",),
    observed: Iterable[str] = (),
    not_observed: Iterable[str] = (),
    facts: Mapping[str, str] | None = None,
    **extra: str | None,
) -> ScreeningInput:
    indicators = {i: State.NOT_OBSERVED for i in not_observed}
    indicators.update({i: State.OBSERVED for i in observed})
    return ScreeningInput(
        age_group=AgeGroup(age),
        exploitation_types=frozenset(ExploitationType(t) for t in types),
        indicators=indicators,
        facts={k: State(v) for k, v in (facts or {}).items()},
        **extra,
    )


def screen(*args: object, **kwargs: object) -> Assessment:
    return assess(make_input(*args, **kwargs), contacts=CONTACTS)


def dim(a: Assessment, dimension: str, profile: str | None = None) -> str:
    p = a.profiles[0] if profile is None else next(x for x in a.profiles if x.id == profile)
    return next(d.status for d in p.dimensions if d.id == dimension)


def profile(a: Assessment, profile_id: str) -> str:
    return next(p.conclusion for p in a.profiles if p.id == profile_id)


def all_text(a: Assessment) -> str:
    import json

    from tokt.screening.engine import render_text

    return (json.dumps(a.to_dict(), ensure_ascii=False) + render_text(a, "nb") + render_text(a, "en")).lower()


def actors(a: Assessment) -> list[str]:
    return [s.actor_id for s in a.next_steps]


def all_in(dimension: str) -> list[str]:
    from tokt.screening.engine import load_catalogue

    return [i.id for i in load_catalogue().indicators.values() if i.dimension == dimension]


MEANS_DIMS = ("DR", "CR", "AVR", "CD", "AVD")
