"""Question flows (tokt/screening/data/questions.yaml) and answers -> states.

Answer rule: "yes" on any question mapping an indicator makes it observed;
"no" on every question of the flow that maps it makes it not observed;
anything else leaves it unknown. The flow is the whole bank, or only the
questions shown for a role/sector/age when those are given.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from .catalogue import DATA_DIR, Catalogue, Text, load_catalogue, read_yaml, text
from .model import AgeGroup, CatalogueError, ScreeningInputError, State

DEFAULT_QUESTIONS = DATA_DIR / "questions.yaml"
ANSWERS = ("yes", "no", "unknown")


@dataclass(frozen=True)
class Question:
    id: str
    text: Text
    indicators: tuple[str, ...]
    facts: tuple[str, ...]
    roles: frozenset[str] | None  # None = all
    sectors: frozenset[str] | None
    age_groups: frozenset[str] | None
    gender_note: Text | None = None
    online: bool = False

    def applies(self, role: str | None, sector: str | None, age_group: str | None) -> bool:
        return (
            (role is None or self.roles is None or role in self.roles)
            and (sector is None or self.sectors is None or sector in self.sectors)
            and (age_group is None or self.age_groups is None or age_group in self.age_groups)
        )


@dataclass(frozen=True)
class Step:
    id: str
    title: Text
    intro: Text | None
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class QuestionBank:
    version: str
    steps: tuple[Step, ...]

    @functools.cached_property
    def by_id(self) -> dict[str, Question]:
        return {q.id: q for s in self.steps for q in s.questions}


def load_questions(path: str | Path | None = None, catalogue: Catalogue | None = None) -> QuestionBank:
    """Load and validate a question bank against a catalogue; the default is cached."""
    if path is None and catalogue is None:
        return _default_bank()
    return _load(Path(path) if path else DEFAULT_QUESTIONS, catalogue or load_catalogue())


@functools.lru_cache(maxsize=1)
def _default_bank() -> QuestionBank:
    return _load(DEFAULT_QUESTIONS, load_catalogue())


def _scope(node: object, allowed: Iterable[str], place: str) -> frozenset[str] | None:
    if node == "all":
        return None
    if not isinstance(node, list) or not node:
        raise CatalogueError(f"{place}: must be 'all' or a non-empty list")
    allowed = frozenset(allowed)
    for item in node:
        if item not in allowed:
            raise CatalogueError(f"{place}: unknown id {item!r}")
    return frozenset(node)


def _load(path: Path, cat: Catalogue) -> QuestionBank:
    data = read_yaml(path)
    origin = path.name
    if not isinstance(data, dict) or not isinstance(data.get("steps"), list):
        raise CatalogueError(f"{origin}.steps: missing")
    roles, sectors = cat.vocab["roles"], cat.vocab["sectors"]
    ages = [a.value for a in AgeGroup]
    seen: set[str] = set()
    steps = []
    for si, step in enumerate(data["steps"]):
        splace = f"{origin}.steps[{si}]"
        sid = step.get("id") if isinstance(step, dict) else None
        if not isinstance(sid, str) or sid in seen:
            raise CatalogueError(f"{splace}.id: missing or duplicate {sid!r}")
        seen.add(sid)
        questions = []
        for qi, q in enumerate(step.get("questions") or []):
            place = f"{splace}.questions[{qi}]"
            qid = q.get("id") if isinstance(q, dict) else None
            if not isinstance(qid, str) or qid in seen:
                raise CatalogueError(f"{place}.id: missing or duplicate {qid!r}")
            seen.add(qid)
            place = f"{place} ({qid})"
            inds = tuple(q.get("indicators") or ())
            facts = tuple(q.get("facts") or ())
            if not inds and not facts:
                raise CatalogueError(f"{place}: maps to no indicator and no fact")
            dims: set[str | None] = set()
            for ident in inds:
                ind = cat.indicators.get(ident)
                if ind is None:
                    raise CatalogueError(f"{place}.indicators: unknown indicator {ident!r}")
                if ind.dimension in dims:
                    raise CatalogueError(
                        f"{place}.indicators: two indicators of dimension {ind.dimension}; one answer may count once per dimension"
                    )
                dims.add(ind.dimension)
            for fid in facts:
                if fid not in cat.facts:
                    raise CatalogueError(f"{place}.facts: unknown fact {fid!r}")
            note = q.get("gender_note")
            questions.append(
                Question(
                    id=qid,
                    text=text(q.get("text"), f"{place}.text"),
                    indicators=inds,
                    facts=facts,
                    roles=_scope(q.get("roles"), roles, f"{place}.roles"),
                    sectors=_scope(q.get("sectors"), sectors, f"{place}.sectors"),
                    age_groups=_scope(q.get("age_groups", "all"), ages, f"{place}.age_groups"),
                    gender_note=text(note, f"{place}.gender_note") if note is not None else None,
                    online=bool(q.get("online", False)),
                )
            )
        if not questions:
            raise CatalogueError(f"{splace}.questions: empty step")
        intro = step.get("intro")
        steps.append(
            Step(
                sid,
                text(step.get("title"), f"{splace}.title"),
                text(intro, f"{splace}.intro") if intro else None,
                tuple(questions),
            )
        )
    return QuestionBank(str(data.get("questions_version", "")), tuple(steps))


def questions_for(
    role: str | None, sector: str | None, age_group: str | AgeGroup | None = None, bank: QuestionBank | None = None
) -> list[Step]:
    """The steps and questions to show one user; empty steps are left out."""
    bank = bank or load_questions()
    age = age_group.value if isinstance(age_group, AgeGroup) else age_group
    out = []
    for step in bank.steps:
        qs = tuple(q for q in step.questions if q.applies(role, sector, age))
        if qs:
            out.append(Step(step.id, step.title, step.intro, qs))
    return out


def _states(
    answers: Mapping[str, str],
    attr: str,
    bank: QuestionBank | None,
    role: str | None,
    sector: str | None,
    age_group: str | None,
) -> dict[str, State]:
    bank = bank or load_questions()
    errors = []
    for qid, value in answers.items():
        if qid not in bank.by_id:
            errors.append(("unknown_question", qid, "ukjent spørsmål", "unknown question"))
        elif value not in ANSWERS:
            errors.append(
                ("bad_answer", qid, "svaret må være yes, no eller unknown", "the answer must be yes, no or unknown")
            )
    if errors:
        raise ScreeningInputError(errors)
    flow = [q for q in bank.by_id.values() if q.applies(role, sector, age_group)]
    states: dict[str, State] = {}
    for q in flow:
        for ident in getattr(q, attr):
            answer = answers.get(q.id, "unknown")
            current = states.get(ident)
            if answer == "yes" or current is State.OBSERVED:
                states[ident] = State.OBSERVED
            elif answer == "no" and current in (None, State.NOT_OBSERVED):
                states[ident] = State.NOT_OBSERVED
            else:
                states[ident] = State.UNKNOWN
    # Ids only reached through unanswered questions stay out: absent = unknown.
    touched = {i for qid in answers for i in getattr(bank.by_id[qid], attr)}
    return {k: v for k, v in sorted(states.items()) if k in touched}


def indicators_from_answers(
    answers: Mapping[str, str],
    bank: QuestionBank | None = None,
    *,
    role: str | None = None,
    sector: str | None = None,
    age_group: str | None = None,
) -> dict[str, State]:
    return _states(answers, "indicators", bank, role, sector, age_group)


def facts_from_answers(
    answers: Mapping[str, str],
    bank: QuestionBank | None = None,
    *,
    role: str | None = None,
    sector: str | None = None,
    age_group: str | None = None,
) -> dict[str, State]:
    return _states(answers, "facts", bank, role, sector, age_group)


def ask_texts(cat: Catalogue) -> Mapping[str, Text]:
    """indicator/fact id -> the first general question that asks about it."""
    found: dict[str, Text] | None = cat.cache.get("ask_texts")
    if found is None:
        try:
            bank = load_questions() if cat is load_catalogue() else load_questions(catalogue=cat)
        except CatalogueError:
            if cat is load_catalogue():
                raise
            bank = QuestionBank("", ())  # a custom catalogue without a matching bank
        found = {}
        # General questions first, so the "ask about" text suits every role.
        ordered = sorted(bank.by_id.values(), key=lambda q: q.roles is not None or q.sectors is not None)
        for q in ordered:
            for ident in (*q.indicators, *q.facts):
                found.setdefault(ident, q.text)
        cat.cache["ask_texts"] = found
    return found
