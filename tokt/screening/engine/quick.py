"""The quick screening: the few questions that tell most for this role, sector and age.

Design choice (no source): a question is as telling as the most telling
unknown it asks about, ranked by the same "what would it change" scores as
the result's list of unknowns (unknowns.py). The safety question (acute
danger) always comes first; a question written for the sector wins a tie.
"ask me more" is the same ranking over the answers given so far.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .assess import assess
from .contacts import NoContacts
from .model import AgeGroup, ExploitationType, ScreeningInput
from .questions import Question, facts_from_answers, indicators_from_answers, questions_for

QUICK_LIMIT = 12
MORE_LIMIT = 5


def ranked_questions(
    role: str | None,
    sector: str | None,
    age_group: str,
    types: Iterable[str],
    answers: Mapping[str, str] | None = None,
    *,
    exclude: Iterable[str] = (),
    limit: int = QUICK_LIMIT,
) -> tuple[Question, ...]:
    answers = dict(answers or {})
    inp = ScreeningInput(
        age_group=AgeGroup(age_group),
        exploitation_types=frozenset(ExploitationType(t) for t in types) or frozenset({ExploitationType.UNKNOWN}),
        indicators=indicators_from_answers(answers, role=role, sector=sector, age_group=age_group),
        facts=facts_from_answers(answers, role=role, sector=sector, age_group=age_group),
    )
    scores = {u.id: u.score for u in assess(inp, contacts=NoContacts(), max_unknowns=500).unknowns}
    skip = set(exclude) | {qid for qid, value in answers.items() if value != "unknown"}
    candidates = []
    for order, q in enumerate(q for step in questions_for(role, sector, age_group) for q in step.questions):
        if q.id in skip:
            continue
        score = max((scores.get(i, 0) for i in (*q.indicators, *q.facts)), default=0)
        if score:
            candidates.append((-score, q.sectors is None, order, q))
    candidates.sort(key=lambda c: c[:3])
    picked: list[Question] = []
    asked: set[tuple[str, ...]] = set()
    for *_, q in candidates:
        # Two questions about the same sign tell the same: ask one of them.
        key = (*q.indicators, *q.facts)
        if key not in asked:
            asked.add(key)
            picked.append(q)
        if len(picked) == limit:
            break
    return tuple(picked)
