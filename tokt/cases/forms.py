from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tokt.cases import textcheck
from tokt.cases.choices import (
    COUNTRY_CHOICES,
    FORM_CHOICES,
    SECTOR_CHOICES,
    AgeGroup,
    CaseStatus,
    ConsentScope,
    Gender,
    Region,
    Source,
)
from tokt.cases.services import CaseFields
from tokt.core.models import Agency, Municipality


class DateInput(forms.DateInput):
    input_type = "date"


def municipality_choices() -> list:
    salten = [(m.number, m.name) for m in Municipality.objects.salten().order_by("name")]
    others = [(m.number, m.name) for m in Municipality.objects.filter(salten=False).order_by("name")]
    return [("", _("Velg kommune")), (str(_("Salten")), salten), (str(_("Resten av Nordland")), others)]


class GuardedText(forms.CharField):
    """A free-text field checked by the PII guard; the message names what to remove."""

    def __init__(self, *args, max_length: int = textcheck.MAX_TEXT, **kwargs):
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 4}))
        super().__init__(*args, strip=True, **kwargs)
        self.limit = max_length

    def validate(self, value):
        super().validate(value)
        found = textcheck.problems(str(self.label), value or "", max_length=self.limit)
        if found:
            raise forms.ValidationError(found)


class CaseForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    age_group = forms.ChoiceField(label=_("Aldersgruppe"), choices=AgeGroup.choices)
    gender = forms.ChoiceField(label=_("Kjønn"), choices=Gender.choices)
    region = forms.ChoiceField(label=_("Opprinnelse (region)"), choices=Region.choices)
    country = forms.ChoiceField(
        label=_("Opprinnelsesland (valgfritt)"),
        required=False,
        help_text=_("Vises bare for din etat hvis landet er sjeldent blant sakene."),
    )
    municipality = forms.ChoiceField(label=_("Kommune der personen ble møtt"))
    sector = forms.ChoiceField(label=_("Bransje"), required=False)
    source = forms.ChoiceField(label=_("Hvordan saken ble kjent"), choices=Source.choices)
    met_on = forms.DateField(label=_("Dato først møtt"), widget=DateInput)
    review_on = forms.DateField(label=_("Vurderes igjen (valgfritt)"), required=False, widget=DateInput)
    # Last: the field name shadows the forms module inside the class body.
    forms = forms.MultipleChoiceField(
        label=_("Mulige former for utnytting"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=FORM_CHOICES,
    )

    field_order = [
        "version",
        "age_group",
        "gender",
        "region",
        "country",
        "municipality",
        "sector",
        "forms",
        "source",
        "met_on",
        "review_on",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = municipality_choices()
        self.fields["country"].choices = [("", _("Ikke oppgitt"))] + COUNTRY_CHOICES
        self.fields["sector"].choices = [("", _("Ikke oppgitt"))] + SECTOR_CHOICES

    def clean_met_on(self):
        value = self.cleaned_data["met_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("Datoen kan ikke være fram i tid."))
        return value

    def fields_value(self) -> CaseFields:
        data = self.cleaned_data
        return CaseFields(
            age_group=data["age_group"],
            gender=data["gender"],
            region=data["region"],
            country=data["country"],
            municipality_id=data["municipality"],
            sector=data["sector"],
            forms=tuple(data["forms"]),
            source=data["source"],
            met_on=data["met_on"],
            review_on=data["review_on"],
        )

    @staticmethod
    def initial_for(case) -> dict:
        return {
            "version": case.version,
            "age_group": case.age_group,
            "gender": case.gender,
            "region": case.region,
            "country": case.country,
            "municipality": case.municipality_id,
            "sector": case.sector,
            "forms": case.forms,
            "source": case.source,
            "met_on": case.met_on,
            "review_on": case.review_on,
        }


class NewCaseForm(CaseForm):
    note = GuardedText(label=_("Første notat (valgfritt)"), required=False)


class NoteForm(forms.Form):
    text = GuardedText(label=_("Nytt notat"))


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Ny status"), choices=CaseStatus.choices)
    reason = GuardedText(label=_("Begrunnelse"), required=False, max_length=1000)


class ConsentForm(forms.Form):
    scope = forms.ChoiceField(label=_("Hva samtykket gjelder"), choices=ConsentScope.choices)
    given_on = forms.DateField(label=_("Dato samtykket ble gitt"), widget=DateInput)
    agencies = forms.ModelMultipleChoiceField(
        label=_("Etater"), queryset=Agency.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )
    actors = forms.ModelMultipleChoiceField(
        label=_("Aktører utenfor ToKt"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs):
        from tokt.directory.models import Actor

        super().__init__(*args, **kwargs)
        self.fields["actors"].queryset = Actor.objects.all()


class WithdrawForm(forms.Form):
    withdrawn_on = forms.DateField(label=_("Dato trukket tilbake"), widget=DateInput)


class ReferralForm(forms.Form):
    actor = forms.ModelChoiceField(label=_("Aktør"), queryset=None, empty_label=_("Velg aktør"))
    agency = forms.ModelChoiceField(
        label=_("Etat i ToKt som svarer (hvis aktøren er med i ToKt)"),
        queryset=Agency.objects.all(),
        required=False,
        empty_label=_("Ingen: aktøren er utenfor ToKt (skriv ut brev)"),
    )
    share_identifying = forms.BooleanField(
        label=_("Del identifiserende opplysninger (krever samtykke som dekker aktøren)"), required=False
    )
    purpose = GuardedText(label=_("Hva henvisningen gjelder"), required=False, max_length=2000)

    def __init__(self, *args, **kwargs):
        from tokt.directory.models import Actor

        super().__init__(*args, **kwargs)
        self.fields["actor"].queryset = Actor.objects.all()


class ReferralAnswerForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Svar"),
        choices=[("accepted", _("Godta")), ("rejected", _("Avslå")), ("done", _("Meld fullført"))],
    )
    reason = GuardedText(label=_("Begrunnelse (må fylles ut ved avslag)"), required=False, max_length=1000)


class TransferForm(forms.Form):
    to_agency = forms.ModelChoiceField(label=_("Overfør til etat"), queryset=Agency.objects.all())


class ConferenceForm(forms.Form):
    title = forms.CharField(label=_("Tittel"), max_length=200)
    date = forms.DateField(label=_("Dato"), widget=DateInput)
    place = forms.CharField(label=_("Sted"), max_length=200)
    agencies = forms.ModelMultipleChoiceField(
        label=_("Inviterte etater"), queryset=Agency.objects.all(), widget=forms.CheckboxSelectMultiple
    )


class AgendaAddForm(forms.Form):
    case = forms.ChoiceField(label=_("Sak fra din etat"))

    def __init__(self, *args, cases=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case"].choices = [("", _("Velg sak"))] + [(c.public_id, c.code) for c in cases]


class AttendanceForm(forms.Form):
    attendees = forms.MultipleChoiceField(label=_("Til stede"), widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].choices = [(str(u.pk), f"{u.display_name} ({u.agency.name})") for u in people]


class AgendaItemForm(forms.Form):
    discussion = GuardedText(label=_("Drøfting"), required=False)
    conclusion = GuardedText(label=_("Konklusjon"), required=False)


class ActionForm(forms.Form):
    description = forms.CharField(label=_("Tiltak"), max_length=300)
    owner_agency = forms.ModelChoiceField(label=_("Etat som eier tiltaket"), queryset=Agency.objects.none())
    owner_user = forms.ChoiceField(label=_("Person som eier tiltaket (valgfritt)"), required=False)
    due_on = forms.DateField(label=_("Frist"), widget=DateInput)

    def __init__(self, *args, conference=None, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        if conference is not None:
            self.fields["owner_agency"].queryset = conference.invited_agencies.all()
        self.fields["owner_user"].choices = [("", _("Ingen bestemt"))] + [
            (str(u.pk), f"{u.display_name} ({u.agency.name})") for u in people
        ]

    def clean_description(self):
        value = self.cleaned_data["description"]
        found = textcheck.problems(str(_("Tiltak")), value, max_length=300)
        if found:
            raise forms.ValidationError(found)
        return value
