"""The one place the self-check talks to the screening engine (tokt.screening.engine).

Answers (question id -> "yes" | "no" | "unknown") become indicator states per
data/questions.yaml and go through the same ``assess()`` as every screening.
"""

from __future__ import annotations

from dataclasses import dataclass

from tokt.screening.engine import State, assess, parse_input

from .texts import Question, questions

ANSWERS = ("yes", "no", "unknown")


@dataclass(frozen=True)
class Outcome:
    position: str  # the engine's continuum position now
    could_reach: str  # the highest position still possible if the unknowns turn out present
    areas: tuple[str, ...]  # rights areas with a "yes", in question order
    unsure_areas: tuple[str, ...]  # areas with a "don't know" and no "yes"
    danger: bool  # a "yes" to threats: the result opens with 112


def indicator_states(answers: dict[str, str], qs: tuple[Question, ...] | None = None) -> dict[str, State]:
    states: dict[str, State] = {}
    for q in qs or questions():
        answer = answers.get(q.id, "unknown")
        state = {"yes": State.OBSERVED, "no": State.NOT_OBSERVED}.get(answer, State.UNKNOWN)
        for ind in q.indicators:
            before = states.get(ind)
            if before is State.OBSERVED or state is State.OBSERVED:
                states[ind] = State.OBSERVED
            elif before is State.UNKNOWN or state is State.UNKNOWN:
                states[ind] = State.UNKNOWN
            else:
                states[ind] = State.NOT_OBSERVED
    return states


def assess_answers(answers: dict[str, str]) -> Outcome:
    qs = questions()
    data = {
        "age_group": "adult",
        "exploitation_types": ["labour"],
        "indicators": {k: v.value for k, v in indicator_states(answers, qs).items()},
    }
    result = assess(parse_input(data))
    areas: list[str] = []
    unsure: list[str] = []
    for q in qs:
        answer = answers.get(q.id, "unknown")
        if answer == "yes" and q.area not in areas:
            areas.append(q.area)
    for q in qs:
        if answers.get(q.id, "unknown") == "unknown" and q.area not in areas and q.area not in unsure:
            unsure.append(q.area)
    return Outcome(
        position=result.continuum,
        could_reach=result.continuum_could_reach,
        areas=tuple(areas),
        unsure_areas=tuple(unsure),
        danger=answers.get("threats") == "yes",
    )
