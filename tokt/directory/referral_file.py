"""Parsing of ``referral_paths.yaml`` into :class:`Situation` records (pure Python, no Django).

``parse_situations`` takes the already-read YAML content and the ids of the
known actors, and appends every problem to the caller's error list, each
message naming the file, the situation, the step number and the field;
``datafile.load_referral_paths`` reads the file and raises the collected errors.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tokt.directory.field_rules import LocalText, check_id, check_str_list, check_text
from tokt.directory.yaml_reader import numbered_rows, top_level_rows

# Situations every referral_paths.yaml must contain.
REQUIRED_SITUATIONS = (
    "acute_danger",
    "adult_sexual_exploitation",
    "adult_forced_labour",
    "minor",
    "no_legal_residence",
    "no_police_wanted",
)
# The first step of every situation must involve this actor (112).
ACUTE_ACTOR = "emergency_police"

TOP_LEVEL_KEYS = frozenset({"meta", "situations"})
SITUATION_KEYS = frozenset({"id", "title", "summary", "steps", "sources", "unverified"})
STEP_KEYS = frozenset({"title", "detail", "actors", "when"})


@dataclass(frozen=True)
class Step:
    title: LocalText
    detail: LocalText
    actors: tuple[str, ...]
    when: LocalText | None = None

    @property
    def responsible(self) -> str:
        """Id of the actor responsible for this step (the first one named)."""
        return self.actors[0]


@dataclass(frozen=True)
class Situation:
    id: str
    title: LocalText
    summary: LocalText
    steps: tuple[Step, ...]
    sources: tuple[str, ...] = ()
    unverified: tuple[str, ...] = ()


def parse_situations(data: Any, filename: str, actor_ids: set[str], errors: list[str]) -> list[Situation]:
    """The valid situations in ``data``; also reports any of ``REQUIRED_SITUATIONS`` that is missing."""
    rows = top_level_rows(data, key="situations", allowed=TOP_LEVEL_KEYS, filename=filename, errors=errors)
    if not rows:
        return []
    numbered, seen = numbered_rows(rows, noun="situation", filename=filename, errors=errors)
    situations: list[Situation] = []
    for index, row, duplicate in numbered:
        situation = _parse_situation(row, index, filename, actor_ids, errors)
        if situation is not None and not duplicate:
            situations.append(situation)

    for required in REQUIRED_SITUATIONS:
        if required not in seen:
            errors.append(f"{filename}: missing required situation {required!r}")
    return situations


def _parse_situation(row: Any, index: int, filename: str, actor_ids: set[str], errors: list[str]) -> Situation | None:
    if not isinstance(row, Mapping):
        errors.append(f"{filename}: situation #{index}: must be a mapping")
        return None
    raw_id = row.get("id")
    label = f"situation {raw_id!r}" if isinstance(raw_id, str) else f"situation #{index}"
    start = len(errors)

    def err(field: str, message: str) -> None:
        errors.append(f"{filename}: {label} / {field}: {message}")

    for key in row:
        if key not in SITUATION_KEYS:
            err(str(key), "unknown field")
    for key in ("id", "title", "summary", "steps"):
        if key not in row:
            err(key, "missing required field")

    situation_id = check_id(row.get("id"), err) if "id" in row else None
    title = check_text(row, "title", err)
    summary = check_text(row, "summary", err)
    sources = check_str_list(row, "sources", err)
    unverified = check_str_list(row, "unverified", err)

    steps: list[Step] = []
    raw_steps = row.get("steps")
    if "steps" in row:
        if not isinstance(raw_steps, list) or not raw_steps:
            err("steps", "must be a non-empty list")
        else:
            for number, raw_step in enumerate(raw_steps, start=1):
                step = _parse_step(raw_step, f"{filename}: {label} / step {number}", actor_ids, errors)
                if step is not None:
                    steps.append(step)
            first = raw_steps[0]
            first_actors = first.get("actors") if isinstance(first, Mapping) else None
            if not isinstance(first_actors, list) or ACUTE_ACTOR not in first_actors:
                err(
                    "step 1 / actors",
                    f"the first step must involve {ACUTE_ACTOR!r} (acute danger: 112)",
                )

    if len(errors) > start:
        return None
    return Situation(
        id=situation_id,
        title=title,
        summary=summary,
        steps=tuple(steps),
        sources=sources,
        unverified=unverified,
    )


def _parse_step(raw: Any, place: str, actor_ids: set[str], errors: list[str]) -> Step | None:
    start = len(errors)

    def err(field: str, message: str) -> None:
        errors.append(f"{place} / {field}: {message}")

    if not isinstance(raw, Mapping):
        errors.append(f"{place}: must be a mapping")
        return None
    for key in raw:
        if key not in STEP_KEYS:
            err(str(key), "unknown field")
    for key in ("title", "detail", "actors"):
        if key not in raw:
            err(key, "missing required field")
    title = check_text(raw, "title", err)
    detail = check_text(raw, "detail", err)
    when = check_text(raw, "when", err, required=False)

    actors: tuple[str, ...] = ()
    if "actors" in raw:
        value = raw["actors"]
        if not isinstance(value, list) or not value:
            err("actors", "must be a non-empty list of actor ids (first = responsible)")
        else:
            for actor_id in value:
                if actor_id not in actor_ids:
                    err("actors", f"unknown actor id {actor_id!r}")
            if len(set(value)) != len(value):
                err("actors", "names an actor twice")
            actors = tuple(value)

    if len(errors) > start:
        return None
    return Step(title=title, detail=detail, actors=actors, when=when)
