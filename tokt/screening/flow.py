"""The step-by-step screening form, carried in the URL of each GET (nothing is stored).

Quick by default: at most 12 questions chosen for the role, sector and age,
most telling first (engine/quick.py), in steps of four; "ask me more" adds a
step with the next most telling questions for the answers so far; the full
set of questions stays available (mode=full).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import forms

from tokt.core.language import ui_language
from tokt.screening.engine import Step, questions_for
from tokt.screening.engine.catalogue import Text
from tokt.screening.engine.questions import ANSWERS, QuestionBank, load_questions
from tokt.screening.engine.quick import MORE_LIMIT, ranked_questions
from tokt.screening.forms import ContextForm, answer_field

ANSWER_PREFIX = "a_"
VALID_ANSWERS = frozenset(ANSWERS)
QUICK, FULL = "quick", "full"
PER_STEP = 4
QUICK_TITLE = Text("Hurtigsjekk", "Quick check")
QUICK_INTRO = Text(
    "De spørsmålene som sier mest for din tjeneste og bransje. Etterpå kan du be om flere.",
    "The questions that tell most for your service and sector. Afterwards you can ask for more.",
)
MORE_TITLE = Text("Flere spørsmål", "More questions")
MORE_INTRO = Text(
    "Svarene på disse kan endre resultatet mest, ut fra det du har svart så langt.",
    "The answers to these can change the result most, given what you have answered so far.",
)


@functools.lru_cache(maxsize=256)
def quick_steps(role: str, sector: str, age_group: str, types: tuple[str, ...]) -> tuple[Step, ...]:
    """The quick set for a context, in steps of four (the same for everyone with this context)."""
    found = ranked_questions(role, sector, age_group, types)
    return tuple(
        Step(f"quick_{n + 1}", QUICK_TITLE, QUICK_INTRO if n == 0 else None, found[i : i + PER_STEP])
        for n, i in enumerate(range(0, len(found), PER_STEP))
    )


def more_step(ids: list[str], bank: QuestionBank) -> Step | None:
    questions = tuple(bank.by_id[q] for q in ids if q in bank.by_id)
    return Step("more", MORE_TITLE, MORE_INTRO, questions) if questions else None


@dataclass
class Flow:
    context: ContextForm
    answers: dict[str, str] = field(default_factory=dict)
    step_index: int = 0
    steps: list[Step] = field(default_factory=list)
    mode: str = QUICK
    more: list[str] = field(default_factory=list)

    @property
    def quick(self) -> bool:
        return self.mode == QUICK

    @property
    def question_count(self) -> int:
        return sum(len(s.questions) for s in self.steps)

    def next_questions(self) -> list[str]:
        """The ids of the next most telling questions for the answers so far ("ask me more")."""
        data = self.data
        shown = [q.id for s in self.steps for q in s.questions]
        found = ranked_questions(
            data["role"], data["sector"], data["age_group"], data["exploitation_types"], self.answers,
            exclude=shown, limit=MORE_LIMIT,
        )  # fmt: skip
        return [q.id for q in found]

    def more_query(self) -> str:
        """The GET query of the "ask me more" step: these answers, the extra questions, that step."""
        more = [*self.more, *self.next_questions()]
        pairs = [(n, v) for n, v in self.context_hidden() if n not in ("more",)]
        pairs += [("more", ",".join(more)), *((ANSWER_PREFIX + q, v) for q, v in sorted(self.answers.items()))]
        pairs.append(("step", str(len(self.steps) - (1 if self.more else 0))))
        return urlencode(pairs)

    def full_query(self) -> str:
        pairs = [(n, v) for n, v in self.context_hidden() if n not in ("mode", "more")] + [("mode", FULL)]
        pairs += [(ANSWER_PREFIX + q, v) for q, v in sorted(self.answers.items())]
        return urlencode([*pairs, ("step", "0")])

    @property
    def valid(self) -> bool:
        return self.context.is_valid()

    @property
    def data(self) -> dict:
        return self.context.cleaned_data

    @property
    def current(self) -> Step:
        return self.steps[self.step_index]

    def step_form(self) -> forms.Form:
        lang = ui_language()
        form = forms.Form(prefix=None)
        for question in self.current.questions:
            text = getattr(question.text, lang, None) or question.text.nb
            form.fields[ANSWER_PREFIX + question.id] = answer_field(text)
            form.initial[ANSWER_PREFIX + question.id] = self.answers.get(question.id, "unknown")
        return form

    def context_hidden(self) -> list[tuple[str, str]]:
        data = self.data
        pairs = [(name, data[name] or "") for name in ("role", "sector", "municipality", "age_group")]
        pairs += [("exploitation_types", t) for t in data["exploitation_types"]]
        if self.mode == FULL:
            pairs.append(("mode", FULL))
        if self.more:
            pairs.append(("more", ",".join(self.more)))
        return pairs

    def carried_answers(self) -> list[tuple[str, str]]:
        """Answers from other steps, kept as hidden fields."""
        shown = {q.id for q in self.current.questions} if self.steps and self.step_index < len(self.steps) else set()
        return [
            (ANSWER_PREFIX + qid, value)
            for qid, value in sorted(self.answers.items())
            if qid not in shown and value != "unknown"
        ]


def parse_flow(post) -> Flow:
    flow = Flow(context=ContextForm(post))
    if not flow.valid:
        return flow
    data = flow.data
    flow.mode = FULL if post.get("mode") == FULL else QUICK
    if flow.mode == FULL:
        flow.steps = questions_for(data["role"], data["sector"], data["age_group"])
    else:
        types = tuple(sorted(data["exploitation_types"]))
        flow.steps = list(quick_steps(data["role"], data["sector"], data["age_group"], types))
        bank = load_questions()
        shown = {q.id for s in flow.steps for q in s.questions}
        flow.more = [q for q in str(post.get("more", "")).split(",")[:50] if q in bank.by_id and q not in shown]
        extra = more_step(flow.more, bank)
        if extra is not None:
            flow.steps.append(extra)
    known = {q.id for s in flow.steps for q in s.questions}
    for key, value in post.items():
        qid = key[len(ANSWER_PREFIX) :]
        if key.startswith(ANSWER_PREFIX) and qid in known and value in VALID_ANSWERS:
            flow.answers[qid] = value
    try:
        requested = int(post.get("step", 0))
    except (TypeError, ValueError):
        requested = 0
    if "back" in post:
        requested -= 1
    elif "next" in post:
        requested += 1
    flow.step_index = max(0, requested)
    return flow


def wants_result(post, flow: Flow) -> bool:
    return "result" in post or flow.step_index >= len(flow.steps)


def flow_query(data) -> str:
    """The GET query for a submitted form: the same answers, the step it leads to."""
    current = parse_flow(data)
    if not current.valid:
        return urlencode([(k, v) for k in data for v in data.getlist(k) if k not in ("next", "back")])
    pairs = [*current.context_hidden(), *((ANSWER_PREFIX + q, v) for q, v in sorted(current.answers.items()))]
    pairs.append(("step", str(current.step_index)))
    if wants_result(data, current):
        pairs.append(("result", "1"))
    return urlencode(pairs)
