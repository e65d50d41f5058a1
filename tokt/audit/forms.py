from django import forms
from django.utils.translation import gettext_lazy as _

from tokt.audit.models import AuditAction


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Hendelse"), choices=[("", _("Alle hendelser")), *AuditAction.choices], required=False
    )
    username = forms.CharField(label=_("Bruker"), max_length=150, required=False)
    date_from = forms.DateField(label=_("Fra dato"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("Til dato"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
