from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from tokt.public.models import TipStatus

MESSAGE_MAX = 4000
CONTACT_MAX = 200

# Markup or script: a whole tag (``<b>``, ``</b>``, ``<img src=...``), a comment or
# declaration, or a script URL scheme. A lone "<" in ordinary text ("jeg tjener <en krone")
# is not markup and is kept; the text is always escaped on output anyway.
_SCRIPT_RE = re.compile(
    r"<\s*/?\s*[a-z][a-z0-9-]*\s*/?>"
    r"|<\s*[a-z][a-z0-9-]*\s+[^<>]*?\b[a-z-]+\s*="
    r"|<\s*[!?]"
    r"|\b(?:javascript|vbscript|data\s*:\s*text/html)\s*:",
    re.I,
)
# Bidirectional embedding, override and isolate controls can make a message read
# differently from what it contains ("Trojan Source"); they are removed, the text kept.
_BIDI_RE = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Control characters other than tab and newlines (NUL also breaks PostgreSQL text).
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def looks_like_script(text: str) -> bool:
    return bool(_SCRIPT_RE.search(text) or _CONTROL_RE.search(text))


def without_bidi_controls(text: str) -> str:
    return _BIDI_RE.sub("", text)


class TipForm(forms.Form):
    """The public tip form. Error messages come from the page language's _ui.yaml.

    ``website`` is a honeypot: hidden from people (and from screen readers), filled in by bots.
    """

    message = forms.CharField(required=False, strip=True)
    contact = forms.CharField(required=False, strip=True)
    website = forms.CharField(required=False)

    def __init__(self, *args, ui: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.ui = ui
        for field in self.fields.values():
            field.error_messages["null_characters_not_allowed"] = ui["tip_error_script"]

    def is_bot(self) -> bool:
        return bool(self.data.get("website"))

    def clean_message(self) -> str:
        value = without_bidi_controls(self.cleaned_data["message"]).strip()
        if not value:
            raise forms.ValidationError(self.ui["tip_error_empty"], code="empty")
        if len(value) > MESSAGE_MAX:
            raise forms.ValidationError(
                f"{self.ui['tip_error_too_long']} ({len(value)} / {MESSAGE_MAX})", code="too_long"
            )
        if looks_like_script(value):
            raise forms.ValidationError(self.ui["tip_error_script"], code="script")
        return value

    def clean_contact(self) -> str:
        value = without_bidi_controls(self.cleaned_data["contact"]).strip()
        if len(value) > CONTACT_MAX:
            raise forms.ValidationError(self.ui["tip_error_too_long"], code="too_long")
        if looks_like_script(value):
            raise forms.ValidationError(self.ui["tip_error_script"], code="script")
        return value


class TipFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=[("", _("Alle"))] + TipStatus.choices, required=False)


class TipTriageForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=TipStatus.choices)
    triage_note = forms.CharField(
        label=_("Vurderingsnotat"),
        help_text=_("Hva er gjort eller avtalt. Ikke skriv mer om personer enn saken krever."),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
