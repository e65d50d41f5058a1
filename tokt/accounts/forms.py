from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tokt.accounts.models import Role
from tokt.core.models import Agency


class LoginForm(forms.Form):
    username = forms.CharField(
        label=_("Brukernavn"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    password = forms.CharField(
        label=_("Passord"),
        max_length=256,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Engangskode"),
        help_text=_("Sekssifret kode fra autentiseringsappen din."),
        min_length=6,
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9 ]*"}),
        error_messages={"min_length": _("Koden har seks sifre."), "max_length": _("Koden har seks sifre.")},
    )


class UserCreateForm(forms.Form):
    username = forms.RegexField(
        label=_("Brukernavn"),
        max_length=150,
        regex=r"^[\w.@+-]+$",
        error_messages={"invalid": _("Bruk bare bokstaver, tall og . @ + - _")},
    )
    first_name = forms.CharField(label=_("Fornavn"), max_length=150)
    last_name = forms.CharField(label=_("Etternavn"), max_length=150)
    email = forms.EmailField(label=_("E-post"), required=False)
    agency = forms.ModelChoiceField(label=_("Etat"), queryset=Agency.objects.all())
    role = forms.ChoiceField(label=_("Rolle"), choices=Role.choices)
    password = forms.CharField(
        label=_("Midlertidig passord"),
        help_text=_("Minst 12 tegn. Gi passordet til brukeren på en trygg måte."),
        max_length=256,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Ny rolle"), choices=Role.choices)


class PasswordResetForm(forms.Form):
    password = forms.CharField(
        label=_("Nytt midlertidig passord"),
        help_text=_("Minst 12 tegn. Alle brukerens økter avsluttes."),
        max_length=256,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
