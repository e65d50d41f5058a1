from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tokt.knowledge import vocab
from tokt.knowledge.labels import AUDIENCE_LABELS, FORM_LABELS, SECTOR_LABELS
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
        choices=[("nb", _("Norsk")), ("en", _("Engelsk")), (ALL_LANGS, _("Begge språk"))],
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

    def langs(self, ui_lang: str) -> tuple[str, ...]:
        chosen = self.cleaned_data.get("sprak") or ui_lang
        return vocab.LANGS if chosen == ALL_LANGS else (chosen,)

    @property
    def has_filters(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return any(data.get(name) for name in ("malgruppe", "bransje", "utnytting"))


class ArticleEditForm(forms.Form):
    title = forms.CharField(label=_("Tittel"), max_length=300)
    summary = forms.CharField(
        label=_("Sammendrag"),
        max_length=1000,
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
    last_reviewed = forms.DateField(
        label=_("Sist gjennomgått"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Datoen innholdet sist ble kontrollert mot kildene."),
    )

    @classmethod
    def initial_for(cls, article) -> dict:
        return {
            "title": article.title,
            "summary": article.summary,
            "body_md": article.body_md,
            "last_reviewed": article.last_reviewed,
        }

    def clean_body_md(self):
        body = self.cleaned_data["body_md"].replace("\r\n", "\n")
        problems = body_problems(body)
        if problems:
            raise forms.ValidationError(problems)
        return body

    def clean_last_reviewed(self):
        value = self.cleaned_data["last_reviewed"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("Datoen kan ikke være i fremtiden."))
        return value
