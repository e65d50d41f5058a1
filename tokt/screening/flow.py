"""The step-by-step screening form, carried in the POST body only (nothing is stored)."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import forms
from django.utils.translation import get_language

from tokt.screening.engine import Step, questions_for
from tokt.screening.engine.questions import ANSWERS
from tokt.screening.forms import ContextForm, answer_field

ANSWER_PREFIX = "a_"
VALID_ANSWERS = frozenset(ANSWERS)


@dataclass
class Flow:
    context: ContextForm
    answers: dict[str, str] = field(default_factory=dict)
    step_index: int = 0
    steps: list[Step] = field(default_factory=list)

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
        lang = (get_language() or "nb")[:2]
        form = forms.Form(prefix=None)
        for question in self.current.questions:
            text = getattr(question.text, lang, None) or question.text.nb
            form.fields[ANSWER_PREFIX + question.id] = answer_field(text)
            form.initial[ANSWER_PREFIX + question.id] = self.answers.get(question.id, "unknown")
        return form

    def context_hidden(self) -> list[tuple[str, str]]:
        data = self.data
        pairs = [(name, data[name] or "") for name in ("role", "sector", "municipality", "age_group")]
        return pairs + [("exploitation_types", t) for t in data["exploitation_types"]]

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
    flow.steps = questions_for(flow.data["role"], flow.data["sector"], flow.data["age_group"])
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
