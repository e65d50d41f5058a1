from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tokt.knowledge import vocab
from tokt.knowledge.content_check import MAX_SUMMARY, MAX_TITLE, internal_references
from tokt.knowledge.labels import AUDIENCE_LABELS, FORM_LABELS, SECTOR_LABELS
from tokt.knowledge.models import Lang, Visibility
from tokt.knowledge.services import body_problems

ALL_LANGS = "alle"


def _choices(ids, labels, empty):
    return [("", empty), *((ident, labels[ident]) for ident in ids)]


class SearchForm(forms.Form):
    """The search box and its filters (GET). The query's length and words are
    checked by the view, which answers with a message rather than a form error."""

    q = forms.CharField(
        label=_("Søk i kunnskapsbanken"),
        required=False,
        strip=True,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    sprak = forms.ChoiceField(
        label=_("Språk"),
        required=False,
        choices=[
            ("", _("Språket du søker på")),
            ("nb", _("Norsk")),
            ("en", _("Engelsk")),
            (ALL_LANGS, _("Begge språk")),
        ],
    )
    malgruppe = forms.ChoiceField(
        label=_("Målgruppe"), required=False, choices=_choices(vocab.ROLES, AUDIENCE_LABELS, _("Alle målgrupper"))
    )
    bransje = forms.ChoiceField(
        label=_("Bransje"), required=False, choices=_choices(vocab.SECTORS, SECTOR_LABELS, _("Alle bransjer"))
    )
    utnytting = forms.ChoiceField(
        label=_("Form for utnytting"), required=False, choices=_choices(vocab.FORMS, FORM_LABELS, _("Alle former"))
    )
    side = forms.IntegerField(required=False, min_value=1, max_value=10_000, widget=forms.HiddenInput)

    def langs(self) -> tuple[str, ...] | None:
        """The languages chosen, or None to search in the language the query is written in."""
        chosen = self.cleaned_data.get("sprak")
        if not chosen:
            return None
        return vocab.LANGS if chosen == ALL_LANGS else (chosen,)

    @property
    def has_filters(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return any(data.get(name) for name in ("malgruppe", "bransje", "utnytting"))


def _multiple(label, ids, labels, help_text=""):
    return forms.MultipleChoiceField(
        label=label,
        required=False,
        choices=[(ident, labels[ident]) for ident in ids],
        widget=forms.CheckboxSelectMultiple,
        help_text=help_text,
    )


class ArticleEditForm(forms.Form):
    """What a coordinator writes; the service checks it again before anything is saved."""

    title = forms.CharField(label=_("Tittel"), max_length=MAX_TITLE)
    summary = forms.CharField(
        label=_("Sammendrag"),
        max_length=MAX_SUMMARY,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Vises i søkeresultater og lister. Ett eller to avsnitt."),
    )
    body_md = forms.CharField(
        label=_("Tekst"),
        strip=False,
        max_length=200_000,
        widget=forms.Textarea(attrs={"rows": 24}),
        help_text=_("Markdown: «## » for mellomtitler, «- » for punktlister, **fet**. HTML er ikke tillatt."),
    )
    audience = _multiple(
        _("Målgruppe"), vocab.AUDIENCE, AUDIENCE_LABELS, _("Velg «Alle», eller de rollene artikkelen er skrevet for.")
    )
    sectors = _multiple(_("Bransjer"), vocab.SECTORS, SECTOR_LABELS)
    sources = forms.CharField(
        label=_("Kilder"),
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Én offentlig kilde per linje, gjerne med lenke. Ikke vis til filer i ToKt."),
    )
    visibility = forms.ChoiceField(label=_("Synlighet"), choices=Visibility.choices, widget=forms.RadioSelect)
    last_reviewed = forms.DateField(
        label=_("Sist gjennomgått"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Datoen innholdet sist ble kontrollert mot kildene."),
    )
    reviewer_role = forms.CharField(
        label=_("Gjennomgått av (rolle)"),
        max_length=200,
        required=False,
        help_text=_("Rollen til den som kontrollerte innholdet, for eksempel «Koordinator, Bodø kommune»."),
    )
    # Last: from here on, "forms" in this class body is the field, not django.forms.
    forms = _multiple(_("Former for utnytting"), vocab.FORMS, FORM_LABELS)
    field_order = [
        "title",
        "summary",
        "body_md",
        "audience",
        "sectors",
        "forms",
        "sources",
        "visibility",
        "last_reviewed",
        "reviewer_role",
    ]

    @classmethod
    def initial_for(cls, article) -> dict:
        return {
            "title": article.title,
            "summary": article.summary,
            "body_md": article.body_md,
            "audience": article.audience,
            "sectors": article.sectors,
            "forms": article.forms,
            "sources": "\n".join(article.sources),
            "visibility": article.visibility,
            "last_reviewed": article.last_reviewed,
            "reviewer_role": article.reviewer_role,
        }

    def clean_body_md(self):
        body = self.cleaned_data["body_md"].replace("\r\n", "\n")
        problems = body_problems(body)
        if problems:
            raise forms.ValidationError(problems)
        return body

    def clean_audience(self):
        value = self.cleaned_data["audience"]
        if not value:
            raise forms.ValidationError(_("Velg minst én målgruppe."))
        if "all" in value and len(value) > 1:
            raise forms.ValidationError(_("«Alle» kan ikke kombineres med enkelte målgrupper."))
        return value

    def clean_sources(self):
        lines = [line.strip() for line in self.cleaned_data["sources"].splitlines() if line.strip()]
        if not lines:
            raise forms.ValidationError(_("Oppgi minst én kilde, én per linje."))
        for line in lines:
            if names := internal_references(line):
                raise forms.ValidationError(
                    _("Vis til offentlige kilder, ikke til filer i ToKt (%(name)s).") % {"name": ", ".join(names)}
                )
        return lines

    def clean_last_reviewed(self):
        value = self.cleaned_data["last_reviewed"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("Datoen kan ikke være i fremtiden."))
        return value


class ArticleCreateForm(ArticleEditForm):
    lang = forms.ChoiceField(label=_("Språk"), choices=Lang.choices, widget=forms.RadioSelect)
    slug = forms.SlugField(
        label=_("Id (valgfritt)"),
        max_length=100,
        required=False,
        help_text=_(
            "Lages av tittelen hvis du lar feltet stå tomt. Bruk id-en til en artikkel på det andre språket "
            "for å legge til en oversettelse av den."
        ),
    )
    field_order = ["lang", "slug", *ArticleEditForm.field_order]
