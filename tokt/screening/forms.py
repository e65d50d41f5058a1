from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tokt.core.models import Municipality
from tokt.screening import labels


def municipality_choices() -> list:
    salten: list[tuple[str, str]] = []
    rest: list[tuple[str, str]] = []
    for m in Municipality.objects.order_by("name"):
        (salten if m.salten else rest).append((m.number, m.name))
    return [("", _("Vet ikke, eller utenfor Nordland")), (_("Salten"), salten), (_("Resten av Nordland"), rest)]


class ContextForm(forms.Form):
    """Who is asking and about what: decides which questions are shown."""

    # Nothing pre-selected: a wrong default role or sector would choose the wrong questions.
    role = forms.ChoiceField(label=_("Hvor jobber du?"), choices=[("", _("Velg")), *labels.ROLES, labels.OTHER_ROLE])
    sector = forms.ChoiceField(
        label=_("Hvilken bransje eller hvilket miljø gjelder det?"),
        choices=[("", _("Velg")), *labels.SECTORS, labels.OTHER_SECTOR],
    )
    municipality = forms.ChoiceField(
        label=_("Kommune"), required=False, help_text=_("Brukes bare til å finne lokale kontakter.")
    )
    age_group = forms.ChoiceField(
        label=_("Personens alder"), choices=labels.AGE_GROUPS, widget=forms.RadioSelect, initial="unknown"
    )
    exploitation_types = forms.MultipleChoiceField(
        label=_("Hva slags utnytting kan det være?"),
        help_text=_("Kryss av det du tror. Lar du alt stå tomt, ser verktøyet på alle former."),
        choices=labels.EXPLOITATION_TYPES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = municipality_choices()


def answer_field(label: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label, choices=labels.ANSWERS, widget=forms.RadioSelect, initial="unknown", required=False
    )
