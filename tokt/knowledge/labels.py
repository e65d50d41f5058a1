"""Translated names for the shared vocabulary (ids and bokmål labels in tokt/core/vocabulary.py)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tokt.core import vocabulary

AUDIENCE_LABELS = {"all": _("Alle"), **{ident: _(label) for ident, label in vocabulary.ROLES}}
SECTOR_LABELS = {ident: _(label) for ident, label in vocabulary.SECTORS}
FORM_LABELS = {ident: _(label) for ident, label in vocabulary.FORMS}


def labelled(ids, labels: dict) -> list[str]:
    return [str(labels.get(ident, ident)) for ident in ids]
