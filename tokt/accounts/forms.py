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


def _code_or_recovery_field() -> forms.CharField:
    return forms.CharField(
        label=_("Engangskode"),
        help_text=_("Sekssifret kode fra autentiseringsappen din, eller en av reservekodene dine."),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autocapitalize": "none"}),
        error_messages={"max_length": _("Koden er for lang.")},
    )


class VerifyForm(forms.Form):
    """The second step of sign-in: a code from the app, or one of the user's recovery codes."""

    token = _code_or_recovery_field()


class NewPasswordForm(forms.Form):
    password1 = forms.CharField(
        label=_("Nytt passord"),
        help_text=_("Minst 12 tegn. Velg et passord bare du kjenner."),
        max_length=256,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Nytt passord en gang til"),
        max_length=256,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        data = super().clean()
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", _("Passordene er ikke like."))
        return data


class OwnPasswordForm(NewPasswordForm):
    current = forms.CharField(
        label=_("Nåværende passord"),
        max_length=256,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    token = _code_or_recovery_field()
    field_order = ["current", "password1", "password2", "token"]


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
