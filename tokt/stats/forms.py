from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tokt.stats.cube import ALL, NORDLAND, SALTEN
from tokt.stats.report import Filter
from tokt.stats.vocabulary import FORM_VALUE_LABELS, FORMS, SECTOR_VALUE_LABELS, SECTORS

NETWORK = "network"
OWN = "own"


def year_choices(years: list[int]) -> list[tuple[int, str]]:
    years = sorted(set(years) | {timezone.localdate().year}, reverse=True)
    return [(y, str(y)) for y in years]


class DashboardForm(forms.Form):
    year = forms.TypedChoiceField(label=_("År"), coerce=int)
    area = forms.ChoiceField(label=_("Område"), required=False)
    form = forms.ChoiceField(label=_("Form for utnytting"), required=False)
    sector = forms.ChoiceField(label=_("Bransje"), required=False)
    scope = forms.ChoiceField(
        label=_("Hvilke saker"),
        required=False,
        choices=[(NETWORK, _("Hele nettverket (små tall skjult)")), (OWN, _("Bare min etats saker (eksakte tall)"))],
    )

    def __init__(self, *args, years: list[int], municipalities: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = year_choices(years)
        self.fields["area"].choices = [
            (NORDLAND, _("Hele Nordland")),
            (SALTEN, _("Hele Salten")),
            (_("Kommune"), sorted(municipalities.items(), key=lambda item: item[1])),
        ]
        self.fields["form"].choices = [(ALL, _("Alle former")), *((f, FORM_VALUE_LABELS[f]) for f in FORMS)]
        self.fields["sector"].choices = [(ALL, _("Alle bransjer")), *((s, SECTOR_VALUE_LABELS[s]) for s in SECTORS)]

    def view(self) -> Filter:
        data = self.cleaned_data
        return Filter(
            year=data["year"], area=data["area"] or NORDLAND, form=data["form"] or ALL, sector=data["sector"] or ALL
        )

    def chosen_scope(self) -> str:
        return self.cleaned_data.get("scope") or NETWORK


class ReleaseForm(forms.Form):
    year = forms.TypedChoiceField(label=_("År"), coerce=int)
    epsilon = forms.FloatField(
        label=_("Personvernbudsjett som brukes (epsilon)"),
        min_value=0.01,
        max_value=10,
        initial=0.5,
        help_text=_("Lavere epsilon gir mer støy og bedre vern."),
    )
    purpose = forms.CharField(label=_("Formål"), max_length=200)

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = years
