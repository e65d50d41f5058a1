"""Readable change history for an actor (see tokt.core.history)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from tokt.core.history import Change, history_changes, show_value
from tokt.directory.models import Actor

_HIDDEN = {"edited_in_ui", "position", "verified_by_user"}


def _show(value) -> str:
    # Municipality coverage is stored as a list of {"municipality": number} rows.
    if isinstance(value, list):
        return show_value([v.get("municipality", v) if isinstance(v, dict) else v for v in value])
    return show_value(value)


def actor_changes(actor: Actor) -> list[Change]:
    return history_changes(actor, hidden=_HIDDEN, show=_show, loaded_by=_("Innlasting fra datafil"))
