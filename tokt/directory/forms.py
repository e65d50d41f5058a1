from __future__ import annotations

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from tokt.core.models import Agency, Municipality
from tokt.directory import validation
from tokt.directory.models import ActorKind, CallCost, MeetingKind, Service

MAX_IMPORT_BYTES = 5 * 1024 * 1024


def municipality_choices(blank: str | None = None) -> list[tuple[str, str]]:
    salten = [(m.number, m.name) for m in Municipality.objects.salten().order_by("name")]
    others = [(m.number, m.name) for m in Municipality.objects.filter(salten=False).order_by("name")]
    choices = [(str(_("Salten")), salten), (str(_("Resten av Nordland")), others)]
    return ([("", blank)] if blank is not None else []) + choices


class DateInput(forms.DateInput):
    input_type = "date"


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Søk"), required=False, max_length=100)
    kommune = forms.ChoiceField(label=_("Kommune"), required=False)
    tjeneste = forms.ChoiceField(label=_("Tjeneste"), required=False)
    sprak = forms.ChoiceField(label=_("Språk"), required=False)

    def __init__(self, *args, languages: list[tuple[str, str]] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kommune"].choices = municipality_choices(blank=str(_("Alle kommuner")))
        self.fields["tjeneste"].choices = [("", _("Alle tjenester")), *Service.choices]
        self.fields["sprak"].choices = [("", _("Alle språk")), *languages]


class ReferralForm(forms.Form):
    situasjon = forms.MultipleChoiceField(
        label=_("Situasjon"), widget=forms.CheckboxSelectMultiple, help_text=_("Velg én eller flere som passer.")
    )
    kommune = forms.ChoiceField(label=_("Kommune"), help_text=_("Kommunen der personen er."))

    def __init__(self, *args, situations=(), **kwargs):
        super().__init__(*args, **kwargs)
        lang = "en" if (get_language() or "nb").startswith("en") else "nb"
        self.fields["situasjon"].choices = [(s.slug, s.title(lang)) for s in situations]
        self.fields["kommune"].choices = municipality_choices(blank=str(_("Velg kommune")))


class ContactSheetForm(forms.Form):
    kommune = forms.ChoiceField(label=_("Kommune"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kommune"].choices = municipality_choices(blank=str(_("Velg kommune")))


class ActorForm(forms.Form):
    name = forms.CharField(label=_("Navn"), max_length=200)
    kind = forms.ChoiceField(label=_("Type"), choices=ActorKind.choices)
    description_nb = forms.CharField(
        label=_("Hva aktøren gjør i saker om menneskehandel (bokmål)"), widget=forms.Textarea(attrs={"rows": 5})
    )
    description_en = forms.CharField(label=_("Hva aktøren gjør (engelsk)"), widget=forms.Textarea(attrs={"rows": 5}))
    internal_note = forms.CharField(
        label=_("Interne merknader"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Kilder, forbehold og hva som må kontrolleres. Vises bare for koordinatorer, aldri offentlig. "
            "Skriv slikt her, ikke i beskrivelsen."
        ),
    )
    services = forms.MultipleChoiceField(
        label=_("Tjenester"), choices=Service.choices, widget=forms.CheckboxSelectMultiple
    )
    all_municipalities = forms.BooleanField(label=_("Dekker hele landet"), required=False)
    municipalities = forms.ModelMultipleChoiceField(
        label=_("Kommuner"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        queryset=Municipality.objects.order_by("-salten", "name"),
        help_text=_("Kommunene aktøren dekker. Trengs ikke når aktøren dekker hele landet."),
    )
    phone = forms.CharField(
        label=_("Telefon"),
        required=False,
        max_length=40,
        help_text=_("Norsk nummer, for eksempel 75 55 58 90, eller kortnummer som 112."),
    )
    cost = forms.ChoiceField(
        label=_("Pris for å ringe"),
        choices=CallCost.choices,
        help_text=_("Velg «gratis» bare når en kilde sier det."),
    )
    email = forms.CharField(label=_("E-post"), required=False, max_length=254)
    url = forms.CharField(label=_("Nettside"), required=False, max_length=500, help_text=_("Begynner med https://"))
    address = forms.CharField(
        label=_("Adresse"),
        required=False,
        max_length=300,
        help_text=_("Aldri adressen til krisesenter eller skjult botilbud."),
    )
    hours_nb = forms.CharField(label=_("Åpningstid (bokmål)"), required=False, max_length=500)
    hours_en = forms.CharField(label=_("Åpningstid (engelsk)"), required=False, max_length=500)
    languages = forms.CharField(
        label=_("Språk"),
        required=False,
        max_length=200,
        help_text=_(
            "Språkkoder skilt med komma, for eksempel nb, en, pl, ro. Bare språk dere vet at tjenesten bruker."
        ),
    )
    anonymous = forms.ChoiceField(
        label=_("Tar imot anonyme henvendelser"),
        required=False,
        choices=[("", _("Ukjent")), ("yes", _("Ja")), ("no", _("Nei"))],
    )
    public = forms.BooleanField(label=_("Vises på de offentlige sidene"), required=False)
    verified = forms.BooleanField(label=_("Kontrollert mot kilden"), required=False)
    last_verified = forms.DateField(label=_("Sist kontrollert"), widget=DateInput)
    verified_by = forms.CharField(
        label=_("Kontrollert av"), max_length=500, help_text=_("Hvem kontrollerte hva, og mot hvilken kilde.")
    )
    source = forms.CharField(
        label=_("Kilder"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Én kilde per linje: tittel og nettadresse."),
    )

    def clean_phone(self):
        return self._checked("phone", validation.phone_error)

    def clean_email(self):
        return self._checked("email", validation.email_error)

    def clean_url(self):
        return self._checked("url", validation.url_error)

    def _checked(self, name: str, error_for) -> str:
        value = self.cleaned_data[name].strip()
        if value and (message := error_for(value)):
            raise forms.ValidationError(message, code="invalid")
        return value

    def clean_languages(self):
        codes = [
            code.strip().lower() for code in self.cleaned_data["languages"].replace(";", ",").split(",") if code.strip()
        ]
        errors = [message for code in codes if (message := validation.language_error(code))]
        if errors:
            raise forms.ValidationError(errors)
        return list(dict.fromkeys(codes))

    def clean_anonymous(self):
        return {"yes": True, "no": False}.get(self.cleaned_data["anonymous"])

    def clean_source(self):
        return [line.strip() for line in self.cleaned_data["source"].splitlines() if line.strip()]

    def clean(self):
        data = super().clean()
        if (
            not data.get("all_municipalities")
            and not data.get("municipalities")
            and "municipalities" not in self.errors
        ):
            self.add_error(
                "municipalities", _("Velg minst én kommune, eller kryss av for at aktøren dekker hele landet.")
            )
        if data.get("address") and "shelter" in (data.get("services") or []):
            self.add_error("address", _("Adressen til et trygt bosted skal ikke stå i katalogen."))
        return data

    @classmethod
    def initial_for(cls, actor) -> dict:
        anonymous = {True: "yes", False: "no"}.get(actor.anonymous, "")
        return {
            "name": actor.name,
            "kind": actor.kind,
            "description_nb": actor.description_nb,
            "description_en": actor.description_en,
            "internal_note": actor.internal_note,
            "cost": actor.cost,
            "services": actor.services,
            "all_municipalities": actor.all_municipalities,
            "municipalities": list(actor.municipalities.all()),
            "phone": actor.phone,
            "email": actor.email,
            "url": actor.url,
            "address": actor.address,
            "hours_nb": actor.hours_nb,
            "hours_en": actor.hours_en,
            "languages": ", ".join(actor.languages),
            "anonymous": anonymous,
            "public": actor.public,
            "verified": actor.verified,
            "last_verified": actor.last_verified,
            "verified_by": actor.verified_by,
            "source": "\n".join(actor.source),
        }


class MeetingForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type møte"), choices=MeetingKind.choices)
    date = forms.DateField(label=_("Dato"), widget=DateInput)
    place = forms.CharField(label=_("Sted"), max_length=200, help_text=_("For eksempel «Bodø rådhus» eller «Teams»."))
    agenda = forms.CharField(
        label=_("Agenda"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Bare temaer. Ingen navn, personopplysninger eller detaljer om enkeltsaker."),
    )
    agencies = forms.ModelMultipleChoiceField(
        label=_("Etater som deltok"), queryset=Agency.objects.all(), widget=forms.CheckboxSelectMultiple
    )


class HsdsImportForm(forms.Form):
    file = forms.FileField(
        label=_("HSDS-fil (JSON)"), help_text=_("En fil eksportert fra ToKt eller en annen katalog i HSDS 3.0-format.")
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("Filen er for stor (over 5 MB)."))
        return upload
