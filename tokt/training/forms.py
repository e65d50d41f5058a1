"""Forms of the training steps. Choices are checked by the services (so refusals are audited)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tokt.training.content import Exercise, Module


class _AnyChoice(forms.ChoiceField):
    """A radio group whose value the service checks against the options."""

    def valid_value(self, value) -> bool:
        return True


class _AnyChoices(forms.MultipleChoiceField):
    def valid_value(self, value) -> bool:
        return True


class StepForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput)


class QuizForm(StepForm):
    def __init__(self, *args, module: Module, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for number, question in enumerate(module.quiz, start=1):
            self.fields[f"q-{question.id}"] = _AnyChoice(
                label=f"{number}. {question.text}",
                choices=[(o.id, o.text) for o in question.options],
                widget=forms.RadioSelect,
                error_messages={"required": _("Velg et svar.")},
            )
        self.module = module

    def answers(self) -> dict[str, str]:
        return {name[2:]: value for name, value in self.cleaned_data.items() if name.startswith("q-")}


class ExerciseForm(StepForm):
    signs = _AnyChoices(required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, exercise: Exercise, names: dict[str, str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["signs"].label = _("Hvilke av disse tegnene finner du i fortellingen?")
        self.fields["signs"].choices = [(sid, names[sid]) for sid in exercise.sign_ids]
