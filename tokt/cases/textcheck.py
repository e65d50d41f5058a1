"""Checks on every free-text field before it is saved: PII, markup and length."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from tokt.cases import pii

MAX_TEXT = 5000
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!]")

KIND_NAMES = {
    pii.Kind.FODSELSNUMMER: lambda: _("et fødselsnummer"),
    pii.Kind.D_NUMBER: lambda: _("et D-nummer"),
    pii.Kind.PHONE: lambda: _("et telefonnummer"),
    pii.Kind.EMAIL: lambda: _("en e-postadresse"),
    pii.Kind.IBAN: lambda: _("et IBAN-kontonummer"),
    pii.Kind.ACCOUNT: lambda: _("et kontonummer"),
    pii.Kind.DIGITS: lambda: _("en lang tallrekke"),
}


def problems(label: str, text: str, *, max_length: int = MAX_TEXT) -> list[str]:
    """Messages naming what to remove from ``text`` (the field called ``label``) and where; empty if fine."""
    found = []
    if len(text) > max_length:
        found.append(
            _("«%(field)s» er for lang: %(length)s tegn, høyst %(max)s. Kort den ned.")
            % {"field": label, "length": len(text), "max": max_length}
        )
        text = text[: max_length * 2]
    if _TAG.search(text):
        found.append(
            _("«%(field)s» inneholder HTML-kode (tegnet <). Fjern koden; skriv vanlig tekst.") % {"field": label}
        )
    for finding in pii.find_pii(text):
        found.append(
            _(
                "«%(field)s» ser ut til å inneholde %(what)s (%(masked)s, tegn %(start)s–%(end)s). "
                "Fjern det: saker skal ikke inneholde opplysninger som identifiserer noen."
            )
            % {
                "field": label,
                "what": KIND_NAMES[finding.kind](),
                "masked": finding.masked(text),
                "start": finding.start + 1,
                "end": finding.end,
            }
        )
    return found
